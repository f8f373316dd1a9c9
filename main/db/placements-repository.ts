/**
 * All SQL for children, placements with their stays, and events. Rows come out as stored
 * (enum values as text, booleans as 0/1 turned into booleans); the services give them their types.
 * Every function takes the database or a transaction, so a service composes them into one.
 */
import { sql, type Insertable, type Kysely, type Selectable, type Transaction } from 'kysely';
import { fosterHomeKinds } from '../domain/vocabulary';
import { dialectOf } from './dialect';
import { assertUpdated, nextVersion } from './row-versions';
import type { ChildrenTable, Database, EventsTable, PlacementsTable, RemovedRecordsTable, StaysTable } from './schema';

type Db = Kysely<Database> | Transaction<Database>;

export type ChildRow = Omit<Selectable<ChildrenTable>, 'protectedIdentity'> & { protectedIdentity: boolean };
export type PlacementRow = Selectable<PlacementsTable>;
export type StayRow = Selectable<StaysTable> & { homeName: string };
export type EventRow = Selectable<EventsTable>;
export type PlacementWithStays = PlacementRow & { stays: StayRow[] };

const toChild = (row: Selectable<ChildrenTable>): ChildRow => ({ ...row, protectedIdentity: row.protectedIdentity === 1 });

// ---------------------------------------------------------------------------------------------
// Children

export async function listChildren(db: Db): Promise<(ChildRow & { placementCount: number })[]> {
  const rows = await db
    .selectFrom('children')
    .selectAll('children')
    .select(sql<number>`(SELECT count(*) FROM placements p WHERE p.child_id = children.id)`.as('placementCount'))
    .execute();
  return rows.map((row) => ({ ...toChild(row), placementCount: Number(row.placementCount) }));
}

export async function getChild(db: Db, id: string): Promise<ChildRow | undefined> {
  const row = await db.selectFrom('children').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toChild(row);
}

/** The children asked for, by id (ids not found are left out). */
export async function childrenByIds(db: Db, ids: readonly string[]): Promise<Map<string, ChildRow>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('children').selectAll().where('id', 'in', [...new Set(ids)]).execute();
  return new Map(rows.map((row) => [row.id, toChild(row)]));
}

/** Inserts the child (`version` null) or updates the one at `version`; `StaleRowError` when it is no longer at it. */
export async function saveChild(db: Db, child: Omit<ChildRow, 'rowVersion'>, version: number | null): Promise<void> {
  const { id, protectedIdentity, ...fields } = child;
  const values = { ...fields, protectedIdentity: protectedIdentity ? 1 : 0 };
  if (version === null) {
    await db.insertInto('children').values({ id, ...values }).execute();
    return;
  }
  const result = await db
    .updateTable('children')
    .set({ ...values, rowVersion: nextVersion('children') })
    .where('id', '=', id)
    .where('rowVersion', '=', version)
    .executeTakeFirst();
  assertUpdated(result, 'children', id);
}

// ---------------------------------------------------------------------------------------------
// Placements and stays

async function staysOf(db: Db, placementIds: readonly string[] | null): Promise<Map<string, StayRow[]>> {
  const rows = await db
    .selectFrom('stays')
    .innerJoin('homes', 'homes.id', 'stays.homeId')
    .selectAll('stays')
    .select('homes.name as homeName')
    .$if(placementIds !== null, (qb) => qb.where('stays.placementId', 'in', placementIds!.length > 0 ? placementIds! : ['']))
    .orderBy('stays.placementId')
    .orderBy('stays.ordinal')
    .execute();
  const byPlacement = new Map<string, StayRow[]>();
  for (const row of rows) {
    const list = byPlacement.get(row.placementId);
    if (list) list.push(row);
    else byPlacement.set(row.placementId, [row]);
  }
  return byPlacement;
}

/** Every placement with its stays (and the stays' home names), or those of one child. */
export async function listPlacements(db: Db, childId?: string): Promise<PlacementWithStays[]> {
  const placements = await db
    .selectFrom('placements')
    .selectAll()
    .$if(childId !== undefined, (qb) => qb.where('childId', '=', childId!))
    .orderBy('startedOn')
    .orderBy('id')
    .execute();
  const stays = await staysOf(db, childId === undefined ? null : placements.map((p) => p.id));
  return placements.map((p) => ({ ...p, stays: stays.get(p.id) ?? [] }));
}

