/**
 * The access log: who read or changed what, and when, in one append-only table (`access_log`,
 * migration 11) whose entries form a hash chain. Each entry's `hash` is the SHA-256 of its own
 * fields and the previous entry's hash (`prev_hash`), so changing, removing, inserting or moving an
 * entry breaks the chain at that place (`verifyChain` names it); triggers refuse UPDATE and DELETE.
 *
 * Changes are logged by triggers on the register's tables (logChangesSql), in the same statement,
 * hence the same transaction, as the change: no service can forget it. Who and which channel come
 * from the request's log context (AsyncLocalStorage, set by dispatch around each call), read by
 * the SQL functions registered here, so a trigger knows who is working without a parameter.
 *
 * On the shared register (PostgreSQL migration 6) the database writes the entries itself: its
 * triggers log the row changes, `append_access_log` the call's own entries, with the session's
 * login and the database's time; the channel and an import's "no rows" reach its triggers from
 * the log context through the driver (pg/kysely.ts). Reading and verifying are the same on both.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash } from 'node:crypto';
import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import { addDays } from '../domain/dates';
import { dialectOf } from './dialect';
import type { AccessLogTable, Database } from './schema';

type Db = Kysely<Database> | Transaction<Database>;

/** Who is working and through which channel, for the entries one call writes. */
export interface LogContext {
  userId: string | null;
  channel: string | null;
  /** The call's time (ISO), from the services' clock; '' for the database's own time. */
  at: string;
  /** False while an import writes: the import is logged as one entry with its counts. */
  rowChanges: boolean;
}

const storage = new AsyncLocalStorage<LogContext>();
/**
 * "Now" for writes outside a call (a test's direct service call, the demo data): the services'
 * clock once services exist. Before that (a tool writing with the raw connection) the entry takes
 * the database's own time (log_at() is null, the statement's coalesce).
 */
let fallbackNow: () => string | null = () => null;

export function setLogClock(now: () => string): void {
  fallbackNow = now;
}

/** Runs `work` with `context` as the log's who and what, for every entry it writes. */
export function withLogContext<T>(context: LogContext, work: () => Promise<T>): Promise<T> {
  return storage.run(context, work);
}

export function currentLogContext(): LogContext {
  return storage.getStore() ?? { userId: null, channel: null, at: fallbackNow() ?? '', rowChanges: true };
}

/** The fields an entry's hash covers: all but the hash (entryHash fixes their order). */
export type LogFields = Omit<AccessLogTable, 'hash'>;

/** SHA-256 (hex) of the entry's fields as a JSON array: unambiguous, and the same in SQL and here. */
export function entryHash(f: LogFields): string {
  const text = JSON.stringify([f.seq, f.at, f.userId, f.action, f.channel, f.entity, f.entityId, f.childId, f.homeId, f.detail, f.prevHash]);
  return createHash('sha256').update(text).digest('hex');
}

const orNull = (value: unknown): string | null => (value == null ? null : String(value));

/** The functions the logging triggers call; every connection that writes needs them. */
export function registerLogFunctions(raw: BetterSqlite3.Database): void {
  raw.function('log_user', () => currentLogContext().userId);
  raw.function('log_channel', () => currentLogContext().channel);
  raw.function('log_at', () => currentLogContext().at || null);
  raw.function('log_rows', () => (currentLogContext().rowChanges ? 1 : 0));
  raw.function('log_hash', { deterministic: true }, (seq, at, userId, action, channel, entity, entityId, childId, homeId, detail, prevHash) =>
    entryHash({
      seq: Number(seq),
      at: String(at),
      userId: orNull(userId),
      action: String(action),
      channel: orNull(channel),
      entity: orNull(entity),
      entityId: orNull(entityId),
      childId: orNull(childId),
      homeId: orNull(homeId),
      detail: orNull(detail),
      prevHash: String(prevHash),
    }),
  );
}

/**
 * One INSERT of an entry, in SQL, for a trigger or a statement: the next seq, the last hash, who
 * and when from the log context. `values` gives action, entity, entity_id, child_id and detail as
 * SQL expressions.
 */
