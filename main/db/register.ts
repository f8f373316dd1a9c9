/**
 * The register file as the app keeps it (issue: hardening): encrypted by default with a key of its
 * own sealed by the operating system's keystore, a plain register encrypted on the first start
 * after a backup, the key changed on request, checked copies written, listed, pruned and restored.
 * The CLI and the browser host take a key only from PLACERINGSKOLLEN_DB_KEY (`env`).
 */
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import {
  backupDirFor,
  BackupError,
  checkBackup,
  listBackups,
  pruneBackups,
  rekeyFile,
  replaceWithBackup,
  writeBackup,
  type BackupFile,
  type BackupKind,
  type KeepRules,
} from './backups';
import { DatabaseDamagedError, DatabaseOpenError, openDatabase, type Connection } from './connection';
import { keyPragma, newKey } from './key';
import { keyFileFor, readKeys, writeKeys, type KeyStore } from './key-file';
import { assertLocalDatabasePath } from './local-path';

export type KeySource = { kind: 'env'; key: string } | { kind: 'keystore'; store: KeyStore } | { kind: 'none' };

export interface RegisterOptions {
  keys: KeySource;
  /** "Now" for the names of the copies (the services' clock). */
  now: () => Date;
  writeWaitMs?: number;
  /**
   * Asked when the register is damaged: whether to put the newest good copy in its place. The
   * damaged file is kept (moved into the backup folder), never deleted.
   */
  restoreWhenDamaged?: (damaged: DatabaseDamagedError, latest: BackupFile | null) => Promise<boolean>;
}

/** What a restore leaves for the register it brought back, to be said in its access log after the restart. */
export interface RestoreNote {
  backup: string;
  userId: string | null;
  at: string;
}

export interface Register {
  readonly connection: Connection;
  /** The restore this register was just brought back by, if it was (read once, at open). */
  readonly restored: RestoreNote | null;
  readonly path: string;
  /** Where the key comes from: the keystore, the environment, or nowhere (a plain register). */
  readonly keySource: KeySource['kind'];
  readonly keystoreBackend: string | null;
  backup(kind: BackupKind): BackupFile;
  list(): BackupFile[];
  prune(keep: KeepRules): BackupFile[];
  /** Checks a copy by name and returns it; throws a BackupError that says what is wrong. */
  check(name: string): BackupFile;
  /** Closes the register and puts the copy in its place; the caller opens it again (a restart). */
  closeAndRestore(name: string, note: RestoreNote): Promise<void>;
  /** A new key for the register and its copies. Returns how many copies could not be given it. */
  rekey(): Promise<{ backupsLeft: number }>;
  close(): Promise<void>;
}

export class RekeyError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'RekeyError';
  }
}

export async function openRegister(file: string, options: RegisterOptions): Promise<Register> {
  assertLocalDatabasePath(file);
  let key: string | undefined;
  let connection: Connection;
  try {
    ({ key, connection } = await openWithKeys(file, options));
  } catch (error) {
    if (!(error instanceof DatabaseDamagedError) || !options.restoreWhenDamaged) throw error;
    key = await currentKey(file, options.keys);
    const latest = newestGoodBackup(file, key);
    if (!(await options.restoreWhenDamaged(error, latest)) || !latest) throw error;
    setAside(file, 'skadad', options.now());
    replaceWithBackup(file, latest.file, key);
    ({ key, connection } = await openWithKeys(file, options));
  }
  const keysource = options.keys;
  const find = (name: string): BackupFile => {
    const backup = listBackups(file).find((b) => b.name === name);
    if (!backup) throw new BackupError('Säkerhetskopian finns inte längre.');
    return backup;
  };

  return {
    connection,
    restored: takeRestoreNote(file),
    path: file,
    keySource: keysource.kind,
    keystoreBackend: keysource.kind === 'keystore' ? keysource.store.backend : null,
    backup: (kind) => writeBackup(connection.raw, { databasePath: file, kind, at: options.now(), key }),
    list: () => listBackups(file),
    prune: (keep) => pruneBackups(file, keep),
    check(name) {
      const backup = find(name);
      checkBackup(backup.file, key);
      return backup;
    },
    async closeAndRestore(name, note) {
      const backup = find(name);
      checkBackup(backup.file, key);
      assertAlone(connection.raw);
      await connection.close();
      replaceWithBackup(file, backup.file, key);
      fs.writeFileSync(restoreNoteFile(file), JSON.stringify(note), { mode: 0o600 });
    },
    async rekey() {
      if (keysource.kind !== 'keystore' || key === undefined) {
        throw new RekeyError(
          keysource.kind === 'env'
            ? 'Nyckeln kommer från PLACERINGSKOLLEN_DB_KEY och byts av den som har satt den.'
            : 'Registret är inte krypterat, så det finns ingen nyckel att byta.',
        );
      }
      const keyFile = keyFileFor(file);
      const old = key;
      const next = newKey();
      await writeKeys(keyFile, keysource.store, { current: old, next });
      writeBackup(connection.raw, { databasePath: file, kind: 'fore-nyckelbyte', at: options.now(), key: old });
      rekeyLive(connection.raw, next);
      key = next;
      await writeKeys(keyFile, keysource.store, { current: next });
      return { backupsLeft: rekeyBackups(file, old, next) };
    },
    close: () => connection.close(),
  };
}

