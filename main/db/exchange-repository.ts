/**
 * All SQL of the exchange format (docs/data-format.md): what the file's checks need to know
 * about the database, the whole register for export, and the merge of a checked file.
 * Records of the file map to rows here and back, so an export imports to the same rows.
 */
import { sql, type Insertable, type Kysely, type Selectable, type Transaction } from 'kysely';
import {
  exchangeArrays,
  exchangeFormat,
  exchangeVersion,
  type ExchangeArray,
  type ExchangeAssessment,
  type ExchangeChild,
  type ExchangeDeviation,
  type ExchangeDeviationStep,
  type ExchangeEvent,
  type ExchangeFile,
  type ExchangeHome,
  type ExchangeNote,
  type ExchangePerson,
  type ExchangePermit,
  type ExchangePlacement,
  type ExchangeRegisterCheck,
  type ExchangeStay,
  type Problem,
  type KnownRecords,
  type MentionedIds,
} from '../domain/exchange';
import { dialectOf } from './dialect';
import { parseStoredPermit, revisionRow, serializePermit, type CheckRevisionRow, type CheckRow } from './checks-repository';
import { nextVersion, raiseVersions, versionedTables, type VersionedTable } from './row-versions';
import type { Database, DeviationStepsTable, HomesTable, StaysTable } from './schema';
import { assessmentDimensions, type HomeKind, type StayForm } from '../domain/vocabulary';

type Db = Kysely<Database> | Transaction<Database>;

/** Per array of the file: records that were new and records that replaced stored ones. */
export type ImportCounts = Record<ExchangeArray, { created: number; updated: number }>;

// SQLite allows 32766 bound values per statement; stay far below for every table's width.
const CHUNK = 500;
const ROWS_PER_INSERT = 100;

function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += size) result.push(items.slice(i, i + size));
  return result;
}

/** What the database holds of the ids a file mentions (see `KnownRecords`). */
export async function readKnown(db: Db, ids: MentionedIds): Promise<KnownRecords> {
  const homes = new Map<string, HomeKind>();
  const persons = new Set<string>();
  const children = new Map<string, string>();
  const placements = new Set<string>();
  const staysByHome = new Map<string, StayForm[]>();
  const householdByHome = new Map<string, number>();
  const permitChecksByHome = new Map<string, string[]>();
  const replaced = new Set(ids.placementsInFile);
  const personsInFile = new Set(ids.personsInFile);

  for (const chunk of chunks(ids.homes)) {
    for (const row of await db.selectFrom('homes').select(['id', 'kind']).where('id', 'in', chunk).execute()) {
      homes.set(row.id, row.kind as HomeKind);
    }
    const stays = await db.selectFrom('stays').select(['placementId', 'homeId', 'form']).where('homeId', 'in', chunk).execute();
    for (const stay of stays) {
      if (replaced.has(stay.placementId)) continue;
      staysByHome.set(stay.homeId, [...(staysByHome.get(stay.homeId) ?? []), stay.form as StayForm]);
    }
    const members = await db.selectFrom('persons').select(['id', 'homeId']).where('homeId', 'in', chunk).execute();
    for (const person of members) {
      if (personsInFile.has(person.id)) continue;
      householdByHome.set(person.homeId, (householdByHome.get(person.homeId) ?? 0) + 1);
    }
    const permits = await db
      .selectFrom('registerChecks')
      .select(['id', 'homeId'])
      .where('register', '=', 'ivo-tillstand')
      .where('homeId', 'in', chunk)
      .execute();
    for (const { id, homeId } of permits) {
      if (homeId !== null) permitChecksByHome.set(homeId, [...(permitChecksByHome.get(homeId) ?? []), id]);
    }
  }
  for (const chunk of chunks(ids.persons)) {
    for (const row of await db.selectFrom('persons').select('id').where('id', 'in', chunk).execute()) persons.add(row.id);
  }
  for (const chunk of chunks(ids.children)) {
    const rows = await db.selectFrom('children').select(['id', 'birthDate']).where('id', 'in', chunk).execute();
    for (const row of rows) children.set(row.id, row.birthDate);
  }
  for (const chunk of chunks(ids.placements)) {
    for (const row of await db.selectFrom('placements').select('id').where('id', 'in', chunk).execute()) placements.add(row.id);
  }
  return { homes, persons, children, placements, staysByHome, householdByHome, permitChecksByHome };
}