export function appendEntrySql(values: { action: string; entity: string; entityId: string; childId: string; homeId: string; detail: string }): string {
  const { action, entity, entityId, childId, homeId, detail } = values;
  return `INSERT INTO access_log (seq, at, user_id, action, channel, entity, entity_id, child_id, home_id, detail, prev_hash, hash)
    SELECT n.seq, c.at, c.user_id, a.action, c.channel, a.entity, a.entity_id, a.child_id, a.home_id, a.detail, n.prev,
      log_hash(n.seq, c.at, c.user_id, a.action, c.channel, a.entity, a.entity_id, a.child_id, a.home_id, a.detail, n.prev)
    FROM (SELECT coalesce(max(seq), 0) + 1 AS seq,
            coalesce((SELECT hash FROM access_log ORDER BY seq DESC LIMIT 1), '') AS prev FROM access_log) n,
         (SELECT coalesce(log_at(), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) AS at, log_user() AS user_id, log_channel() AS channel) c,
         (SELECT ${action} AS action, ${entity} AS entity, ${entityId} AS entity_id, ${childId} AS child_id, ${homeId} AS home_id,
            ${detail} AS detail) a;`;
}

/** A table whose rows are logged on every change: its id (as SQL over NEW/OLD) and the child it is about. */
interface LoggedTable {
  table: string;
  /** Name of the row's id in SQL, with `R.` for NEW or OLD. */
  id: string;
  /** The child the row is about, with `R.`; 'NULL' when none. */
  child: string;
  /** The home the row is about, with `R.`; 'NULL' when none. */
  home: string;
}

/** The register's tables whose changes are logged, and how each names its row and child. */
export const loggedTables: readonly LoggedTable[] = [
  { table: 'homes', id: 'R.id', child: 'NULL', home: 'R.id' },
  { table: 'persons', id: 'R.id', child: 'NULL', home: 'R.home_id' },
  { table: 'children', id: 'R.id', child: 'R.id', home: 'NULL' },
  { table: 'placements', id: 'R.id', child: 'R.child_id', home: 'NULL' },
  { table: 'stays', id: "R.placement_id || '#' || R.ordinal", child: '(SELECT child_id FROM placements WHERE id = R.placement_id)', home: 'R.home_id' },
  { table: 'events', id: 'R.id', child: '(SELECT child_id FROM placements WHERE id = R.placement_id)', home: 'R.home_id' },
  { table: 'register_checks', id: 'R.id', child: 'NULL', home: 'coalesce(R.home_id, (SELECT home_id FROM persons WHERE id = R.person_id))' },
  {
    table: 'register_check_history',
    id: "R.check_id || '#' || R.revision",
    child: 'NULL',
    home: 'coalesce(R.home_id, (SELECT home_id FROM persons WHERE id = R.person_id))',
  },
  { table: 'removed_records', id: "R.kind || ':' || R.record_id", child: "CASE WHEN R.kind = 'child' THEN R.record_id END", home: 'NULL' },
  { table: 'settings', id: 'R.key', child: 'NULL', home: 'NULL' },
  { table: 'users', id: 'R.id', child: 'NULL', home: 'NULL' },
  { table: 'notes', id: 'R.id', child: '(SELECT child_id FROM placements WHERE id = R.placement_id)', home: 'R.home_id' },
  { table: 'assessments', id: 'R.id', child: '(SELECT child_id FROM placements WHERE id = R.placement_id)', home: 'R.home_id' },
  { table: 'deviations', id: 'R.id', child: '(SELECT child_id FROM placements WHERE id = R.placement_id)', home: 'R.home_id' },
  {
    table: 'deviation_steps',
    id: "R.deviation_id || '#' || R.ordinal",
    child: '(SELECT p.child_id FROM deviations d JOIN placements p ON p.id = d.placement_id WHERE d.id = R.deviation_id)',
    home: '(SELECT home_id FROM deviations WHERE id = R.deviation_id)',
  },
  { table: 'audit_rounds', id: 'R.id', child: 'NULL', home: 'NULL' },
  {
    table: 'audit_files',
    id: "R.round_id || '#' || R.ordinal",
    child: '(SELECT child_id FROM placements WHERE id = R.placement_id)',
    home: 'NULL',
  },
  {
    table: 'audit_answers',
    id: 'R.seq',
    child: '(SELECT p.child_id FROM audit_files f JOIN placements p ON p.id = f.placement_id WHERE f.round_id = R.round_id AND f.ordinal = R.ordinal)',
    home: 'NULL',
  },
  { table: 'audit_analyses', id: 'R.seq', child: 'NULL', home: 'NULL' },
  { table: 'audit_actions', id: 'R.id', child: 'NULL', home: 'NULL' },
];

/**
 * The triggers that log every INSERT, UPDATE and DELETE of `tables` with the row before and after
 * (all its columns as read now: a migration that adds a column recreates them). Columns derived by
 * triggers (the homes' folded search text) are left out. Not while an import writes (`log_rows`).
 */
