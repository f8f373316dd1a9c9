/**
 * The evidence of the quality index, read in bulk: for some homes (a page of the register, one
 * home) or for all (matching, träffsäkerhet, the command line). Only the columns the index needs.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema';

type Db = Kysely<Database> | Transaction<Database>;

export interface QualityRows {
  homes: { id: string; kind: string; name: string; operator: string | null; municipality: string | null; capacity: number | null; targetGroup: string | null; active: number }[];
  inspections: { id: string; homeId: string | null; date: string; verdict: string | null }[];
  stays: {
    placementId: string;
    homeId: string;
    ordinal: number;
    fromDate: string;
    toDate: string | null;
    startedOn: string;
    endedOn: string | null;
    endReason: string | null;
    isLast: number;
    protectedIdentity: number;
  }[];
  assessments: { id: string; homeId: string; assessedOn: string; scores: string; childVoice: string | null; corrects: string | null }[];
  deviations: { id: string; homeId: string | null; placementId: string | null; reportedOn: string; kind: string; severity: string }[];
  permits: { id: string; homeId: string | null; checkedOn: string; outcome: string; permit: string | null }[];
  persons: { id: string; homeId: string; name: string; role: string }[];
  personChecks: { id: string; personId: string | null; register: string; checkedOn: string; outcome: string }[];
}

/** Everything the index of `homeIds` rests on (every home when null). */
export async function readQualityRows(db: Db, homeIds: readonly string[] | null): Promise<QualityRows> {
  if (homeIds !== null && homeIds.length === 0) return { homes: [], inspections: [], stays: [], assessments: [], deviations: [], permits: [], persons: [], personChecks: [] };
  const ids = homeIds === null ? null : [...new Set(homeIds)];
  const [homes, inspections, stays, assessments, deviations, permits, persons, personChecks] = await Promise.all([
    db
      .selectFrom('homes')
      .select(['id', 'kind', 'name', 'operator', 'municipality', 'capacity', 'targetGroup', 'active'])
      .$if(ids !== null, (q) => q.where('id', 'in', ids!))
      .execute(),
    db
      .selectFrom('events')
      .select(['id', 'homeId', 'date', 'verdict'])
      .where('type', '=', 'ivo-tillsyn')
      .$if(ids !== null, (q) => q.where('homeId', 'in', ids!))
      .execute(),
    db
      .selectFrom('stays')
      .innerJoin('placements', 'placements.id', 'stays.placementId')
      .innerJoin('children', 'children.id', 'placements.childId')
      .select((eb) => [
        'stays.placementId',
        'stays.homeId',
        'stays.ordinal',
        'stays.fromDate',
        'stays.toDate',
        'placements.startedOn',
        'placements.endedOn',
        'placements.endReason',
        'children.protectedIdentity',
        eb
          .not(eb.exists(eb.selectFrom('stays as later').select('later.ordinal').whereRef('later.placementId', '=', 'stays.placementId').whereRef('later.ordinal', '>', 'stays.ordinal')))
          .$castTo<number>()
          .as('isLast'),
      ])
      .$if(ids !== null, (q) => q.where('stays.homeId', 'in', ids!))
      .execute(),
    db
      .selectFrom('assessments')
      .select(['id', 'homeId', 'assessedOn', 'scores', 'childVoice', 'corrects'])
      .$if(ids !== null, (q) => q.where('homeId', 'in', ids!))
      .execute(),
    db
      .selectFrom('deviations')
      .select(['id', 'homeId', 'placementId', 'reportedOn', 'kind', 'severity'])
      .$if(ids !== null, (q) =>
        q.where((eb) =>
          eb.or([
            eb('homeId', 'in', ids!),
            eb.and([eb('homeId', 'is', null), eb('placementId', 'in', eb.selectFrom('stays').select('stays.placementId').where('stays.homeId', 'in', ids!))]),
          ]),
        ),
      )
      .execute(),
    db
      .selectFrom('registerChecks')
      .select(['id', 'homeId', 'checkedOn', 'outcome', 'permit'])
      .where('register', '=', 'ivo-tillstand')
      .$if(ids !== null, (q) => q.where('homeId', 'in', ids!))
      .execute(),
    db
      .selectFrom('persons')
      .select(['id', 'homeId', 'name', 'role'])
      .$if(ids !== null, (q) => q.where('homeId', 'in', ids!))
      .execute(),
    db
      .selectFrom('registerChecks')
      .select(['id', 'personId', 'register', 'checkedOn', 'outcome'])
      .where('personId', 'is not', null)
      .$if(ids !== null, (q) => q.where('personId', 'in', (eb) => eb.selectFrom('persons').select('persons.id').where('persons.homeId', 'in', ids!)))
      .execute(),
  ]);
  return { homes, inspections, stays, assessments, deviations, permits, persons, personChecks };
}