/**
 * What a file would change of what is only ever added to: a signed note, an assessment, what a
 * deviation reported, and its earlier steps. The database refuses such a change (migration 12);
 * this says it first, in Swedish at the record's path, so the whole file is refused with reasons.
 */
export async function keptRecordProblems(db: Db, file: ExchangeFile): Promise<Problem[]> {
  const problems: Problem[] = [];
  const stored = async <T extends 'notes' | 'assessments' | 'deviations'>(table: T, ids: string[]) => {
    const rows: Selectable<Database[T]>[] = [];
    for (const chunk of chunks(ids)) rows.push(...((await db.selectFrom(table as 'notes').selectAll().where('id', 'in', chunk).execute()) as unknown as Selectable<Database[T]>[]));
    return new Map(rows.map((row) => [(row as { id: string }).id, row]));
  };
  const differs = (a: Record<string, unknown>, b: Record<string, unknown>) => Object.keys(a).some((key) => (a[key] ?? null) !== (b[key] ?? null));

  const notes = file.notes ?? [];
  const assessments = file.assessments ?? [];
  // A correction refers to a note (an assessment) in the file or already in the register.
  for (const [name, records] of [['notes', notes], ['assessments', assessments]] as const) {
    const inFile = new Set(records.map((r) => r.id));
    const referred = [...new Set(records.flatMap((r) => (r.corrects === undefined || inFile.has(r.corrects) ? [] : [r.corrects])))];
    const known = await stored(name, referred);
    records.forEach((r, index) => {
      if (r.corrects !== undefined && !inFile.has(r.corrects) && !known.has(r.corrects)) {
        problems.push({ path: `/${name}/${index}/corrects`, message: `hänvisar till ${name === 'notes' ? 'anteckningen' : 'bedömningen'} ${JSON.stringify(r.corrects)} som inte finns` });
      }
    });
  }
  const storedNotes = await stored('notes', notes.map((n) => n.id));
  notes.forEach((n, index) => {
    const row = storedNotes.get(n.id);
    if (!row) return;
    const next = { author: n.author, writtenOn: n.writtenOn, category: n.category, text: n.text, signedAt: n.signedAt ?? n.writtenOn, corrects: n.corrects };
    if (differs(next, row)) problems.push({ path: `/notes/${index}`, message: 'anteckningen är signerad i registret och kan inte ändras; en rättelse är en ny anteckning med corrects' });
  });

  const storedAssessments = await stored('assessments', assessments.map((a) => a.id));
  assessments.forEach((a, index) => {
    const row = storedAssessments.get(a.id);
    if (!row) return;
    const scores = JSON.stringify(Object.fromEntries(assessmentDimensions.flatMap((d) => (a.scores[d] === undefined ? [] : [[d, a.scores[d]]]))));
    const next = { assessedOn: a.assessedOn, assessor: a.assessor, scores, childVoice: a.childVoice, comment: a.comment, recordedBy: a.recordedBy, recordedAt: a.recordedAt, corrects: a.corrects };
    if (differs(next, row)) problems.push({ path: `/assessments/${index}`, message: 'bedömningen finns redan i registret och kan inte ändras; en ny bedömning kan ersätta den (corrects)' });
  });

  const deviations = file.deviations ?? [];
  const storedDeviations = await stored('deviations', deviations.map((d) => d.id));
  const storedSteps = new Map<string, Selectable<DeviationStepsTable>[]>();
  for (const chunk of chunks(deviations.map((d) => d.id))) {
    for (const step of await db.selectFrom('deviationSteps').selectAll().where('deviationId', 'in', chunk).orderBy('deviationId').orderBy('ordinal').execute()) {
      storedSteps.set(step.deviationId, [...(storedSteps.get(step.deviationId) ?? []), step]);
    }
  }
  deviations.forEach((d, index) => {
    const row = storedDeviations.get(d.id);
    if (!row) return;
    const next = { reportedOn: d.reportedOn, kind: d.kind, category: d.category, severity: d.severity, description: d.description, recordedBy: d.recordedBy, recordedAt: d.recordedAt };
    if (differs(next, row)) problems.push({ path: `/deviations/${index}`, message: 'avvikelsen finns redan i registret och det rapporterade kan inte ändras; lägg till ett steg i stället' });
    const steps = storedSteps.get(d.id) ?? [];
    const given = d.steps ?? [];
    steps.forEach((step, i) => {
      const fileStep = given[i];
      if (fileStep === undefined) return;
      const same =
        fileStep.step === step.step &&
        fileStep.date === step.date &&
        (fileStep.text ?? null) === step.text &&
        (fileStep.serious === undefined ? null : fileStep.serious ? 1 : 0) === step.serious &&
        (fileStep.recordedBy ?? null) === step.recordedBy &&
        (fileStep.recordedAt ?? null) === step.recordedAt;
      if (!same) problems.push({ path: `/deviations/${index}/steps/${i}`, message: 'steget finns redan i registret med andra uppgifter och kan inte ändras' });
    });
  });
  return problems;
}

