/**
 * The register file as the app keeps it (issue: hardening): encrypted by default with a key of its
 * own sealed by the operating system's keystore, a plain register encrypted on the first start
 * after a backup, the key changed on request, checked copies written, listed, pruned and restored.
 * The CLI and the browser host take a key only from PLACERINGSKOLLEN_DB_KEY (`env`).
 *
 * Every step that rewrites a whole file (encrypting, a new key, a restore) works on a copy beside
 * it and renames that over it, with the key file written first; killed at any moment, the next
 * start finds either the old file or the new one, and a key that opens it.
 */
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import {
  backupDirFor,
  BackupError,
  IN_USE,
  checkBackup,
  describeFsError,
  listBackups,
  pruneBackups,
  putInPlace,
  rekeyByCopy,
  removeStaleWork,
  stageBackup,
  writeBackup,
  type BackupFile,
  type BackupKind,
  type KeepRules,
} from './backups';
import { DatabaseDamagedError, DatabaseOpenError, openDatabase, type Connection } from './connection';
import { keyPragma, newKey } from './key';
import { keyFileFor, readKeys, writeKeys, type KeyStore, type RegisterKeys } from './key-file';
import { assertLocalDatabasePath } from './local-path';

export type KeySource = { kind: 'env'; key: string } | { kind: 'keystore'; store: KeyStore } | { kind: 'none' };

export interface RegisterOptions {
  keys: KeySource;
  /** "Now" for the names of the copies (the services' clock). */
  now: () => Date;
  writeWaitMs?: number;
  /**
   * Asked when the register is damaged (or no longer opens with its own key from the keystore):
   * whether to put the newest good copy in its place. The damaged file is kept (moved into the
   * backup folder), never deleted.
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
  readonly path: string;
  /** Where the key comes from: the keystore, the environment, or nowhere (a plain register). */
  readonly keySource: KeySource['kind'];
  readonly keystoreBackend: string | null;
  backup(kind: BackupKind): BackupFile;
  list(): BackupFile[];
  prune(keep: KeepRules): BackupFile[];
  /** Checks a copy by name and returns it; throws a BackupError that says what is wrong. */
  check(name: string): BackupFile;
  /** Throws a BackupError when another program has the register open (a restore or a new key must wait). */
  assertAlone(): void;
  /** The restore this register was brought back by, once, for its log; null when it was not. */
  takeRestoreNote(): RestoreNote | null;
  /** Closes the register and puts the copy in its place; the caller opens it again (a restart). */
  closeAndRestore(name: string, note: RestoreNote): Promise<void>;
  /**
   * Closes the register and gives it and its copies a new key; the caller opens it again (a
   * restart). Returns how many copies could not be given it.
   */
  closeAndRekey(): Promise<{ backupsLeft: number }>;
  close(): Promise<void>;
}

/** The register's file is gone, though it had a key and copies: something removed it, and a copy can take its place. */
export class MissingRegisterError extends DatabaseDamagedError {
  constructor(file: string) {
    super(file, 'saknas');
    this.message = `Registret ${file} finns inte längre, men det har säkerhetskopior.`;
    this.name = 'MissingRegisterError';
  }
}

/** Why the window cannot give this register a new key, or null when it can (the key is the keystore's). */
export function rekeyRefusal(source: KeySource['kind']): string | null {
  if (source === 'env') return 'Nyckeln kommer från PLACERINGSKOLLEN_DB_KEY och byts av den som har satt den.';
  if (source === 'none') return 'Registret är inte krypterat, så det finns ingen nyckel att byta.';
  return null;
}

export class RekeyError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'RekeyError';
  }
}