export async function getPlacement(db: Db, id: string): Promise<PlacementWithStays | undefined> {
  const placement = await db.selectFrom('placements').selectAll().where('id', '=', id).executeTakeFirst();
  if (!placement) return undefined;
  return { ...placement, stays: (await staysOf(db, [id])).get(id) ?? [] };
}

/** The placements asked for, with their stays, in no particular order (ids not found are left out). */
export async function placementsByIds(db: Db, ids: readonly string[]): Promise<PlacementWithStays[]> {
  if (ids.length === 0) return [];
  const placements = await db.selectFrom('placements').selectAll().where('id', 'in', [...ids]).execute();
  const stays = await staysOf(db, ids);
  return placements.map((p) => ({ ...p, stays: stays.get(p.id) ?? [] }));
}

/** A word of a search as `findPlacements` matches it; the service decides what a word may find. */
export interface PlacementSearchWord {
  /** In search form (`foldSwedish`): matched in the texts the list row shows. */
  folded: string;
  /** As typed: matched in an unprotected child's birth date (ÅÅÅÅ-MM-DD). */
  typed: string;
  /** Its digits when it is (part of) a personnummer or birth date, else null: matched in an unprotected child's. */
  digits: string | null;
}

export interface PlacementFind {
  /** The date the row's home and "active" are judged on. */
  on: string;
  /** Each must match the placement (in any order). */
  words: readonly PlacementSearchWord[];
  /** Only the placements active on `on` (domain isActiveOn); the others found are counted as `hidden`. */
  activeOnly: boolean;
  /** What the list calls a protected child's home: searched instead of the home. */
  protectedHomeName: string;
  /** Sorted here; without it newest first (start date descending, then id). Ties are newest first. */
  orderBy?: { column: 'startedOn' | 'endedOn' | 'legalBasis'; direction: 'asc' | 'desc' };
  /**
   * A text of the row to return as `key`, for the caller to sort by: Swedish order needs
   * Intl.Collator, and SQLite (better-sqlite3) cannot be given a collation.
   */
  key?: 'child' | 'home' | 'caseworker' | 'unit';
}

export interface FoundPlacement {
  id: string;
  /** The text asked for as `key` (null when blank or not asked for). */
  key: string | null;
}

/**
 * The placements a search finds, in order, as ids: only what is needed to count, sort and page
 * them, so the list's rows are built for one page alone. The texts searched are the ones a list
 * row shows (placementListRow): the child's label ("Skyddad identitet (f. 2012)" for a protected
 * child, whose name is never searched), the home of the stay current on `on` (else the last; for
 * a protected child "Skyddat boende"), handläggare, enhet and the placement's id; and, for a child
 * that is not protected, its birth date and personnummer. Plain SQL, without the CamelCasePlugin.
 */
