import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../main/db/connection';
import { NewerDatabaseError, currentVersion, migrate } from '../../../main/db/migrate';
import { latestVersion, migrations, type Migration } from '../../../main/db/migrations';
import { useTempDir } from '../services/harness';

const tmp = useTempDir('pk-migrate-');

const tables = (raw: BetterSqlite3.Database): string[] =>
  raw.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[];
const backups = (): string[] => {
  const dir = path.join(tmp.dir, 'sakerhetskopior');
  return fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.includes('.fore-migrering')) : [];
};
const sha256 = (file: string): string => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

// A synthetic history: v1 creates a table, v2 adds a column.
const v1: Migration = { version: 1, description: 'a', sql: 'CREATE TABLE a (id INTEGER PRIMARY KEY, x TEXT) STRICT;' };
const v2: Migration = { version: 2, description: 'b', sql: 'ALTER TABLE a ADD COLUMN y TEXT;' };

function databaseAtV1(file: string): BetterSqlite3.Database {
  const raw = new BetterSqlite3(file);
  migrate(raw, [v1], { databasePath: file });
  raw.prepare("INSERT INTO a (x) VALUES ('före')").run();
  return raw;
}

describe('migrations of the real schema', () => {
  it('an empty database migrates to the latest version with every table and no backup', async () => {
    const file = path.join(tmp.dir, 'ny.sqlite');
    const connection = await openDatabase(file);
    expect(currentVersion(connection.raw)).toBe(latestVersion);
    expect(tables(connection.raw)).toEqual(
      expect.arrayContaining(['homes', 'persons', 'children', 'placements', 'stays', 'register_checks', 'events', 'notes', 'assessments', 'deviations']),
    );
    await connection.close();
    expect(backups()).toEqual([]);
  });

  it('every migration of the list runs from version 0 and leaves consistent foreign keys', () => {
    const raw = new BetterSqlite3(path.join(tmp.dir, 'noll.sqlite'));
    const result = migrate(raw, migrations, { databasePath: path.join(tmp.dir, 'noll.sqlite') });
    expect(result).toEqual({ from: 0, to: latestVersion, backupPath: null });
    expect(raw.pragma('foreign_key_check')).toEqual([]);
    raw.close();
  });

  it('opening an up-to-date database again changes nothing and makes no backup', async () => {
    const file = path.join(tmp.dir, 'igen.sqlite');
    await (await openDatabase(file)).close();
    const again = await openDatabase(file);
    expect(currentVersion(again.raw)).toBe(latestVersion);
    await again.close();
    expect(backups()).toEqual([]);
  });
});