export async function openRegister(file: string, options: RegisterOptions): Promise<Register> {
  assertLocalDatabasePath(file);
  removeStaleWork(file);
  let key: string | undefined;
  let connection: Connection;
  try {
    ({ key, connection } = await openWithKeys(file, options));
  } catch (error) {
    const damaged = await asDamaged(error, file, options.keys);
    if (!damaged || !options.restoreWhenDamaged) throw error;
    key = await currentKey(file, options.keys);
    const latest = newestGoodBackup(file, key);
    if (!(await options.restoreWhenDamaged(damaged, latest)) || !latest) throw error;
    const staged = stageBackup(file, latest.file, key);
    // Copied aside, not moved: until the rename below, the damaged register stays where it was,
    // so a crash in between finds it (and offers the copy) again instead of no register at all.
    keepAside(file, 'skadad', options.now());
    putInPlace(file, staged);
    ({ key, connection } = await openWithKeys(file, options));
  }
  const source = options.keys;
  if (source.kind === 'keystore' && key !== undefined) await finishCopies(file, source.store, key);
  const find = (name: string): BackupFile => {
    const backup = listBackups(file).find((b) => b.name === name);
    if (!backup) throw new BackupError('Säkerhetskopian finns inte längre.');
    return backup;
  };

  return {
    connection,
    path: file,
    keySource: source.kind,
    keystoreBackend: source.kind === 'keystore' ? source.store.backend : null,
    backup: (kind) => writeBackup(connection.raw, { databasePath: file, kind, at: options.now(), key }),
    list: () => listBackups(file),
    prune: (keep) => pruneBackups(file, keep),
    check(name) {
      const backup = find(name);
      checkBackup(backup.file, key);
      return backup;
    },
    assertAlone: () => assertAlone(connection.raw),
    takeRestoreNote: () => takeRestoreNote(file),
    async closeAndRestore(name, note) {
      // The long part first, with the register still open: a failure here changes nothing.
      const staged = stageBackup(file, find(name).file, key);
      try {
        assertAlone(connection.raw);
      } catch (error) {
        fs.rmSync(staged, { force: true });
        throw error;
      }
      await connection.close();
      // The note first: a crash after the rename must still leave the restored register its log entry.
      fs.writeFileSync(restoreNoteFile(file), JSON.stringify(note), { mode: 0o600 });
      try {
        putInPlace(file, staged);
      } catch (error) {
        fs.rmSync(restoreNoteFile(file), { force: true });
        throw error;
      }
    },
    async closeAndRekey() {
      if (source.kind !== 'keystore' || key === undefined) throw new RekeyError(rekeyRefusal(source.kind) ?? rekeyRefusal('none')!);
      assertAlone(connection.raw);
      const keyFile = keyFileFor(file);
      const old = key;
      // The key before this one must be done with first: only one retired key is kept.
      await finishCopies(file, source.store, old);
      const { retired } = (await readKeys(keyFile, source.store)) ?? {};
      if (retired !== undefined && listBackups(file).some((b) => opensWith(b.file, retired))) {
        throw new RekeyError('Några säkerhetskopior har ännu inte fått den förra nyckeln, så nyckeln kan inte bytas igen än. Starta om programmet och försök igen.');
      }
      const next = newKey();
      writeBackup(connection.raw, { databasePath: file, kind: 'fore-nyckelbyte', at: options.now(), key: old });
      // The next key is saved before the file changes: whichever of the two opens it is right.
      await writeKeys(keyFile, source.store, { current: old, next });
      await connection.close();
      try {
        rekeyByCopy(file, old, next);
      } catch (error) {
        const why = error instanceof BackupError ? error.message : describeFsError(error);
        throw new RekeyError(`Nyckeln kunde inte bytas: ${why} Registret har kvar sin nyckel.`, { cause: error });
      }
      key = next;
      await writeKeys(keyFile, source.store, { current: next, retired: old });
      return { backupsLeft: await finishCopies(file, source.store, next) };
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
  const keys: RegisterKeys = (await readKeys(keyFile, source.store)) ?? {};
  const kept = (current: string): RegisterKeys => (keys.retired ? { current, retired: keys.retired } : { current });
  const isNew = !fs.existsSync(file) || fs.statSync(file).size === 0;
  // A register that had a key and copies is not new when its file is gone: something removed it.
  if (isNew && keys.current && listBackups(file).length > 0) throw new MissingRegisterError(file);
  if (isNew && !keys.current) {
    const key = newKey();
    await writeKeys(keyFile, source.store, { current: key });
    return { key, connection: await openDatabase(file, { ...base, key }) };
  }
  if (keys.current) {
    try {
      const connection = await openDatabase(file, { ...base, key: keys.current });
      // A change that failed before the file was rewritten: the next key was never used.
      if (keys.next) await writeKeys(keyFile, source.store, kept(keys.current));
      return { key: keys.current, connection };
    } catch (error) {
      if (!(error instanceof DatabaseOpenError) || !keys.next) throw error;
    }
  }
  if (keys.next) {
    try {
      const connection = await openDatabase(file, { ...base, key: keys.next });
      await writeKeys(keyFile, source.store, keys.current ? { current: keys.next, retired: keys.current } : { current: keys.next });
      return { key: keys.next, connection };
    } catch (error) {
      if (!(error instanceof DatabaseOpenError) || keys.current) throw error;
    }
  }
  // A plain register (opened without a key before anything is written: one encrypted with another
  // key is refused here, with no key file left behind). A copy first, then the next key saved, then
  // the file rewritten encrypted; its copies follow (finishCopies).
  const plain = await openDatabase(file, base);
  try {
    assertAlone(plain.raw);
    writeBackup(plain.raw, { databasePath: file, kind: 'fore-kryptering', at: now() });
  } finally {
    await plain.close();
  }
  const key = keys.next ?? newKey();
  await writeKeys(keyFile, source.store, { next: key });
  rekeyByCopy(file, undefined, key);
  await writeKeys(keyFile, source.store, { current: key });
  return { key, connection: await openDatabase(file, { ...base, key }) };
}

/**
 * Gives every copy the register's key: those still with the retired key after a change, and plain
 * ones from before the register was encrypted. A copy in use or on a full disk is left for the next
 * start (counted); the retired key is forgotten once every copy opens with the key in use.
 */
async function finishCopies(file: string, store: KeyStore, key: string): Promise<number> {
  const keyFile = keyFileFor(file);
  const { retired } = (await readKeys(keyFile, store)) ?? {};
  let left = 0;
  for (const backup of listBackups(file)) {
    if (opensWith(backup.file, key)) continue;
    const from = retired !== undefined && opensWith(backup.file, retired) ? retired : opensWith(backup.file, undefined) ? undefined : null;
    if (from === null) {
      left += 1;
      continue;
    }
    try {
      rekeyByCopy(backup.file, from, key);
    } catch {
      left += 1;
    }
  }
  // Only when every copy opens with the key in use: a copy that could not be read just now may
  // still need the retired one.
  if (retired !== undefined && left === 0) await writeKeys(keyFile, store, { current: key });
  return left;
}

/**
 * The damage a restore may answer: pages SQLite finds broken, or (from the keystore) a file the
 * register's own key no longer opens, which after a key the app made and kept is damage too.
 */
async function asDamaged(error: unknown, file: string, source: KeySource): Promise<DatabaseDamagedError | null> {
  if (error instanceof DatabaseDamagedError) return error;
  if (!(error instanceof DatabaseOpenError) || source.kind !== 'keystore') return null;
  const keys = await readKeys(keyFileFor(file), source.store).catch(() => null);
  return keys?.current ? new DatabaseDamagedError(file, 'öppnas inte med registrets nyckel') : null;
}

/** The key the register should open with, for checking a copy when the register itself could not be opened. */
async function currentKey(file: string, source: KeySource): Promise<string | undefined> {
  if (source.kind === 'none') return undefined;
  if (source.kind === 'env') return source.key;
  return (await readKeys(keyFileFor(file), source.store))?.current;
}

/** The newest copy that passes its check: the one a damaged register is offered. */
function newestGoodBackup(file: string, key: string | undefined): BackupFile | null {
  for (const backup of listBackups(file)) {
    try {
      checkBackup(backup.file, key);
      return backup;
    } catch {
      // Damaged too, or made with another key: try the one before.
    }
  }
  return null;
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
    throw new BackupError(IN_USE, { cause: error });
  } finally {
    raw.pragma('journal_mode = WAL');
  }
}

/**
 * A restore from outside the app (the command line): a copy of the register as it is first (or,
 * if it is damaged, moved aside), then the copy put in its place. `from` is a file.
 */
export async function restoreRegisterFile(
  file: string,
  from: string,
  options: Pick<RegisterOptions, 'keys' | 'now'> & { note: Omit<RestoreNote, 'backup'> },
): Promise<{ safetyCopy: string | null }> {
  assertLocalDatabasePath(file);
  removeStaleWork(file);
  const key = await currentKey(file, options.keys);
  const staged = stageBackup(file, from, key);
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
    if (!(error instanceof DatabaseDamagedError)) {
      fs.rmSync(staged, { force: true });
      throw error;
    }
    keepAside(file, 'skadad', options.now());
  }
  const note: RestoreNote = { backup: path.basename(from), ...options.note };
  fs.writeFileSync(restoreNoteFile(file), JSON.stringify(note), { mode: 0o600 });
  try {
    putInPlace(file, staged);
  } catch (error) {
    fs.rmSync(restoreNoteFile(file), { force: true });
    throw error;
  }
  return { safetyCopy };
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

/** Keeps a copy of a damaged register in the backup folder under a name that says so; it is never deleted. */
function keepAside(file: string, label: string, at: Date): void {
  if (!fs.existsSync(file)) return;
  const dir = backupDirFor(file);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const target = path.join(dir, `${path.basename(file)}.${at.toISOString().replace(/[:.]/g, '-')}.${label}`);
  fs.copyFileSync(file, target);
  fs.chmodSync(target, 0o600);
  for (const suffix of ['-wal', '-shm']) {
    if (fs.existsSync(file + suffix)) fs.copyFileSync(file + suffix, target + suffix);
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