export async function findPlacements(db: Db, find: PlacementFind): Promise<{ found: FoundPlacement[]; hidden: number }> {
  const { on } = find;
  const plain = db.withoutPlugins();
  const { position, newline } = dialectOf(db);
  const label = sql`CASE WHEN c.id IS NULL THEN p.child_id
      WHEN c.protected_identity = 1 THEN 'Skyddad identitet (f. ' || substr(c.birth_date, 1, 4) || ')'
      ELSE coalesce(c.name, 'Barn f. ' || c.birth_date) END`;
  // SQLite leaves out the joins and subqueries of the columns a query does not use: a list
  // without a search or a sort by name reads the placements alone.
  const shown = sql`WITH shown AS (
      SELECT p.id, p.started_on, p.ended_on, p.legal_basis, p.caseworker, p.unit,
        (p.started_on <= ${on} AND (p.ended_on IS NULL OR ${on} < p.ended_on)) AS active,
        c.id IS NOT NULL AS child_found, coalesce(c.protected_identity, 0) AS protected, c.birth_date, c.personnummer,
        ${label} AS label,
        CASE WHEN c.protected_identity = 1 THEN ${find.protectedHomeName} ELSE h.name END AS home
      FROM placements p
      LEFT JOIN children c ON c.id = p.child_id
      LEFT JOIN stays s ON s.placement_id = p.id AND s.ordinal = coalesce(
        (SELECT min(x.ordinal) FROM stays x WHERE x.placement_id = p.id AND x.from_date <= ${on} AND (x.to_date IS NULL OR ${on} < x.to_date)),
        (SELECT max(x.ordinal) FROM stays x WHERE x.placement_id = p.id))
      LEFT JOIN homes h ON h.id = s.home_id
    )`;
  const texts = sql`sv_lower(label || ${newline} || coalesce(home, '') || ${newline} || coalesce(caseworker, '') || ${newline} || coalesce(unit, '') || ${newline} || id)`;
  // `child_found` is a truth value on PostgreSQL and 0/1 on SQLite: tested as itself, it is one on both.
  const matches = find.words.map(
    (word) => sql`(
      ${position(texts, word.folded)} > 0
      OR (child_found AND protected = 0 AND (
        ${position(sql`birth_date`, word.typed)} > 0${
          word.digits === null
            ? sql``
            : sql`
        OR ${position(sql`replace(replace(replace(coalesce(personnummer, ''), '-', ''), '+', ''), ' ', '')`, word.digits)} > 0
        OR ${position(sql`replace(birth_date, '-', '')`, word.digits)} > 0`})))`,
  );
  // "active" first: a search's words are matched once per placement, in one of the two queries.
  const where = (active: boolean | null) => {
    const terms = [...(active === null ? [] : [active ? sql`active` : sql`NOT active`]), ...matches];
    return terms.length === 0 ? sql`` : sql`WHERE ${sql.join(terms, sql` AND `)}`;
  };
  const direction = sql.raw(find.orderBy?.direction === 'asc' ? 'ASC' : 'DESC');
  const orderBy =
    find.orderBy === undefined
      ? sql`started_on DESC, id`
      : find.orderBy.column === 'startedOn'
        ? sql`started_on ${direction}, id`
        : find.orderBy.column === 'endedOn'
          ? sql`coalesce(ended_on, '9999-12-31') ${direction}, started_on DESC, id`
          : sql`legal_basis ${direction}, started_on DESC, id`;
  const key = find.key === undefined ? sql`NULL` : sql.ref(find.key === 'child' ? 'label' : find.key);
  const [found, hidden] = await Promise.all([
    sql<FoundPlacement>`${shown} SELECT id, ${key} AS key FROM shown ${where(find.activeOnly ? true : null)} ORDER BY ${orderBy}`.execute(plain),
    find.activeOnly ? sql<{ hidden: number }>`${shown} SELECT count(*) AS hidden FROM shown ${where(false)}`.execute(plain) : null,
  ]);
  return {
    found: found.rows.map((row) => (row.key === '' ? { ...row, key: null } : row)),
    hidden: Number(hidden?.rows[0]?.hidden ?? 0),
  };
}

/**
 * Inserts the placement (`version` null) or updates the one at `version`, and replaces its stays
 * (in order: ordinal 0, 1, …); the placement's version covers them. `StaleRowError` when the
 * placement is no longer at `version`.
 */
export async function savePlacement(
  db: Db,
  placement: Omit<PlacementRow, 'rowVersion'>,
  stays: Omit<Selectable<StaysTable>, 'placementId' | 'ordinal'>[],
  version: number | null,
): Promise<void> {
  const { id, ...fields } = placement;
  if (version === null) {
    await db.insertInto('placements').values(placement).execute();
  } else {
    const result = await db
      .updateTable('placements')
      .set({ ...fields, rowVersion: nextVersion('placements') })
      .where('id', '=', id)
      .where('rowVersion', '=', version)
      .executeTakeFirst();
    assertUpdated(result, 'placements', id);
  }
  await db.deleteFrom('stays').where('placementId', '=', id).execute();
  if (stays.length > 0) {
    await db
      .insertInto('stays')
      .values(stays.map((stay, ordinal) => ({ ...stay, placementId: id, ordinal })))
      .execute();
  }
}

