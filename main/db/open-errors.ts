import { listBackups } from './backups';
import { DatabaseDamagedError, DatabaseKeyError, DatabaseOpenError } from './connection';
import fs from 'node:fs';
import { keyFileFor, KeyFileError } from './key-file';
import { NetworkShareError } from './local-path';
import { NewerDatabaseError } from './migrate';

/** What the user reads when the register cannot be opened: Swedish, no stack, what to do next. */
export function databaseErrorMessage(error: unknown, databasePath: string): string {
  if (error instanceof DatabaseDamagedError) {
    const latest = listBackups(databasePath).find((b) => b.kind !== 'fore-aterstallning');
    const advice = latest
      ? `Den senaste säkerhetskopian är ${latest.file}. Starta skrivbordsprogrammet för att återställa den, eller kör "placeringskollen restore --db <registret> --from <kopian>".`
      : 'Det finns ingen säkerhetskopia. Kontakta IT; filen är orörd.';
    return `${error.message} ${advice}\n\nDatabas: ${databasePath}`;
  }
  if (error instanceof DatabaseOpenError && fs.existsSync(keyFileFor(databasePath))) {
    return (
      'Registret är krypterat med en nyckel som skrivbordsprogrammet förvarar låst i datorns nyckelring. ' +
      `Kommandoraden och webbläsarläget öppnar det bara med nyckeln i PLACERINGSKOLLEN_DB_KEY.\n\nDatabas: ${databasePath}`
    );
  }
  if (
    error instanceof NewerDatabaseError ||
    error instanceof DatabaseOpenError ||
    error instanceof DatabaseKeyError ||
    error instanceof NetworkShareError ||
    error instanceof KeyFileError ||
    (error instanceof Error && error.name === 'KeystoreUnavailableError')
  ) {
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
