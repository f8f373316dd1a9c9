/**
 * `placeringskollen <command> [flags]`: the command line over the same services and database as
 * the app (spec/exchange-and-cli.md). Exit codes: 0 done; 2 invalid input or arguments, one
 * problem per stderr line; 1 anything else, as one Swedish line (details with `--debug`).
 * bin/placeringskollen.mjs runs `main` under tsx on the project's Node.
 */
import fs from 'node:fs';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { DatabaseKeyError, keyFromEnv, openDatabase, openDatabaseFromEnv, type Connection } from '../db/connection';
import { BackupError } from '../db/backups';
import { NewerDatabaseError } from '../db/migrate';
import { isSharedRegisterUrl, openSharedPool, parseSharedRegisterUrl, SharedRegisterError } from '../db/pg/connection';
import { copyRegisterToShared, CopyRegisterError } from '../db/pg/copy-register';
import { migratePg } from '../db/pg/migrate';
import { pgMigrations } from '../db/pg/migrations';
import { openSharedRegister } from '../db/pg/register';
import { openRegister, restoreRegisterFile, type KeySource, type Register } from '../db/register';
import { DatabaseBusyError, isBusy } from '../db/writer-turn';
import { databaseErrorMessage } from '../db/open-errors';
import { clockFrom, createServices, type Clock, type Services } from '../services';
import { ServiceError } from '../services/errors';
import { UsageError, type Context, type Lang } from './command';
import { commands, SHARED_BACKUPS } from './commands';
import { commandHelp, overview } from './help';
import { cut, quote, terminalSafe } from '../domain/text';

export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** "Now" for what a command records (an import's history of replaced checks). */
  clock: Clock;
}

const globalOptions = {
  help: { type: 'boolean', short: 'h' },
  lang: { type: 'string' },
  debug: { type: 'boolean' },
} as const satisfies ParseArgsConfig['options'];

/**
 * Runs one command line (without the program name) and returns its exit code. Everything it
 * prints goes through `terminalSafe` (domain/text.ts): a name, an argument or a value from a file
 * with an escape sequence in it is shown as `\u001b…`, never acted on by the terminal. JSON stays
 * the same JSON (such a character is only ever inside a string, where `\u001b` means it).
 */
export async function main(argv: string[], rawIo: Io = processIo()): Promise<number> {
  const io: Io = { ...rawIo, stdout: (text) => rawIo.stdout(terminalSafe(text)), stderr: (text) => rawIo.stderr(terminalSafe(text)) };
  try {
    return await dispatch(argv, io);
  } catch (error) {
    return report(error, io, argv.includes('--debug'));
  }
}

async function dispatch(argv: string[], io: Io): Promise<number> {
  // Lenient parsing (every command's flags known, nothing rejected): the command's own schema
  // decides what is allowed, and reports all that is wrong at once.
  const { values, positionals } = parseArgs({
    args: argv,
    options: { ...Object.assign({}, ...commands.map((c) => c.options)), ...globalOptions },
    allowPositionals: true,
    strict: false,
  });
  const { help, lang: langFlag, debug: _debug, ...own } = values;
  const lang = chooseLang(langFlag, io.env);
  const [name, ...rest] = positionals;

  if (name === undefined) {
    if (help) {
      io.stdout(overview(lang));
      return 0;
    }
    io.stderr(overview(lang));
    return 2;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) throw new UsageError([`Okänt kommando: ${terminalSafe(cut(name), { oneLine: true })}. Se placeringskollen --help.`]);
  if (help) {
    io.stdout(commandHelp(command, lang));
    return 0;
  }
  const context: Context = {
    lang,
    ...io,
    withServices: (path, options, work) => withServices(path, options, work, io),
    withEmptyRegister: async (work) => using(await openDatabase(':memory:'), io.clock, work),
    withRegister: (path, work) => withRegister(path, work, io),
    restoreRegister: (path, from) => restoreRegister(path, from, io),
    moveToShared: (path, url) => moveToShared(path, url, io),
  };
  return command.execute({ positionals: rest, values: own }, context);
}

function chooseLang(flag: string | boolean | undefined, env: NodeJS.ProcessEnv): Lang {
  if (flag === undefined) return env.LANG?.toLowerCase().startsWith('en') ? 'en' : 'sv';
  if (flag === 'sv' || flag === 'en') return flag;
  throw new UsageError([`--lang: okänt värde ${quote(String(flag))}; tillåtna: sv, en`]);
}

async function withServices<T>(
  path: string,
  { create }: { create: boolean },
  work: (services: Services) => Promise<T>,
  { env, clock }: Io,
): Promise<T> {
  if (isSharedRegisterUrl(path)) return withSharedServices(path, work, { env, clock });
  // Reading must never create an empty register where the user mistyped a path.
  const stat = fs.statSync(path, { throwIfNoEntry: false });
  if (!create && !stat) throw new UsageError([`Databasen finns inte: ${path}`]);
  if (stat?.isDirectory()) throw new UsageError([`Det är en mapp, inte en databas: ${path}`]);
  let connection: Connection;
  try {
    connection = await openDatabaseFromEnv(path, env);
  } catch (error) {
    // A malformed key is the caller's input: exit 2, and no file was made.
    if (error instanceof DatabaseKeyError) throw new UsageError([error.message]);
    throw new DatabaseUnavailableError(path, error);
  }
  return using(connection, clock, work);
}