/** Each handläggare (`caseworker`) or enhet (`unit`) written on a placement, as written, with how many placements have it. */
export async function placementNames(db: Db, column: 'caseworker' | 'unit'): Promise<{ name: string; count: number }[]> {
  const rows = await db
    .selectFrom('placements')
    .select((eb) => [eb.ref(column).as('name'), eb.fn.countAll<number>().as('count')])
    .where(column, 'is not', null)
    .groupBy(column)
    .execute();
  return rows.map((row) => ({ name: row.name as string, count: Number(row.count) }));
}

/** Home id → kind, name and operator, for the homes asked about. */
export async function homesById(
  db: Db,
  ids: readonly string[],
): Promise<Map<string, { kind: string; name: string; active: boolean; operator: string | null }>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('homes').select(['id', 'kind', 'name', 'active', 'operator']).where('id', 'in', [...new Set(ids)]).execute();
  return new Map(rows.map((row) => [row.id, { kind: row.kind, name: row.name, active: row.active === 1, operator: row.operator }]));
}

/** The IVO permit verifications of the homes asked about (`permit`: the scope as stored, JSON text). */
export async function permitsOfHomes(
  db: Db,
  homeIds: readonly string[],
): Promise<{ homeId: string; checkedOn: string; outcome: string; permit: string | null }[]> {
  if (homeIds.length === 0) return [];
  const rows = await db
    .selectFrom('registerChecks')
    .select(['homeId', 'checkedOn', 'outcome', 'permit'])
    .where('register', '=', 'ivo-tillstand')
    .where('homeId', 'in', [...new Set(homeIds)])
    .execute();
  return rows.map((row) => ({ ...row, homeId: row.homeId! }));
}

/** Placement id → its child (what a list needs to name or mask it), for every placement. */
export async function placementChildren(
  db: Db,
): Promise<Map<string, { childId: string; name: string | null; birthDate: string; protectedIdentity: boolean }>> {
  const rows = await sql<{ placementId: string; childId: string; name: string | null; birthDate: string; protectedIdentity: number }>`
    SELECT p.id AS "placementId", c.id AS "childId", c.name, c.birth_date AS "birthDate", c.protected_identity AS "protectedIdentity"
    FROM placements p JOIN children c ON c.id = p.child_id`.execute(db.withoutPlugins());
  return new Map(rows.rows.map(({ placementId, protectedIdentity, ...child }) => [placementId, { ...child, protectedIdentity: protectedIdentity === 1 }]));
}

/**
 * Removes a placement entered by mistake: its stays and events go with it; notes, assessments and
 * deviations that named it stay with the home (of its last stay) they are about. The caller keeps
 * the whole record first (insertRemovedRecord), in the same transaction.
 */
export async function deletePlacement(db: Db, id: string, homeId: string | null): Promise<void> {
  for (const table of ['notes', 'noteDrafts', 'deviations'] as const) {
    await db
      .updateTable(table)
      .set((eb) => ({ homeId: eb.fn.coalesce('homeId', eb.val(homeId)), placementId: null }))
      .where('placementId', '=', id)
      .execute();
  }
  await db.updateTable('assessments').set({ placementId: null }).where('placementId', '=', id).execute();
  await db.deleteFrom('events').where('placementId', '=', id).execute();
  await db.deleteFrom('stays').where('placementId', '=', id).execute();
  await db.deleteFrom('placements').where('id', '=', id).execute();
}

export async function deleteChild(db: Db, id: string): Promise<void> {
  await db.deleteFrom('children').where('id', '=', id).execute();
}

export async function insertRemovedRecord(db: Db, row: Insertable<RemovedRecordsTable>): Promise<void> {
  await db.insertInto('removedRecords').values(row).execute();
}

/** Ends the placement's last stay again: an omplacering undone (the caller has checked which stay). */
export async function removeLastStay(db: Db, placementId: string, ordinal: number): Promise<void> {
  // The placement's version covers its stays; raised first, so the placement is locked before its stays, as a save locks them.
  await db.updateTable('placements').set({ rowVersion: nextVersion('placements') }).where('id', '=', placementId).execute();
  await db.deleteFrom('stays').where('placementId', '=', placementId).where('ordinal', '=', ordinal).execute();
  await db.updateTable('stays').set({ toDate: null }).where('placementId', '=', placementId).where('ordinal', '=', ordinal - 1).execute();
}