export function logChangesSql(raw: BetterSqlite3.Database, tables: readonly LoggedTable[] = loggedTables): string {
  return tables
    .map(({ table, id, child, home }) => {
      const columns = (raw.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as { name: string }[])
        .map((c) => c.name)
        .filter((name) => !name.startsWith('search_'));
      const row = (r: 'NEW' | 'OLD') => `json_object(${columns.map((c) => `'${c}', ${r}.${c}`).join(', ')})`;
      const on = (r: 'NEW' | 'OLD') => ({ id: id.replaceAll('R.', `${r}.`), child: child.replaceAll('R.', `${r}.`), home: home.replaceAll('R.', `${r}.`) });
      // An update that changes none of them (the folded search text kept by its own trigger) is no change.
      const changed = columns.map((c) => `NEW.${c} IS NOT OLD.${c}`).join(' OR ');
      const trigger = (op: 'INSERT' | 'UPDATE' | 'DELETE', r: 'NEW' | 'OLD', detail: string) => `
        DROP TRIGGER IF EXISTS ${table}_${op.toLowerCase()}_logged;
        CREATE TRIGGER ${table}_${op.toLowerCase()}_logged AFTER ${op} ON ${table}
        WHEN log_rows()${op === 'UPDATE' ? ` AND (${changed})` : ''} BEGIN
          ${appendEntrySql({ action: `'${op.toLowerCase()}'`, entity: `'${table}'`, entityId: on(r).id, childId: on(r).child, homeId: on(r).home, detail })}
        END;`;
      return [
        trigger('INSERT', 'NEW', `json_object('after', ${row('NEW')})`),
        trigger('UPDATE', 'NEW', `json_object('before', ${row('OLD')}, 'after', ${row('NEW')})`),
        trigger('DELETE', 'OLD', `json_object('before', ${row('OLD')})`),
      ].join('\n');
    })
    .join('\n');
}

/** An entry as stored. */
export type LogEntry = AccessLogTable;

/** Where the chain breaks, in Swedish, naming the entry; null when intact. */
export interface ChainProblem {
  seq: number;
  kind: 'changed' | 'removed' | 'inserted';
  message: string;
}

/**
 * A checker fed the entries in order; it recomputes the chain and names the first place it breaks:
 * - a gap in the numbers: the entries in it were removed;
 * - an entry linked not to the one before it but to the one before that: the one before it was
 *   inserted afterwards (and the rest renumbered);
 * - otherwise an entry whose fields no longer give its hash, or whose link fails: it was changed
 *   or moved (its number is hashed too, so a swap of two shows at the first of them).
 */
export function chainChecker() {
  let beforePrevious: LogEntry | null = null;
  let previous: LogEntry | null = null;
  return (entry: LogEntry): ChainProblem | null => {
    const expectedSeq = previous === null ? 1 : previous.seq + 1;
    if (entry.seq !== expectedSeq) {
      const missing = entry.seq - 1 === expectedSeq ? `Post ${expectedSeq} saknas` : `Posterna ${expectedSeq}–${entry.seq - 1} saknas`;
      return { seq: expectedSeq, kind: 'removed', message: `${missing}: borttagen ur loggen.` };
    }
    const linked = entry.prevHash === (previous?.hash ?? '');
    if (!linked && previous !== null && entry.prevHash === (beforePrevious?.hash ?? '')) {
      return { seq: previous.seq, kind: 'inserted', message: `Post ${previous.seq} har lagts in i loggen i efterhand.` };
    }
    if (!linked || entryHash(entry) !== entry.hash) {
      return { seq: entry.seq, kind: 'changed', message: `Post ${entry.seq} har ändrats eller flyttats: den stämmer inte med sin kontrollsumma.` };
    }
    beforePrevious = previous;
    previous = entry;
    return null;
  };
}

/** chainChecker over `entries`: how many were read, and the first problem. */
export function verifyChain(entries: Iterable<LogEntry>): { entries: number; problem: ChainProblem | null } {
  const check = chainChecker();
  let count = 0;
  for (const entry of entries) {
    count++;
    const problem = check(entry);
    if (problem) return { entries: count, problem };
  }
  return { entries: count, problem: null };
}

/** An entry a call writes itself (a read, a refusal, an import): action, what and which child, and the detail as JSON. */
export interface OwnEntry {
  action: string;
  entity: string | null;
  entityId: string | null;
  childId: string | null;
  /** The home it is about, if any (absent: none). */
  homeId?: string | null;
  detail: Record<string, unknown> | null;
}