/** The whole register as an exchange file: records by id (code-point order), stays in order. */
export async function readAll(db: Db): Promise<Required<ExchangeFile>> {
  // By code point on both engines, as the file promises, whatever the database's collation.
  const byId = dialectOf(db).codePointOrder('id');
  const homes = await db.selectFrom('homes').selectAll().orderBy(byId).execute();
  const persons = await db.selectFrom('persons').selectAll().orderBy(byId).execute();
  const registerChecks = await db.selectFrom('registerChecks').selectAll().orderBy(byId).execute();
  const children = await db.selectFrom('children').selectAll().orderBy(byId).execute();
  const placements = await db.selectFrom('placements').selectAll().orderBy(byId).execute();
  const stays = await db.selectFrom('stays').selectAll().orderBy('placementId').orderBy('ordinal').execute();
  const events = await db.selectFrom('events').selectAll().orderBy(byId).execute();
  const notes = await db.selectFrom('notes').selectAll().orderBy(byId).execute();
  const assessments = await db.selectFrom('assessments').selectAll().orderBy(byId).execute();
  const deviations = await db.selectFrom('deviations').selectAll().orderBy(byId).execute();
  const steps = new Map<string, Selectable<DeviationStepsTable>[]>();
  for (const step of await db.selectFrom('deviationSteps').selectAll().orderBy('deviationId').orderBy('ordinal').execute()) {
    steps.set(step.deviationId, [...(steps.get(step.deviationId) ?? []), step]);
  }

  const staysOf = new Map<string, ExchangeStay[]>();
  for (const stay of stays) staysOf.set(stay.placementId, [...(staysOf.get(stay.placementId) ?? []), stayRecord(stay)]);

  return {
    format: exchangeFormat,
    version: exchangeVersion,
    homes: homes.map(homeRecord),
    persons: persons.map((p) =>
      compact<ExchangePerson>({ id: p.id, homeId: p.homeId, name: p.name, role: p.role as ExchangePerson['role'], birthYear: p.birthYear }),
    ),
    registerChecks: registerChecks.map((c) =>
      compact<ExchangeRegisterCheck>({
        id: c.id,
        personId: c.personId,
        homeId: c.homeId,
        register: c.register as ExchangeRegisterCheck['register'],
        checkedOn: c.checkedOn,
        outcome: c.outcome as ExchangeRegisterCheck['outcome'],
        reference: c.reference,
        permit: permitRecord(c.permit),
        recordedBy: c.recordedBy,
        recordedAt: c.recordedAt,
      }),
    ),
    children: children.map((c) =>
      compact<ExchangeChild>({
        id: c.id,
        name: c.name,
        birthDate: c.birthDate,
        personnummer: c.personnummer,
        protectedIdentity: c.protectedIdentity === 1,
      }),
    ),
    placements: placements.map((p) =>
      compact<ExchangePlacement>({
        id: p.id,
        childId: p.childId,
        legalBasis: p.legalBasis as ExchangePlacement['legalBasis'],
        decidedOn: p.decidedOn,
        startedOn: p.startedOn,
        endedOn: p.endedOn,
        endReason: p.endReason as ExchangePlacement['endReason'],
        caseworker: p.caseworker,
        unit: p.unit,
        dailyCost: p.dailyCost,
        stays: staysOf.get(p.id) ?? [],
      }),
    ),
    events: events.map((e) =>
      compact<ExchangeEvent>({
        id: e.id,
        placementId: e.placementId,
        homeId: e.homeId,
        type: e.type as ExchangeEvent['type'],
        date: e.date,
        comment: e.comment,
        verdict: e.verdict as ExchangeEvent['verdict'],
      }),
    ),
    notes: notes.map((n) =>
      compact<ExchangeNote>({
        id: n.id,
        homeId: n.homeId,
        placementId: n.placementId,
        author: n.author,
        writtenOn: n.writtenOn,
        category: n.category,
        text: n.text,
        signedAt: n.signedAt,
        corrects: n.corrects,
      }),
    ),
    assessments: assessments.map((a) =>
      compact<ExchangeAssessment>({
        id: a.id,
        homeId: a.homeId,
        placementId: a.placementId,
        assessedOn: a.assessedOn,
        assessor: a.assessor,
        scores: JSON.parse(a.scores) as ExchangeAssessment['scores'],
        childVoice: a.childVoice as ExchangeAssessment['childVoice'],
        comment: a.comment,
        recordedBy: a.recordedBy,
        recordedAt: a.recordedAt,
        corrects: a.corrects,
      }),
    ),
    deviations: deviations.map((d) =>
      compact<ExchangeDeviation>({
        id: d.id,
        homeId: d.homeId,
        placementId: d.placementId,
        reportedOn: d.reportedOn,
        kind: d.kind as ExchangeDeviation['kind'],
        severity: d.severity as ExchangeDeviation['severity'],
        description: d.description,
        status: d.status as ExchangeDeviation['status'],
        reportedToIvo: d.reportedToIvo === 1,
        category: d.category,
        recordedBy: d.recordedBy,
        recordedAt: d.recordedAt,
        steps: steps.has(d.id)
          ? (steps.get(d.id) ?? []).map((s) =>
              compact<ExchangeDeviationStep>({
                step: s.step as ExchangeDeviationStep['step'],
                date: s.date,
                text: s.text,
                serious: s.serious === null ? null : s.serious === 1,
                recordedBy: s.recordedBy,
                recordedAt: s.recordedAt,
              }),
            )
          : null,
      }),
    ),
  };
}