// ---------------------------------------------------------------------------------------------
// Events

export async function listEvents(db: Db, of: { placementId: string } | { homeId: string }): Promise<EventRow[]> {
  return db
    .selectFrom('events')
    .selectAll()
    .$if('placementId' in of, (qb) => qb.where('placementId', '=', (of as { placementId: string }).placementId))
    .$if('homeId' in of, (qb) => qb.where('homeId', '=', (of as { homeId: string }).homeId))
    .orderBy('date', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

export async function getEvent(db: Db, id: string): Promise<EventRow | undefined> {
  return db.selectFrom('events').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertEvent(db: Db, event: EventRow): Promise<void> {
  await db.insertInto('events').values(event).execute();
}

export async function deleteEvent(db: Db, id: string): Promise<boolean> {
  const result = await db.deleteFrom('events').where('id', '=', id).executeTakeFirst();
  return result.numDeletedRows > 0n;
}

// ---------------------------------------------------------------------------------------------
// What the deadline engine reads: the whole register in four queries.

export interface RegisterSnapshot {
  children: { id: string; name: string | null; birthDate: string; protectedIdentity: boolean }[];
  placements: PlacementRow[];
  stays: Selectable<StaysTable>[];
  events: Pick<EventRow, 'placementId' | 'homeId' | 'type' | 'date'>[];
  homes: { id: string; kind: string; name: string }[];
  /** Read for one date only: every foster-home stay begun by then, which the home rule counts (see readOpenRegisterSnapshot). */
  homeStays?: { homeId: string; fromDate: string; toDate: string | null }[];
  /** Lex Sarah reports that have been judged, with their steps (`lex-sarah-anmalan`). */
  lexSarah: LexSarahRow[];
}

export interface LexSarahRow {
  id: string;
  placementId: string | null;
  homeId: string | null;
  /** JSON array of the steps: `{ step, date, serious }` in order. */
  steps: string;
}

/** The lex Sarah reports judged at all: a handful in a municipality, read whole. */
function readLexSarah(plain: Kysely<Database>) {
  const steps = dialectOf(plain).jsonObjectsOf({ step: sql`s.step`, date: sql`s.date`, serious: sql`s.serious` }, sql`s.ordinal`);
  return sql<LexSarahRow>`
    SELECT d.id, d.placement_id AS "placementId", d.home_id AS "homeId",
      (SELECT ${steps}
        FROM (SELECT * FROM deviation_steps WHERE deviation_id = d.id ORDER BY ordinal) s) AS steps
    FROM deviations d
    WHERE d.kind = 'lex-sarah' AND EXISTS (SELECT 1 FROM deviation_steps b WHERE b.deviation_id = d.id AND b.step = 'bedomning')`.execute(plain);
}

/**
 * The whole register, or (with `childIds`: a child's id or several) those children's placements
 * with their stays and events.
 * Plain SQL with camelCase aliases and without the CamelCasePlugin: this reads every event of the
 * register, and mapping 100 000 rows' keys doubled the time of the bevakningslista.
 */
export async function readRegisterSnapshot(db: Db, childIds?: string | readonly string[]): Promise<RegisterSnapshot> {
  const plain = db.withoutPlugins();
  const all = childIds === undefined;
  const chosen = dialectOf(db).valuesIn(childIds === undefined ? [] : typeof childIds === 'string' ? [childIds] : childIds);
  const isChosen = (column: string) => (all ? sql`1 = 1` : sql`${sql.ref(column)} IN ${chosen}`);
  const ofChild = all ? sql`1 = 1` : sql`placement_id IN (SELECT id FROM placements WHERE child_id IN ${chosen})`;
  const [children, placements, stays, events, homes, lexSarah] = await Promise.all([
    sql<{ id: string; name: string | null; birthDate: string; protectedIdentity: number }>`
      SELECT id, name, birth_date AS "birthDate", protected_identity AS "protectedIdentity"
      FROM children WHERE ${isChosen('id')}`.execute(plain),
    sql<PlacementRow>`
      SELECT id, child_id AS "childId", legal_basis AS "legalBasis", decided_on AS "decidedOn",
        started_on AS "startedOn", ended_on AS "endedOn", end_reason AS "endReason", caseworker, unit, daily_cost AS "dailyCost"
      FROM placements WHERE ${isChosen('child_id')}`.execute(plain),
    sql<Selectable<StaysTable>>`
      SELECT placement_id AS "placementId", ordinal, home_id AS "homeId", form, from_date AS "fromDate",
        to_date AS "toDate", decided_on AS "decidedOn", investigation_completed_on AS "investigationCompletedOn"
      FROM stays WHERE ${ofChild} ORDER BY placement_id, ordinal`.execute(plain),
    sql<Pick<EventRow, 'placementId' | 'homeId' | 'type' | 'date'>>`
      SELECT placement_id AS "placementId", home_id AS "homeId", type, date
      FROM events WHERE ${ofChild}`.execute(plain),
    sql<{ id: string; kind: string; name: string }>`SELECT id, kind, name FROM homes`.execute(plain),
    readLexSarah(plain),
  ]);
  return {
    children: children.rows.map((c) => ({ ...c, protectedIdentity: c.protectedIdentity === 1 })),
    placements: placements.rows,
    stays: stays.rows,
    events: events.rows,
    homes: homes.rows,
    lexSarah: lexSarah.rows,
  };
}

/**
 * What the deadline engine needs on `on`, and nothing of the years before that it would pass over:
 * every placement of a child with a placement active that day (a child's other placements count
 * for vårdnadsöverflyttning), and each ended LVU placement still waiting for its follow-up; with
 * their stays and the newest of each type of their events dated by `on`; every foster-home stay
 * begun by then (the home rule looks at the whole history) and the newest of each type of the
 * homes' own events. The engine's results on it are those on
 * the whole register (a property test holds them equal), at a fraction of the rows.
 */
export async function readOpenRegisterSnapshot(db: Db, on: string): Promise<RegisterSnapshot> {
  const plain = db.withoutPlugins();
  // The ended LVU care still waiting is every ended LVU placement less those with a follow-up since
  // the end, found through the follow-ups (events_type_date), not a probe per ended placement.
  const wanted = await sql<{ id: string }>`
    SELECT id FROM placements WHERE child_id IN (
      SELECT child_id FROM placements WHERE started_on <= ${on} AND (ended_on IS NULL OR ${on} < ended_on))
    UNION
    SELECT * FROM (
      SELECT id FROM placements WHERE ended_on <= ${on} AND legal_basis <> 'SoL'
      EXCEPT
      SELECT e.placement_id FROM events e JOIN placements p ON p.id = e.placement_id
      WHERE e.type = 'uppfoljning-avslutad' AND e.date <= ${on} AND e.date >= p.ended_on) AS waiting`.execute(plain);
  const chosen = dialectOf(db).valuesIn(wanted.rows.map((row) => row.id));
  const fosterKinds = sql.join(fosterHomeKinds.map((kind) => sql.lit(kind)));
  const [children, placements, stays, events, homes, homeStays, lexSarah] = await Promise.all([
    sql<{ id: string; name: string | null; birthDate: string; protectedIdentity: number }>`
      SELECT id, name, birth_date AS "birthDate", protected_identity AS "protectedIdentity"
      FROM children WHERE id IN (SELECT child_id FROM placements WHERE id IN ${chosen})`.execute(plain),
    sql<PlacementRow>`
      SELECT id, child_id AS "childId", legal_basis AS "legalBasis", decided_on AS "decidedOn",
        started_on AS "startedOn", ended_on AS "endedOn", end_reason AS "endReason", caseworker, unit, daily_cost AS "dailyCost"
      FROM placements WHERE id IN ${chosen}`.execute(plain),
    sql<Selectable<StaysTable>>`
      SELECT placement_id AS "placementId", ordinal, home_id AS "homeId", form, from_date AS "fromDate",
        to_date AS "toDate", decided_on AS "decidedOn", investigation_completed_on AS "investigationCompletedOn"
      FROM stays WHERE placement_id IN ${chosen} ORDER BY placement_id, ordinal`.execute(plain),
    // The newest of each type is all the engine reads of a placement's or a home's events (the
    // latest one, whether one exists, whether one is dated after a day): a third of the rows, read
    // from the index alone (events_placement_type_date).
    sql<Pick<EventRow, 'placementId' | 'homeId' | 'type' | 'date'>>`
      SELECT placement_id AS "placementId", NULL AS "homeId", type, MAX(date) AS date
      FROM events WHERE placement_id IN ${chosen} AND date <= ${on} GROUP BY placement_id, type
      UNION ALL
      SELECT NULL, home_id, type, MAX(date)
      FROM events WHERE placement_id IS NULL AND home_id IS NOT NULL AND date <= ${on} GROUP BY home_id, type`.execute(plain),
    sql<{ id: string; kind: string; name: string }>`SELECT id, kind, name FROM homes`.execute(plain),
    sql<{ homeId: string; fromDate: string; toDate: string | null }>`
      SELECT s.home_id AS "homeId", s.from_date AS "fromDate", s.to_date AS "toDate"
      FROM stays s JOIN homes h ON h.id = s.home_id
      WHERE s.from_date <= ${on} AND h.kind IN (${fosterKinds})`.execute(plain),
    readLexSarah(plain),
  ]);
  return {
    children: children.rows.map((c) => ({ ...c, protectedIdentity: c.protectedIdentity === 1 })),
    placements: placements.rows,
    stays: stays.rows,
    events: events.rows,
    homes: homes.rows,
    homeStays: homeStays.rows,
    lexSarah: lexSarah.rows,
  };
}

/** The tables a cache of the lists may rest on, each with its change counter (migration 8). */
export type CountedTable =
  | 'homes'
  /** Not a table: the homes added, removed or renamed (migration 18), all the list of placements shows of them. */
  | 'home_names'
  | 'persons'
  | 'children'
  | 'placements'
  | 'stays'
  | 'events'
  | 'register_checks'
  | 'settings'
  | 'deviations'
  | 'deviation_steps'
  | 'assessments'
  | 'audit_actions'
  | 'audit_rounds';

/**
 * Changes to `tables` as a cache sees them: their counters, raised by triggers on every row any
 * connection writes (so a nightly import by the command line is seen too), and nothing else.
 */
export async function changeStamp(db: Db, tables: readonly CountedTable[]): Promise<string> {
  if (tables.length === 0) return '';
  const counters = await sql<{ name: string; changes: number | string }>`
    SELECT name, changes FROM change_counters WHERE name IN (${sql.join(tables)})`.execute(db);
  const changes = new Map(counters.rows.map((row) => [row.name, String(row.changes)]));
  // The shared register makes a table's counter at its first write (pg/change-counters.ts): none yet is 0, as locally.
  return [...new Set(tables)]
    .sort()
    .map((name) => `${name}:${changes.get(name) ?? 0}`)
    .join('|');
}

/** Every counted table: a change to any of them is a change the open lists may show. */
export const countedTables: readonly CountedTable[] = [
  'homes', 'persons', 'children', 'placements', 'stays', 'events', 'register_checks', 'settings',
  'deviations', 'deviation_steps', 'assessments', 'audit_actions', 'audit_rounds',
];

/** The children of these placements, each once. */
export async function childrenOfPlacements(db: Db, placementIds: readonly string[]): Promise<string[]> {
  if (placementIds.length === 0) return [];
  const rows = await db.selectFrom('placements').select('childId').distinct().where('id', 'in', [...placementIds]).execute();
  return rows.map((row) => row.childId);
}

export async function childOfPlacement(db: Db, placementId: string): Promise<string | undefined> {
  return (await db.selectFrom('placements').select('childId').where('id', '=', placementId).executeTakeFirst())?.childId;
}

/** Whether the placement's child has skyddad identitet (its homes are then withheld until revealed). */
export async function placementOfProtectedChild(db: Db, placementId: string): Promise<boolean> {
  const row = await db
    .selectFrom('placements')
    .innerJoin('children', 'children.id', 'placements.childId')
    .select('children.protectedIdentity')
    .where('placements.id', '=', placementId)
    .executeTakeFirst();
  return row?.protectedIdentity === 1;
}

export async function placementIdsOfChild(db: Db, childId: string): Promise<string[]> {
  return (await db.selectFrom('placements').select('id').where('childId', '=', childId).execute()).map((row) => row.id);
}
