/**
 * Migrations of the shared register (issue 18): ordered, each in a transaction with its version, a
 * newer register refused untouched, and two apps starting at once migrating once.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { NewerDatabaseError } from '../../../main/db/migrate';
import { openSharedPool, parseSharedRegisterUrl, SharedRegisterError } from '../../../main/db/pg/connection';
import { pgMigrations } from '../../../main/db/pg/migrations';
import { currentPgVersion, migratePg, type PgMigration } from '../../../main/db/pg/migrate';
import { CREATE_DATABASE_OPTIONS } from '../../pg-database';
import { adminUrl, urlOf, useTestDatabase } from './harness';

const v1: PgMigration = { version: 1, description: 'hem', sql: 'CREATE TABLE t_homes (id text PRIMARY KEY, name text NOT NULL)' };
const v2: PgMigration = { version: 2, description: 'kommun', sql: "ALTER TABLE t_homes ADD COLUMN municipality text; INSERT INTO t_homes VALUES ('H1', 'Solgården', 'Timrå')" };

describe.runIf(adminUrl)('migrations of the shared register', () => {
  const database = useTestDatabase('pk_migrate');
  const pools: pg.Pool[] = [];
  const open = async () => {
    const pool = await openSharedPool(parseSharedRegisterUrl(database.url));
    pools.push(pool);
    return pool;
  };
  afterEach(async () => {
    const pool = await open();
    await pool.query('DROP TABLE IF EXISTS t_homes, t_extra, schema_migrations');
    for (const each of pools.splice(0)) await each.end();
  });
  const version = async (pool: pg.Pool) => {
    const client = await pool.connect();
    try {
      return await currentPgVersion(client);
    } finally {
      client.release();
    }
  };

  it('runs each migration in order, once, and records its version', async () => {
    const pool = await open();
    expect(await migratePg(pool, [v1])).toEqual({ from: 0, to: 1 });
    expect(await migratePg(pool, [v1, v2])).toEqual({ from: 1, to: 2 });
    expect(await migratePg(pool, [v1, v2])).toEqual({ from: 2, to: 2 });
    expect((await pool.query('SELECT version, description FROM schema_migrations ORDER BY version')).rows).toEqual([
      { version: 1, description: 'hem' },
      { version: 2, description: 'kommun' },
    ]);
    expect((await pool.query('SELECT * FROM t_homes')).rows).toEqual([{ id: 'H1', name: 'Solgården', municipality: 'Timrå' }]);
  });

  it('a failing migration leaves the version before it, with nothing of itself', async () => {
    const pool = await open();
    const broken: PgMigration = { version: 2, description: 'trasig', sql: 'CREATE TABLE t_extra (id int); INSERT INTO finns_inte VALUES (1)' };
    await expect(migratePg(pool, [v1, broken])).rejects.toThrow(/finns_inte/);
    expect(await version(pool)).toBe(1);
    expect((await pool.query("SELECT to_regclass('t_extra') AS t")).rows).toEqual([{ t: null }]);
  });

  it('a register made by a newer version is refused in Swedish and not changed', async () => {
    const pool = await open();
    await migratePg(pool, [v1, v2]);
    const error = await migratePg(pool, [v1]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NewerDatabaseError);
    expect((error as Error).message).toMatch(/nyare version.*databasen har inte ändrats/s);
    expect(await version(pool)).toBe(2);
  });

  it('two apps starting at once migrate once: the second waits for the first, then finds the work done', async () => {
    const [first, second] = [await open(), await open()];
    // A migration slow enough that both are under way together.
    const slow: PgMigration = { version: 1, description: 'långsam', sql: "CREATE TABLE t_homes (id text PRIMARY KEY, name text NOT NULL); SELECT pg_sleep(0.5); INSERT INTO t_homes VALUES ('H1', 'Solgården')" };
    const results = await Promise.all([migratePg(first, [slow]), migratePg(second, [slow])]);
    expect(results.map((r) => r.to)).toEqual([1, 1]);
    expect(results.map((r) => r.from).sort()).toEqual([0, 1]);
    expect((await first.query('SELECT count(*)::int AS n FROM t_homes')).rows).toEqual([{ n: 1 }]);
  });

  it('a database that is not UTF-8 is refused in Swedish before anything is made', async () => {
    const name = `pk_ascii_${randomBytes(3).toString('hex')}`;
    const admin = await open();
    await admin.query(`CREATE DATABASE ${name} ENCODING 'SQL_ASCII' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0`);
    const pool = await openSharedPool(parseSharedRegisterUrl(urlOf(name)));
    try {
      const error = await migratePg(pool, pgMigrations).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SharedRegisterError);
      expect((error as Error).message).toMatch(/teckenkodningen SQL_ASCII.*behöver UTF8/);
      expect(await version(pool)).toBe(0);
    } finally {
      await pool.end();
      await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
    }
  });

  it("another system's database is refused in Swedish, and nothing of the register is written among its tables", async () => {
    const name = `pk_other_${randomBytes(3).toString('hex')}`;
    const admin = await open();
    await admin.query(`CREATE DATABASE ${name} ${CREATE_DATABASE_OPTIONS}`);
    const pool = await openSharedPool(parseSharedRegisterUrl(urlOf(name)));
    try {
      await pool.query('CREATE TABLE kunder (id integer PRIMARY KEY)');
      const error = await migratePg(pool, pgMigrations).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SharedRegisterError);
      expect((error as Error).message).toMatch(new RegExp(`Databasen ${name} innehåller redan annat än ett register från Placeringskollen \\(kunder\\)`));
      expect(await version(pool)).toBe(0);
      const tables = await pool.query<{ name: string }>("SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public'");
      expect(tables.rows.map((r) => r.name)).toEqual(['kunder']);
    } finally {
      await pool.end();
      await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
    }
  });

  it("a database whose name leaves no room for its roles' names is refused in Swedish before anything is made", async () => {
    // PostgreSQL cuts a name at 63 bytes: two long names alike at the start would share their roles.
    const name = `pk_long_${randomBytes(3).toString('hex')}_${'x'.repeat(36)}`;
    expect(name.length).toBe(51);
    const admin = await open();
    await admin.query(`CREATE DATABASE ${name} ${CREATE_DATABASE_OPTIONS}`);
    const pool = await openSharedPool(parseSharedRegisterUrl(urlOf(name)));
    try {
      const error = await migratePg(pool, pgMigrations).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SharedRegisterError);
      expect((error as Error).message).toMatch(/Databasens namn .* är för långt.*högst 49/);
      expect(await version(pool)).toBe(0);
    } finally {
      await pool.end();
      await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
    }
  });

  it('an owner that may not create roles is told so in Swedish, and the register stays at the version before', async () => {
    const suffix = randomBytes(3).toString('hex');
    const owner = `pk_t_owner_${suffix}`;
    const name = `pk_owned_${suffix}`;
    const admin = await open();
    await admin.query(`CREATE ROLE ${owner} LOGIN PASSWORD 'provlosen'`);
    await admin.query(`CREATE DATABASE ${name} OWNER ${owner} ${CREATE_DATABASE_OPTIONS}`);
    const url = new URL(urlOf(name));
    url.username = owner;
    url.password = 'provlosen';
    const pool = await openSharedPool(parseSharedRegisterUrl(url.toString()));
    try {
      const error = await migratePg(pool, pgMigrations).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SharedRegisterError);
      expect((error as Error).message).toBe(`Användaren ${owner} får inte skapa roller (CREATEROLE), och det gemensamma registret behöver sina roller. Låt databasens ägare göra uppdateringen.`);
      expect(await version(pool)).toBe(1);
    } finally {
      await pool.end();
      await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
      await admin.query(`DROP ROLE ${owner}`);
    }
  });
});
