import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { CamelCasePlugin, Kysely } from 'kysely';
import { BUSY_TIMEOUT_MS, TurnTakingDialect } from './writer-turn';
import { DatabaseKeyError, KEY_PATTERN, keyPragma } from './key';
import { assertLocalDatabasePath } from './local-path';
import { migrate } from './migrate';
import { migrations } from './migrations';
import type { Database } from './schema';
import { registerLogFunctions } from './access-log';
import { registerSwedishFunctions } from './swedish-functions';

/** The file is encrypted with another key, is not encrypted, or is not ours at all. */
export class DatabaseOpenError extends Error {
  constructor() {
    super('Databasen kunde inte öppnas: fel nyckel eller inte en Placeringskollen-databas.');
    this.name = 'DatabaseOpenError';
  }
}

export { DatabaseKeyError, KEY_PATTERN } from './key';

/** The file is readable but some of its pages are not what SQLite wrote (`PRAGMA quick_check`). */
export class DatabaseDamagedError extends Error {
  constructor(
    readonly file: string,
    readonly detail: string,
  ) {
    super(`Registret ${file} är skadat och kan inte användas som det är.`);
    this.name = 'DatabaseDamagedError';
  }
}

/** The key in `PLACERINGSKOLLEN_DB_KEY`: absent is no key; set, it must be a whole key (an empty value is refused, not ignored). */
export function keyFromEnv(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const key = env.PLACERINGSKOLLEN_DB_KEY;
  if (key === undefined) return undefined;
  if (!KEY_PATTERN.test(key)) throw new DatabaseKeyError();
  return key;
}

export interface OpenOptions {
  /** The key for encryption at rest (SQLite3MultipleCiphers' default cipher): 64 hexadecimal characters (KEY_PATTERN). */
  key?: string;
  /** Where the copy before a migration goes; the register's backup folder by default (backups.ts). */
  backupDir?: string;
  /** "Now", for the name of the copy before a migration. */
  now?: () => Date;
  /** How long a write waits for another program's (writer-turn.ts); tests shorten it. */
  writeWaitMs?: number;
}

export interface Connection {
  db: Kysely<Database>;
  /** The driver itself, for pragmas, backups and tests; queries go through `db`. */
  raw: BetterSqlite3.Database;
  path: string;
  encrypted: boolean;
  close(): Promise<void>;
}

/**
 * Opens (creating if absent) and migrates the register. Signature is async so a future
 * server database can take its place; the work here is synchronous.
 */
export async function openDatabase(file: string, options: OpenOptions = {}): Promise<Connection> {
  // Before any file is made: a bad key must not leave an empty plaintext register behind.
  if (options.key !== undefined && !KEY_PATTERN.test(options.key)) throw new DatabaseKeyError();
  const inMemory = file === ':memory:';
  assertLocalDatabasePath(file);
  if (!inMemory) createPrivately(file);
  const raw = new BetterSqlite3(file);
  try {
    if (options.key !== undefined) raw.pragma(keyPragma('key', options.key));
    assertReadable(raw);
    // SQLite3MultipleCiphers does not encrypt temporary files: a sort or an index build that spills
    // to disk would write rows in plaintext to the temp folder. They stay in memory instead.
    raw.pragma('temp_store = MEMORY');
    assertIntact(raw, file);
    raw.pragma('foreign_keys = ON');
    raw.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    registerSwedishFunctions(raw);
    registerLogFunctions(raw);
    migrate(raw, migrations, {
      databasePath: file,
      key: options.key,
      ...(options.backupDir ? { backupDir: options.backupDir } : {}),
      ...(options.now ? { now: options.now } : {}),
    });
    // After the migration: a database from a newer version must be refused byte for byte
    // untouched, and switching the journal mode writes to the file header.
    raw.pragma('journal_mode = WAL');
  } catch (error) {
    raw.close();
    if ((error as { code?: string }).code?.startsWith('SQLITE_CORRUPT')) throw new DatabaseDamagedError(file, (error as Error).message);
    throw error;
  }
  const db = new Kysely<Database>({
    dialect: new TurnTakingDialect({ database: raw }, options.writeWaitMs),
    plugins: [new CamelCasePlugin()],
  });
  const close = async () => {
    await db.destroy();
    // Kysely's driver opens lazily: without a query through Kysely, destroy leaves the file open.
    if (raw.open) raw.close();
  };
  return { db, raw, path: file, encrypted: options.key !== undefined, close };
}

/** The app, the browser host and the CLI all take the key from `PLACERINGSKOLLEN_DB_KEY`. */
export async function openDatabaseFromEnv(file: string, env: NodeJS.ProcessEnv = process.env): Promise<Connection> {
  const key = keyFromEnv(env);
  return openDatabase(file, key === undefined ? {} : { key });
}

/**
 * A wrong key, a missing key and a file that is not SQLite all surface as SQLITE_NOTADB on the
 * first read. A readable database with tables but no schema version is someone else's.
 */
function assertReadable(raw: BetterSqlite3.Database): void {
  let objects: number;
  try {
    objects = raw.prepare('SELECT count(*) FROM sqlite_master').pluck().get() as number;
  } catch (error) {
    if ((error as { code?: string }).code === 'SQLITE_NOTADB') throw new DatabaseOpenError();
    throw error;
  }
  if (objects > 0 && raw.pragma('user_version', { simple: true }) === 0) throw new DatabaseOpenError();
}

/**
 * Damage a crash, a failing disk or a copy by hand can leave. `quick_check` reads every page but
 * skips comparing indexes with their tables, so it is fast enough for every start (the bench
 * measures it at city scale). Copies are checked the same way (backups.ts).
 */
function assertIntact(raw: BetterSqlite3.Database, file: string): void {
  const problems = raw.pragma('quick_check(5)') as { quick_check: string }[];
  const detail = problems.map((row) => row.quick_check).join('; ');
  if (detail !== 'ok') throw new DatabaseDamagedError(file, detail);
}

/**
 * The register holds data about children: a new file (and the -wal/-shm files SQLite creates
 * with the same mode) is readable by its owner only.
 */
function createPrivately(file: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  try {
    fs.writeFileSync(file, '', { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
}
