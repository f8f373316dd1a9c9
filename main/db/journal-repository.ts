/**
 * Notes (signed, and the drafts they come from), the search across them, assessments and
 * deviations with their steps. What is signed is only ever inserted: migration 12's triggers
 * refuse the rest, whoever writes (on the shared register, its roles' rights). Both engines
 * (issue 18): the search is FTS5 on the local register and the `swedish` text search on the shared
 * one (its migration 9); everything else is one query for both.
 */
import { sql, type Insertable, type Kysely, type Selectable, type Transaction } from 'kysely';
import { searchWords } from '../domain/swedish-search';
import { dialectOf } from './dialect';
import type {
  AssessmentsTable,
  Database,
  DeviationStepsTable,
  DeviationsTable,
  NoteDraftsTable,
  NotesTable,
} from './schema';

type Db = Kysely<Database> | Transaction<Database>;

export type NoteRow = Selectable<NotesTable>;
export type NoteDraftRow = Selectable<NoteDraftsTable>;
export type AssessmentRow = Selectable<AssessmentsTable>;
export type DeviationRow = Selectable<DeviationsTable>;
export type DeviationStepRow = Selectable<DeviationStepsTable>;

/** What names a note's, assessment's or deviation's placement: its child and its stays. */
export interface PlacementFacts {
  childName: string | null;
  birthDate: string;
  protectedIdentity: boolean;
  stays: { homeId: string; from: string; to: string | null }[];
}

export async function placementFacts(db: Db, ids: readonly string[]): Promise<Map<string, PlacementFacts>> {
  const facts = new Map<string, PlacementFacts>();
  if (ids.length === 0) return facts;
  const unique = [...new Set(ids)];
  const placements = await db
    .selectFrom('placements')
    .innerJoin('children', 'children.id', 'placements.childId')
    .select(['placements.id', 'children.name', 'children.birthDate', 'children.protectedIdentity'])
    .where('placements.id', 'in', unique)
    .execute();
  for (const p of placements) facts.set(p.id, { childName: p.name, birthDate: p.birthDate, protectedIdentity: p.protectedIdentity === 1, stays: [] });
  const stays = await db
    .selectFrom('stays')
    .select(['placementId', 'homeId', 'fromDate', 'toDate'])
    .where('placementId', 'in', unique)
    .orderBy('placementId')
    .orderBy('ordinal')
    .execute();
  for (const s of stays) facts.get(s.placementId)?.stays.push({ homeId: s.homeId, from: s.fromDate, to: s.toDate });
  return facts;
}

/** Which of a journal record's home and placement no longer exist (a window may be behind). */
export async function missingTargets(db: Db, target: { homeId?: string | undefined; placementId?: string | undefined }): Promise<{ home: boolean; placement: boolean }> {
  const [home, placement] = await Promise.all([
    target.homeId === undefined ? true : db.selectFrom('homes').select('id').where('id', '=', target.homeId).executeTakeFirst(),
    target.placementId === undefined ? true : db.selectFrom('placements').select('id').where('id', '=', target.placementId).executeTakeFirst(),
  ]);
  return { home: !home, placement: !placement };
}

/** Every stay in a home with its placement and child, newest first; `isLast` when no stay of its placement follows. */
export async function homeStays(db: Db, homeId: string) {
  return db
    .selectFrom('stays')
    .innerJoin('placements', 'placements.id', 'stays.placementId')
    .innerJoin('children', 'children.id', 'placements.childId')
    .select((eb) => [
      'stays.placementId',
      'stays.form',
      'stays.fromDate',
      'stays.toDate',
      'placements.legalBasis',
      'placements.endedOn',
      'placements.endReason',
      'children.birthDate',
      'children.protectedIdentity',
      eb
        .not(eb.exists(eb.selectFrom('stays as later').select('later.ordinal').whereRef('later.placementId', '=', 'stays.placementId').whereRef('later.ordinal', '>', 'stays.ordinal')))
        .as('isLast'),
    ])
    .where('stays.homeId', '=', homeId)
    .orderBy('stays.fromDate', 'desc')
    .execute()
    // SQLite answers 0/1, PostgreSQL true/false.
    .then((rows) => rows.map((row) => ({ ...row, isLast: Boolean(row.isLast) })));
}

