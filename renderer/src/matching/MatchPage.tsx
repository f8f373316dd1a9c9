/** Hitta placering: a child's need matched to the homes that can take the child (built next). */
export function MatchPage(_props: { today: string; version: number; onOpenHistory: (homeId: string) => void }) {
  return <h1>Hitta placering</h1>;
}
