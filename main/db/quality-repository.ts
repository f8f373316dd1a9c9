/**
 * The evidence of the quality index, read in bulk: for some homes (a page of the register, one
 * home) or for all (matching, träffsäkerhet, the command line). Only the columns the index needs.
 */
import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import { dialectOf } from './dialect';
import type { Database } from './schema';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * Rows already shaped as the index takes its evidence (`date`, `from`, `to`, …), so a city's rows
 * are used as they are read, not copied.
 */
export interface QualityRows {
  homes: { id: string; kind: string; name: string; operator: string | null; municipality: string | null; capacity: number | null; targetGroup: string | null; active: number }[];
  inspections: { id: string; homeId: string; date: string; verdict: string | null }[];
  /** `to` is the placement's end for its last stay; `endedOn` and `endReason` only on its last stay. */
  stays: {
    placementId: string;
    homeId: string;
    ordinal: number;
    from: string;
    to: string | null;
    endedOn: string | null;
    endReason: string | null;
    startedOn: string;
    placementEndedOn: string | null;
    placementEndReason: string | null;
    protectedIdentity: number;
  }[];
  /** `corrected`: 1 when a later assessment replaces this one (wherever that one was recorded). */
  assessments: { id: string; homeId: string; date: string; scores: string; childVoice: string | null; corrected: number }[];
  deviations: { id: string; homeId: string | null; placementId: string | null; date: string; kind: string; severity: string }[];
  permits: { id: string; homeId: string; date: string; outcome: string; permit: string | null }[];
  persons: { id: string; homeId: string; name: string; role: string }[];
  personChecks: { id: string; personId: string; register: string; date: string; outcome: string }[];
  /** Every stay, in any home, of the placements that a deviation without a home names. */
  placementStays: { placementId: string; homeId: string; from: string; to: string | null }[];
}

/**
 * Everything the index of `homeIds` rests on (every home when null). Plain SQL without the
 * camel-case plugin, like the checks' snapshot: a city's 70 000 stays and 100 000 assessments
 * are read in a fraction of the time (docs/prestanda.md).
 */
export async function readQualityRows(db: Db, homeIds: readonly string[] | null): Promise<QualityRows> {
  if (homeIds !== null && homeIds.length === 0) {
    return { homes: [], inspections: [], stays: [], assessments: [], deviations: [], permits: [], persons: [], personChecks: [], placementStays: [] };
  }
  const plain = db.withoutPlugins();
  const ids = homeIds === null ? null : [...new Set(homeIds)];
  const { valuesIn } = dialectOf(db);
  /** `column` is one of the homes asked for; always true for every home. */
  const ofHomes = (column: RawBuilder<unknown>) => (ids === null ? sql`1 = 1` : sql`${column} IN ${valuesIn(ids)}`);
  const [homes, inspections, stays, assessments, deviations, permits, persons, personChecks, placementStays] = await Promise.all([
    sql<QualityRows['homes'][number]>`
      SELECT id, kind, name, operator, municipality, capacity, target_group AS "targetGroup", active
      FROM homes WHERE ${ofHomes(sql.ref('id'))}`.execute(plain),
    sql<QualityRows['inspections'][number]>`
      SELECT id, home_id AS "homeId", date, verdict
      FROM events WHERE home_id IS NOT NULL AND type = 'ivo-tillsyn' AND ${ofHomes(sql.ref('home_id'))}`.execute(plain),
    sql<QualityRows['stays'][number]>`
      SELECT s.placement_id AS "placementId", s.home_id AS "homeId", s.ordinal, s.from_date AS "from",
        COALESCE(s.to_date, CASE WHEN s.is_last THEN p.ended_on END) AS "to",
        CASE WHEN s.is_last THEN p.ended_on END AS "endedOn", CASE WHEN s.is_last THEN p.end_reason END AS "endReason",
        p.started_on AS "startedOn", p.ended_on AS "placementEndedOn", p.end_reason AS "placementEndReason",
        c.protected_identity AS "protectedIdentity"
      FROM (
        SELECT stays.*, stays.ordinal = (SELECT MAX(later.ordinal) FROM stays later WHERE later.placement_id = stays.placement_id) AS is_last
        FROM stays WHERE ${ofHomes(sql.ref('stays.home_id'))}
      ) s
      JOIN placements p ON p.id = s.placement_id JOIN children c ON c.id = p.child_id`.execute(plain),
    sql<QualityRows['assessments'][number]>`
      SELECT id, home_id AS "homeId", assessed_on AS date, scores, child_voice AS "childVoice",
        CASE WHEN id IN (SELECT corrects FROM assessments WHERE corrects IS NOT NULL) THEN 1 ELSE 0 END AS corrected
      FROM assessments WHERE ${ofHomes(sql.ref('home_id'))}`.execute(plain),
    sql<QualityRows['deviations'][number]>`
      SELECT id, home_id AS "homeId", placement_id AS "placementId", reported_on AS date, kind, severity
      FROM deviations
      WHERE ${ids === null ? sql`1 = 1` : sql`(home_id IN ${valuesIn(ids)}
        OR (home_id IS NULL AND placement_id IN (SELECT placement_id FROM stays WHERE home_id IN ${valuesIn(ids)})))`}`.execute(plain),
    sql<QualityRows['permits'][number]>`
      SELECT id, home_id AS "homeId", checked_on AS date, outcome, permit
      FROM register_checks WHERE register = 'ivo-tillstand' AND ${ofHomes(sql.ref('home_id'))}`.execute(plain),
    sql<QualityRows['persons'][number]>`
      SELECT id, home_id AS "homeId", name, role FROM persons WHERE ${ofHomes(sql.ref('home_id'))}`.execute(plain),
    sql<QualityRows['personChecks'][number]>`
      SELECT c.id, c.person_id AS "personId", c.register, c.checked_on AS date, c.outcome
      FROM register_checks c ${ids === null ? sql`` : sql`JOIN persons p ON p.id = c.person_id`}
      WHERE c.person_id IS NOT NULL AND ${ids === null ? sql`1 = 1` : sql`p.home_id IN ${valuesIn(ids)}`}`.execute(plain),
    sql<QualityRows['placementStays'][number]>`
      SELECT placement_id AS "placementId", home_id AS "homeId", from_date AS "from", to_date AS "to"
      FROM stays WHERE placement_id IN (SELECT placement_id FROM deviations WHERE home_id IS NULL)
      ORDER BY placement_id, ordinal`.execute(plain),
  ]);
  return {
    homes: homes.rows,
    inspections: inspections.rows,
    stays: stays.rows,
    assessments: assessments.rows,
    deviations: deviations.rows,
    permits: permits.rows,
    persons: persons.rows,
    personChecks: personChecks.rows,
    placementStays: placementStays.rows,
  };
}