/**
 * Appends `entry` with the log context's who, channel and time, linked to the last entry.
 *
 * On the shared register the database numbers, links and signs the entry (`append_access_log`,
 * PostgreSQL migration 6) and vouches for who and when itself: the user is the session's login and
 * the time the database's, so the context's `userId` and `at` are ignored there by design; only
 * its channel is passed on.
 */
export async function appendEntry(db: Db, entry: OwnEntry): Promise<void> {
  const detail = entry.detail === null ? null : JSON.stringify(entry.detail);
  const homeId = entry.homeId ?? null;
  if (dialectOf(db).engine === 'postgres') {
    const { channel } = currentLogContext();
    await sql`SELECT append_access_log(${entry.action}, ${channel}, ${entry.entity}, ${entry.entityId}, ${entry.childId}, ${homeId}, ${detail})`.execute(db);
    return;
  }
  const values: Record<string, unknown> = {
    $action: entry.action,
    $entity: entry.entity,
    $entityId: entry.entityId,
    $childId: entry.childId,
    $homeId: homeId,
    $detail: detail,
  };
  const text = appendEntrySql({ action: '$action', entity: '$entity', entityId: '$entityId', childId: '$childId', homeId: '$homeId', detail: '$detail' });
  const parts: RawBuilder<unknown>[] = text
    .split(/(\$action|\$entityId|\$entity|\$childId|\$homeId|\$detail)/)
    .map((part) => (Object.hasOwn(values, part) ? sql`${values[part]}` : sql.raw(part)));
  await sql`${sql.join(parts, sql``)}`.execute(db);
}

/** Every entry in order, for verifying: read a page at a time so a year of a large city fits in memory. */
export async function* readChain(db: Db, pageSize = 50_000): AsyncGenerator<LogEntry> {
  let after = 0;
  for (;;) {
    const rows = await db.selectFrom('accessLog').selectAll().where('seq', '>', after).orderBy('seq').limit(pageSize).execute();
    // PostgreSQL's bigint comes back as text: the chain hashes the number.
    for (const row of rows) yield { ...row, seq: Number(row.seq) };
    if (rows.length < pageSize) return;
    after = Number(rows.at(-1)!.seq);
  }
}

/** verifyChain over the stored log. */
export async function verifyStoredChain(db: Db): Promise<{ entries: number; problem: ChainProblem | null }> {
  const check = chainChecker();
  let count = 0;
  for await (const entry of readChain(db)) {
    count++;
    const problem = check(entry);
    if (problem) return { entries: count, problem };
  }
  return { entries: count, problem: null };
}

/** Which entries a page of the log shows: by child, home, user, action and days (ÅÅÅÅ-MM-DD, both included). */
export interface LogPageQuery {
  childId?: string | undefined;
  homeId?: string | undefined;
  userId?: string | undefined;
  action?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  offset: number;
  limit: number;
}

/** An entry on a page, with its user's name as stored now (null: no user, or one no longer there). */
export interface LogPageRow extends Omit<LogEntry, 'prevHash' | 'hash'> {
  userName: string | null;
}

/**
 * A page of the log, newest first, and how many entries the question finds, counted up to `cap`
 * (a count of a year's log would take long; beyond the cap the window says "10 000+").
 */
export async function readLogPage(db: Db, query: LogPageQuery, cap: number): Promise<{ rows: LogPageRow[]; total: number }> {
  let q = db.selectFrom('accessLog');
  if (query.childId !== undefined) q = q.where('childId', '=', query.childId);
  if (query.homeId !== undefined) q = q.where('homeId', '=', query.homeId);
  if (query.userId !== undefined) q = q.where('userId', '=', query.userId);
  if (query.action !== undefined) q = q.where('action', '=', query.action);
  // `at` is an ISO instant: a day's entries are those from its start to the next day's.
  if (query.from !== undefined) q = q.where('at', '>=', query.from);
  if (query.to !== undefined) q = q.where('at', '<', addDays(query.to, 1));
  const rows = await q
    .leftJoin('users', 'users.id', 'accessLog.userId')
    .select(['seq', 'at', 'userId', 'users.name as userName', 'action', 'channel', 'entity', 'entityId', 'childId', 'homeId', 'detail'])
    .orderBy('seq', 'desc')
    .limit(query.limit)
    .offset(query.offset)
    .execute();
  const counted = await sql<{ n: number | string }>`SELECT count(*) AS n FROM (${q.select('seq').limit(cap + 1)}) AS found`.execute(db);
  return { rows: rows.map((row) => ({ ...row, seq: Number(row.seq) })), total: Number(counted.rows[0]?.n ?? 0) };
}
