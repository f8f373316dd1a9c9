/**
 * Copies of the register (issue: hardening). A copy is written with `VACUUM INTO`, which gives a
 * consistent, compact file encrypted with the register's own key, and is opened and checked
 * (`PRAGMA quick_check`) before it counts as a backup. What a copy is and when it was made is
 * in its name, not in the register: a restored register must not describe copies that are gone.
 */
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { backupKinds, type BackupKind } from '../domain/backups';
import { keyPragma } from './key';
import { migrations } from './migrations';

export type { BackupKind };

export interface BackupFile {
  /** The file's name in the backup folder: what the window and the command line name it by. */
  name: string;
  file: string;
  kind: BackupKind;
  /** When it was made, ISO 8601 in UTC (from the name). */
  createdAt: string;
  bytes: number;
}

export class BackupError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'BackupError';
  }
}

/** The folder of the register's copies: beside the register, readable by its owner only. */
export function backupDirFor(databasePath: string): string {
  return path.join(path.dirname(databasePath), 'sakerhetskopior');
}

function baseName(databasePath: string): string {
  return path.basename(databasePath).replace(/\.(sqlite3?|db)$/i, '');
}

/** `2026-12-06T04-30-00-123Z`: sorts by time and is a valid file name everywhere. */
function stamp(at: Date): string {
  return at.toISOString().replace(/[:.]/g, '-');
}

const NAME = /^(?<base>.+)\.(?<stamp>\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z)\.(?<kind>[a-z-]+?)(?:-v\d+)?\.sqlite$/;
// Before the backup folder, copies before a migration lay beside the register under this name.
const LEGACY_NAME = /^(?<base>.+)\.fore-migrering-v\d+-(?<stamp>\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z)\.sqlite$/;

function parseName(name: string, base: string): { kind: BackupKind; createdAt: string } | null {
  const match = NAME.exec(name) ?? LEGACY_NAME.exec(name);
  const groups = match?.groups;
  if (!groups || groups.base !== base) return null;
  const kind = (groups.kind ?? 'fore-migrering') as BackupKind;
  if (!backupKinds.includes(kind)) return null;
  const [date, time] = groups.stamp!.split('T') as [string, string];
  const [h, m, s, ms] = time.replace('Z', '').split('-');
  return { kind, createdAt: `${date}T${h}:${m}:${s}.${ms}Z` };
}

export interface WriteBackupOptions {
  databasePath: string;
  kind: BackupKind;
  at: Date;
  /** The register's key: the copy is checked by opening it with it. */
  key?: string | undefined;
  /** For a copy before a migration: the schema version it holds. */
  schemaVersion?: number;
  dir?: string;
}

/**
 * Writes and checks a copy of the open register. It is written under a working name and renamed
 * to its copy's name only once checked, so a crash midway never leaves a half copy that looks like
 * one. SQLite would create the file with the umask's mode (often 0644), so it is created empty with
 * 0600 first (VACUUM INTO accepts an empty file). A copy that fails its check is removed: a backup
 * that cannot be restored is worse than none.
 */
export function writeBackup(raw: BetterSqlite3.Database, options: WriteBackupOptions): BackupFile {
  const dir = options.dir ?? backupDirFor(options.databasePath);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const version = options.schemaVersion === undefined ? '' : `-v${options.schemaVersion}`;
  const { name, file, working } = createFreeFile(dir, (at) => `${baseName(options.databasePath)}.${stamp(at)}.${options.kind}${version}.sqlite`, options.at);
  try {
    raw.prepare('VACUUM INTO ?').run(working);
    checkBackup(working, options.key);
    fs.renameSync(working, file);
  } catch (error) {
    fs.rmSync(working, { force: true });
    if (error instanceof BackupError) throw error;
    throw new BackupError(`Säkerhetskopian kunde inte skrivas: ${describeFsError(error)}`, { cause: error });
  }
  return { name, file, kind: options.kind, createdAt: parseName(name, baseName(options.databasePath))!.createdAt, bytes: fs.statSync(file).size };
}

/** The suffix of work in progress beside a file (a copy being written, a register being rekeyed or restored). */
export const WORKING = '.pagar';

/**
 * A free copy name for `at` and its working file, created empty with 0600; two copies within a
 * millisecond (a clock standing still in a test) get the next free millisecond.
 */
function createFreeFile(dir: string, nameAt: (at: Date) => string, at: Date): { name: string; file: string; working: string } {
  for (let ms = 0; ; ms += 1) {
    const name = nameAt(new Date(at.getTime() + ms));
    const file = path.join(dir, name);
    const working = file + WORKING;
    try {
      if (fs.existsSync(file)) throw Object.assign(new Error('exists'), { code: 'EEXIST' });
      fs.closeSync(fs.openSync(working, 'wx', 0o600));
      return { name, file, working };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST' && ms < 1000) continue;
      throw new BackupError(`Säkerhetskopian kunde inte skapas i ${dir}: ${describeFsError(error)}`, { cause: error });
    }
  }
}

