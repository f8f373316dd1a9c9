/**
 * `placeringskollen log` and `import --user` end to end: the access log as a revisor reads it on
 * the command line. A fictional register (test/fixtures/exchange/full.json) is imported through
 * the command line; each test works on its own copy of it, with invented users added through the
 * services, and some entries written as the app's gate writes them. The shared register's log,
 * which the database writes itself, has its own tests at the end.
 *
 * Most runs are in-process (`main` with captured output); a few start the real bin to see the
 * exit code and stdout of a process.
 */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { openDatabase } from '../../main/db/connection';
import { openSharedRegister } from '../../main/db/pg/register';
import { createServices, type Services } from '../../main/services';
import { testClock, TEST_NOW } from '../clock';
import { engines, importedRegister, lines } from './cli-harness';

const fixture = fileURLToPath(new URL('../fixtures/exchange/full.json', import.meta.url));
const register = importedRegister(fixture, 'pk-cli-log-');
const { cli, spawn, inDir } = register;

/** A copy of the imported register under `name`, for one test to change. */
function copy(name: string): string {
  fs.copyFileSync(register.database, inDir(name));
  return name;
}

/** The services over the database `name` in the folder, as the app would open it. */
async function withRegister<T>(name: string, work: (services: Services, raw: BetterSqlite3.Database) => Promise<T>): Promise<T> {
  const connection = await openDatabase(inDir(name));
  try {
    return await work(createServices(connection.db, { clock: testClock() }), connection.raw);
  } finally {
    await connection.close();
  }
}

const user = (name: string, initials: string, active = true) => ({ name, initials, role: 'handlaggare' as const, units: ['Barn och unga'], active });

/** Two invented users, one no longer active; their ids. */
async function addUsers(name: string): Promise<{ maja: string; former: string }> {
  return withRegister(name, async (services) => ({
    maja: await services.users.insert(user('Maja Testberg', 'MT')),
    former: await services.users.insert(user('Olle Förrberg', 'OF', false)),
  }));
}

interface LogJson {
  seq: number;
  at: string;
  userId: string | null;
  userName: string;
  action: string;
  channel: string | null;
  entity: string | null;
  entityId: string | null;
  childId: string | null;
  detail: unknown;
}

async function logJson(args: string[]): Promise<LogJson[]> {
  const run = await cli(['log', ...args, '--json']);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout) as LogJson[];
}

const counts = (json: unknown) => (json as { counts: Record<string, { created: number; updated: number }> }).counts;

