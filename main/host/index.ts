/**
 * `npx tsx main/host/index.ts [--db <path>] [--port N]`: Placeringskollen in the browser, for
 * development and machines without the Electron binary. Prints one Swedish line with the URL.
 * `--db` (or PLACERINGSKOLLEN_DB) may be a shared register's `postgres://` address.
 */
import os from 'node:os';
import { parseArgs } from 'node:util';
import { keyFromEnv } from '../db/connection';
import { SharedRegisterError } from '../db/pg/connection';
import { databaseErrorMessage } from '../db/open-errors';
import Conf from 'conf';
import { appDataDir, defaultDatabasePath } from '../db/paths';
import { clockFrom } from '../services';
import { RendererMissingError, startHost } from './server';

function fail(message: string): never {
  console.error(`Placeringskollen: ${message}`);
  process.exit(1);
}

function explain(error: unknown, databasePath: string, port: number): string {
  if (error instanceof RendererMissingError || error instanceof SharedRegisterError) return error.message;
  if ((error as { code?: unknown } | null)?.code === 'EADDRINUSE') return `porten ${port} används redan. Välj en annan med --port.`;
  return databaseErrorMessage(error, databasePath).replace('\n\n', ' ');
}

async function main(): Promise<void> {
  let values: { db?: string; port?: string };
  try {
    ({ values } = parseArgs({ options: { db: { type: 'string' }, port: { type: 'string' } } }));
  } catch {
    fail('okänt argument. Användning: main/host/index.ts [--db <sökväg>] [--port <nummer>]');
  }
  const port = Number(values.port ?? 0);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port måste vara ett heltal 0–65535, inte "${values.port}".`);
  const databasePath = values.db ?? defaultDatabasePath();
  let key: string | undefined;
  try {
    key = keyFromEnv();
  } catch (error) {
    fail((error as Error).message);
  }

  let host;
  try {
    // The same preferences file as the desktop app's (electron-store's config.json in its userData).
    const preferences = new Conf({ projectName: 'Placeringskollen', cwd: appDataDir() });
    host = await startHost({
      databasePath,
      port,
      clock: clockFrom(() => new Date()),
      preferences,
      osAccount: os.userInfo().username,
      ...(key ? { key } : {}),
      // A shared register's password, as psql takes it, when its address has none.
      password: process.env.PGPASSWORD ?? null,
    });
  } catch (error) {
    fail(explain(error, databasePath, port));
  }
  console.log(`Placeringskollen körs i webbläsaren: ${host.url} (Ctrl+C avslutar)`);

  // Ctrl+C reaches both this process and `npm start`, which forwards it again: close once.
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    void host.close().finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
