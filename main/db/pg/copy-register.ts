/**
 * Moving a local register to the shared one (issue 18): every row of every table copied into an
 * empty, migrated shared register in one transaction, the access log's chain verified before it
 * commits, and the counts returned. Nothing is half-written: a failure anywhere rolls it all back.
 */
import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import type pg from 'pg';
import { chainChecker, type LogEntry } from '../access-log';

export class CopyRegisterError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'CopyRegisterError';
  }
}

/**
 * The tables in an order where every row's references are copied before it; rows of a table that
 * refers to itself (a correction of a note or an assessment) go in the order they were written.
 */
export const copyOrder: readonly { table: string; order: string }[] = [
  { table: 'homes', order: 'id' },
  { table: 'persons', order: 'id' },
  { table: 'children', order: 'id' },
  { table: 'placements', order: 'id' },
  { table: 'stays', order: 'placement_id, ordinal' },
  { table: 'register_checks', order: 'id' },
  { table: 'register_check_history', order: 'check_id, revision' },
  { table: 'events', order: 'id' },
  { table: 'assessments', order: 'rowid' },
  { table: 'deviations', order: 'id' },
  { table: 'deviation_steps', order: 'deviation_id, ordinal' },
  { table: 'settings', order: 'key' },
  { table: 'settings_history', order: 'key, version' },
  { table: 'removed_records', order: 'kind, record_id, removed_at' },
  { table: 'change_counters', order: 'name' },
  { table: 'users', order: 'id' },
  { table: 'access_log', order: 'seq' },
  { table: 'notes', order: 'seq' },
  { table: 'note_authors', order: 'author' },
  { table: 'note_drafts', order: 'id' },
  { table: 'audit_rounds', order: 'id' },
  { table: 'audit_files', order: 'round_id, ordinal' },
  { table: 'audit_answers', order: 'seq' },
  { table: 'audit_analyses', order: 'seq' },
  { table: 'audit_actions', order: 'id' },
];

/** Columns that number rows on PostgreSQL (identity): their sequences continue after the copied rows. */
const identities = [
  { table: 'notes', column: 'seq' },
  { table: 'audit_answers', column: 'seq' },
  { table: 'audit_analyses', column: 'seq' },
];

/** Columns only the shared register has, kept by its own triggers from what is copied: the notes' search (migration 9). */
export const derivedOnShared: ReadonlySet<string> = new Set(['notes.search_terms']);

/** PostgreSQL takes at most 65 535 parameters in one statement. */
const MAX_PARAMETERS = 60_000;

const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;

export async function copyRegisterToShared(source: BetterSqlite3.Database, pool: pg.Pool): Promise<Record<string, number>> {
  // Nobody else may write the local register meanwhile (what they wrote would be left behind), and
  // every table is read from one snapshot of it.
  try {
    source.pragma('journal_mode = DELETE');
  } catch (error) {
    throw new CopyRegisterError('Det lokala registret används av ett annat program, till exempel Placeringskollen. Stäng det och försök igen.', { cause: error });
  } finally {
    source.pragma('journal_mode = WAL');
  }
  source.exec('BEGIN');
  const client = await pool.connect();
  const counts: Record<string, number> = {};
  let table = '';
  try {
    await client.query('BEGIN');
    // The local log is copied as it is: the rows copied are not logged again (migration 6's triggers).
    await client.query("SET LOCAL placeringskollen.copying = 'on'");
    for ({ table } of copyOrder) {
      const { rows } = await client.query<{ present: boolean }>(`SELECT EXISTS (SELECT 1 FROM ${quoted(table)}) AS present`);
      if (rows[0]?.present) {
        throw new CopyRegisterError('Det gemensamma registret har redan uppgifter. Ett lokalt register flyttas bara till ett tomt gemensamt register.');
      }
    }
    for (const step of copyOrder) {
      table = step.table;
      // The shared register's columns, by name from its own catalogue; the local one must have the same.
      const { rows: shared } = await client.query<{ name: string }>(
        "SELECT column_name AS name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1 ORDER BY ordinal_position",
        [table],
      );
      const columns = shared.map((c) => c.name).filter((c) => !derivedOnShared.has(`${table}.${c}`));
      const local = new Set(source.prepare('SELECT name FROM pragma_table_info(?)').pluck().all(table) as string[]);
      if (columns.length !== local.size || columns.some((c) => !local.has(c))) {
        throw new CopyRegisterError(`Tabellen ${table} ser inte likadan ut i de två registren. Öppna det lokala registret med den här versionen av Placeringskollen först.`);
      }
      const list = columns.map(quoted).join(', ');
      const perBatch = Math.max(1, Math.floor(MAX_PARAMETERS / columns.length));
      let batch: unknown[][] = [];
      let count = 0;
      const flush = async () => {
        if (batch.length === 0) return;
        const placeholders = batch.map((_, r) => `(${columns.map((_c, c) => `$${r * columns.length + c + 1}`).join(', ')})`);
        await client.query(`INSERT INTO ${quoted(table)} (${list}) VALUES ${placeholders.join(', ')}`, batch.flat());
        batch = [];
      };
      for (const row of source.prepare(`SELECT ${list} FROM ${quoted(table)} ORDER BY ${step.order}`).raw().iterate() as Iterable<unknown[]>) {
        batch.push(row.map((value) => (typeof value === 'bigint' ? value.toString() : value)));
        count += 1;
        if (batch.length >= perBatch) await flush();
      }
      await flush();
      counts[table] = count;
    }
    table = '';
    for (const { table: numbered, column } of identities) {
      await client.query(`SELECT setval(pg_get_serial_sequence('${numbered}', '${column}'), coalesce((SELECT max(${column}) FROM ${numbered}), 0) + 1, false)`);
    }
    // The log arrives whole, or not at all: read back a page at a time, so a city's year fits in memory.
    const check = chainChecker();
    for (let after = 0; ; ) {
      const { rows } = await client.query<LogEntry>(
        'SELECT seq::int AS seq, at, user_id AS "userId", action, channel, entity, entity_id AS "entityId", child_id AS "childId", home_id AS "homeId", detail, prev_hash AS "prevHash", hash FROM access_log WHERE seq > $1 ORDER BY seq LIMIT 50000',
        [after],
      );
      for (const entry of rows) {
        if (check(entry)) throw new CopyRegisterError('Åtkomstloggen i det lokala registret är inte hel, så registret flyttas inte. Kontrollera loggen först (placeringskollen log verify).');
      }
      if (rows.length < 50_000) break;
      after = rows.at(-1)!.seq;
    }
    await client.query('COMMIT');
    // The planner's statistics now, not when autovacuum first gets to it: until then it would take
    // every table for empty and read a whole table where an index answers (a page of 50 children's
    // events took 300 ms instead of 1 ms right after a move). The move has committed: a refusal here
    // is autovacuum's to make up for, not a failed move.
    await client.query('ANALYZE').catch(() => undefined);
    return counts;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    if (error instanceof CopyRegisterError || !table) throw error;
    const code = (error as { code?: string }).code;
    const why = code === '22021' || code === '22P05' ? 'en text innehåller ett tecken som PostgreSQL inte kan lagra (ett nolltecken)' : `databasen svarade ${code ?? 'med ett fel'}`;
    throw new CopyRegisterError(`Tabellen ${table} kunde inte flyttas: ${why}. Ingenting har skrivits.`, { cause: error });
  } finally {
    client.release();
    if (source.inTransaction) source.exec('COMMIT');
  }
}
