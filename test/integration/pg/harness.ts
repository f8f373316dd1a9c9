/**
 * The PostgreSQL half of the suite. `.ci/run` starts a cluster and sets PLACERINGSKOLLEN_TEST_PG to
 * a role that may create databases; each test file gets a database of its own, dropped after it.
 * Without the variable these tests do not run, and the run says so once (announce.ts).
 */
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import pg from 'pg';
import { openDatabase, type Connection } from '../../../main/db/connection';
import { sharedKysely } from '../../../main/db/pg/kysely';
import type { Database } from '../../../main/db/schema';
import { openSharedPool, parseSharedRegisterUrl } from '../../../main/db/pg/connection';
import { migratePg } from '../../../main/db/pg/migrate';
import { pgMigrations } from '../../../main/db/pg/migrations';
import { afterAll, beforeAll } from 'vitest';
import { CREATE_DATABASE_OPTIONS } from '../../pg-database';

export const adminUrl = process.env.PLACERINGSKOLLEN_TEST_PG ?? null;

/** The URL of `database` on the test server, with the admin's login. */
export function urlOf(database: string): string {
  const url = new URL(adminUrl!);
  url.pathname = `/${database}`;
  return url.toString();
}

/** Creates a database of its own, `<prefix>_<random>`, on the test server, and gives its name. */
export async function createTestDatabase(prefix: string): Promise<string> {
  const name = `${prefix}_${randomBytes(4).toString('hex')}`;
  await admin(async (client) => client.query(`CREATE DATABASE ${name} ${CREATE_DATABASE_OPTIONS}`));
  return name;
}

/** Drops a database `createTestDatabase` made, with whoever is still connected to it. */
export async function dropTestDatabase(name: string): Promise<void> {
  await admin(async (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
}

/** A database of the test file's own, created before its tests and dropped after them. */
export function useTestDatabase(prefix: string): { readonly url: string; readonly name: string } {
  let name = '';
  beforeAll(async () => {
    name = await createTestDatabase(prefix);
  });
  afterAll(async () => {
    if (name) await dropTestDatabase(name);
  });
  return {
    get url() {
      return urlOf(name);
    },
    get name() {
      return name;
    },
  };
}

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl!.replace(/[?&]sslmode=disable/, '') });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * Runs `work` while no other test file does the same: the app's group roles are the cluster's, not
 * a database's, so two files migrating their own databases at once would make them together.
 */
export async function oneAtATime<T>(work: () => Promise<T>): Promise<T> {
  return admin(async (client) => {
    await client.query('SELECT pg_advisory_lock(4711)');
    try {
      return await work();
    } finally {
      await client.query('SELECT pg_advisory_unlock(4711)');
    }
  });
}

/** A database of the test file's own, migrated to the last version, with a pool the tests share. */
export function useMigratedRegister(prefix: string, { maxConnections = 10 } = {}): { readonly url: string; readonly pool: pg.Pool } {
  const database = useTestDatabase(prefix);
  let pool: pg.Pool;
  beforeAll(async () => {
    pool = await openSharedPool(parseSharedRegisterUrl(database.url), { maxConnections });
    await oneAtATime(() => migratePg(pool, pgMigrations));
  });
  afterAll(async () => {
    await pool.end();
  });
  return {
    get url() {
      return database.url;
    },
    get pool() {
      return pool;
    },
  };
}

/**
 * For the repositories' tests on both engines: a fresh local register in memory beside the shared
 * one, so `work` writes the same on each and compares what they answer; the local one is closed after.
 */
export async function onBothEngines<T>(shared: { readonly pool: pg.Pool }, work: (local: Connection, pg: Kysely<Database>) => Promise<T>): Promise<T> {
  const local = await openDatabase(':memory:');
  try {
    return await work(local, sharedKysely(shared.pool));
  } finally {
    await local.close();
  }
}