/**
 * Work a crash left behind: this register's working file beside it and its copies' working files,
 * with their journals. Never a copy or a register, and never anyone else's file (only these names,
 * only files). A working file may hold a plain copy of a register being encrypted.
 */
export function removeStaleWork(databasePath: string): void {
  const base = path.basename(databasePath);
  const own = (name: string) => name.startsWith(`${base}${WORKING}`);
  const copies = new RegExp(`^${escapeRegExp(baseName(databasePath))}\\.\\d{4}-\\d{2}-\\d{2}T[\\d-]+Z\\.[a-z0-9-]+\\.sqlite\\.pagar(-journal|-wal|-shm)?$`);
  for (const [folder, stale] of [
    [path.dirname(databasePath), own],
    [backupDirFor(databasePath), (name: string) => copies.test(name)],
  ] as const) {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(folder, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      if (!entry.isFile() || !stale(entry.name)) continue;
      try {
        fs.rmSync(path.join(folder, entry.name), { force: true });
      } catch {
        // In use by another program: it does no harm where it is, and goes next time.
      }
    }
  }
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Opens a copy with the key and checks every page; throws a BackupError that says what is wrong. */
export function checkBackup(file: string, key: string | undefined): number {
  let copy: BetterSqlite3.Database | null = null;
  try {
    copy = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
    if (key !== undefined) copy.pragma(keyPragma('key', key));
    copy.pragma('temp_store = MEMORY');
    // Every page read and its b-tree checked. The cipher authenticates each page (Poly1305), so a
    // page the disk did not keep as written fails here; integrity_check's extra, comparing indexes
    // with their tables, would check SQLite's VACUUM itself at five times the time (the bench).
    const result = copy.pragma('quick_check', { simple: true });
    if (result !== 'ok') throw new BackupError(`Säkerhetskopian ${path.basename(file)} är skadad.`);
    return copy.pragma('user_version', { simple: true }) as number;
  } catch (error) {
    if (error instanceof BackupError) throw error;
    if ((error as { code?: string }).code === 'SQLITE_NOTADB') {
      throw new BackupError(`Säkerhetskopian ${path.basename(file)} kan inte öppnas med registrets nyckel.`, { cause: error });
    }
    throw new BackupError(`Säkerhetskopian ${path.basename(file)} kan inte läsas: ${describeFsError(error)}`, { cause: error });
  } finally {
    copy?.close();
  }
}

/** The register's copies, newest first: those in the backup folder and old pre-migration copies beside it. */
export function listBackups(databasePath: string, dir = backupDirFor(databasePath)): BackupFile[] {
  const base = baseName(databasePath);
  const found: BackupFile[] = [];
  for (const folder of [dir, path.dirname(databasePath)]) {
    let names: string[];
    try {
      names = fs.readdirSync(folder);
    } catch {
      continue;
    }
    for (const name of names) {
      const parsed = parseName(name, base);
      if (!parsed) continue;
      const file = path.join(folder, name);
      try {
        found.push({ name, file, ...parsed, bytes: fs.statSync(file).size });
      } catch {
        // Removed while we looked.
      }
    }
  }
  return found.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.name.localeCompare(a.name));
}

export interface KeepRules {
  /** Automatic daily copies to keep (a setting). */
  automatic: number;
  /** Copies made before a migration, a restore or a key change: the newest few are enough. */
  safety: number;
}

/** Removes the copies beyond what is kept; a copy made by hand stays until someone removes it. Returns the removed. */
export function pruneBackups(databasePath: string, keep: KeepRules, dir = backupDirFor(databasePath)): BackupFile[] {
  const removed: BackupFile[] = [];
  const seen = new Map<BackupKind, number>();
  for (const backup of listBackups(databasePath, dir)) {
    if (backup.kind === 'manuell') continue;
    const count = (seen.get(backup.kind) ?? 0) + 1;
    seen.set(backup.kind, count);
    const limit = backup.kind === 'automatisk' ? keep.automatic : keep.safety;
    if (count > limit) {
      fs.rmSync(backup.file, { force: true });
      removed.push(backup);
    }
  }
  return removed;
}

/**
 * A checked copy written beside the register under a working name, ready to be put in its place
 * with `putInPlace` once the register is closed: the long part (checking, copying, syncing) is
 * done while the register is still open, so a failure leaves it open and untouched.
 */
export function stageBackup(databasePath: string, backupFile: string, key: string | undefined): string {
  if (checkBackup(backupFile, key) > migrations.length) {
    throw new BackupError(`Säkerhetskopian ${path.basename(backupFile)} är gjord av en nyare version av Placeringskollen och kan inte återställas med den här.`);
  }
  const staged = databasePath + WORKING;
  try {
    fs.rmSync(staged, { force: true });
    fs.copyFileSync(backupFile, staged, fs.constants.COPYFILE_EXCL);
    fs.chmodSync(staged, 0o600);
    syncFile(staged);
  } catch (error) {
    fs.rmSync(staged, { force: true });
    throw new BackupError(`Säkerhetskopian kunde inte läggas på plats: ${describeFsError(error)}`, { cause: error });
  }
  return staged;
}