describe('log verify', () => {
  it('an intact log: one line with the number of entries, exit 0 (the real bin)', async () => {
    const db = copy('intact.sqlite');
    await addUsers(db);
    const entries = await withRegister(db, async (services) => (await services.users.verifyAccessLog()).entries);
    expect(entries).toBeGreaterThan(1);
    const run = await spawn(['log', 'verify', '--db', db]);
    expect(run).toEqual({ code: 0, stdout: `Loggen är hel: ${entries} poster.\n`, stderr: '' });
  }, 60_000);

  it('a tampered entry: exit 1 and one line naming it', async () => {
    const db = copy('tampered.sqlite');
    await addUsers(db);
    await withRegister(db, async (_services, raw) => {
      // Anyone with the file and the sqlite3 shell: the guards dropped, entry 1 rewritten.
      raw.exec('DROP TRIGGER access_log_no_update; DROP TRIGGER access_log_no_delete;');
      raw.prepare(`UPDATE access_log SET channel = 'gui:import' WHERE seq = 1`).run();
    });
    const run = await cli(['log', 'verify', '--db', db]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    expect(lines(run.stdout)).toHaveLength(1);
    expect(run.stdout).toMatch(/^Post 1 har ändrats/);
  });

  it('a removed entry is named too', async () => {
    const db = copy('removed.sqlite');
    await addUsers(db);
    await withRegister(db, async (_services, raw) => {
      raw.exec('DROP TRIGGER access_log_no_delete;');
      raw.prepare('DELETE FROM access_log WHERE seq = 2').run();
    });
    const run = await cli(['log', 'verify', '--db', db]);
    expect(run.code).toBe(1);
    expect(lines(run.stdout)).toEqual(['Post 2 saknas: borttagen ur loggen.']);
  });

  it('takes no filters, and never creates a database', async () => {
    const run = await cli(['log', 'verify', '--db', 'register.sqlite', '--child', 'C1', '--json']);
    expect(run.code).toBe(2);
    expect(lines(run.stderr)).toEqual(['--child: gäller inte log verify', '--json: gäller inte log verify']);

    const missing = await cli(['log', 'verify', '--db', 'saknas.sqlite']);
    expect(missing.code).toBe(2);
    expect(lines(missing.stderr)).toEqual([`Databasen finns inte: ${inDir('saknas.sqlite')}`]);
    expect(fs.existsSync(inDir('saknas.sqlite'))).toBe(false);
  });
});

describe('import --user', () => {
  it('logs the import as one entry by that user, with the counts', async () => {
    const db = copy('as-user.sqlite');
    const { maja } = await addUsers(db);
    const before = (await logJson(['--db', db])).length;

    const run = await cli(['import', fixture, '--db', db, '--user', maja]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);

    const log = await logJson(['--db', db]);
    expect(log).toHaveLength(before + 1);
    const [entry] = log;
    expect(entry).toMatchObject({ userId: maja, userName: 'Maja Testberg', action: 'import', channel: 'cli:import', at: TEST_NOW, childId: null });
    expect(counts(entry!.detail)).toMatchObject({ homes: { created: 0, updated: 7 }, placements: { created: 0, updated: 6 } });

    // By the user's exact name as well.
    expect((await cli(['import', fixture, '--db', db, '--user', 'Maja Testberg'])).code).toBe(0);
    expect((await logJson(['--db', db, '--user', maja])).filter((e) => e.action === 'import')).toHaveLength(2);
    expect((await cli(['log', 'verify', '--db', db])).code).toBe(0);
  });

  it('without --user the import is the system\'s', async () => {
    const [first] = await logJson(['--db', 'register.sqlite']);
    expect(first).toMatchObject({ seq: 1, userId: null, userName: 'Systemet', action: 'import', channel: 'cli:import' });
    expect(counts(first!.detail)).toMatchObject({ homes: { created: 7, updated: 0 } });
  });

  it('an unknown or inactive user: exit 2, one Swedish line, nothing written', async () => {
    const db = copy('refused.sqlite');
    const { former } = await addUsers(db);
    const before = await logJson(['--db', db]);
    const exported = (await cli(['export', '--db', db])).stdout;

    const unknown = await cli(['import', fixture, '--db', db, '--user', 'U-finns-inte']);
    expect(unknown.code).toBe(2);
    expect(unknown.stdout).toBe('');
    expect(lines(unknown.stderr)).toEqual(['--user: det finns ingen användare med id eller namn U-finns-inte i databasen']);

    const inactive = await cli(['import', fixture, '--db', db, '--user', former]);
    expect(inactive.code).toBe(2);
    expect(lines(inactive.stderr)).toEqual([`--user: Olle Förrberg (${former}) är inte längre aktiv och kan inte läsa in filer`]);

    expect(await logJson(['--db', db])).toEqual(before);
    expect((await cli(['export', '--db', db])).stdout).toBe(exported);
  });

  it('a new database has no users: --user is refused and no database is created', async () => {
    const run = await cli(['import', fixture, '--db', 'ny.sqlite', '--user', 'Maja Testberg']);
    expect(run.code).toBe(2);
    expect(lines(run.stderr)).toHaveLength(1);
    expect(fs.existsSync(inDir('ny.sqlite'))).toBe(false);
  });
});

describe('log', () => {
  /** Reads of two children's files by Maja, as the gate logs them, on two days. */
  async function readsOfChildren(db: string): Promise<string> {
    const { maja } = await addUsers(db);
    await withRegister(db, async (services) => {
      const read = (childId: string, at: string) =>
        services.accessLog.within({ userId: maja, channel: 'getChild', at, rowChanges: true }, () =>
          services.accessLog.append({ action: 'read', entity: 'children', entityId: childId, childId, detail: null }),
        );
      await read('C1', '2026-11-23T08:30:00.000Z');
      await read('C2', '2026-11-23T09:00:00.000Z');
      await read('C1', '2026-11-25T13:45:00.000Z');
    });
    return maja;
  }

  it('--json --child lists only that child\'s entries, newest first, with the contract\'s keys', async () => {
    const db = copy('children.sqlite');
    const maja = await readsOfChildren(db);
    const log = await logJson(['--db', db, '--child', 'C1']);
    expect(log.map((e) => [e.at, e.userId, e.action, e.childId])).toEqual([
      ['2026-11-25T13:45:00.000Z', maja, 'read', 'C1'],
      ['2026-11-23T08:30:00.000Z', maja, 'read', 'C1'],
    ]);
    expect(Object.keys(log[0]!)).toEqual(['seq', 'at', 'userId', 'userName', 'action', 'channel', 'entity', 'entityId', 'childId', 'detail']);
    expect(log[0]).toMatchObject({ userName: 'Maja Testberg', channel: 'getChild', entity: 'children', entityId: 'C1', detail: null });

    const all = await logJson(['--db', db]);
    expect(all.map((e) => e.seq)).toEqual(all.map((_, i) => all.length - i));
  });

  it('filters by user and by days (both ends included)', async () => {
    const db = copy('period.sqlite');
    const maja = await readsOfChildren(db);
    const byDay = await logJson(['--db', db, '--from', '2026-11-23', '--to', '2026-11-23']);
    expect(byDay.map((e) => e.childId)).toEqual(['C2', 'C1']);
    const byUser = await logJson(['--db', db, '--user', 'Maja Testberg', '--from', '2026-11-24']);
    expect(byUser.map((e) => [e.userId, e.childId])).toEqual([[maja, 'C1']]);
  });

  it('prints a Swedish table without --json', async () => {
    const db = copy('table.sqlite');
    await readsOfChildren(db);
    const run = await cli(['log', '--db', db, '--child', 'C2']);
    expect(run.code).toBe(0);
    const [header, , row, , summary] = run.stdout.split('\n');
    expect(header!.split(/\s{2,}/)).toEqual(['Nr', 'Tid', 'Användare', 'Händelse', 'Kanal', 'Vad', 'Barn']);
    expect(row!.split(/\s{2,}/).slice(1)).toEqual(['2026-11-23 09:00:00 UTC', 'Maja Testberg', 'Läst', 'getChild', 'barn C2', 'C2']);
    expect(summary).toBe('1 post.');
    expect((await cli(['log', '--db', db, '--child', 'C9'])).stdout).toBe('Inga poster i loggen.\n');
  });

  it('bad dates, a period backwards or an unknown subcommand: exit 2, a Swedish line each', async () => {
    const bad = await cli(['log', '--db', 'register.sqlite', '--from', '2026-02-30', '--to', '22/11/2026']);
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe('');
    expect(lines(bad.stderr)).toEqual(['--from: datumet 2026-02-30 finns inte', '--to: inte ett datum i formen ÅÅÅÅ-MM-DD: 22/11/2026']);

    const backwards = await cli(['log', '--db', 'register.sqlite', '--from', '2026-11-23', '--to', '2026-11-01']);
    expect(backwards.code).toBe(2);
    expect(lines(backwards.stderr)).toEqual(['--to: till-datumet 2026-11-01 är före från-datumet 2026-11-23']);

    const unknown = await cli(['log', 'visa', '--db', 'register.sqlite']);
    expect(unknown.code).toBe(2);
    expect(lines(unknown.stderr)).toEqual(['okänt underkommando till log: visa; tillåtet: verify']);
  });

  it('a missing database: exit 2 and nothing created', async () => {
    const run = await cli(['log', '--db', 'saknas.sqlite']);
    expect(run.code).toBe(2);
    expect(fs.existsSync(inDir('saknas.sqlite'))).toBe(false);
  });

  it('is in the help, in Swedish and English', async () => {
    expect((await cli(['--help'])).stdout).toContain('log [verify] --db <sökväg>');
    const help = await cli(['log', '--help', '--lang', 'en']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: placeringskollen log [verify] --db <path>');
  });
});

/**
 * The log on the shared register (issue 18). There the database writes every entry itself: its
 * time is the database's (not the command's clock, TEST_NOW), and its user is the user of the
 * session's login (`session_user`), never one the program names. So these expected values differ
 * from the file's above, by design: the test server's login has no user at first ("Systemet"),
 * `import --user` may name only the login's own user, and tampering needs the owner.
 */
describe.runIf(engines.includes('postgres'))('log and import --user on the shared register (postgres)', () => {
  const register = importedRegister(fixture, 'pk-cli-log-', 'postgres');
  const { cli, spawn } = register;
  const logOf = (...args: string[]) => logJson(['--db', register.database, ...args]);

  async function logJson(args: string[]): Promise<LogJson[]> {
    const run = await cli(['log', ...args, '--json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    return JSON.parse(run.stdout) as LogJson[];
  }

  /** The services over the shared register, as the app would open it, and SQL as its login. */
  async function withShared<T>(work: (services: Services, query: (text: string) => Promise<unknown>) => Promise<T>): Promise<T> {
    const shared = await openSharedRegister(register.database);
    try {
      return await work(createServices(shared.db, { clock: testClock() }), (text) => sql.raw(text).execute(shared.db));
    } finally {
      await shared.close();
    }
  }

  it("without --user the import is the login's: no user yet, so the system's, at the database's time", async () => {
    const [first] = await logOf();
    expect(first).toMatchObject({ seq: 1, userId: null, userName: 'Systemet', action: 'import', channel: 'cli:import' });
    expect(counts(first!.detail)).toMatchObject({ homes: { created: 7, updated: 0 } });
    expect(first!.at).not.toBe(TEST_NOW);
    expect(first!.at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(Math.abs(Date.parse(first!.at) - Date.now())).toBeLessThan(10 * 60_000);
  });

  it('log verify: an intact log, one line with the number of entries, exit 0 (the real bin)', async () => {
    const entries = (await logOf()).length;
    expect(entries).toBeGreaterThan(0);
    const run = await spawn(['log', 'verify', '--db', register.database]);
    expect(run).toEqual({ code: 0, stdout: `Loggen är hel: ${entries} ${entries === 1 ? 'post' : 'poster'}.\n`, stderr: '' });
  }, 60_000);

  it("--user may name only the login's own user: another is refused (exit 2), nothing written", async () => {
    const { maja } = await withShared(async (services) => ({
      maja: await services.users.insert(user('Maja Testberg', 'MT')),
      former: await services.users.insert(user('Olle Förrberg', 'OF', false)),
    }));
    const before = await logOf();
    const asMaja = await cli(['import', fixture, '--db', register.database, '--user', maja]);
    expect(asMaja.code).toBe(2);
    expect(asMaja.stdout).toBe('');
    expect(lines(asMaja.stderr)).toEqual([
      '--user: på det gemensamma registret loggar databasen inläsningen som inloggningens användare (Systemet), inte som Maja Testberg; logga in som Maja Testberg eller läs in utan --user',
    ]);
    // An unknown user is refused as on a file.
    const unknown = await cli(['import', fixture, '--db', register.database, '--user', 'U-finns-inte']);
    expect(unknown.code).toBe(2);
    expect(lines(unknown.stderr)).toEqual(['--user: det finns ingen användare med id eller namn U-finns-inte i databasen']);
    expect(await logOf()).toEqual(before);
  });

  it("the login's own user: the import and every entry after it are hers, and the filters find them", async () => {
    const maja = await withShared(async (services, query) => {
      // Only the owner names a person's login (migration 11); the test server's login is the owner.
      await query("UPDATE users SET db_login = session_user WHERE name = 'Maja Testberg'");
      const id = (await services.users.session()).user!.id;
      // Reads of two children's files, as the gate logs them: the program's user and time are not the log's.
      const read = (childId: string) =>
        services.accessLog.within({ userId: 'U-someone-else', channel: 'getChild', at: '2026-11-23T08:30:00.000Z', rowChanges: true }, () =>
          services.accessLog.append({ action: 'read', entity: 'children', entityId: childId, childId, detail: null }),
        );
      await read('C1');
      await read('C2');
      await read('C1');
      return id;
    });
    const run = await cli(['import', fixture, '--db', register.database, '--user', 'Maja Testberg']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);

    const [newest] = await logOf();
    expect(newest).toMatchObject({ userId: maja, userName: 'Maja Testberg', action: 'import', channel: 'cli:import' });
    expect(counts(newest!.detail)).toMatchObject({ homes: { created: 0, updated: 7 } });

    const ofC1 = await logOf('--child', 'C1');
    expect(ofC1.map((e) => [e.userId, e.action, e.channel, e.childId])).toEqual([
      [maja, 'read', 'getChild', 'C1'],
      [maja, 'read', 'getChild', 'C1'],
    ]);
    expect(ofC1[0]!.seq).toBeGreaterThan(ofC1[1]!.seq);
    expect(ofC1.every((e) => e.at !== '2026-11-23T08:30:00.000Z')).toBe(true);
    expect((await logOf('--user', 'Maja Testberg')).filter((e) => e.action === 'import')).toHaveLength(1);
    const all = await logOf();
    expect(all.map((e) => e.seq)).toEqual(all.map((_, i) => all.length - i));
    expect((await cli(['log', 'verify', '--db', register.database])).code).toBe(0);
  });

  it('a tampered entry (the owner dropped the guard): exit 1 and one line naming it', async () => {
    await withShared(async (_services, query) => {
      await query('ALTER TABLE access_log DISABLE TRIGGER access_log_no_update');
      await query("UPDATE access_log SET channel = 'gui:import' WHERE seq = 1");
    });
    const run = await cli(['log', 'verify', '--db', register.database]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    expect(lines(run.stdout)).toHaveLength(1);
    expect(run.stdout).toMatch(/^Post 1 har ändrats/);
  });
});
