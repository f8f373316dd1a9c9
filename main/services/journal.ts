/**
 * Follow-up assessments, deviations with their steps, and a home's whole history
 * ("Vårdgivarhistorik"). What is recorded here is only added to: a correction is a new record.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import * as repo from '../db/journal-repository';
import { getHome, inTransaction } from '../db/homes-repository';
import { getEvent, listEvents } from '../db/placements-repository';
import type { Database } from '../db/schema';
import { ageOn as yearsOn, daysBetween } from '../domain/dates';
import { registerNames } from '../domain/rule-texts';
import { containsSwedish, searchWords } from '../domain/swedish';
import { deadlineStatus } from '../domain/deadlines';
import { deviationStatus, ivoReportDueOn, nextDeviationSteps, reportedToIvo, type StepFacts } from '../domain/deviations';
import { legalReferenceOn } from '../domain/rule-settings';
import {
  assessmentDimensions,
  deviationStatuses,
  type AssessmentDimension,
  type ChildVoice,
  type DeviationKind,
  type DeviationStatus,
  type DeviationStep,
  type EndReason,
  type HomeKind,
  type IvoVerdict,
  type LegalBasis,
  type Severity,
} from '../domain/vocabulary';
import type {
  Assessment,
  AssessmentInput,
  Deviation,
  DeviationCounts,
  DeviationInput,
  DeviationPage,
  DeviationPageInput,
  DeviationStepInput,
  HistoryPlacement,
  HomeHistory,
} from '../../preload/api/journal';
import type { Clock } from './clock';
import { ServiceError } from './errors';
import { checkTarget, homeOn, targetNamer, type TargetView } from './journal-targets';
import type { NotesService } from './notes';
import type { RegisterChecksService } from './register-checks';
import type { SettingsService } from './settings';

const severityRank: Record<Severity, number> = { allvarlig: 0, medel: 1, lag: 2 };
/** The events an assessment may follow (Bedöm in the placement's timeline). */
const followUpEvents: readonly string[] = ['uppfoljningsbesok', 'barnsamtal'];

