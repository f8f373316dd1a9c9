/**
 * Moving a local register to the shared one (issue 18): every row of every table copied into an
 * empty, migrated shared register in one transaction, the access log's chain verified before it
 * commits, and the counts returned. Nothing is half-written: a failure anywhere rolls it all back.
 */
import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import type pg from 'pg';
import { verifyChain, type LogEntry } from '../access-log';

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
  { table: 'access_log', column: 'seq' },
  { table: 'notes', column: 'seq' },
  { table: 'audit_answers', column: 'seq' },
  { table: 'audit_analyses', column: 'seq' },
];

/** PostgreSQL takes at most 65 535 parameters in one statement. */
const MAX_PARAMETERS = 60_000;

export async function copyRegisterToShared(source: BetterSqlite3.Database, pool: pg.Pool): Promise<Record<string, number>> {
  const client = await pool.connect();
  const counts: Record<string, number> = {};
  try {
    await client.query('BEGIN');
    for (const { table } of copyOrder) {
      const { rows } = await client.query<{ present: boolean }>(`SELECT EXISTS (SELECT 1 FROM ${table}) AS present`);
      if (rows[0]?.present) {
        throw new CopyRegisterError('Det gemensamma registret har redan uppgifter. Ett lokalt register flyttas bara till ett tomt gemensamt register.');
      }
    }
    for (const { table, order } of copyOrder) {
      const columns = (source.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(table) as string[]);
      const perBatch = Math.max(1, Math.floor(MAX_PARAMETERS / columns.length));
      let batch: unknown[][] = [];
      let count = 0;
      const flush = async () => {
        if (batch.length === 0) return;
        const placeholders = batch.map((_, r) => `(${columns.map((_c, c) => `$${r * columns.length + c + 1}`).join(', ')})`);
        await client.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${placeholders.join(', ')}`, batch.flat());
        batch = [];
      };
      for (const row of source.prepare(`SELECT ${columns.join(', ')} FROM ${table} ORDER BY ${order}`).raw().iterate() as Iterable<unknown[]>) {
        batch.push(row.map((value) => (typeof value === 'bigint' ? value.toString() : value)));
        count += 1;
        if (batch.length >= perBatch) await flush();
      }
      await flush();
      counts[table] = count;
    }
    for (const { table, column } of identities) {
      await client.query(`SELECT setval(pg_get_serial_sequence('${table}', '${column}'), coalesce((SELECT max(${column}) FROM ${table}), 0) + 1, false)`);
    }
    // The log arrives whole, or not at all.
    const { rows } = await client.query<LogEntry>(
      'SELECT seq::int AS seq, at, user_id AS "userId", action, channel, entity, entity_id AS "entityId", child_id AS "childId", home_id AS "homeId", detail, prev_hash AS "prevHash", hash FROM access_log ORDER BY seq',
    );
    const { problem } = verifyChain(rows);
    if (problem) throw new CopyRegisterError('Åtkomstloggen i det lokala registret är inte hel, så registret flyttas inte. Kontrollera loggen först (placeringskollen log verify).');
    await client.query('COMMIT');
    return counts;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