describe('the migration runner', () => {
  it('migrates from v1 to v2 after a VACUUM INTO backup of the v1 database, in the backup folder beside it', () => {
    const file = path.join(tmp.dir, 'register.sqlite');
    const raw = databaseAtV1(file);
    const result = migrate(raw, [v1, v2], { databasePath: file });

    expect(result.from).toBe(1);
    expect(result.to).toBe(2);
    expect(currentVersion(raw)).toBe(2);
    expect(raw.prepare('SELECT x, y FROM a').all()).toEqual([{ x: 'före', y: null }]);
    raw.close();

    expect(backups()).toHaveLength(1);
    expect(backups()[0]).toMatch(/^register\.\d{4}-\d\d-\d\dT[\d-]+Z\.fore-migrering-v1\.sqlite$/);
    expect(result.backupPath).toBe(path.join(tmp.dir, 'sakerhetskopior', backups()[0]!));
    const copy = new BetterSqlite3(result.backupPath!, { readonly: true });
    expect(currentVersion(copy)).toBe(1);
    expect(copy.prepare('SELECT * FROM a').all()).toEqual([{ id: 1, x: 'före' }]);
    copy.close();
  });

  it('puts the backup in backupDir when one is given', () => {
    const file = path.join(tmp.dir, 'register.sqlite');
    const backupDir = path.join(tmp.dir, 'kopior');
    const raw = databaseAtV1(file);
    const result = migrate(raw, [v1, v2], { databasePath: file, backupDir });
    raw.close();
    expect(path.dirname(result.backupPath!)).toBe(backupDir);
    expect(fs.readdirSync(backupDir)).toHaveLength(1);
  });

  it('the backup is readable by its owner only (0600), in a backup folder it creates with 0700', () => {
    // A usual umask, under which SQLite would create the copy readable by everyone (0644).
    const umask = process.umask(0o022);
    try {
      const file = path.join(tmp.dir, 'register.sqlite');
      const backupDir = path.join(tmp.dir, 'kopior');
      const raw = databaseAtV1(file);
      const { backupPath } = migrate(raw, [v1, v2], { databasePath: file, backupDir });
      raw.close();
      expect(fs.statSync(backupPath!).mode & 0o777).toBe(0o600);
      expect(fs.statSync(backupDir).mode & 0o777).toBe(0o700);
      const copy = new BetterSqlite3(backupPath!, { readonly: true });
      expect(copy.prepare('SELECT x FROM a').pluck().all()).toEqual(['före']);
      copy.close();
    } finally {
      process.umask(umask);
    }
  });

  it('a failing backup leaves no empty file behind and migrates nothing', () => {
    const file = path.join(tmp.dir, 'register.sqlite');
    const raw = databaseAtV1(file);
    // VACUUM INTO cannot run inside a transaction: the backup fails after its file was created.
    raw.exec('BEGIN');
    expect(() => migrate(raw, [v1, v2], { databasePath: file })).toThrow();
    raw.exec('ROLLBACK');
    expect(currentVersion(raw)).toBe(1);
    raw.close();
    expect(backups()).toEqual([]);
  });

  it('a failing migration rolls back and leaves user_version and the data unchanged', () => {
    const file = path.join(tmp.dir, 'register.sqlite');
    const raw = databaseAtV1(file);
    const broken: Migration = { version: 2, description: 'trasig', sql: 'CREATE TABLE b (id INTEGER); INSERT INTO saknas VALUES (1);' };
    const foreignKeys = raw.pragma('foreign_keys', { simple: true });

    expect(() => migrate(raw, [v1, broken], { databasePath: file })).toThrow(/saknas/);
    expect(currentVersion(raw)).toBe(1);
    expect(tables(raw)).toEqual(['a']);
    expect(raw.prepare('SELECT x FROM a').pluck().all()).toEqual(['före']);
    expect(raw.pragma('foreign_keys', { simple: true })).toBe(foreignKeys);
    raw.close();
  });

  it('restores the caller’s foreign_keys setting after migrating', () => {
    for (const setting of [0, 1]) {
      const raw = new BetterSqlite3(':memory:');
      raw.pragma(`foreign_keys = ${setting}`);
      migrate(raw, [v1, v2], { databasePath: ':memory:' });
      expect(raw.pragma('foreign_keys', { simple: true })).toBe(setting);
      raw.close();
    }
  });

  it('a database from a newer version is refused with a Swedish message and not modified', async () => {
    const file = path.join(tmp.dir, 'framtid.sqlite');
    const raw = new BetterSqlite3(file);
    raw.exec('CREATE TABLE framtid (id INTEGER); PRAGMA user_version = 99;');
    raw.close();
    const before = sha256(file);

    const reopened = new BetterSqlite3(file);
    expect(() => migrate(reopened, [v1, v2], { databasePath: file })).toThrow(NewerDatabaseError);
    reopened.close();
    await expect(openDatabase(file)).rejects.toThrow(
      'Databasen är skapad av en nyare version av Placeringskollen (schemaversion 99). Uppdatera programmet; databasen har inte ändrats.',
    );

    expect(sha256(file)).toBe(before);
    expect(backups()).toEqual([]);
  });

  it('refuses a migration list with a gap', () => {
    const raw = new BetterSqlite3(':memory:');
    expect(() => migrate(raw, [v1, { ...v2, version: 3 }], { databasePath: ':memory:' })).toThrow(/numbered/);
    raw.close();
  });

  it('the backup of an encrypted database is encrypted with the same key', async () => {
    const file = path.join(tmp.dir, 'krypterad.sqlite');
    const key = 'e'.repeat(64);
    await (await openDatabase(file, { key })).close();

    const raw = new BetterSqlite3(file);
    raw.pragma(`key = '${key}'`);
    const next: Migration = { version: latestVersion + 1, description: 'test', sql: 'CREATE TABLE extra (id INTEGER);' };
    const { backupPath } = migrate(raw, [...migrations, next], { databasePath: file, key });
    raw.close();

    const withoutKey = new BetterSqlite3(backupPath!);
    expect(() => withoutKey.prepare('SELECT count(*) FROM sqlite_master').get()).toThrow(/not a database/);
    withoutKey.close();
    const withKey = new BetterSqlite3(backupPath!);
    withKey.pragma(`key = '${key}'`);
    expect(currentVersion(withKey)).toBe(latestVersion);
    withKey.close();
  });
});