/** The same commands on the shared register: the password from PGPASSWORD when the address has none. */
async function withSharedServices<T>(url: string, work: (services: Services) => Promise<T>, { env, clock }: Pick<Io, 'env' | 'clock'>): Promise<T> {
  try {
    parseSharedRegisterUrl(url);
  } catch (error) {
    // A malformed address is the caller's input (exit 2); a server that says no is not (exit 1).
    if (error instanceof SharedRegisterError) throw new UsageError([`--db: ${error.message}`]);
    throw error;
  }
  const shared = await openSharedRegister(url, { password: env.PGPASSWORD ?? null });
  try {
    return await work(createServices(shared.db, { clock }));
  } finally {
    await shared.close();
  }
}

/** The register's key from the environment, as everywhere on the command line: a bad key is exit 2. */
function keysFrom(env: NodeJS.ProcessEnv): KeySource {
  try {
    const key = keyFromEnv(env);
    return key === undefined ? { kind: 'none' } : { kind: 'env', key };
  } catch (error) {
    if (error instanceof DatabaseKeyError) throw new UsageError([error.message]);
    throw error;
  }
}

function existingRegister(path: string): void {
  const stat = fs.statSync(path, { throwIfNoEntry: false });
  if (!stat) throw new UsageError([`Databasen finns inte: ${path}`]);
  if (stat.isDirectory()) throw new UsageError([`Det är en mapp, inte en databas: ${path}`]);
}

async function withRegister<T>(path: string, work: (register: Register) => Promise<T>, { env, clock }: Io): Promise<T> {
  if (isSharedRegisterUrl(path)) throw new UsageError([SHARED_BACKUPS]);
  existingRegister(path);
  const keys = keysFrom(env);
  let register: Register;
  try {
    register = await openRegister(path, { keys, now: () => new Date(clock.now()) });
  } catch (error) {
    throw new DatabaseUnavailableError(path, error);
  }
  try {
    return await work(register);
  } finally {
    await register.close();
  }
}

async function restoreRegister(path: string, from: string, { env, clock }: Io): Promise<{ safetyCopy: string | null }> {
  if (isSharedRegisterUrl(path)) throw new UsageError([SHARED_BACKUPS]);
  existingRegister(path);
  const keys = keysFrom(env);
  try {
    return await restoreRegisterFile(path, from, { keys, now: () => new Date(clock.now()), note: { userId: null, at: clock.now() } });
  } catch (error) {
    if (error instanceof BackupError) throw error;
    throw new DatabaseUnavailableError(path, error);
  }
}

async function moveToShared(path: string, url: string, { env }: Io): Promise<Record<string, number>> {
  let address;
  try {
    address = parseSharedRegisterUrl(url);
  } catch (error) {
    if (error instanceof SharedRegisterError) throw new UsageError([`--to: ${error.message}`]);
    throw error;
  }
  existingRegister(path);
  let connection: Connection;
  try {
    connection = await openDatabaseFromEnv(path, env);
  } catch (error) {
    if (error instanceof DatabaseKeyError) throw new UsageError([error.message]);
    throw new DatabaseUnavailableError(path, error);
  }
  try {
    const pool = await openSharedPool(address, { password: env.PGPASSWORD ?? null });
    try {
      await migratePg(pool, pgMigrations);
      return await copyRegisterToShared(connection.raw, pool);
    } finally {
      await pool.end();
    }
  } finally {
    await connection.close();
  }
}

async function using<T>(connection: Connection, clock: Clock, work: (services: Services) => Promise<T>): Promise<T> {
  try {
    return await work(createServices(connection.db, { clock }));
  } finally {
    await connection.close();
  }
}

/**
 * The database cannot be opened (wrong key, newer version, no permission, …). Not a mistake in
 * the input (exit 1, not 2), but the user gets the same clear Swedish words as in the app.
 */
class DatabaseUnavailableError extends Error {
  constructor(path: string, cause: unknown) {
    super(databaseErrorMessage(cause, path).replace('\n\n', ' '), { cause });
    this.name = 'DatabaseUnavailableError';
  }
}

function report(error: unknown, io: Io, debug: boolean): number {
  if (error instanceof UsageError) {
    for (const line of error.lines) io.stderr(`${line}\n`);
    return 2;
  }
  if (error instanceof ServiceError) {
    io.stderr(`${error.message}\n`);
    for (const issue of error.issues) io.stderr(`${issue.path ? `${issue.path}: ` : ''}${issue.message}\n`);
    return 2;
  }
  if (error instanceof SharedRegisterError || error instanceof CopyRegisterError || error instanceof NewerDatabaseError) {
    io.stderr(`${error.message}\n`);
    return 1;
  }
  if (error instanceof BackupError) {
    io.stderr(`${error.message}\n`);
    return 1;
  }
  if (error instanceof DatabaseBusyError || isBusy(error)) {
    io.stderr(`${new DatabaseBusyError().message}\n`);
    return 1;
  }
  const details = error instanceof DatabaseUnavailableError ? error.cause : error;
  io.stderr(
    error instanceof DatabaseUnavailableError
      ? `${error.message}\n`
      : 'Ett oväntat fel inträffade. Kör igen med --debug för att se detaljerna.\n',
  );
  if (debug) io.stderr(`${details instanceof Error ? (details.stack ?? details.message) : String(details)}\n`);
  return 1;
}

function processIo(): Io {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    env: process.env,
    cwd: process.cwd(),
    clock: clockFrom(() => new Date()),
  };
}
