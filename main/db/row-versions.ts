/**
 * Optimistic concurrency (migration 16): a form saves the version it was made from, and the write
 * raises it only where the row still has that version. On the local register writers take turns
 * (writer-turn.ts); on the shared one the conditional UPDATE itself is the guard, since PostgreSQL
 * re-reads a row another transaction changed before it updates it.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from './schema';

export type Db = Kysely<Database> | Transaction<Database>;

/**
 * The tables a person edits in a form (migration 16). A household and a placement's stays are
 * saved with their home and placement, so the home's and the placement's versions cover them.
 */
export const versionedTables = ['homes', 'children', 'placements', 'register_checks', 'users'] as const;
export type VersionedTable = (typeof versionedTables)[number];

/** Another save came first: the row no longer has the version the save was made from. */
export class StaleRowError extends Error {
  constructor(
    readonly table: VersionedTable,
    readonly id: string,
  ) {
    super(`${table} ${id} was changed by another save`);
    this.name = 'StaleRowError';
  }
}

/** Throws `StaleRowError` when an update that named a version found none to change. */
export function assertUpdated(result: { numUpdatedRows?: bigint; numInsertedOrUpdatedRows?: bigint }, table: VersionedTable, id: string): void {
  if ((result.numUpdatedRows ?? result.numInsertedOrUpdatedRows ?? 0n) === 0n) throw new StaleRowError(table, id);
}

/** The row's next version, raised by the statement that writes it. */
export const nextVersion = (table: VersionedTable) => sql<number>`${sql.ref(`${table}.row_version`)} + 1`;

/**
 * Who saved the row at `version` and when: its newest logged change when that wrote this version
 * (the log keeps the row after the change), else the newest import after it, since an import
 * logs its counts and not its rows. Null when the log does not say.
 */
async function lastChange(db: Db, table: VersionedTable, id: string, version: number): Promise<{ by: string | null; at: string } | null> {
  const who = (userId: string | null) =>
    userId === null ? Promise.resolve(null) : db.selectFrom('users').select('name').where('id', '=', userId).executeTakeFirst().then((u) => u?.name ?? null);
  // The literal list lets SQLite use the partial index access_log_changes (a bound one does not).
  const changes = await db
    .selectFrom('accessLog')
    .select(['seq', 'at', 'userId', 'detail'])
    .where('entity', '=', table)
    .where('entityId', '=', id)
    .where(sql<boolean>`action IN ('insert', 'update')`)
    .orderBy('seq', 'desc')
    .limit(20)
    .execute();
  // The change that wrote this version; not one that left the version as it was (signing in notes the computer's account).
  const wrote = changes.find((entry) => {
    const { before, after } = versions(entry.detail);
    return after === version && before !== version;
  });
  if (wrote !== undefined) return { by: await who(wrote.userId), at: wrote.at };
  // Else an import after the last logged save wrote it.
  const saved = changes.find((entry) => {
    const { before, after } = versions(entry.detail);
    return before !== after;
  });
  const imported = await db
    .selectFrom('accessLog')
    .select(['seq', 'at', 'userId'])
    .where('action', '=', 'import')
    .$if(saved !== undefined, (qb) => qb.where('seq', '>', saved!.seq))
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  return imported === undefined ? null : { by: await who(imported.userId), at: imported.at };
}

/** The row's version before and after a logged change (null where the entry does not hold one). */
function versions(detail: string | null): { before: number | null; after: number | null } {
  const version = (row: { row_version?: unknown } | undefined) => (typeof row?.row_version === 'number' ? row.row_version : null);
  try {
    const parsed = JSON.parse(detail ?? 'null') as { before?: { row_version?: unknown }; after?: { row_version?: unknown } } | null;
    return { before: version(parsed?.before), after: version(parsed?.after) };
  } catch {
    return { before: null, after: null };
  }
}

/** Who saved the row last and when, as `lastChange` says; undefined when the row is gone. */
export async function whoSavedLast(db: Db, table: VersionedTable, id: string): Promise<{ by: string | null; at: string | null } | undefined> {
  const { rows } = await sql<{ rowVersion: number }>`SELECT row_version FROM ${sql.table(table)} WHERE id = ${id}`.execute(db);
  const row = rows[0];
  if (row === undefined) return undefined;
  const change = await lastChange(db, table, id, row.rowVersion);
  return { by: change?.by ?? null, at: change?.at ?? null };
}

/** Raises the version of these rows by one: what covers them changed without their own columns (a household, the stays). */
export async function raiseVersions(db: Db, table: 'homes' | 'placements', ids: Iterable<string>): Promise<void> {
  const all = [...new Set(ids)];
  // In pieces: SQLite takes a limited number of parameters in one statement.
  for (let start = 0; start < all.length; start += 500) {
    await db.updateTable(table).set({ rowVersion: nextVersion(table) }).where('id', 'in', all.slice(start, start + 500)).execute();
  }
}