/** Who and why on the history rows of checks an import replaces (docs/data-format.md). */
export const importChange = { changedBy: 'Inläsning från fil', reason: 'Ersatt vid inläsning av utbytesfil' } as const;

/**
 * Merges a checked file by id: each record is inserted or replaces the stored one entirely (a
 * field absent from the file becomes empty), and a placement's stays are replaced by the file's.
 * A register check whose content the file changes is first kept in the check history (action
 * `rattad`, changed at `importedAt`), as a correction in the program would be; a check the file
 * repeats unchanged writes no history, so importing the same file twice changes nothing.
 * Run it in a transaction: the caller's, so the checks and the writes see the same database.
 */
export async function upsertAll(trx: Transaction<Database>, file: ExchangeFile, importedAt: string): Promise<ImportCounts> {
  const rows: { [K in ExchangeArray]: Insertable<Database[K]>[] } = {
    homes: (file.homes ?? []).map(homeRow),
    persons: (file.persons ?? []).map((p) => ({ ...p, birthYear: p.birthYear ?? null })),
    // Every column named, so a record without an optional field empties it (upsertById updates the first row's columns).
    registerChecks: (file.registerChecks ?? []).map((c) => ({
      id: c.id,
      personId: c.personId ?? null,
      homeId: c.homeId ?? null,
      register: c.register,
      checkedOn: c.checkedOn,
      outcome: c.outcome,
      reference: c.reference ?? null,
      permit: serializePermit(c.permit),
      recordedBy: c.recordedBy ?? null,
      recordedAt: c.recordedAt ?? null,
    })),
    children: (file.children ?? []).map((c) => ({
      id: c.id,
      name: c.name ?? null,
      birthDate: c.birthDate,
      personnummer: c.personnummer ?? null,
      protectedIdentity: c.protectedIdentity ? 1 : 0,
    })),
    placements: (file.placements ?? []).map(({ stays: _stays, ...p }) => ({
      ...p,
      endedOn: p.endedOn ?? null,
      endReason: p.endReason ?? null,
      caseworker: p.caseworker ?? null,
      unit: p.unit ?? null,
      dailyCost: p.dailyCost ?? null,
    })),
    events: (file.events ?? []).map((e) => ({
      id: e.id,
      placementId: e.placementId ?? null,
      homeId: e.homeId ?? null,
      type: e.type,
      date: e.date,
      comment: e.comment ?? null,
      verdict: e.verdict ?? null,
    })),
    notes: (file.notes ?? []).map((n) => ({
      id: n.id,
      homeId: n.homeId ?? null,
      placementId: n.placementId ?? null,
      author: n.author,
      writtenOn: n.writtenOn,
      category: n.category,
      text: n.text,
      // A note in a file is a signed note; one from before signing existed was final when written.
      signedAt: n.signedAt ?? n.writtenOn,
      corrects: n.corrects ?? null,
    })),
    assessments: (file.assessments ?? []).map((a) => ({
      id: a.id,
      homeId: a.homeId,
      placementId: a.placementId ?? null,
      assessedOn: a.assessedOn,
      assessor: a.assessor ?? null,
      // Dimensions in a fixed order, so the stored JSON does not depend on the file's key order.
      scores: JSON.stringify(
        Object.fromEntries(assessmentDimensions.flatMap((d) => (a.scores[d] === undefined ? [] : [[d, a.scores[d]]]))),
      ),
      childVoice: a.childVoice ?? null,
      comment: a.comment ?? null,
      recordedBy: a.recordedBy ?? null,
      recordedAt: a.recordedAt ?? null,
      corrects: a.corrects ?? null,
    })),
    deviations: (file.deviations ?? []).map(({ steps: _steps, ...d }) => ({
      ...d,
      homeId: d.homeId ?? null,
      placementId: d.placementId ?? null,
      status: d.status ?? 'oppen',
      reportedToIvo: d.reportedToIvo ? 1 : 0,
      category: d.category ?? null,
      recordedBy: d.recordedBy ?? null,
      recordedAt: d.recordedAt ?? null,
    })),
  };

  // Before any write: the versions kept are the stored ones, with each person's household as it was.
  await keepReplacedChecks(trx, rows.registerChecks as CheckRow[], importedAt);

  // A home's version covers its household (row-versions.ts): the homes whose members the file changes.
  const households = await householdsChanged(trx, rows.persons);

  const counts = {} as ImportCounts;
  // Referenced tables first (exchangeArrays is in that order), stays right after their placements.
  for (const array of exchangeArrays) {
    counts[array] = await upsertById(trx, array, rows[array]);
    if (array === 'placements') await raiseVersions(trx, 'placements', await replaceStays(trx, file.placements ?? []));
    if (array === 'deviations') await appendSteps(trx, file.deviations ?? []);
  }
  await raiseVersions(trx, 'homes', households);
  return counts;
}

