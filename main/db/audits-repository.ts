/**
 * What a random file audit draws from: every placement's id, the days it began and ended, its
 * unit and handläggare, and (when a round filters on form) its stays' forms.
 */
import { sql, type Insertable, type Kysely, type Selectable, type Transaction } from 'kysely';
import { dialectOf } from './dialect';
import type { AuditActionsTable, AuditAnalysesTable, AuditAnswersTable, AuditFilesTable, AuditRoundsTable, Database } from './schema';

type Db = Kysely<Database> | Transaction<Database>;

export interface PlacementSpan {
  id: string;
  startedOn: string;
  endedOn: string | null;
  unit: string | null;
  caseworker: string | null;
  legalBasis: string;
  stays: { form: string; from: string; to: string | null }[];
}

export async function placementSpans(db: Db, withStays: boolean): Promise<PlacementSpan[]> {
  const plain = db.withoutPlugins();
  const rows = await sql<Omit<PlacementSpan, 'stays'>>`
    SELECT id, started_on AS "startedOn", ended_on AS "endedOn", unit, caseworker, legal_basis AS "legalBasis" FROM placements`.execute(plain);
  const spans = rows.rows.map((row) => ({ ...row, stays: [] as PlacementSpan['stays'] }));
  if (withStays) {
    const byId = new Map(spans.map((span) => [span.id, span]));
    const stays = await sql<{ placementId: string; form: string; from: string; to: string | null }>`
      SELECT placement_id AS "placementId", form, from_date AS "from", to_date AS "to" FROM stays ORDER BY placement_id, ordinal`.execute(plain);
    for (const { placementId, ...stay } of stays.rows) byId.get(placementId)?.stays.push(stay);
  }
  return spans;
}

// ---------------------------------------------------------------------------------------------
// Rounds, their files, answers, analyses and actions (migration 14).

export type AuditRoundRow = Selectable<AuditRoundsTable>;
export type AuditFileRow = Selectable<AuditFilesTable>;
export type AuditAnswerRow = Selectable<AuditAnswersTable>;
export type AuditActionRow = Selectable<AuditActionsTable>;

/**
 * The placements audited in a round whose period ended after `since` (less than the months before
 * the new period): left out of a new draw. A file drawn but never answered was not audited.
 */
export async function recentlyAudited(db: Db, since: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('auditFiles as f')
    .innerJoin('auditRounds as r', 'r.id', 'f.roundId')
    .select('f.placementId')
    .where('r.toDate', '>', since)
    .where(({ exists, selectFrom }) => exists(selectFrom('auditAnswers as a').select('a.seq').whereRef('a.roundId', '=', 'f.roundId').whereRef('a.ordinal', '=', 'f.ordinal')))
    .execute();
  return new Set(rows.map((row) => row.placementId));
}

export async function insertRound(db: Db, round: AuditRoundRow, files: readonly AuditFileRow[]): Promise<void> {
  await db.insertInto('auditRounds').values(round).execute();
  // In chunks: SQLite binds at most 32 766 values a statement.
  for (let i = 0; i < files.length; i += 1000) await db.insertInto('auditFiles').values(files.slice(i, i + 1000)).execute();
}

export async function listRounds(db: Db): Promise<(AuditRoundRow & { audited: number; openActions: number })[]> {
  return db
    .selectFrom('auditRounds as r')
    .selectAll('r')
    .select((eb) => [
      eb
        .selectFrom('auditAnswers as a')
        .select(sql<number>`count(DISTINCT a.ordinal)`.as('n'))
        .whereRef('a.roundId', '=', 'r.id')
        .as('answeredFiles'),
      eb.selectFrom('auditActions as x').select(sql<number>`count(*)`.as('n')).whereRef('x.roundId', '=', 'r.id').where('x.doneOn', 'is', null).as('openActions'),
    ])
    .orderBy('r.toDate', 'desc')
    .orderBy('r.createdAt', 'desc')
    .execute()
    .then((rows) => rows.map(({ answeredFiles, openActions, ...row }) => ({ ...row, audited: Number(answeredFiles ?? 0), openActions: Number(openActions ?? 0) })));
}

