/**
 * Migrations of the shared register: ordered, each in its own transaction with its version, a
 * register made by a newer version refused untouched, and an advisory lock so that two apps
 * starting at once never migrate together (the second waits, then finds the work done). The same
 * rules as the local register's (../migrate.ts), on PostgreSQL's terms.
 */
import type pg from 'pg';
import { NewerDatabaseError } from '../migrate';
import { SharedRegisterError } from './connection';
import { pgRoleNames } from './migrations';

export interface PgMigration {
  version: number;
  description: string;
  sql: string;
}

/** PostgreSQL's longest name (NAMEDATALEN - 1), in bytes. */
const MAX_NAME_BYTES = 63;

/** One number for the whole application: `pg_advisory_lock` takes a bigint ("PLKOLLEN" in ASCII). */
export const MIGRATION_LOCK = 0x504c4b4f4c4c454en;

export interface PgMigrateResult {
  from: number;
  to: number;
}

export async function currentPgVersion(client: pg.ClientBase): Promise<number> {
  const exists = await client.query<{ present: boolean }>("SELECT to_regclass('schema_migrations') IS NOT NULL AS present");
  if (!exists.rows[0]?.present) return 0;
  const result = await client.query<{ version: number | null }>('SELECT max(version) AS version FROM schema_migrations');
  return result.rows[0]?.version ?? 0;
}

/**
 * The tables, views and sequences in the public schema besides the register's bookkeeping: in a
 * database the register has not been made in, another system's, among which it never writes.
 */
export async function otherTables(client: pg.ClientBase): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(`
    SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S') AND c.relname <> 'schema_migrations'
    ORDER BY c.relname`);
  return rows.map((row) => row.name);
}

export async function migratePg(pool: pg.Pool, migrations: readonly PgMigration[]): Promise<PgMigrateResult> {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`Migrations must be numbered 1, 2, 3…; found ${m.version} at ${i}.`);
  });
  const latest = migrations.length;
  const client = await pool.connect();
  try {
    // Session-level: held across the transactions below, released however this ends.
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK.toString()]);
    try {
      const from = await currentPgVersion(client);
      if (from > latest) throw new NewerDatabaseError(from, latest);
      // Swedish text (and ICU's Swedish order) needs UTF-8; a database made without a locale is SQL_ASCII.
      const encoding = (await client.query<{ server_encoding: string }>('SHOW server_encoding')).rows[0]?.server_encoding;
      if (from < latest && encoding !== 'UTF8') {
        throw new SharedRegisterError(`Databasen har teckenkodningen ${encoding ?? 'okänd'}, men det gemensamma registret behöver UTF8. Be IT skapa den med ENCODING 'UTF8'.`);
      }
      const database = (await client.query<{ name: string }>('SELECT current_database() AS name')).rows[0]!.name;
      // A reading command or a first start pointed at another system's database must not make the
      // register's tables among its own.
      if (from === 0) {
        const others = await otherTables(client);
        if (others.length > 0) {
          throw new SharedRegisterError(
            `Databasen ${database} innehåller redan annat än ett register från Placeringskollen (${others.slice(0, 3).join(', ')}${others.length > 3 ? ' …' : ''}), så inget skrivs där. Ange registrets egen databas, eller be IT skapa en tom.`,
          );
        }
      }
      // The roles are named after the database (pgRoleNames), and PostgreSQL cuts a name at 63 bytes:
      // two long names alike at the start would share their roles, and so each other's registers.
      // Checked before migration 2 makes them.
      if (from < 2 && latest >= 2 && Buffer.byteLength(pgRoleNames(database).administrator) > MAX_NAME_BYTES) {
        throw new SharedRegisterError(
          `Databasens namn ${database} är för långt för registrets roller: högst ${MAX_NAME_BYTES - Buffer.byteLength('_administrator')} tecken (a–z, 0–9, _). Be IT skapa databasen med ett kortare namn.`,
        );
      }
      for (const migration of migrations.slice(from)) {
        await client.query('BEGIN');
        try {
          await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
            version integer PRIMARY KEY,
            description text NOT NULL,
            applied_at timestamptz NOT NULL DEFAULT now()
          )`);
          await client.query(migration.sql);
          await client.query('INSERT INTO schema_migrations (version, description) VALUES ($1, $2)', [migration.version, migration.description]);
          await client.query('COMMIT');
        } catch (error) {
          await client.query('ROLLBACK');
          // A refusal the migration itself words (a login without CREATEROLE), said as it is.
          if ((error as { code?: string }).code === '42501') throw new SharedRegisterError((error as Error).message, { cause: error });
          throw error;
        }
      }
      return { from, to: await currentPgVersion(client) };
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK.toString()]);
    }
  } finally {
    client.release();
  }
}
