/**
 * What a random file audit draws from: every placement's id, the days it began and ended, its
 * unit and handläggare, and (when a round filters on form) its stays' forms.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from './schema';

type Db = Kysely<Database> | Transaction<Database>;

export interface PlacementSpan {
  id: string;
  startedOn: string;
  endedOn: string | null;
  unit: string | null;
  caseworker: string | null;
  stays: { form: string; from: string; to: string | null }[];
}

export async function placementSpans(db: Db, withStays: boolean): Promise<PlacementSpan[]> {
  const plain = db.withoutPlugins();
  const rows = await sql<Omit<PlacementSpan, 'stays'>>`
    SELECT id, started_on AS "startedOn", ended_on AS "endedOn", unit, caseworker FROM placements`.execute(plain);
  const spans = rows.rows.map((row) => ({ ...row, stays: [] as PlacementSpan['stays'] }));
  if (withStays) {
    const byId = new Map(spans.map((span) => [span.id, span]));
    const stays = await sql<{ placementId: string; form: string; from: string; to: string | null }>`
      SELECT placement_id AS "placementId", form, from_date AS "from", to_date AS "to" FROM stays ORDER BY placement_id, ordinal`.execute(plain);
    for (const { placementId, ...stay } of stays.rows) byId.get(placementId)?.stays.push(stay);
  }
  return spans;
}
