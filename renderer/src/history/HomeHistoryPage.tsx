import type { ConfirmOptions } from '../components/ConfirmDialog';

export interface HomeHistoryPageProps {
  homeId: string;
  today: string;
  version: number;
  showBack: boolean;
  notify: (message: string) => void;
  confirm: (options: ConfirmOptions) => Promise<boolean>;
  onChanged: () => void;
}

export function HomeHistoryPage(_props: HomeHistoryPageProps) {
  return <h1>Vårdgivarhistorik</h1>;
}