export async function getRound(db: Db, id: string): Promise<AuditRoundRow | undefined> {
  return db.selectFrom('auditRounds').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A round's files in draw order, each with its child (null when the placement was removed). */
export async function roundFiles(db: Db, roundId: string) {
  return db
    .selectFrom('auditFiles as f')
    .leftJoin('placements as p', 'p.id', 'f.placementId')
    .leftJoin('children as c', 'c.id', 'p.childId')
    .select(['f.roundId', 'f.ordinal', 'f.placementId', 'f.rank', 'c.id as childId', 'c.name as childName', 'c.birthDate', 'c.protectedIdentity'])
    .where('f.roundId', '=', roundId)
    .orderBy('f.ordinal')
    .execute();
}

/** Every answer of a round (or of one of its files), oldest first. */
export async function roundAnswers(db: Db, roundId: string, ordinal?: number): Promise<AuditAnswerRow[]> {
  let query = db.selectFrom('auditAnswers').selectAll().where('roundId', '=', roundId);
  if (ordinal !== undefined) query = query.where('ordinal', '=', ordinal);
  // PostgreSQL's bigint arrives as text.
  return (await query.orderBy('seq').execute()).map((row) => ({ ...row, seq: Number(row.seq) }));
}

export async function insertAnswers(db: Db, rows: readonly Insertable<AuditAnswersTable>[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('auditAnswers').values([...rows]).execute();
}

export async function latestAnalysis(db: Db, roundId: string) {
  const row = await db.selectFrom('auditAnalyses').selectAll().where('roundId', '=', roundId).orderBy('seq', 'desc').limit(1).executeTakeFirst();
  return row && { ...row, seq: Number(row.seq) };
}

export async function insertAnalysis(db: Db, row: Insertable<AuditAnalysesTable>): Promise<void> {
  await db.insertInto('auditAnalyses').values(row).execute();
}

export async function roundActions(db: Db, roundId: string): Promise<AuditActionRow[]> {
  return db.selectFrom('auditActions').selectAll().where('roundId', '=', roundId).orderBy('dueOn').orderBy('createdAt').execute();
}

/** The actions not yet done, with their round's name and unit: the bevakningslista's rows. */
export async function openActions(db: Db) {
  return db
    .selectFrom('auditActions as x')
    .innerJoin('auditRounds as r', 'r.id', 'x.roundId')
    .select(['x.id', 'x.roundId', 'x.action', 'x.responsible', 'x.dueOn', 'x.createdAt', 'r.name as roundName', 'r.unit'])
    .where('x.doneOn', 'is', null)
    .execute();
}

export async function getAction(db: Db, id: string): Promise<AuditActionRow | undefined> {
  return db.selectFrom('auditActions').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertAction(db: Db, row: AuditActionRow): Promise<void> {
  await db.insertInto('auditActions').values(row).execute();
}

export async function markActionDone(db: Db, id: string, doneOn: string, doneBy: string): Promise<void> {
  await db.updateTable('auditActions').set({ doneOn, doneBy }).where('id', '=', id).where('doneOn', 'is', null).execute();
}

/** The deviations a round's answers became, with their status now. */
export async function deviationStatuses(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('deviations').select(['id', 'status']).where('id', 'in', [...ids]).execute();
  return new Map(rows.map((row) => [row.id, row.status]));
}

/**
 * What the register's answers for one file rest on: the child's placements with their stays and
 * events, and of the homes it stayed in, every foster-home stay and the homes' own events (the
 * home rule counts the other children there, and an IVO-anmälan is the home's).
 */
export async function fileHomeFacts(db: Db, homeIds: readonly string[]) {
  const plain = db.withoutPlugins();
  const ids = dialectOf(db).valuesIn([...new Set(homeIds)]);
  const [homeStays, homeEvents] = await Promise.all([
    sql<{ homeId: string; fromDate: string; toDate: string | null }>`
      SELECT home_id AS "homeId", from_date AS "fromDate", to_date AS "toDate" FROM stays WHERE home_id IN ${ids}`.execute(plain),
    sql<{ placementId: string | null; homeId: string | null; type: string; date: string }>`
      SELECT placement_id AS "placementId", home_id AS "homeId", type, date FROM events
      WHERE placement_id IS NULL AND home_id IN ${ids}`.execute(plain),
  ]);
  return { homeStays: homeStays.rows, homeEvents: homeEvents.rows };
}
