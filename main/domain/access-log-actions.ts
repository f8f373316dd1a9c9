/**
 * What an entry of the access log records, and its Swedish word: the same in the Logg page, its
 * CSV and the command line's `log`.
 */
export const accessLogActions = ['read', 'reveal', 'search', 'insert', 'update', 'delete', 'import', 'refused', 'sign-in', 'export', 'backup', 'restore', 'rekey'] as const;
export type AccessLogAction = (typeof accessLogActions)[number];

export const accessLogActionLabels: Record<AccessLogAction, string> = {
  read: 'Läst',
  reveal: 'Visat skyddad identitet',
  search: 'Sökt i anteckningar',
  insert: 'Lagt till',
  update: 'Ändrat',
  delete: 'Tagit bort',
  import: 'Inläsning',
  refused: 'Nekad',
  'sign-in': 'Inloggning',
  export: 'Exporterat',
  backup: 'Säkerhetskopierat',
  restore: 'Återställt säkerhetskopia',
  rekey: 'Bytt krypteringsnyckel',
};

/** An action's Swedish word; an action this version does not know is shown as stored. */
export function accessLogActionLabel(action: string): string {
  return (accessLogActionLabels as Record<string, string>)[action] ?? action;
}
