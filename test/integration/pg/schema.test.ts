/**
 * The shared register's schema is the local register's (issue 18): every table and column, with
 * its type family, whether it may be null, and the primary keys, compared between SQLite migrated
 * to the last version and PostgreSQL migrated to its own. A migration on one engine without the
 * other fails here. What only one engine has (the notes' search index, the shared register's pending entries) is
 * named below, with why.
 */
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../main/db/connection';
import { latestVersion } from '../../../main/db/migrations';
import { pgMigrations } from '../../../main/db/pg/migrations';
import { adminUrl, useMigratedRegister } from './harness';

interface Column {
  table: string;
  column: string;
  type: 'text' | 'integer';
  notNull: boolean;
  primaryKey: boolean;
}

/** FTS5's virtual table and its shadow tables: PostgreSQL searches notes with a tsvector instead. */
const sqliteOnly = /^notes_search/;

/**
 * The notes' tsvector of the swedish text-search configuration (PostgreSQL's migration 9): what the
 * local register keeps in FTS5 (`sqliteOnly`), kept by triggers and never copied.
 */
const pgOnly = new Set(['notes.search_terms']);

/**
 * Where the shared register keeps a transaction's log entries and counts until it commits
 * (PostgreSQL's migration 13): empty between transactions, as the local register has no such wait.
 */
const pgOnlyTables = new Set(['access_log_pending', 'change_counters_pending']);

async function sqliteColumns(): Promise<Column[]> {
  const connection = await openDatabase(':memory:');
  try {
    const tables = connection.raw.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[];
    return tables
      .filter((table) => !sqliteOnly.test(table))
      .flatMap((table) =>
        (connection.raw.prepare(`SELECT name, type, "notnull" AS not_null, pk FROM pragma_table_info(?)`).all(table) as { name: string; type: string; not_null: number; pk: number }[]).map((c) => ({
          table,
          column: c.name,
          type: c.type === 'INTEGER' ? ('integer' as const) : ('text' as const),
          // SQLite lets a text primary key be null; PostgreSQL never does: the key is what counts.
          notNull: c.not_null === 1 || c.pk > 0,
          primaryKey: c.pk > 0,
        })),
      );
  } finally {
    await connection.close();
  }
}

describe.runIf(adminUrl)('the shared register’s schema', () => {
  const register = useMigratedRegister('pk_schema');

  it('has every table and column of the local register, alike in type, nullability and key', async () => {
    const { rows } = await register.pool.query<{ table: string; column: string; data_type: string; is_nullable: string; primary_key: boolean }>(`
      SELECT c.table_name AS table, c.column_name AS column, c.data_type, c.is_nullable,
             EXISTS (
               SELECT 1 FROM information_schema.table_constraints t
               JOIN information_schema.key_column_usage k ON k.constraint_name = t.constraint_name AND k.table_name = t.table_name
               WHERE t.table_name = c.table_name AND t.constraint_type = 'PRIMARY KEY' AND k.column_name = c.column_name
             ) AS primary_key
      FROM information_schema.columns c
      WHERE c.table_schema = 'public' AND c.table_name <> 'schema_migrations'`);
    const onPg: Column[] = rows.filter((r) => !pgOnly.has(`${r.table}.${r.column}`) && !pgOnlyTables.has(r.table)).map((r) => ({
      table: r.table,
      column: r.column,
      type: r.data_type === 'text' ? 'text' : 'integer',
      notNull: r.is_nullable === 'NO',
      primaryKey: r.primary_key,
    }));
    const key = (c: Column) => `${c.table}.${c.column}`;
    const sort = (columns: Column[]) => [...columns].sort((a, b) => key(a).localeCompare(key(b)));
    expect(sort(onPg)).toEqual(sort(await sqliteColumns()));
  });

  it('is the local register at the version it was translated from', () => {
    // A new local migration needs its PostgreSQL twin: bump this with it.
    expect(latestVersion).toBe(18);
    expect(pgMigrations.map((m) => m.version)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16]);
  });
});