/** The stored check differs from the file's in anything but its id (a permit compared as stored, normalised). */
function checkChanged(stored: CheckRow, next: CheckRow): boolean {
  return (
    stored.personId !== next.personId ||
    stored.homeId !== next.homeId ||
    stored.register !== next.register ||
    stored.checkedOn !== next.checkedOn ||
    stored.outcome !== next.outcome ||
    stored.reference !== next.reference ||
    (stored.permit !== next.permit && serializePermit(parseStoredPermit(stored.permit)) !== next.permit) ||
    stored.recordedBy !== next.recordedBy ||
    stored.recordedAt !== next.recordedAt
  );
}

/** Writes the stored version of every check the file changes to the history, as the next revision of each. */
async function keepReplacedChecks(trx: Transaction<Database>, next: readonly CheckRow[], importedAt: string): Promise<void> {
  const byId = new Map(next.map((row) => [row.id, row]));
  const kept: CheckRevisionRow[] = [];
  for (const chunk of chunks([...byId.keys()])) {
    const stored = await trx
      .selectFrom('registerChecks')
      .leftJoin('persons', 'persons.id', 'registerChecks.personId')
      .selectAll('registerChecks')
      .select('persons.homeId as personHomeId')
      .where('registerChecks.id', 'in', chunk)
      .execute();
    const changed = stored.filter(({ personHomeId: _home, ...row }) => checkChanged(row, byId.get(row.id) as CheckRow));
    if (changed.length === 0) continue;
    const last = await trx
      .selectFrom('registerCheckHistory')
      .select((eb) => ['checkId', eb.fn.max('revision').as('last')])
      .where('checkId', 'in', changed.map((row) => row.id))
      .groupBy('checkId')
      .execute();
    const lastOf = new Map(last.map((row) => [row.checkId, Number(row.last)]));
    for (const { personHomeId, ...row } of changed) {
      kept.push(revisionRow(row, (lastOf.get(row.id) ?? 0) + 1, personHomeId, { action: 'rattad', changedAt: importedAt, ...importChange }));
    }
  }
  for (const chunk of chunks(kept, ROWS_PER_INSERT)) await trx.insertInto('registerCheckHistory').values(chunk).execute();
}

