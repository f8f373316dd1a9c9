import fs from 'node:fs';
import { backupDirFor, BackupError } from './backups';
import { DatabaseDamagedError, DatabaseKeyError, DatabaseOpenError } from './connection';
import { keyFileFor, KeyFileError } from './key-file';
import { NetworkShareError } from './local-path';
import { NewerDatabaseError } from './migrate';

/**
 * What the user reads when the register cannot be opened: Swedish, no stack, what to do next. The
 * desktop app (`desktop`) has its key in the keystore and offers copies itself; the command line
 * and the browser host point to the command that restores one.
 */
export function databaseErrorMessage(error: unknown, databasePath: string, { desktop = false }: { desktop?: boolean } = {}): string {
  const where = `\n\nDatabas: ${databasePath}`;
  if (error instanceof DatabaseDamagedError) {
    const advice = desktop
      ? `Kontakta IT; filen är orörd, och säkerhetskopiorna finns i ${backupDirFor(databasePath)}.`
      : `Säkerhetskopiorna finns i ${backupDirFor(databasePath)}: återställ den senaste hela med "placeringskollen restore --db <registret> --from <kopian>", eller starta skrivbordsprogrammet.`;
    return `${error.message} ${advice}${where}`;
  }
  if (error instanceof DatabaseOpenError && fs.existsSync(keyFileFor(databasePath))) {
    return desktop
      ? `Registret öppnas inte med sin nyckel i datorns nyckelring: filen kan vara skadad eller utbytt. Kontakta IT; filen är orörd.${where}`
      : 'Registret är krypterat med en nyckel som skrivbordsprogrammet förvarar låst i datorns nyckelring. ' +
          `Kommandoraden och webbläsarläget öppnar det bara med nyckeln i PLACERINGSKOLLEN_DB_KEY.${where}`;
  }
  if (
    error instanceof NewerDatabaseError ||
    error instanceof DatabaseOpenError ||
    error instanceof DatabaseKeyError ||
    error instanceof NetworkShareError ||
    error instanceof KeyFileError ||
    error instanceof BackupError ||
    (error instanceof Error && error.name === 'KeystoreUnavailableError')
  ) {
    return `${error.message}${where}`;
  }
  const code = (error as { code?: unknown } | null)?.code;
  const reason =
    code === 'EACCES' || code === 'EPERM'
      ? 'Programmet saknar behörighet till filen eller mappen.'
      : code === 'SQLITE_BUSY'
        ? 'Databasen används av ett annat program.'
        : code === 'ENOSPC' || code === 'SQLITE_FULL'
          ? 'Disken är full.'
          : 'Filen kunde inte läsas.';
  return `Databasen kunde inte öppnas. ${reason}${where}`;
}
