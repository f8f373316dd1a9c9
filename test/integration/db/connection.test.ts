import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { DatabaseKeyError, DatabaseOpenError, openDatabase, openDatabaseFromEnv, type Connection } from '../../../main/db/connection';
import { defaultDatabasePath } from '../../../main/db/paths';
import { useTempDir } from '../services/harness';

const WRONG_KEY = 'Databasen kunde inte öppnas: fel nyckel eller inte en Placeringskollen-databas.';

const tmp = useTempDir('pk-connection-');

async function opened(file: string, options?: Parameters<typeof openDatabase>[1]): Promise<Connection> {
  const connection = await openDatabase(file, options);
  tmp.closeAfter(connection);
  return connection;
}

const addHome = (connection: Connection, id: string, name: string) =>
  connection.db.insertInto('homes').values({ id, kind: 'hvb', name, orgNr: null, operator: null, municipality: null, capacity: null, targetGroup: null, agency: null }).execute();

describe('openDatabase', () => {
  it('uses WAL, enforces foreign keys and creates the folder and a private file', async () => {
    const file = path.join(tmp.dir, 'ny', 'mapp', 'register.sqlite');
    const { raw, db, encrypted } = await opened(file);

    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(raw.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(raw.pragma('busy_timeout', { simple: true })).toBeGreaterThan(0);
    expect(encrypted).toBe(false);
    await expect(
      db.insertInto('persons').values({ id: 'P1', homeId: 'saknas', name: 'Test Testsson', role: 'uppdragstagare', birthYear: null }).execute(),
    ).rejects.toThrow(/FOREIGN KEY/);
    if (process.platform !== 'win32') expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  });

  it('maps columns to camelCase through Kysely', async () => {
    const connection = await opened(path.join(tmp.dir, 'register.sqlite'));
    await connection.db.insertInto('homes').values({ id: 'H1', kind: 'hvb', name: 'Testhemmet', orgNr: '556000-0019', operator: 'enskild', municipality: 'Timrå', capacity: 3, targetGroup: null, agency: null }).execute();
    expect(connection.raw.prepare('SELECT org_nr FROM homes').pluck().get()).toBe('556000-0019');
    expect(await connection.db.selectFrom('homes').select(['orgNr', 'active']).executeTakeFirst()).toEqual({ orgNr: '556000-0019', active: 1 });
  });

  it('sv_lower folds Swedish case and accents but keeps å, ä and ö', async () => {
    const { raw } = await opened(path.join(tmp.dir, 'register.sqlite'));
    const lower = raw.prepare('SELECT sv_lower(?)').pluck();
    expect(lower.get('ÅKERBACKEN ÄLVÄNGEN ÖSTERGÅRDEN')).toBe('åkerbacken älvängen östergården');
    expect(lower.get('Émile')).toBe('emile');
    expect(lower.get(null)).toBeNull();
  });

  it('sv_contains treats å, ä and ö as letters of their own, in SQL queries', async () => {
    const connection = await opened(path.join(tmp.dir, 'register.sqlite'));
    await addHome(connection, 'H1', 'Östergårdens HVB');
    await addHome(connection, 'H2', 'Åkerbackens stödboende');
    await addHome(connection, 'H3', 'Ansgars hem');
    const find = async (needle: string) =>
      (await sql<{ name: string }>`SELECT name FROM homes WHERE sv_contains(name, ${needle}) ORDER BY id`.execute(connection.db)).rows.map((r) => r.name);

    expect(await find('ÖSTER')).toEqual(['Östergårdens HVB']);
    expect(await find('oster')).toEqual([]);
    expect(await find('å')).toEqual(['Östergårdens HVB', 'Åkerbackens stödboende']);
    expect(await find('a')).toEqual(['Åkerbackens stödboende', 'Ansgars hem']);
    expect(connection.raw.prepare('SELECT sv_contains(NULL, ?)').pluck().get('x')).toBe(0);
  });

  it('refuses an SQLite file that is not a Placeringskollen database', async () => {
    const file = path.join(tmp.dir, 'annan.sqlite');
    const other = new BetterSqlite3(file);
    other.exec('CREATE TABLE kunder (id INTEGER)');
    other.close();
    await expect(openDatabase(file)).rejects.toThrow(WRONG_KEY);
  });

  it('refuses a file that is not SQLite at all', async () => {
    const file = path.join(tmp.dir, 'text.sqlite');
    fs.writeFileSync(file, 'Det här är ingen databas. '.repeat(200));
    await expect(openDatabase(file)).rejects.toThrow(DatabaseOpenError);
  });
});

describe('encryption at rest', () => {
  // 256 bits as 64 hexadecimal characters (fictional; any key of this form).
  const key = '3f6c0a9d2b7e4c18a5f0e2d9c6b3a8170e4d2c9b8a7f6e5d4c3b2a1908f7e6d5';
  const otherKey = 'a'.repeat(64);

  async function encryptedRegister(): Promise<string> {
    const file = path.join(tmp.dir, 'krypterad.sqlite');
    const connection = await openDatabase(file, { key });
    expect(connection.encrypted).toBe(true);
    await addHome(connection, 'H1', 'Östergårdens HVB');
    await connection.close();
    return file;
  }

  it('the file does not contain the data in plain text', async () => {
    const file = await encryptedRegister();
    const bytes = fs.readFileSync(file);
    expect(bytes.subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3');
    expect(bytes.includes(Buffer.from('Östergårdens'))).toBe(false);
  });

  it('cannot be opened without the key: a clear Swedish error', async () => {
    const file = await encryptedRegister();
    await expect(openDatabase(file)).rejects.toThrow(WRONG_KEY);
  });

  it('cannot be opened with a wrong key: a clear Swedish error', async () => {
    const file = await encryptedRegister();
    await expect(openDatabase(file, { key: otherKey })).rejects.toThrow(DatabaseOpenError);
    await expect(openDatabase(file, { key: otherKey })).rejects.toThrow(WRONG_KEY);
  });

  it('an empty key never gives a plaintext register: refused before any file is made (issue 17, defect 6)', async () => {
    const file = path.join(tmp.dir, 'tom-nyckel.sqlite');
    await expect(openDatabase(file, { key: '' })).rejects.toThrow(DatabaseKeyError);
    await expect(openDatabaseFromEnv(file, { PLACERINGSKOLLEN_DB_KEY: '' })).rejects.toThrow('Nyckeln (PLACERINGSKOLLEN_DB_KEY) ska vara 64 hexadecimala tecken');
    expect(fs.existsSync(file)).toBe(false);
  });

  it('a key that is not 64 hexadecimal characters is refused, whatever it is (issue 17, defect 6)', async () => {
    const file = path.join(tmp.dir, 'svag-nyckel.sqlite');
    for (const weak of ['hemlig', 'test-nyckel', 'a'.repeat(63), 'g'.repeat(64), `${key} `]) {
      await expect(openDatabase(file, { key: weak })).rejects.toThrow(DatabaseKeyError);
    }
    expect(fs.existsSync(file)).toBe(false);
  });

  it('opens with the right key, also from PLACERINGSKOLLEN_DB_KEY', async () => {
    const file = await encryptedRegister();
    // Closed before the same file is opened again with the key from PLACERINGSKOLLEN_DB_KEY.
    const connection = await openDatabase(file, { key });
    expect(await connection.db.selectFrom('homes').select('name').execute()).toEqual([{ name: 'Östergårdens HVB' }]);
    await connection.close();

    const fromEnv = await openDatabaseFromEnv(file, { PLACERINGSKOLLEN_DB_KEY: key });
    tmp.closeAfter(fromEnv);
    expect(fromEnv.encrypted).toBe(true);
    expect(fromEnv.raw.pragma('journal_mode', { simple: true })).toBe('wal');
  });

  it('a plain database opened with a key is refused, not silently re-keyed', async () => {
    const file = path.join(tmp.dir, 'okrypterad.sqlite');
    await (await openDatabase(file)).close();
    await expect(openDatabase(file, { key })).rejects.toThrow(WRONG_KEY);
  });
});

describe('defaultDatabasePath', () => {
  const home = '/home/exempel';

  it('Linux: XDG_CONFIG_HOME, else ~/.config', () => {
    expect(defaultDatabasePath({}, 'linux', home)).toBe('/home/exempel/.config/Placeringskollen/placeringskollen.sqlite');
    expect(defaultDatabasePath({ XDG_CONFIG_HOME: '/xdg' }, 'linux', home)).toBe('/xdg/Placeringskollen/placeringskollen.sqlite');
  });

  it('macOS: ~/Library/Application Support', () => {
    expect(defaultDatabasePath({}, 'darwin', '/Users/exempel')).toBe(
      '/Users/exempel/Library/Application Support/Placeringskollen/placeringskollen.sqlite',
    );
  });

  it('Windows: %APPDATA%', () => {
    expect(defaultDatabasePath({ APPDATA: 'C:\\Users\\exempel\\AppData\\Roaming' }, 'win32', 'C:\\Users\\exempel')).toBe(
      'C:\\Users\\exempel\\AppData\\Roaming\\Placeringskollen\\placeringskollen.sqlite',
    );
  });

  it('PLACERINGSKOLLEN_DB overrides the platform default', () => {
    expect(defaultDatabasePath({ PLACERINGSKOLLEN_DB: '/data/pk.sqlite' }, 'linux', home)).toBe('/data/pk.sqlite');
  });
});