/**
 * A deviation's steps are only added to: the file's steps beyond those stored are appended (the
 * same file twice adds nothing). Its status and reportedToIvo are the file's, written with it.
 */
async function appendSteps(trx: Transaction<Database>, deviations: readonly ExchangeDeviation[]): Promise<void> {
  const withSteps = deviations.filter((d) => d.steps !== undefined && d.steps.length > 0);
  const stored = new Map<string, number>();
  for (const chunk of chunks(withSteps.map((d) => d.id))) {
    const counts = await trx
      .selectFrom('deviationSteps')
      .select((eb) => ['deviationId', eb.fn.countAll<number>().as('n')])
      .where('deviationId', 'in', chunk)
      .groupBy('deviationId')
      .execute();
    for (const c of counts) stored.set(c.deviationId, Number(c.n));
  }
  const rows: Insertable<DeviationStepsTable>[] = withSteps.flatMap((d) =>
    (d.steps ?? []).slice(stored.get(d.id) ?? 0).map((s, i) => ({
      deviationId: d.id,
      ordinal: (stored.get(d.id) ?? 0) + i,
      step: s.step,
      date: s.date,
      text: s.text ?? null,
      serious: s.serious === undefined ? null : s.serious ? 1 : 0,
      recordedBy: s.recordedBy ?? null,
      recordedAt: s.recordedAt ?? null,
    })),
  );
  for (const chunk of chunks(rows, ROWS_PER_INSERT)) await trx.insertInto('deviationSteps').values(chunk).execute();
}