/**
 * Renames a staged file over the closed register. Its `-wal` and `-shm` go first: a stale
 * write-ahead log would be replayed into the new file and damage it. The rename is one step, so the
 * register is either the old file or the new one, never half of each.
 */
export function putInPlace(databasePath: string, staged: string): void {
  try {
    for (const suffix of ['-wal', '-shm', '-journal']) fs.rmSync(`${databasePath}${suffix}`, { force: true });
    renameRetrying(staged, databasePath);
  } catch (error) {
    fs.rmSync(staged, { force: true });
    throw new BackupError(`Registret kunde inte bytas ut: ${describeFsError(error)} Det är kvar som det var.`, { cause: error });
  }
}

/** Puts a checked copy in the place of the closed register (the command line's restore, a damaged register). */
export function replaceWithBackup(databasePath: string, backupFile: string, key: string | undefined): void {
  putInPlace(databasePath, stageBackup(databasePath, backupFile, key));
}

/**
 * Gives a closed database file a new key (or its first). `PRAGMA rekey` rewrites every page, and
 * killed midway it can leave a file that neither key opens, so it works on a copy: the copy is
 * rekeyed, checked with the new key and renamed over the file. A crash leaves the file as it was
 * (and a working copy that the next start removes) or the file with its new key. The file's WAL is
 * folded in first, so the copy is the whole database.
 */
export function rekeyByCopy(file: string, oldKey: string | undefined, newKey: string): void {
  const working = file + WORKING;
  fs.rmSync(working, { force: true });
  // The whole database in the file itself, and nobody else with it open: leaving WAL mode needs
  // both (every frame checkpointed, no other connection), and says so by its answer.
  const db = new BetterSqlite3(file, { fileMustExist: true });
  try {
    if (oldKey !== undefined) db.pragma(keyPragma('key', oldKey));
    let mode: unknown;
    try {
      mode = db.pragma('journal_mode = DELETE', { simple: true });
    } catch (error) {
      throw new BackupError(IN_USE, { cause: error });
    }
    if (mode !== 'delete') throw new BackupError(IN_USE);
  } finally {
    db.close();
  }
  try {
    fs.copyFileSync(file, working, fs.constants.COPYFILE_EXCL);
    fs.chmodSync(working, 0o600);
    rekeyFile(working, oldKey, newKey);
    checkBackup(working, newKey);
    syncFile(working);
  } catch (error) {
    fs.rmSync(working, { force: true });
    throw error;
  }
  putInPlace(file, working);
}

/**
 * `PRAGMA rekey` in place, for a working copy nobody else has (rekeyByCopy). Rekeying is not
 * supported in WAL mode, so the file is in rollback-journal mode meanwhile.
 */
function rekeyFile(file: string, oldKey: string | undefined, newKey: string): void {
  const db = new BetterSqlite3(file, { fileMustExist: true });
  try {
    if (oldKey !== undefined) db.pragma(keyPragma('key', oldKey));
    db.pragma('temp_store = MEMORY');
    const wal = db.pragma('journal_mode', { simple: true }) === 'wal';
    if (wal) db.pragma('journal_mode = DELETE');
    db.pragma(keyPragma('rekey', newKey));
    if (wal) db.pragma('journal_mode = WAL');
  } finally {
    db.close();
  }
}

/**
 * On Windows a rename fails while anything has either file open, an antivirus scanner or an
 * indexer looking at a new file among them; they let go within moments, so it is tried again for
 * up to ten seconds before it counts as failed.
 */
function renameRetrying(from: string, to: string): void {
  const transient = new Set(['EPERM', 'EBUSY', 'EACCES']);
  for (let wait = 50; ; wait *= 2) {
    try {
      fs.renameSync(from, to);
      return;
    } catch (error) {
      if (!transient.has((error as NodeJS.ErrnoException).code ?? '') || wait > 6400) throw error;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, wait);
    }
  }
}

function syncFile(file: string): void {
  const handle = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(handle);
  } finally {
    fs.closeSync(handle);
  }
}

export const IN_USE = 'Registret används av ett annat program, till exempel kommandoraden eller Placeringskollen på samma dator. Stäng det och försök igen.';

/** Why a file operation failed, in words for the user. */
export function describeFsError(error: unknown): string {
  const code = (error as { code?: string } | null)?.code;
  switch (code) {
    case 'ENOSPC':
    case 'SQLITE_FULL':
      return 'disken är full.';
    case 'EACCES':
    case 'EPERM':
    case 'SQLITE_READONLY':
    case 'SQLITE_CANTOPEN':
      return 'programmet får inte skriva där.';
    case 'EEXIST':
      return 'en fil med samma namn finns redan.';
    case 'EBUSY':
      return 'filen används av ett annat program, till exempel ett antivirusprogram.';
    default:
      return 'ett oväntat fel i filsystemet.';
  }
}
