/**
 * All SQL of register checks: the register as the check engine reads it, the names the lists
 * show, and the home panel's reads and the writes that keep a check's history. The snapshot is
 * plain SQL with camelCase aliases, like the deadline snapshot (it reads every check).
 */
import { sql, type Kysely, type RawBuilder, type Selectable, type Transaction } from 'kysely';
import { z } from 'zod';
import { assertUpdated, nextVersion, StaleRowError } from './row-versions';
import type { Database, EventsTable, RegisterCheckHistoryTable, RegisterChecksTable } from './schema';

type Db = Kysely<Database> | Transaction<Database>;

export interface ChecksSnapshot {
  homes: { id: string; kind: string; name: string; operator: string | null; capacity: number | null }[];
  persons: { id: string; homeId: string; name: string; role: string }[];
  placements: { id: string; decidedOn: string; startedOn: string; endedOn: string | null }[];
  stays: { placementId: string; homeId: string; form: string; fromDate: string; toDate: string | null; decidedOn: string | null }[];
  /** `permit`: the permit's scope as stored (JSON text), null for person registers and unknown scopes. */
  checks: { personId: string | null; homeId: string | null; register: string; checkedOn: string; outcome: string; permit: string | null }[];
}

export async function readChecksSnapshot(db: Db): Promise<ChecksSnapshot> {
  const plain = db.withoutPlugins();
  const [homes, persons, placements, stays, checks] = await Promise.all([
    sql<ChecksSnapshot['homes'][number]>`SELECT id, kind, name, operator, capacity FROM homes`.execute(plain),
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

/**
 * What the checks of the placements active on `on` rest on, and nothing else: those placements
 * with their stays, the homes of the stays, the homes' adults and their checks (and the homes'
 * permits) made by then. The engine's decision checks of those placements and every re-check are
 * then exactly those on the whole register: the navigation counts and the bevakningslista ask this.
 */
export function readOpenChecksSnapshot(db: Db, on: string): Promise<ChecksSnapshot> {
  return readChecksOf(db, sql`(SELECT id FROM placements WHERE started_on <= ${on} AND (ended_on IS NULL OR ${on} < ended_on))`, on);
}

/** What one placement's decision checks rest on (its page): as readOpenChecksSnapshot, for that placement. */
export function readPlacementChecksSnapshot(db: Db, placementId: string): Promise<ChecksSnapshot> {
  return readChecksOf(db, sql`(SELECT ${placementId})`, null);
}

/** The placements `chosen` selects, their stays, the homes of the stays with their adults, and the checks of both (made by `on`). */
async function readChecksOf(db: Db, chosen: RawBuilder<unknown>, on: string | null): Promise<ChecksSnapshot> {
  const plain = db.withoutPlugins();
  const homesOf = sql`(SELECT home_id FROM stays WHERE placement_id IN ${chosen})`;
  const made = on === null ? sql`1 = 1` : sql`checked_on <= ${on}`;
  const [homes, persons, placements, stays, checks] = await Promise.all([
    sql<ChecksSnapshot['homes'][number]>`SELECT id, kind, name, operator, capacity FROM homes WHERE id IN ${homesOf}`.execute(plain),
    sql<ChecksSnapshot['persons'][number]>`SELECT id, home_id AS "homeId", name, role FROM persons WHERE home_id IN ${homesOf}`.execute(plain),
    sql<ChecksSnapshot['placements'][number]>`
      SELECT id, decided_on AS "decidedOn", started_on AS "startedOn", ended_on AS "endedOn" FROM placements WHERE id IN ${chosen}`.execute(plain),
    sql<ChecksSnapshot['stays'][number]>`
      SELECT placement_id AS "placementId", home_id AS "homeId", form, from_date AS "fromDate", to_date AS "toDate",
        decided_on AS "decidedOn"
      FROM stays WHERE placement_id IN ${chosen} ORDER BY placement_id, ordinal`.execute(plain),
    sql<ChecksSnapshot['checks'][number]>`
      SELECT person_id AS "personId", home_id AS "homeId", register, checked_on AS "checkedOn", outcome, permit
      FROM register_checks
      WHERE ${made} AND (home_id IN ${homesOf} OR person_id IN (SELECT id FROM persons WHERE home_id IN ${homesOf}))`.execute(plain),
  ]);
  return { homes: homes.rows, persons: persons.rows, placements: placements.rows, stays: stays.rows, checks: checks.rows };
}

/**
 * What the checks of one home rest on: the home, its adults and their checks, its permits, and the
 * placements with a stay there (only those stays: a re-check is due while a child lives in this
 * home, and the places taken are counted there). The home panel and "Redo för beslut?" ask this
 * instead of the whole register.
 */
export async function readHomeChecksSnapshot(db: Db, homeId: string): Promise<ChecksSnapshot> {
  const plain = db.withoutPlugins();
  const placed = sql`(SELECT placement_id FROM stays WHERE home_id = ${homeId})`;
  const [homes, persons, placements, stays, checks] = await Promise.all([
    sql<ChecksSnapshot['homes'][number]>`SELECT id, kind, name, operator, capacity FROM homes WHERE id = ${homeId}`.execute(plain),
    sql<ChecksSnapshot['persons'][number]>`SELECT id, home_id AS "homeId", name, role FROM persons WHERE home_id = ${homeId}`.execute(plain),
    sql<ChecksSnapshot['placements'][number]>`
      SELECT id, decided_on AS "decidedOn", started_on AS "startedOn", ended_on AS "endedOn" FROM placements WHERE id IN ${placed}`.execute(plain),
    sql<ChecksSnapshot['stays'][number]>`
      SELECT placement_id AS "placementId", home_id AS "homeId", form, from_date AS "fromDate", to_date AS "toDate",
        decided_on AS "decidedOn"
      FROM stays WHERE home_id = ${homeId} ORDER BY placement_id, ordinal`.execute(plain),
    sql<ChecksSnapshot['checks'][number]>`
      SELECT person_id AS "personId", home_id AS "homeId", register, checked_on AS "checkedOn", outcome, permit
      FROM register_checks WHERE home_id = ${homeId} OR person_id IN (SELECT id FROM persons WHERE home_id = ${homeId})`.execute(plain),
  ]);
  return { homes: homes.rows, persons: persons.rows, placements: placements.rows, stays: stays.rows, checks: checks.rows };
}

// ---------------------------------------------------------------------------------------------
// Register checks as the home panel reads them, and their writes with history (services/register-checks).

export type CheckRow = Selectable<RegisterChecksTable>;
/** A check as written: its version is the database's to raise. */
export type CheckWrite = Omit<CheckRow, 'rowVersion'>;
export type CheckRevisionRow = Selectable<RegisterCheckHistoryTable>;

/**
 * An IVO permit's scope as stored in `register_checks.permit` (JSON text). Read leniently: a
 * missing part is unknown (null), and a value that does not parse is dropped (null) rather than
 * failing the whole read; fields a later version may add are ignored.
 */
const storedPermitSchema = z.object({
  forms: z.array(z.enum(['hvb', 'stodboende'])).default([]),
  minAge: z.int().nullish().transform((v) => v ?? null),
  maxAge: z.int().nullish().transform((v) => v ?? null),
  places: z.int().nullish().transform((v) => v ?? null),
  targetGroup: z.string().nullish().transform((v) => v ?? null),
  holderOrgNr: z.string().nullish().transform((v) => v ?? null),
});
export type StoredPermit = z.output<typeof storedPermitSchema>;

export function parseStoredPermit(json: string | null): StoredPermit | null {
  if (json === null) return null;
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return null;
  }
  const parsed = storedPermitSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** The JSON text to store, keys in a fixed order (so equal scopes are equal text); null when nothing is known. */
export function serializePermit(permit: Partial<StoredPermit> | null | undefined): string | null {
  if (!permit) return null;
  const stored: StoredPermit = {
    forms: [...new Set(permit.forms ?? [])],
    minAge: permit.minAge ?? null,
    maxAge: permit.maxAge ?? null,
    places: permit.places ?? null,
    targetGroup: permit.targetGroup ?? null,
    holderOrgNr: permit.holderOrgNr ?? null,
  };
  const known = stored.forms.length > 0 || Object.entries(stored).some(([key, value]) => key !== 'forms' && value !== null);
  return known ? JSON.stringify(stored) : null;
}

export async function getCheck(db: Db, id: string): Promise<CheckRow | undefined> {
  return db.selectFrom('registerChecks').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The checks of a home (its permits) and of the persons of its household, in no particular order. */
export async function checksOfHome(db: Db, homeId: string): Promise<CheckRow[]> {
  return db
    .selectFrom('registerChecks')
    .selectAll()
    .where((eb) =>
      eb.or([eb('homeId', '=', homeId), eb('personId', 'in', eb.selectFrom('persons').select('id').where('homeId', '=', homeId))]),
    )
    .execute();
}

/** Check id → how many earlier versions the history keeps of it (absent: none). */
export async function revisionCounts(db: Db, checkIds: readonly string[]): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (let i = 0; i < checkIds.length; i += 500) {
    const rows = await db
      .selectFrom('registerCheckHistory')
      .select((eb) => ['checkId', eb.fn.countAll<number>().as('n')])
      .where('checkId', 'in', checkIds.slice(i, i + 500))
      .groupBy('checkId')
      .execute();
    for (const row of rows) counts.set(row.checkId, Number(row.n));
  }
  return counts;
}

/**
 * Earlier versions of the checks of a home and of the persons of its household, newest change
 * first. A person's version carries the home the person belonged to when it was kept (see
 * `insertRevision`), so it stays with that home after the person leaves the household; versions
 * kept before home ids were stored (no home id) are found through the household as it is now.
 */
export async function historyOfHome(db: Db, homeId: string): Promise<CheckRevisionRow[]> {
  return db
    .selectFrom('registerCheckHistory')
    .selectAll()
    .where((eb) =>
      eb.or([
        eb('homeId', '=', homeId),
        eb.and([
          eb('homeId', 'is', null),
          eb('personId', 'in', eb.selectFrom('persons').select('id').where('homeId', '=', homeId)),
        ]),
      ]),
    )
    .orderBy('changedAt', 'desc')
    .orderBy('checkId')
    .orderBy('revision', 'desc')
    .execute();
}

/** A person with the home whose household they belong to: what a person's check is validated against. */
export async function personWithHome(
  db: Db,
  personId: string,
): Promise<{ id: string; name: string; role: string; homeId: string; homeKind: string; homeName: string } | undefined> {
  return db
    .selectFrom('persons')
    .innerJoin('homes', 'homes.id', 'persons.homeId')
    .select(['persons.id', 'persons.name', 'persons.role', 'persons.homeId', 'homes.kind as homeKind', 'homes.name as homeName'])
    .where('persons.id', '=', personId)
    .executeTakeFirst();
}

export async function homeBrief(db: Db, homeId: string): Promise<{ id: string; kind: string; name: string; operator: string | null } | undefined> {
  return db.selectFrom('homes').select(['id', 'kind', 'name', 'operator']).where('id', '=', homeId).executeTakeFirst();
}

/** IVO's inspections (`ivo-tillsyn` events) of a home, newest first. */
export async function inspectionsOfHome(db: Db, homeId: string): Promise<Selectable<EventsTable>[]> {
  return db
    .selectFrom('events')
    .selectAll()
    .where('homeId', '=', homeId)
    .where('type', '=', 'ivo-tillsyn')
    .orderBy('date', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

export async function insertCheck(db: Db, row: CheckWrite): Promise<void> {
  await db.insertInto('registerChecks').values(row).execute();
}

/**
 * Replaces every field of the stored check at `version` but its id and subject (a correction never
 * moves a check); `StaleRowError` when it is no longer at that version.
 */
export async function updateCheck(db: Db, row: CheckWrite, version: number): Promise<void> {
  const { id, personId: _personId, homeId: _homeId, ...fields } = row;
  const result = await db
    .updateTable('registerChecks')
    .set({ ...fields, rowVersion: nextVersion('register_checks') })
    .where('id', '=', id)
    .where('rowVersion', '=', version)
    .executeTakeFirst();
  assertUpdated(result, 'register_checks', id);
}

/** Removes the check at `version`; `StaleRowError` when it is no longer at that version. */
export async function deleteCheck(db: Db, id: string, version: number): Promise<void> {
  const result = await db.deleteFrom('registerChecks').where('id', '=', id).where('rowVersion', '=', version).executeTakeFirst();
  if (result.numDeletedRows === 0n) throw new StaleRowError('register_checks', id);
}

/** The next revision number of a check's history: 1 for the first version kept. */
export async function nextRevision(db: Db, checkId: string): Promise<number> {
  const row = await db
    .selectFrom('registerCheckHistory')
    .select((eb) => eb.fn.max('revision').as('last'))
    .where('checkId', '=', checkId)
    .executeTakeFirst();
  return Number(row?.last ?? 0) + 1;
}

/**
 * A history row of `check`: a person's check also gets the home id of the person's household
 * now (`personHomeId`), so the home keeps the history after the person is removed from it. The
 * check itself still names exactly one subject; `toRevision` (services) reports it that way.
 */
export function revisionRow(
  check: CheckWrite & { rowVersion?: number },
  revision: number,
  personHomeId: string | null,
  change: { action: 'rattad' | 'borttagen'; changedBy: string; changedAt: string; reason: string },
): CheckRevisionRow {
  const { id, rowVersion: _rowVersion, ...fields } = check;
  return { checkId: id, revision, ...fields, homeId: check.homeId ?? personHomeId, ...change };
}

/**
 * Keeps `check` as it is now in the history, as revision `revision`, with who changed it, when
 * and why. Call it in the transaction that then changes or removes the check.
 */
export async function insertRevision(
  db: Db,
  check: CheckWrite & { rowVersion?: number },
  revision: number,
  change: { action: 'rattad' | 'borttagen'; changedBy: string; changedAt: string; reason: string },
): Promise<void> {
  const person =
    check.personId === null ? undefined : await db.selectFrom('persons').select('homeId').where('id', '=', check.personId).executeTakeFirst();
  await db
    .insertInto('registerCheckHistory')
    .values(revisionRow(check, revision, person?.homeId ?? null, change))
    .execute();
}