/** The homes a household member of the file joins or leaves, or changes in: new members, and changed ones with their old home. */
async function householdsChanged(trx: Transaction<Database>, persons: readonly Insertable<Database['persons']>[]): Promise<Set<string>> {
  const stored = new Map<string, { homeId: string; name: string; role: string; birthYear: number | null }>();
  for (const chunk of chunks(persons.map((p) => p.id))) {
    for (const row of await trx.selectFrom('persons').select(['id', 'homeId', 'name', 'role', 'birthYear']).where('id', 'in', chunk).execute()) stored.set(row.id, row);
  }
  const homes = new Set<string>();
  for (const person of persons) {
    const before = stored.get(person.id);
    if (before && before.homeId === person.homeId && before.name === person.name && before.role === person.role && before.birthYear === (person.birthYear ?? null)) continue;
    homes.add(person.homeId);
    if (before) homes.add(before.homeId);
  }
  return homes;
}

/** Replaces the stays of the file's placements; returns the placements whose stays are not as stored (their versions cover them). */
async function replaceStays(trx: Transaction<Database>, placements: readonly ExchangePlacement[]): Promise<string[]> {
  const storedStays = new Map<string, string>();
  for (const chunk of chunks(placements.map((p) => p.id))) {
    const stored = await trx.selectFrom('stays').selectAll().where('placementId', 'in', chunk).orderBy('placementId').orderBy('ordinal').execute();
    for (const stay of stored) {
      const text = JSON.stringify([stay.homeId, stay.form, stay.fromDate, stay.toDate, stay.decidedOn, stay.investigationCompletedOn]);
      storedStays.set(stay.placementId, `${storedStays.get(stay.placementId) ?? ''}${text}`);
    }
    await trx.deleteFrom('stays').where('placementId', 'in', chunk).execute();
  }
  const changed = placements
    .filter((p) => {
      const text = p.stays.map((s) => JSON.stringify([s.homeId, s.form, s.from, s.to ?? null, s.decidedOn ?? null, s.investigationCompletedOn ?? null])).join('');
      return storedStays.has(p.id) && storedStays.get(p.id) !== text;
    })
    .map((p) => p.id);
  const rows: Insertable<StaysTable>[] = placements.flatMap((p) =>
    p.stays.map((s, ordinal) => ({
      placementId: p.id,
      ordinal,
      homeId: s.homeId,
      form: s.form,
      fromDate: s.from,
      toDate: s.to ?? null,
      decidedOn: s.decidedOn ?? null,
      investigationCompletedOn: s.investigationCompletedOn ?? null,
    })),
  );
  for (const chunk of chunks(rows, ROWS_PER_INSERT)) await trx.insertInto('stays').values(chunk).execute();
  return changed;
}

/**
 * Insert, or update every column of the row with the same id. Every table of the file has a
 * text primary key `id`; the one table named in the casts stands for any of them.
 */
async function upsertById<K extends ExchangeArray>(
  trx: Transaction<Database>,
  table: K,
  rows: (Insertable<Database[K]> & { id: string })[],
): Promise<{ created: number; updated: number }> {
  const anyTable = table as 'homes';
  const ids = rows.map((row) => row.id);
  let updated = 0;
  for (const chunk of chunks(ids)) {
    updated += (await trx.selectFrom(anyTable).select('id').where('id', 'in', chunk).execute()).length;
  }
  // In the order of their ids, whatever the file's: on the shared register two imports naming the
  // same rows then lock them in the same order, and one waits for the other instead of a deadlock.
  const inOrder = [...rows].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const chunk of chunks(inOrder, ROWS_PER_INSERT)) {
    const first = chunk[0];
    if (!first) continue;
    const columns = Object.keys(first).filter((column) => column !== 'id');
    await trx
      .insertInto(anyTable)
      .values(chunk as Insertable<HomesTable>[])
      .onConflict((oc) =>
        // `excluded` is SQLite's name for the row that was about to be inserted.
        oc.column('id').doUpdateSet({
          ...Object.fromEntries(columns.map((column) => [column, sql.ref(`excluded.${column}`)])),
          // A form open on a row the import changed must not save over it (row-versions.ts); a row
          // the file has as stored keeps its version, so the same file twice changes nothing.
          ...(versioned(table) ? { rowVersion: versionIfChanged(versioned(table)!, columns) } : {}),
        }),
      )
      .execute();
  }
  return { created: ids.length - updated, updated };
}

