/**
 * The seam between the two engines (issue 18): the few pieces of SQL that SQLite and PostgreSQL
 * write differently, each as a function of the query's database, so a repository writes one query
 * for both. Everything else is SQL both understand. A repository asks `dialectOf(db)`, which
 * knows the engine from Kysely's adapter; the tests run the repositories on both.
 */
import { PostgresAdapter, sql, type RawBuilder } from 'kysely';

export type Engine = 'sqlite' | 'postgres';

export interface SqlDialect {
  engine: Engine;
  /** Text `values` (ids) as a one-column subquery, for `id IN ${…}`: one parameter, however many values. */
  valuesIn(values: readonly string[]): RawBuilder<unknown>;
  /** Text `values` as rows of a table named `alias` with one column, `value`: to join from. */
  valueRows(values: readonly string[], alias: string): RawBuilder<unknown>;
  /** An aggregate: the values of `expression` as a JSON array (text), `[]` for none. */
  jsonArrayOf(expression: RawBuilder<unknown>): RawBuilder<string>;
  /** A JSON object (text) of these keys and SQL values. */
  jsonObject(fields: Record<string, RawBuilder<unknown>>): RawBuilder<string>;
  /**
   * An aggregate: a JSON object (as `jsonObject`) of each row, as a JSON array (text), `[]` for none.
   * PostgreSQL orders them by `orderBy`; SQLite aggregates rows in the order they come, so a query
   * that needs an order also reads them from a subquery ordered the same.
   */
  jsonObjectsOf(fields: Record<string, RawBuilder<unknown>>, orderBy: RawBuilder<unknown>): RawBuilder<string>;
  /** An aggregate: the values of `expression` joined by `separator`, null for none. */
  joined(expression: RawBuilder<unknown>, separator: string): RawBuilder<string | null>;
  /** Where `needle` first begins in `haystack`, from 1; 0 when it does not. */
  position(haystack: RawBuilder<unknown>, needle: RawBuilder<unknown> | string): RawBuilder<number>;
  /** A line break, as SQL. */
  newline: RawBuilder<string>;
  /** Text `column` to sort by in code-point order, whatever the database's collation. */
  codePointOrder(column: string): RawBuilder<string>;
}

const sqliteObject = (fields: Record<string, RawBuilder<unknown>>) =>
  sql<string>`json_object(${sql.join(Object.entries(fields).map(([key, value]) => sql`${sql.lit(key)}, ${value}`))})`;

const pgObject = (fields: Record<string, RawBuilder<unknown>>) =>
  sql`json_build_object(${sql.join(Object.entries(fields).map(([key, value]) => sql`${sql.lit(key)}::text, ${value}`))})`;

const sqlite: SqlDialect = {
  engine: 'sqlite',
  valuesIn: (values) => sql`(SELECT value FROM json_each(${JSON.stringify(values)}))`,
  valueRows: (values, alias) => sql`json_each(${JSON.stringify(values)}) AS ${sql.id(alias)}`,
  jsonArrayOf: (expression) => sql<string>`json_group_array(${expression})`,
  jsonObject: (fields) => sqliteObject(fields),
  // SQLite marks json_object's text as JSON, so json_group_array holds it as an object.
  jsonObjectsOf: (fields) => sql<string>`json_group_array(${sqliteObject(fields)})`,
  joined: (expression, separator) => sql<string | null>`group_concat(${expression}, ${sql.lit(separator)})`,
  position: (haystack, needle) => sql<number>`instr(${haystack}, ${needle})`,
  newline: sql<string>`char(10)`,
  // BINARY, SQLite's default, compares UTF-8 bytes: code-point order.
  codePointOrder: (column) => sql<string>`${sql.ref(column)}`,
};

const postgres: SqlDialect = {
  engine: 'postgres',
  valuesIn: (values) => sql`(SELECT unnest(${[...values]}::text[]))`,
  valueRows: (values, alias) => sql`unnest(${[...values]}::text[]) AS ${sql.id(alias)}(value)`,
  jsonArrayOf: (expression) => sql<string>`coalesce(json_agg(${expression}), '[]'::json)::text`,
  jsonObject: (fields) => sql<string>`${pgObject(fields)}::text`,
  // The objects as json, not text: an array of text would hold them as strings.
  jsonObjectsOf: (fields, orderBy) => sql<string>`coalesce(json_agg(${pgObject(fields)} ORDER BY ${orderBy}), '[]'::json)::text`,
  joined: (expression, separator) => sql<string | null>`string_agg((${expression})::text, ${sql.lit(separator)})`,
  position: (haystack, needle) => sql<number>`strpos(${haystack}, ${needle})`,
  newline: sql<string>`chr(10)`,
  // "C" compares the bytes, UTF-8's code-point order; the database's own may be a language's.
  codePointOrder: (column) => sql<string>`${sql.ref(column)} COLLATE "C"`,
};

/** The dialect of the engine `db` runs on. */
export function dialectOf(db: { getExecutor(): { adapter: unknown } }): SqlDialect {
  return db.getExecutor().adapter instanceof PostgresAdapter ? postgres : sqlite;
}