export function createJournalService(
  db: Kysely<Database>,
  clock: Clock,
  settings: SettingsService,
  notes: NotesService,
  registerChecks: RegisterChecksService,
) {
  // ---------------------------------------------------------------------------------------------
  // Assessments

  async function toAssessments(rows: repo.AssessmentRow[], view: TargetView): Promise<Assessment[]> {
    const name = await targetNamer(db, rows.map((r) => ({ homeId: r.homeId, placementId: r.placementId, on: r.assessedOn })), view);
    const replaced = new Map(rows.flatMap((r) => (r.corrects === null ? [] : [[r.corrects, r.id] as const])));
    return rows.map((r) => ({
      id: r.id,
      ...name({ homeId: r.homeId, placementId: r.placementId, on: r.assessedOn }),
      assessedOn: r.assessedOn,
      assessor: r.assessor,
      scores: JSON.parse(r.scores) as Partial<Record<AssessmentDimension, number>>,
      childVoice: r.childVoice as ChildVoice | null,
      comment: r.comment,
      recordedAt: r.recordedAt,
      corrects: r.corrects,
      replacedBy: replaced.get(r.id) ?? null,
    }));
  }

  // ---------------------------------------------------------------------------------------------
  // Deviations

  const stepFacts = (steps: repo.DeviationStepRow[]): StepFacts[] =>
    steps.map((s) => ({ step: s.step as DeviationStep, date: s.date, serious: s.serious === null ? null : s.serious === 1 }));

  async function toDeviations(rows: repo.DeviationRow[], on: string, view: TargetView): Promise<Deviation[]> {
    const [steps, effective] = await Promise.all([repo.stepsOf(db, rows.map((r) => r.id)), settings.effective()]);
    const name = await targetNamer(db, rows.map((r) => ({ homeId: r.homeId, placementId: r.placementId, on: r.reportedOn })), view);
    return rows.map((r) => {
      const own = steps.get(r.id) ?? [];
      const facts = stepFacts(own);
      const kind = r.kind as DeviationKind;
      const due = ivoReportDueOn(kind, facts, on, effective.parameters.lexSarahIvoDays);
      return {
        id: r.id,
        ...name({ homeId: r.homeId, placementId: r.placementId, on: r.reportedOn }),
        reportedOn: r.reportedOn,
        kind,
        category: r.category,
        severity: r.severity as Severity,
        description: r.description,
        status: r.status as DeviationStatus,
        reportedToIvo: r.reportedToIvo === 1,
        recordedBy: r.recordedBy,
        steps: own.map((s, i) => ({
          ordinal: s.ordinal,
          step: s.step as DeviationStep,
          date: s.date,
          text: s.text,
          serious: facts[i]?.serious ?? null,
          recordedBy: s.recordedBy,
          recordedAt: s.recordedAt,
        })),
        nextSteps: nextDeviationSteps(kind, facts),
        ivoDeadline:
          due === null
            ? null
            : {
                ...due,
                status: deadlineStatus(due.dueOn, on, effective.parameters.leadDays),
                legalRef: legalReferenceOn(effective.references, 'lex-sarah-anmalan', due.dueOn),
              },
      };
    });
  }

  async function deviation(id: string, on: string): Promise<Deviation> {
    const row = await repo.getDeviation(db, id);
    if (!row) throw new ServiceError('NOT_FOUND', 'Avvikelsen finns inte.');
    const [shown] = await toDeviations([row], on, row.placementId === null ? 'home' : 'placement');
    return shown as Deviation;
  }

  /** Open first (by status), then the most serious, then newest. */
  const compareDeviations = (a: Deviation, b: Deviation) =>
    deviationStatuses.indexOf(a.status) - deviationStatuses.indexOf(b.status) ||
    Number(b.ivoDeadline !== null) - Number(a.ivoDeadline !== null) ||
    severityRank[a.severity] - severityRank[b.severity] ||
    (a.reportedOn < b.reportedOn ? 1 : a.reportedOn > b.reportedOn ? -1 : 0);

  function countDeviations(all: readonly Deviation[]): DeviationCounts {
    const byStatus = Object.fromEntries(deviationStatuses.map((s) => [s, 0])) as Record<DeviationStatus, number>;
    for (const d of all) byStatus[d.status] += 1;
    return {
      open: all.length - byStatus.avslutad,
      byStatus,
      ivoWaiting: all.filter((d) => d.ivoDeadline !== null).length,
      ivoOverdue: all.filter((d) => d.ivoDeadline?.status === 'overdue').length,
    };
  }

  const future = (path: string) => new ServiceError('VALIDATION', 'Datumet är i framtiden.', [{ path, message: 'Datumet kan inte vara i framtiden.' }]);

  return {
    async listAssessments(placementId: string): Promise<Assessment[]> {
      return toAssessments(await repo.listAssessments(db, { placementId }), 'placement');
    },

    async recordAssessment(input: AssessmentInput): Promise<Assessment> {
      if (input.assessedOn > clock.today()) throw future('/assessedOn');
      const facts = (await repo.placementFacts(db, [input.placementId])).get(input.placementId);
      if (!facts) throw new ServiceError('NOT_FOUND', 'Placeringen finns inte längre i registret.', [{ path: '/placementId', message: 'Placeringen finns inte längre.' }]);
      const homeId = homeOn(facts, input.assessedOn);
      if (homeId === null) throw new ServiceError('VALIDATION', 'Placeringen har ingen vistelse i något hem.', [{ path: '/placementId', message: 'Placeringen har inget hem.' }]);
      if (input.eventId !== null) {
        const event = await getEvent(db, input.eventId);
        if (!event || event.placementId !== input.placementId || !followUpEvents.includes(event.type)) {
          throw new ServiceError('NOT_FOUND', 'Besöket eller barnsamtalet finns inte längre på placeringen.', [
            { path: '/eventId', message: 'Händelsen finns inte längre.' },
          ]);
        }
      }
      if (input.corrects !== null) {
        const earlier = await repo.getAssessment(db, input.corrects);
        if (!earlier || earlier.placementId !== input.placementId) throw new ServiceError('NOT_FOUND', 'Bedömningen som ska ersättas finns inte.');
      }
      const id = randomUUID();
      await repo.insertAssessment(db, {
        id,
        homeId,
        placementId: input.placementId,
        assessedOn: input.assessedOn,
        assessor: input.recordedBy,
        scores: JSON.stringify(Object.fromEntries(assessmentDimensions.flatMap((d) => (input.scores[d] == null ? [] : [[d, input.scores[d]]])))),
        childVoice: input.childVoice,
        comment: input.comment,
        recordedBy: input.recordedBy,
        recordedAt: clock.now(),
        corrects: input.corrects,
      });
      const [shown] = await toAssessments([(await repo.getAssessment(db, id)) as repo.AssessmentRow], 'placement');
      return shown as Assessment;
    },

    async recordDeviation(input: DeviationInput): Promise<Deviation> {
      if (input.reportedOn > clock.today()) throw future('/reportedOn');
      await checkTarget(db, input);
      const id = randomUUID();
      await repo.insertDeviation(db, {
        id,
        homeId: input.homeId ?? null,
        placementId: input.placementId ?? null,
        reportedOn: input.reportedOn,
        kind: input.kind,
        category: input.category,
        severity: input.severity,
        description: input.description,
        status: 'oppen',
        reportedToIvo: 0,
        recordedBy: input.recordedBy,
        recordedAt: clock.now(),
      });
      return deviation(id, clock.today());
    },

    /** The next step, if it is one the deviation may take now; its status follows, in one transaction. */
    async addStep(input: DeviationStepInput): Promise<Deviation> {
      if (input.date > clock.today()) throw future('/date');
      await inTransaction(db, async (trx) => {
        const row = await repo.getDeviation(trx, input.deviationId);
        if (!row) throw new ServiceError('NOT_FOUND', 'Avvikelsen finns inte.');
        const stored = (await repo.stepsOf(trx, [row.id])).get(row.id) ?? [];
        const facts = stepFacts(stored);
        if (!nextDeviationSteps(row.kind as DeviationKind, facts).includes(input.step)) {
          throw new ServiceError('VALIDATION', 'Det steget kan inte tas nu.', [{ path: '/step', message: 'Välj ett av de steg som erbjuds.' }]);
        }
        const last = stored.at(-1)?.date ?? row.reportedOn;
        if (input.date < last) {
          throw new ServiceError('VALIDATION', `Datumet är före föregående steg (${last}).`, [{ path: '/date', message: `Ange ${last} eller senare.` }]);
        }
        if ((input.step === 'bedomning') !== (input.serious !== null)) {
          throw new ServiceError(
            'VALIDATION',
            input.step === 'bedomning' ? 'Ange om det är ett allvarligt missförhållande.' : 'Bara en bedömning anger om det är allvarligt.',
            [{ path: '/serious', message: input.step === 'bedomning' ? 'Svara ja eller nej.' : 'Gäller bara bedömningen.' }],
          );
        }
        const next: StepFacts[] = [...facts, { step: input.step, date: input.date, serious: input.serious }];
        await repo.appendStep(
          trx,
          {
            deviationId: row.id,
            ordinal: stored.length,
            step: input.step,
            date: input.date,
            text: input.text,
            serious: input.serious === null ? null : input.serious ? 1 : 0,
            recordedBy: input.recordedBy,
            recordedAt: clock.now(),
          },
          { status: deviationStatus(next), reportedToIvo: reportedToIvo(next) || row.reportedToIvo === 1 },
        );
      });
      return deviation(input.deviationId, clock.today());
    },

    getDeviation: deviation,

    async deviationPage(input: DeviationPageInput): Promise<DeviationPage> {
      const all = await toDeviations(
        await repo.listDeviations(db, { kind: input.kind, homeId: input.homeId, placementId: input.placementId }),
        input.date,
        input.placementId === undefined ? 'home' : 'placement',
      );
      // Each word somewhere, in any order, Swedish-folded: as the other quick searches.
      const words = searchWords(input.query ?? '');
      const shown = all
        .filter((d) => input.status === undefined || (input.status === 'ej-avslutad' ? d.status !== 'avslutad' : d.status === input.status))
        .filter((d) => words.every((word) => [d.description, d.homeName, d.childLabel, d.category].some((text) => containsSwedish(text, word))))
        .sort(compareDeviations);
      return { rows: shown.slice(input.offset, input.offset + input.limit), total: shown.length, counts: countDeviations(all) };
    },

    async countDeviations(date: string): Promise<DeviationCounts> {
      return countDeviations(await toDeviations(await repo.listDeviations(db), date, 'home'));
    },

    /** Everything known of a home, for the question "should we place here?". */
    async homeHistory(homeId: string, date: string): Promise<HomeHistory> {
      const home = await getHome(db, homeId);
      if (!home) throw new ServiceError('NOT_FOUND', 'Hemmet finns inte.');
      const [stays, events, assessments, deviations, notesPage, checks] = await Promise.all([
        repo.homeStays(db, homeId),
        listEvents(db, { homeId }),
        repo.listAssessments(db, { homeId }),
        repo.listDeviations(db, { homeId }),
        notes.list({ homeId, offset: 0, limit: 20 }, 'home'),
        registerChecks.homeChecks(homeId, date),
      ]);
      const inspections = events.filter((e) => e.type === 'ivo-tillsyn');
      const placements = stays.map((s): HistoryPlacement => {
        const last = Boolean(s.isLast);
        const ended = last && s.endedOn !== null && s.endedOn <= date;
        const to = s.toDate ?? (last ? s.endedOn : null);
        return {
          placementId: s.protectedIdentity === 1 ? null : s.placementId,
          ageAtStart: yearsOn(s.birthDate, s.fromDate),
          legalBasis: s.legalBasis as LegalBasis,
          form: s.form as HomeKind,
          from: s.fromDate,
          to,
          days: Math.max(0, daysBetween(s.fromDate, to !== null && to < date ? to : date)),
          endReason: ended ? (s.endReason as EndReason | null) : null,
          movedOn: !last && s.toDate !== null,
          breakdown: ended && s.endReason === 'sammanbrott',
        };
      });
      const current = assessments.filter((a) => !assessments.some((b) => b.corrects === a.id));
      const series = Object.fromEntries(assessmentDimensions.map((d) => [d, [] as { assessedOn: string; score: number }[]])) as HomeHistory['assessments'];
      for (const a of [...current].reverse()) {
        const scores = JSON.parse(a.scores) as Partial<Record<AssessmentDimension, number>>;
        for (const d of assessmentDimensions) {
          const score = scores[d];
          if (score !== undefined) series[d].push({ assessedOn: a.assessedOn, score });
        }
      }
      return {
        home: {
          id: home.id,
          name: home.name,
          kind: home.kind as HomeKind,
          operator: home.operator,
          municipality: home.municipality,
          orgNr: home.orgNr,
          capacity: home.capacity,
          agency: home.agency,
          active: home.active,
        },
        checks: historyChecks(checks),
        inspections: inspections.map((i) => ({ date: i.date, verdict: i.verdict as IvoVerdict | null, comment: i.comment })),
        placements,
        placementCounts: {
          total: new Set(stays.map((s) => s.placementId)).size,
          breakdowns: placements.filter((p) => p.breakdown).length,
          ongoing: placements.filter((p) => p.from <= date && (p.to === null || date < p.to)).length,
        },
        assessments: series,
        voices: current.flatMap((a) => (a.childVoice === null ? [] : [{ assessedOn: a.assessedOn, childVoice: a.childVoice as ChildVoice, comment: a.comment }])),
        deviations: (await toDeviations(deviations, date, 'home')).sort(compareDeviations),
        notes: notesPage,
      };
    },
  };
}

