import { DatabaseKeyError, DatabaseOpenError } from './connection';
import { NewerDatabaseError } from './migrate';

/** What the user reads when the register cannot be opened: Swedish, no stack, what to do next. */
export function databaseErrorMessage(error: unknown, databasePath: string): string {
  if (error instanceof NewerDatabaseError || error instanceof DatabaseOpenError || error instanceof DatabaseKeyError) {
    return `${error.message}\n\nDatabas: ${databasePath}`;
  }
  const code = (error as { code?: unknown } | null)?.code;
  const reason =
    code === 'EACCES' || code === 'EPERM'
      ? 'Programmet saknar behörighet till filen eller mappen.'
      : code === 'SQLITE_BUSY'
        ? 'Databasen används av ett annat program.'
        : 'Filen kunde inte läsas.';
  return `Databasen kunde inte öppnas. ${reason}\n\nDatabas: ${databasePath}`;
}