/**
 * Opens the register with its key. From the keystore: a new register gets a new key before its
 * file exists; a plain one is encrypted (after a backup) with a key saved as `next` first; a key
 * change a crash interrupted is finished with whichever key opens the file.
 */
async function openWithKeys(file: string, options: RegisterOptions): Promise<{ key: string | undefined; connection: Connection }> {
  const { keys: source, now } = options;
  const base = { now, ...(options.writeWaitMs === undefined ? {} : { writeWaitMs: options.writeWaitMs }) };
  if (source.kind === 'none') return { key: undefined, connection: await openDatabase(file, base) };
  if (source.kind === 'env') return { key: source.key, connection: await openDatabase(file, { ...base, key: source.key }) };

  const keyFile = keyFileFor(file);
  const keys = (await readKeys(keyFile, source.store)) ?? {};
  const isNew = !fs.existsSync(file) || fs.statSync(file).size === 0;
  if (isNew && !keys.current) {
    const key = newKey();
    await writeKeys(keyFile, source.store, { current: key });
    return { key, connection: await openDatabase(file, { ...base, key }) };
  }
  if (keys.current) {
    try {
      return { key: keys.current, connection: await openDatabase(file, { ...base, key: keys.current }) };
    } catch (error) {
      if (!(error instanceof DatabaseOpenError) || !keys.next) throw error;
    }
  }
  if (keys.next) {
    try {
      const connection = await openDatabase(file, { ...base, key: keys.next });
      await writeKeys(keyFile, source.store, { current: keys.next });
      rekeyBackups(file, keys.current, keys.next);
      return { key: keys.next, connection };
    } catch (error) {
      if (!(error instanceof DatabaseOpenError) || keys.current) throw error;
    }
  }
  // A plain register: a copy first, then every page rewritten encrypted, then the copies too.
  const key = keys.next ?? newKey();
  await writeKeys(keyFile, source.store, { next: key });
  const plain = await openDatabase(file, base);
  writeBackup(plain.raw, { databasePath: file, kind: 'fore-kryptering', at: now() });
  await plain.close();
  rekeyFile(file, undefined, key);
  await writeKeys(keyFile, source.store, { current: key });
  rekeyBackups(file, undefined, key);
  return { key, connection: await openDatabase(file, { ...base, key }) };
}

/**
 * Nobody else has the register open: a program that had it open would go on writing to the file
 * that was replaced (or, on Windows, stop the replacing). Leaving WAL mode needs the register to
 * itself, so trying is the test; it is put back at once.
 */
function assertAlone(raw: BetterSqlite3.Database): void {
  try {
    raw.pragma('journal_mode = DELETE');
  } catch (error) {
    throw new BackupError('Registret används av ett annat program, till exempel kommandoraden eller Placeringskollen på samma dator. Stäng det och försök igen.', { cause: error });
  } finally {
    raw.pragma('journal_mode = WAL');
  }
}

/**
 * A restore from outside the app (the command line): the register closed, a copy of it as it is
 * first (or, if it is damaged, moved aside), then the copy put in its place. `from` is a file.
 */
