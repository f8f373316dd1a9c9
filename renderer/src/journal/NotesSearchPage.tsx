export interface NotesSearchPageProps {
  today: string;
  version: number;
}

export function NotesSearchPage(_props: NotesSearchPageProps) {
  return <h1>Sök i anteckningar</h1>;
}
