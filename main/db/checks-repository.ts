/**
 * All SQL of register checks: the register as the check engine reads it, and the names the
 * lists show. Plain SQL with camelCase aliases, like the deadline snapshot (it reads every check).
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from './schema';

type Db = Kysely<Database> | Transaction<Database>;

export interface ChecksSnapshot {
  homes: { id: string; kind: string; name: string; operator: string | null }[];
  persons: { id: string; homeId: string; name: string; role: string }[];
  placements: { id: string; decidedOn: string; startedOn: string; endedOn: string | null }[];
  stays: { placementId: string; homeId: string; form: string; fromDate: string; toDate: string | null; decidedOn: string | null }[];
  /** `permit`: the permit's scope as stored (JSON text), null for person registers and unknown scopes. */
  checks: { personId: string | null; homeId: string | null; register: string; checkedOn: string; outcome: string; permit: string | null }[];
}

export async function readChecksSnapshot(db: Db): Promise<ChecksSnapshot> {
  const plain = db.withoutPlugins();
  const [homes, persons, placements, stays, checks] = await Promise.all([
    sql<ChecksSnapshot['homes'][number]>`SELECT id, kind, name, operator FROM homes`.execute(plain),
    sql<ChecksSnapshot['persons'][number]>`SELECT id, home_id AS "homeId", name, role FROM persons`.execute(plain),
    sql<ChecksSnapshot['placements'][number]>`
      SELECT id, decided_on AS "decidedOn", started_on AS "startedOn", ended_on AS "endedOn" FROM placements`.execute(plain),
    sql<ChecksSnapshot['stays'][number]>`
      SELECT placement_id AS "placementId", home_id AS "homeId", form, from_date AS "fromDate", to_date AS "toDate",
        decided_on AS "decidedOn"
      FROM stays ORDER BY placement_id, ordinal`.execute(plain),
    sql<ChecksSnapshot['checks'][number]>`
      SELECT person_id AS "personId", home_id AS "homeId", register, checked_on AS "checkedOn", outcome, permit
      FROM register_checks`.execute(plain),
  ]);
  return { homes: homes.rows, persons: persons.rows, placements: placements.rows, stays: stays.rows, checks: checks.rows };
}
