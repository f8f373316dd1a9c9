import { writeBackup } from './backups';
import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import type { Migration } from './migrations';

/** The database was written by a newer Placeringskollen: we refuse it rather than guess. */
export class NewerDatabaseError extends Error {
  constructor(
    readonly databaseVersion: number,
    readonly supportedVersion: number,
  ) {
    super(
      `Databasen är skapad av en nyare version av Placeringskollen (schemaversion ${databaseVersion}). ` +
        'Uppdatera programmet; databasen har inte ändrats.',
    );
    this.name = 'NewerDatabaseError';
  }
}

export interface MigrateOptions {
  /** The database file; names the backup and, without `backupDir`, says where it goes (backups.ts). */
  databasePath: string;
  backupDir?: string;
  /** The register's key: the copy is checked by opening it with it. */
  key?: string | undefined;
  /** "Now", for the copy's name. */
  now?: () => Date;
}

export interface MigrateResult {
  from: number;
  to: number;
  /** The copy made before migrating, or null when nothing needed one. */
  backupPath: string | null;
}

export function currentVersion(raw: BetterSqlite3.Database): number {
  return raw.pragma('user_version', { simple: true }) as number;
}

/**
 * Brings the database up to the last migration (Signal Desktop's pattern): refuse a newer
 * database untouched; copy a non-empty database before changing it; run each migration in its
 * own transaction that also sets `user_version`, so a failing migration leaves the previous
 * version intact.
 */
export function migrate(
  raw: BetterSqlite3.Database,
  migrations: readonly Migration[],
  options: MigrateOptions,
): MigrateResult {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`Migrations must be numbered 1, 2, 3…; found ${m.version} at ${i}.`);
  });
  const latest = migrations.length;
  const from = currentVersion(raw);
  if (from > latest) throw new NewerDatabaseError(from, latest);
  if (from === latest) return { from, to: from, backupPath: null };

  const backupPath = from > 0 && !raw.memory ? backup(raw, from, options) : null;

  // Table rebuilds in later migrations need foreign keys off (SQLite's ALTER TABLE recipe);
  // each transaction checks them itself before it commits.
  const foreignKeys = raw.pragma('foreign_keys', { simple: true }) as number;
  raw.pragma('foreign_keys = OFF');
  try {
    for (const migration of migrations.slice(from)) {
      // IMMEDIATE takes the write lock at once; the version is read again under it in case
      // another process (the CLI beside the app) migrated meanwhile.
      raw
        .transaction(() => {
          if (currentVersion(raw) >= migration.version) return;
          raw.exec(migration.sql);
          migration.up?.(raw);
          const violations = raw.pragma('foreign_key_check') as unknown[];
          if (violations.length > 0) {
            throw new Error(`Migration ${migration.version} leaves ${violations.length} broken foreign keys.`);
          }
          raw.pragma(`user_version = ${migration.version}`);
        })
        .immediate();
    }
  } finally {
    raw.pragma(`foreign_keys = ${foreignKeys ? 'ON' : 'OFF'}`);
  }
  return { from, to: currentVersion(raw), backupPath };
}

/**
 * A checked copy (backups.ts) in the register's backup folder, encrypted with the same key; pruned
 * with the other safety copies, so old ones do not pile up.
 */
function backup(raw: BetterSqlite3.Database, version: number, options: MigrateOptions): string {
  return writeBackup(raw, {
    databasePath: options.databasePath,
    kind: 'fore-migrering',
    schemaVersion: version,
    at: options.now?.() ?? new Date(),
    key: options.key,
    ...(options.backupDir ? { dir: options.backupDir } : {}),
  }).file;
}
