/**
 * What a random file audit draws from: every placement's id and the days it began and ended.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from './schema';

type Db = Kysely<Database> | Transaction<Database>;

export async function placementSpans(db: Db): Promise<{ id: string; startedOn: string; endedOn: string | null }[]> {
  const rows = await sql<{ id: string; startedOn: string; endedOn: string | null }>`
    SELECT id, started_on AS "startedOn", ended_on AS "endedOn" FROM placements`.execute(db.withoutPlugins());
  return rows.rows;
}
