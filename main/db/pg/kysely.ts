/**
 * The shared register through Kysely, as the local one: the repositories take either (issue 18).
 * Column names are the same snake_case on both engines, so the same camelCase plugin maps them.
 */
import { CamelCasePlugin, Kysely, PostgresDialect } from 'kysely';
import type pg from 'pg';
import type { Database } from '../schema';

/** Kysely over `pool`; destroying it ends the pool. */
export function sharedKysely(pool: pg.Pool): Kysely<Database> {
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }), plugins: [new CamelCasePlugin()] });
}