export async function restoreRegisterFile(file: string, from: string, options: Pick<RegisterOptions, 'keys' | 'now'> & { note: Omit<RestoreNote, 'backup'> }): Promise<{ safetyCopy: string | null }> {
  assertLocalDatabasePath(file);
  const key = await currentKey(file, options.keys);
  checkBackup(from, key);
  let safetyCopy: string | null = null;
  try {
    const { connection } = await openWithKeys(file, { keys: options.keys, now: options.now });
    try {
      assertAlone(connection.raw);
      safetyCopy = writeBackup(connection.raw, { databasePath: file, kind: 'fore-aterstallning', at: options.now(), key }).file;
    } finally {
      await connection.close();
    }
  } catch (error) {
    if (!(error instanceof DatabaseDamagedError)) throw error;
    setAside(file, 'skadad', options.now());
  }
  replaceWithBackup(file, from, key);
  const note: RestoreNote = { backup: path.basename(from), ...options.note };
  fs.writeFileSync(restoreNoteFile(file), JSON.stringify(note), { mode: 0o600 });
  return { safetyCopy };
}

/** The newest copy that passes its check: the one a damaged register is offered. */
function newestGoodBackup(file: string, key: string | undefined): BackupFile | null {
  for (const backup of listBackups(file)) {
    try {
      checkBackup(backup.file, key);
      return backup;
    } catch {
      // Damaged too, or made with a retired key: try the one before.
    }
  }
  return null;
}

/** The key the register should open with, for checking a copy when the register itself could not be opened. */
async function currentKey(file: string, source: KeySource): Promise<string | undefined> {
  if (source.kind === 'none') return undefined;
  if (source.kind === 'env') return source.key;
  return (await readKeys(keyFileFor(file), source.store))?.current;
}

/**
 * Rewrites the open register with a new key. Rekeying needs the rollback journal, and switching to
 * it needs the register to itself: with another program (the CLI) reading, SQLite says busy.
 */
function rekeyLive(raw: BetterSqlite3.Database, next: string): void {
  try {
    raw.pragma('wal_checkpoint(TRUNCATE)');
    raw.pragma('journal_mode = DELETE');
    raw.pragma(keyPragma('rekey', next));
  } catch (error) {
    throw new RekeyError('Nyckeln kunde inte bytas: registret används av ett annat program. Stäng det och försök igen.', { cause: error });
  } finally {
    raw.pragma('journal_mode = WAL');
  }
}

/**
 * Gives every copy the register's new key (or its first), so that no copy is left plain or opened
 * by a retired key. Copies that open with neither key are left as they are and counted.
 */
function rekeyBackups(file: string, old: string | undefined, next: string): number {
  let left = 0;
  for (const backup of listBackups(file)) {
    if (opensWith(backup.file, next)) continue;
    if (opensWith(backup.file, old)) rekeyFile(backup.file, old, next);
    else left += 1;
  }
  return left;
}

function opensWith(file: string, key: string | undefined): boolean {
  let db: BetterSqlite3.Database | null = null;
  try {
    db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
    if (key !== undefined) db.pragma(keyPragma('key', key));
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    return true;
  } catch {
    return false;
  } finally {
    db?.close();
  }
}

/** Moves a damaged register into the backup folder under a name that says so; it is never deleted. */
function setAside(file: string, label: string, at: Date): void {
  const dir = backupDirFor(file);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const target = path.join(dir, `${path.basename(file)}.${at.toISOString().replace(/[:.]/g, '-')}.${label}`);
  fs.renameSync(file, target);
  for (const suffix of ['-wal', '-shm']) {
    if (fs.existsSync(file + suffix)) fs.renameSync(file + suffix, target + suffix);
  }
}

const restoreNoteFile = (file: string) => `${file}.aterstalld`;

function takeRestoreNote(file: string): RestoreNote | null {
  const noteFile = restoreNoteFile(file);
  try {
    const note = JSON.parse(fs.readFileSync(noteFile, 'utf8')) as RestoreNote;
    return typeof note.backup === 'string' && typeof note.at === 'string' ? { backup: note.backup, at: note.at, userId: typeof note.userId === 'string' ? note.userId : null } : null;
  } catch {
    return null;
  } finally {
    fs.rmSync(noteFile, { force: true });
  }
}