/** The permit and the adults' register checks as the history shows them: one line each, in words. */
function historyChecks(checks: Awaited<ReturnType<RegisterChecksService['homeChecks']>>): HomeHistory['checks'] {
  const lines: HomeHistory['checks'] = [];
  if (checks.permitRequired || checks.permits.length > 0) {
    const newest = checks.permits[0];
    lines.push(
      newest === undefined
        ? { label: 'IVO-tillstånd', status: 'problem', text: 'Inget tillstånd kontrollerat.' }
        : {
            label: 'IVO-tillstånd',
            status: newest.outcome === 'giltigt' ? 'ok' : 'problem',
            text: `${newest.outcome === 'giltigt' ? 'Giltigt' : 'Ogiltigt'}, kontrollerat ${newest.checkedOn}.`,
          },
    );
  }
  for (const person of checks.persons) {
    const required = person.registers.filter((r) => r.required);
    if (required.length === 0) continue;
    const missing = required.filter((r) => r.newestCheckedOn === null);
    const remarks = required.filter((r) => r.newestOutcome === 'med-anmarkning');
    const overdue = required.filter((r) => r.status === 'overdue');
    const problem = missing.length > 0 || remarks.length > 0 || overdue.length > 0;
    const newest = required.map((r) => r.newestCheckedOn ?? '').sort().at(-1) ?? '';
    const text = [
      missing.length > 0 ? `Saknas: ${missing.map((r) => registerNames[r.register]).join(', ')}.` : null,
      remarks.length > 0 ? `Med anmärkning: ${remarks.map((r) => registerNames[r.register]).join(', ')}.` : null,
      overdue.length > 0 ? `Ny kontroll försenad: ${overdue.map((r) => registerNames[r.register]).join(', ')}.` : null,
      problem ? null : `Kontrollerad utan anmärkning, senast ${newest}.`,
    ].filter((t): t is string => t !== null);
    lines.push({ label: `Registerkontroll, ${person.name}`, status: problem ? 'problem' : 'ok', text: text.join(' ') });
  }
  return lines;
}

export type JournalService = ReturnType<typeof createJournalService>;
