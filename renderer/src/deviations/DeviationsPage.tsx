import type { ConfirmOptions } from '../components/ConfirmDialog';

export interface DeviationsPageProps {
  /** The deviation shown open, from the address. */
  deviationId: string | null;
  today: string;
  version: number;
  notify: (message: string) => void;
  confirm: (options: ConfirmOptions) => Promise<boolean>;
  onChanged: () => void;
}

export function DeviationsPage(_props: DeviationsPageProps) {
  return <h1>Avvikelser</h1>;
}