/** In an upsert: the row's next version when the incoming row differs from it in any of `columns`, else its own. */
function versionIfChanged(table: VersionedTable, columns: readonly string[]) {
  const differs = sql.join(
    columns.map((column) => sql`${sql.ref(`excluded.${column}`)} IS DISTINCT FROM ${sql.ref(`${table}.${column}`)}`),
    sql` OR `,
  );
  return sql<number>`CASE WHEN ${differs} THEN ${nextVersion(table)} ELSE ${sql.ref(`${table}.row_version`)} END`;
}

/** The table's SQL name when its rows carry a version (migration 16). */
function versioned(table: ExchangeArray): VersionedTable | undefined {
  const name = table.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
  return (versionedTables as readonly string[]).includes(name) ? (name as VersionedTable) : undefined;
}

// ---------------------------------------------------------------------------------------------
// Mapping

/** The record with empty (null/undefined) fields left out: the export omits optional fields without a value. */
function compact<T>(record: { [K in keyof T]: T[K] | null }): T {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== null && value !== undefined)) as T;
}

interface StoredTargetGroup {
  minAge: number | null;
  maxAge: number | null;
  gender: string | null;
  needs: string[];
}

function homeRow(home: ExchangeHome): Insertable<HomesTable> {
  const group = home.targetGroup;
  const stored: StoredTargetGroup | null =
    group && (group.minAge !== undefined || group.maxAge !== undefined || group.gender !== undefined || group.needs?.length)
      ? { minAge: group.minAge ?? null, maxAge: group.maxAge ?? null, gender: group.gender ?? null, needs: group.needs ?? [] }
      : null;
  return {
    id: home.id,
    kind: home.kind,
    name: home.name,
    orgNr: home.orgNr ?? null,
    operator: home.operator ?? null,
    municipality: home.municipality ?? null,
    capacity: home.capacity ?? null,
    // The same shape the homes service stores.
    targetGroup: stored && JSON.stringify(stored),
    agency: home.agency ?? null,
    active: home.status === 'inaktiv' ? 0 : 1,
  };
}

function homeRecord(row: Selectable<HomesTable>): ExchangeHome {
  const stored = row.targetGroup === null ? null : (JSON.parse(row.targetGroup) as Partial<StoredTargetGroup>);
  const targetGroup = stored
    ? compact<NonNullable<ExchangeHome['targetGroup']>>({
        minAge: stored.minAge ?? null,
        maxAge: stored.maxAge ?? null,
        gender: (stored.gender ?? null) as NonNullable<ExchangeHome['targetGroup']>['gender'] | null,
        needs: stored.needs?.length ? stored.needs : null,
      })
    : null;
  return compact<ExchangeHome>({
    id: row.id,
    kind: row.kind as HomeKind,
    name: row.name,
    orgNr: row.orgNr,
    operator: row.operator as ExchangeHome['operator'],
    municipality: row.municipality,
    capacity: row.capacity,
    targetGroup: targetGroup && Object.keys(targetGroup).length > 0 ? targetGroup : null,
    agency: row.agency,
    status: row.active === 1 ? 'aktiv' : 'inaktiv',
  });
}

/** The stored scope as the file writes it: unknown parts left out (a scope that no longer parses is left out whole). */
function permitRecord(json: string | null): ExchangePermit | null {
  const permit = parseStoredPermit(json);
  if (permit === null) return null;
  const record = compact<ExchangePermit>({ ...permit, forms: permit.forms.length > 0 ? permit.forms : null });
  return Object.keys(record).length > 0 ? record : null;
}

function stayRecord(row: Selectable<StaysTable>): ExchangeStay {
  return compact<ExchangeStay>({
    homeId: row.homeId,
    form: row.form as StayForm,
    from: row.fromDate,
    to: row.toDate,
    decidedOn: row.decidedOn,
    investigationCompletedOn: row.investigationCompletedOn,
  });
}
