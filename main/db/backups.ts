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
 * Writes and checks a copy of the open register. SQLite would create the file with the umask's
 * mode (often 0644), so it is created empty with 0600 first (VACUUM INTO accepts an empty file).
 * A copy that fails its check is removed: a backup that cannot be restored is worse than none.
 */
export function writeBackup(raw: BetterSqlite3.Database, options: WriteBackupOptions): BackupFile {
  const dir = options.dir ?? backupDirFor(options.databasePath);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const version = options.schemaVersion === undefined ? '' : `-v${options.schemaVersion}`;
  const { name, file } = createFreeFile(dir, (at) => `${baseName(options.databasePath)}.${stamp(at)}.${options.kind}${version}.sqlite`, options.at);
  try {
    raw.prepare('VACUUM INTO ?').run(file);
    checkBackup(file, options.key);
  } catch (error) {
    fs.rmSync(file, { force: true });
    if (error instanceof BackupError) throw error;
    throw new BackupError(`Säkerhetskopian kunde inte skrivas: ${describeFsError(error)}`, { cause: error });
  }
  return { name, file, kind: options.kind, createdAt: parseName(name, baseName(options.databasePath))!.createdAt, bytes: fs.statSync(file).size };
}

/**
 * An empty file of our own (0600) under the name for `at`; two copies within a millisecond (a clock
 * standing still in a test) get the next free millisecond.
 */
function createFreeFile(dir: string, nameAt: (at: Date) => string, at: Date): { name: string; file: string } {
  for (let ms = 0; ; ms += 1) {
    const name = nameAt(new Date(at.getTime() + ms));
    const file = path.join(dir, name);
    try {
      fs.closeSync(fs.openSync(file, 'wx', 0o600));
      return { name, file };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST' && ms < 1000) continue;
      throw new BackupError(`Säkerhetskopian kunde inte skapas i ${dir}: ${describeFsError(error)}`, { cause: error });
    }
  }
}

/** Opens a copy with the key and checks every page; throws a BackupError that says what is wrong. */
export function checkBackup(file: string, key: string | undefined): number {
  let copy: BetterSqlite3.Database | null = null;
  try {
    copy = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
    if (key !== undefined) copy.pragma(`key = '${key}'`);
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
 * Puts a checked copy in the register's place. The register must be closed. Its `-wal` and `-shm`
 * files go too: a stale write-ahead log would be replayed into the restored file and damage it.
 * The copy is written beside the register and renamed over it, so the register is either the old
 * one or the restored one, never half of each.
 */
export function replaceWithBackup(databasePath: string, backupFile: string, key: string | undefined): void {
  checkBackup(backupFile, key);
  const incoming = `${databasePath}.aterstalls`;
  fs.rmSync(incoming, { force: true });
  fs.copyFileSync(backupFile, incoming, fs.constants.COPYFILE_EXCL);
  fs.chmodSync(incoming, 0o600);
  const handle = fs.openSync(incoming, 'r+');
  try {
    fs.fsyncSync(handle);
  } finally {
    fs.closeSync(handle);
  }
  for (const suffix of ['-wal', '-shm', '-journal']) fs.rmSync(`${databasePath}${suffix}`, { force: true });
  fs.renameSync(incoming, databasePath);
}

/**
 * Gives a closed database file a new key (or its first): `PRAGMA rekey` rewrites every page. Rekeying
 * is not supported in WAL mode, so the file is in rollback-journal mode meanwhile.
 */
export function rekeyFile(file: string, oldKey: string | undefined, newKey: string): void {
  const db = new BetterSqlite3(file, { fileMustExist: true });
  try {
    if (oldKey !== undefined) db.pragma(`key = '${oldKey}'`);
    const wal = db.pragma('journal_mode', { simple: true }) === 'wal';
    if (wal) {
      db.pragma('wal_checkpoint(TRUNCATE)');
      db.pragma('journal_mode = DELETE');
    }
    db.pragma(`rekey = '${newKey}'`);
    if (wal) db.pragma('journal_mode = WAL');
  } finally {
    db.close();
  }
}

function describeFsError(error: unknown): string {
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
    default:
      return 'ett oväntat fel i filsystemet.';
  }
}