export async function homeNames(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('homes').select(['id', 'name']).where('id', 'in', [...new Set(ids)]).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

// ---------------------------------------------------------------------------------------------
// Notes

/**
 * A note's own columns: not the shared register's `search_terms` (its migration 9). `seq` is a
 * bigint there, which comes back as text: a note's seq is a number on both.
 */
const noteColumns = ['seq', 'id', 'homeId', 'placementId', 'author', 'writtenOn', 'category', 'text', 'signedAt', 'corrects'] as const;
const asNote = (row: NoteRow): NoteRow => ({ ...row, seq: Number(row.seq) });

export interface NoteTarget {
  homeId?: string | undefined;
  placementId?: string | undefined;
}

/** The notes that correct none, on a home (its own and those of placements there) or a placement, newest first. */
export async function listRootNotes(db: Db, target: NoteTarget, offset: number, limit: number): Promise<{ rows: NoteRow[]; total: number }> {
  const base = db
    .selectFrom('notes')
    .where('corrects', 'is', null)
    .$if(target.homeId !== undefined, (q) => q.where('homeId', '=', target.homeId ?? ''))
    .$if(target.placementId !== undefined, (q) => q.where('placementId', '=', target.placementId ?? ''));
  const [rows, count] = await Promise.all([
    base.select(noteColumns).orderBy('writtenOn', 'desc').orderBy('seq', 'desc').offset(offset).limit(limit).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows: rows.map(asNote), total: Number(count.n) };
}

/** The notes correcting any of `ids`, oldest first. */
export async function corrections(db: Db, ids: readonly string[]): Promise<NoteRow[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('notes').select(noteColumns).where('corrects', 'in', [...ids]).orderBy('signedAt').orderBy('seq').execute();
  return rows.map(asNote);
}

export async function getNote(db: Db, id: string): Promise<NoteRow | undefined> {
  const row = await db.selectFrom('notes').select(noteColumns).where('id', '=', id).executeTakeFirst();
  return row && asNote(row);
}

export async function insertNote(db: Db, row: Insertable<NotesTable>): Promise<void> {
  await db.insertInto('notes').values(row).execute();
}

export async function listDrafts(db: Db, userId: string, target?: NoteTarget): Promise<NoteDraftRow[]> {
  return db
    .selectFrom('noteDrafts')
    .selectAll()
    .where('userId', '=', userId)
    .$if(target?.homeId !== undefined, (q) => q.where('homeId', '=', target?.homeId ?? ''))
    .$if(target?.placementId !== undefined, (q) => q.where('placementId', '=', target?.placementId ?? ''))
    .orderBy('savedAt', 'desc')
    .execute();
}

export async function getDraft(db: Db, id: string): Promise<NoteDraftRow | undefined> {
  return db.selectFrom('noteDrafts').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function saveDraft(db: Db, row: NoteDraftRow): Promise<void> {
  const { id: _id, ...fields } = row;
  await db
    .insertInto('noteDrafts')
    .values(row)
    .onConflict((oc) => oc.column('id').doUpdateSet(fields))
    .execute();
}

export async function deleteDraft(db: Db, id: string): Promise<void> {
  await db.deleteFrom('noteDrafts').where('id', '=', id).execute();
}

export interface NoteSearch {
  /** What was typed: the shared register finds its words with PostgreSQL's own Swedish stemmer. */
  query: string;
  /** An FTS5 MATCH expression over the stems (swedish-search's matchQuery), for the local register. */
  match: string;
  homeId?: string | undefined;
  category?: string | undefined;
  author?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  order: 'newest' | 'best';
  offset: number;
  limit: number;
  /** Hits are counted up to this many. */
  countLimit: number;
}

/** "Best first" ranks this many of the newest hits: a common word in a million notes is not ranked whole. */
const BEST_AMONG = 2000;

/**
 * Signed notes whose stems match, filtered, a page of them, newest first (or the best of the
 * newest BEST_AMONG hits that pass the filters); and how many there are, up to the count limit.
 * Each engine has an index of its own and a stemmer of its own, so a search may find a little
 * more on one than on the other; the filters, the order and the pages are the same.
 */
export async function searchNotes(db: Db, q: NoteSearch): Promise<{ rows: NoteRow[]; total: number }> {
  const found = dialectOf(db).engine === 'postgres' ? await searchOnPostgres(db, q) : await searchOnSqlite(db, q);
  const seqs = found.seqs;
  const rows = seqs.length === 0 ? [] : (await db.selectFrom('notes').select(noteColumns).where('seq', 'in', seqs).execute()).map(asNote);
  const bySeq = new Map(rows.map((r) => [r.seq, r]));
  return { rows: seqs.flatMap((seq) => bySeq.get(seq) ?? []), total: found.total };
}

type Found = { seqs: number[]; total: number };

/** The filters of a search that are the note's own, not its words' or its date's. */
function onNote(q: NoteSearch) {
  return [
    ...(q.homeId === undefined ? [] : [sql`n.home_id = ${q.homeId}`]),
    ...(q.category === undefined ? [] : [sql`n.category = ${q.category}`]),
    ...(q.author === undefined ? [] : [sql`n.author = ${q.author}`]),
  ];
}

/**
 * The index's rows are keyed newest first (migration 12's noteSearchKey), so the newest hits are
 * read in the index's order and the walk stops at the page; the period is a range of keys.
 */
async function searchOnSqlite(db: Db, q: NoteSearch): Promise<Found> {
  const inIndex = [
    sql`notes_search MATCH ${q.match}`,
    ...(q.from === undefined ? [] : [sql`notes_search.rowid >= (CAST(julianday(${q.from}) AS INTEGER) << 32)`]),
    ...(q.to === undefined ? [] : [sql`notes_search.rowid < ((CAST(julianday(${q.to}) AS INTEGER) + 1) << 32)`]),
  ];
  const filters = onNote(q);
  // The notes themselves are read only when a filter asks about them: a word and a period are the index's alone.
  const hits =
    filters.length === 0
      ? sql`notes_search WHERE ${sql.join(inIndex, sql` AND `)}`
      : sql`notes_search JOIN notes n ON n.seq = (notes_search.rowid & 4294967295) WHERE ${sql.join([...inIndex, ...filters], sql` AND `)}`;
  const raw = db.withoutPlugins();
  const page =
    q.order === 'best'
      ? sql<{ seq: number }>`SELECT key & 4294967295 AS seq FROM (
          SELECT notes_search.rowid AS key, notes_search.rank AS rank FROM ${hits}
          ORDER BY notes_search.rowid DESC LIMIT ${BEST_AMONG})
        ORDER BY rank, key DESC LIMIT ${q.limit} OFFSET ${q.offset}`
      : sql<{ seq: number }>`SELECT notes_search.rowid & 4294967295 AS seq FROM ${hits} ORDER BY notes_search.rowid DESC LIMIT ${q.limit} OFFSET ${q.offset}`;
  const [found, count] = await Promise.all([
    page.execute(raw),
    sql<{ n: number }>`SELECT count(*) AS n FROM (SELECT 1 FROM ${hits} LIMIT ${q.countLimit + 1})`.execute(raw),
  ]);
  return { seqs: found.rows.map((r) => r.seq), total: Number(count.rows[0]?.n ?? 0) };
}

/**
 * The query as a tsquery of the swedish configuration: every word required, each a prefix of its
 * stem, as matchQuery asks FTS5 ("skolor barn" → 'skol':* & 'barn':*). The words are the domain's
 * (letters and digits only, folded as the note's text is folded before it is indexed), quoted all
 * the same. A word the configuration drops as too common ("och") asks nothing.
 */
function tsQueryText(query: string): string {
  return [...new Set(searchWords(query))].map((word) => `'${word.replaceAll('\\', '\\\\').replaceAll("'", "''")}':*`).join(' & ');
}

/**
 * The same search on the shared register (its migration 9): the notes' `search_terms` over a GIN
 * index, newest first by the day and the order of signing, as the local index's keys are.
 */
async function searchOnPostgres(db: Db, q: NoteSearch): Promise<Found> {
  const words = tsQueryText(q.query);
  if (words === '') return { seqs: [], total: 0 };
  const tsquery = sql`to_tsquery('swedish', ${words})`;
  const where = sql.join(
    [
      sql`n.search_terms @@ ${tsquery}`,
      ...(q.from === undefined ? [] : [sql`n.written_on >= ${q.from}`]),
      ...(q.to === undefined ? [] : [sql`n.written_on <= ${q.to}`]),
      ...onNote(q),
    ],
    sql` AND `,
  );
  const raw = db.withoutPlugins();
  const page =
    q.order === 'best'
      ? sql<{ seq: string }>`SELECT seq FROM (
          SELECT n.seq, n.written_on, ts_rank(n.search_terms, ${tsquery}) AS rank FROM notes n WHERE ${where}
          ORDER BY n.written_on DESC, n.seq DESC LIMIT ${BEST_AMONG}) best
        ORDER BY rank DESC, written_on DESC, seq DESC LIMIT ${q.limit} OFFSET ${q.offset}`
      : sql<{ seq: string }>`SELECT n.seq FROM notes n WHERE ${where} ORDER BY n.written_on DESC, n.seq DESC LIMIT ${q.limit} OFFSET ${q.offset}`;
  const [found, count] = await Promise.all([
    page.execute(raw),
    sql<{ n: string }>`SELECT count(*) AS n FROM (SELECT 1 FROM notes n WHERE ${where} LIMIT ${q.countLimit + 1}) hits`.execute(raw),
  ]);
  return { seqs: found.rows.map((r) => Number(r.seq)), total: Number(count.rows[0]?.n ?? 0) };
}

/** Which of `ids` some note corrects. */
export async function correctedIds(db: Db, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom('notes').select('corrects').distinct().where('corrects', 'in', [...ids]).execute();
  return new Set(rows.flatMap((r) => (r.corrects === null ? [] : [r.corrects])));
}

export async function noteAuthors(db: Db): Promise<string[]> {
  const rows = await db.selectFrom('noteAuthors').select('author').execute();
  return rows.map((r) => r.author);
}

// ---------------------------------------------------------------------------------------------
// Assessments

export async function insertAssessment(db: Db, row: Insertable<AssessmentsTable>): Promise<void> {
  await db.insertInto('assessments').values(row).execute();
}

export async function getAssessment(db: Db, id: string): Promise<AssessmentRow | undefined> {
  return db.selectFrom('assessments').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listAssessments(db: Db, of: { placementId: string } | { homeId: string }): Promise<AssessmentRow[]> {
  return db
    .selectFrom('assessments')
    .selectAll()
    .$if('placementId' in of, (q) => q.where('placementId', '=', 'placementId' in of ? of.placementId : ''))
    .$if('homeId' in of, (q) => q.where('homeId', '=', 'homeId' in of ? of.homeId : ''))
    .orderBy('assessedOn', 'desc')
    .orderBy('recordedAt', 'desc')
    .execute();
}

// ---------------------------------------------------------------------------------------------
// Deviations

export async function insertDeviation(db: Db, row: Insertable<DeviationsTable>): Promise<void> {
  await db.insertInto('deviations').values(row).execute();
}

export async function getDeviation(db: Db, id: string): Promise<DeviationRow | undefined> {
  return db.selectFrom('deviations').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function stepsOf(db: Db, ids: readonly string[]): Promise<Map<string, DeviationStepRow[]>> {
  const steps = new Map<string, DeviationStepRow[]>();
  if (ids.length === 0) return steps;
  const rows = await db.selectFrom('deviationSteps').selectAll().where('deviationId', 'in', [...ids]).orderBy('deviationId').orderBy('ordinal').execute();
  for (const row of rows) {
    const list = steps.get(row.deviationId) ?? [];
    list.push(row);
    steps.set(row.deviationId, list);
  }
  return steps;
}

/** A step and what it makes of the deviation (its status, whether it went to IVO), together. */
export async function appendStep(db: Db, row: Insertable<DeviationStepsTable>, head: { status: string; reportedToIvo: boolean }): Promise<void> {
  await db.insertInto('deviationSteps').values(row).execute();
  await db
    .updateTable('deviations')
    .set({ status: head.status, reportedToIvo: head.reportedToIvo ? 1 : 0 })
    .where('id', '=', row.deviationId)
    .execute();
}

export interface DeviationFilter {
  statuses?: readonly string[] | undefined;
  kind?: string | undefined;
  homeId?: string | undefined;
  placementId?: string | undefined;
}

/** Every deviation the filter lets through (a municipality has hundreds, not millions): the service orders and pages them. */
export async function listDeviations(db: Db, filter: DeviationFilter = {}): Promise<DeviationRow[]> {
  return db
    .selectFrom('deviations')
    .selectAll()
    .$if(filter.statuses !== undefined, (q) => q.where('status', 'in', [...(filter.statuses ?? [])]))
    .$if(filter.kind !== undefined, (q) => q.where('kind', '=', filter.kind ?? ''))
    .$if(filter.homeId !== undefined, (q) => q.where('homeId', '=', filter.homeId ?? ''))
    .$if(filter.placementId !== undefined, (q) => q.where('placementId', '=', filter.placementId ?? ''))
    .orderBy('reportedOn', 'desc')
    .orderBy('id')
    .execute();
}
