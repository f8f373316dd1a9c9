/**
 * Random file audits (egenkontroll, rules.md "Random file audit"): the draw, reproducible by
 * anyone from the seed and the population (main/domain/sampling).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import * as repo from '../db/audits-repository';
import { placementSpans } from '../db/audits-repository';
import type { Database } from '../db/schema';
import { addMonths, type IsoDate } from '../domain/dates';
import { drawProblems, drawRank, drawSample, populationOf, sizeOfShare, type Draw } from '../domain/sampling';
import { inTransaction } from '../db/homes-repository';
import { appendStep, getDeviation, insertDeviation, stepsOf } from '../db/journal-repository';
import { deviationStatus, nextDeviationSteps, reportedToIvo } from '../domain/deviations';
import { readRegisterSnapshot } from '../db/placements-repository';
import { readSetting, readSettingsHistory, writeSetting } from '../db/settings-repository';
import { autoAnswers, checklistItemsSchema, defaultChecklist, type AutoAnswer, type Checklist, type ChecklistAnswer, type ChecklistItem } from '../domain/audit-checklist';
import { complianceOf, fileLabel, overallCompliance, withoutNames } from '../domain/audit-summary';
import { findMunicipality } from '../domain/municipalities';
import { homeKindNames, legalBasisNames, type DeviationKind, type DeviationStatus, type DeviationStep, type HomeKind, type LegalBasis } from '../domain/vocabulary';
import type {
  AddAuditActionInput,
  AuditAnswerView,
  AuditFile,
  AuditChecklistView,
  AuditPreview,
  AuditPreviewInput,
  AuditReportFile,
  AuditRound,
  AuditRoundSummary,
  CompleteAuditActionInput,
  CreateAuditRoundInput,
  SaveAuditAnalysisInput,
  SaveAuditFileInput,
} from '../../preload/api/audits';
import type { ChecksService } from './checks';
import type { Clock } from './clock';
import { toDeadlineRegister } from './deadlines';
import { ServiceError, notFound, type ServiceIssue } from './errors';
import { childLabel } from './placements';
import type { SettingsService } from './settings';

export interface DrawInput {
  from: IsoDate;
  to: IsoDate;
  size: number;
  seed: string;
  /** A round's filters (rules.md step 1); none for the command line's `sample`. */
  unit?: string | null;
  form?: string | null;
  caseworker?: string | null;
  legalBasis?: string | null;
}

/** The municipality's checklist: a setting of its own, versioned with who, when and why. */
const CHECKLIST = 'auditChecklist';

export interface ChecklistSave {
  items: unknown[];
  /** The checklist version the user edited: a save over a newer one is refused. */
  version: number;
  changedBy: string;
  reason: string;
}

/**
 * rules.md's template is version 1; each saved copy is the next. A round names the version it
 * was audited with, and every version is kept, so an old round's checklist can be shown as it was.
 */
const checklistVersionOf = (settingVersion: number) => settingVersion + 1;

export function createAuditsService(db: Kysely<Database>, clock: Clock, settings: SettingsService, checks: ChecksService) {
  async function checklist(): Promise<Checklist> {
    const stored = await readSetting(db, CHECKLIST);
    const parsed = checklistItemsSchema.safeParse(stored?.value);
    return stored && parsed.success ? { version: checklistVersionOf(stored.version), items: parsed.data } : defaultChecklist;
  }

  return {
    checklist,

    /** The checklist as it was in `version` (1: rules.md's), or undefined when there is no such version. */
    async checklistVersion(version: number): Promise<Checklist | undefined> {
      if (version === defaultChecklist.version) return defaultChecklist;
      const saved = (await readSettingsHistory(db, [CHECKLIST])).find((row) => checklistVersionOf(row.version) === version);
      const parsed = checklistItemsSchema.safeParse(saved?.value);
      return parsed.success ? { version, items: parsed.data } : undefined;
    },

    /** The checklist as the Regler page edits it: the current version, the template and the saved versions. */
    async checklistView(): Promise<AuditChecklistView> {
      const [current, history] = await Promise.all([checklist(), readSettingsHistory(db, [CHECKLIST])]);
      return {
        version: current.version,
        items: current.items,
        template: defaultChecklist.items,
        history: history
          .map((row) => ({ version: checklistVersionOf(row.version), changedAt: row.changedAt, changedBy: row.changedBy, reason: row.reason }))
          .sort((a, b) => b.version - a.version),
      };
    },

    async saveChecklist({ items, version, changedBy, reason }: ChecklistSave): Promise<Checklist> {
      const parsed = checklistItemsSchema.safeParse(items);
      if (!parsed.success) {
        const issues: ServiceIssue[] = parsed.error.issues.map((issue) => ({ path: `/items${issue.path.map((p) => `/${String(p)}`).join('')}`, message: issue.message }));
        throw new ServiceError('VALIDATION', 'Checklistan kunde inte sparas.', issues);
      }
      return inTransaction(db, async (trx) => {
        const current = (await readSetting(trx, CHECKLIST))?.version ?? 0;
        const changedMeanwhile = () => new ServiceError('CONFLICT', 'Någon annan har ändrat checklistan under tiden. Läs in den igen och gör ändringen på nytt.');
        if (checklistVersionOf(current) !== version) throw changedMeanwhile();
        if (!(await writeSetting(trx, CHECKLIST, parsed.data, current + 1, { changedAt: clock.now(), changedBy, reason }))) throw changedMeanwhile();
        return { version: checklistVersionOf(current + 1), items: parsed.data };
      });
    },

    /**
     * The population of the period and the sample drawn from it, without saving anything: rules.md
     * step 1 to 3, the files audited recently left out as the settings say (the command line's `sample`).
     */
    async draw({ from, to, size, seed, ...filter }: DrawInput): Promise<Draw> {
      const first = drawProblems({ from, to, size, seed, populationSize: null });
      if (first.length > 0) throw drawError(first);
      const months = (await settings.effective()).parameters.auditExclusionMonths;
      const recent = await repo.recentlyAudited(db, addMonths(from, -months));
      const population = populationOf(await placementSpans(db, filter.form != null), { from, to, ...filter }, recent);
      const problems = drawProblems({ from, to, size, seed, populationSize: population.length });
      if (problems.length > 0) throw drawError(problems);
      return drawSample(population, seed, size);
    },

    /** What a round of these fields would draw from, before it is made. */
    async preview(input: AuditPreviewInput): Promise<AuditPreview> {
      if (input.to < input.from) throw drawError([{ field: 'to', message: sentence(`perioden slutar (${input.to}) innan den börjar (${input.from})`) }]);
      const { population, excluded } = await populationFor(db, input);
      return { populationSize: population.length, excluded, size: sizeAsked(input.size, population.length) };
    },

    /** rules.md's draw, stored with what re-draws it: the seed, the population's size and hash. */
    async createRound(input: CreateAuditRoundInput): Promise<AuditRound> {
      const seed = input.seed ?? randomBytes(8).toString('hex');
      // Read before the transaction: the connection is the transaction's until it ends.
      const current = await checklist();
      const first = drawProblems({ from: input.from, to: input.to, size: input.size.value, seed, populationSize: null });
      if (first.length > 0) throw drawError(first.map((p) => ({ ...p, message: sentence(p.message) })));
      const id = await inTransaction(db, async (trx) => {
        const { population, excluded } = await populationFor(trx, input);
        const size = sizeAsked(input.size, population.length);
        const problems = drawProblems({ from: input.from, to: input.to, size, seed, populationSize: population.length });
        if (population.length === 0) {
          throw drawError([
            {
              field: 'size',
              message:
                excluded > 0
                  ? `Ingen placering kan dras: de ${excluded} som var aktiva under perioden med de valda avgränsningarna har granskats nyligen.`
                  : 'Ingen placering var aktiv under perioden med de valda avgränsningarna.',
            },
          ]);
        }
        if (problems.length > 0) throw drawError(problems.map((p) => ({ ...p, message: sentence(p.message) })));
        const draw = drawSample(population, seed, size);
        const roundId = randomUUID();
        await repo.insertRound(
          trx,
          {
            id: roundId,
            name: input.name,
            fromDate: input.from,
            toDate: input.to,
            unit: input.unit,
            form: input.form,
            legalBasis: input.legalBasis,
            caseworker: input.caseworker,
            size,
            sizePercent: input.size.kind === 'percent' ? input.size.value : null,
            seed,
            populationSize: draw.populationSize,
            populationHash: draw.populationHash,
            exclusionMonths: input.exclusionMonths,
            excluded,
            checklistVersion: current.version,
            createdBy: input.recordedBy,
            createdAt: clock.now(),
          },
          draw.sample.map((placementId, index) => ({ roundId, ordinal: index + 1, placementId, rank: drawRank(seed, placementId) })),
        );
        return roundId;
      });
      return round(id);
    },

    async listRounds(): Promise<AuditRoundSummary[]> {
      return (await repo.listRounds(db)).map(summaryOf);
    },

    getRound: round,
    getFile: file,

    /**
     * A file's answers, all items at once. Only what changed is written, as a new row of its
     * history; a "nej" not already reported becomes a deviation on the placement (or keeps the
     * one it became), all in one transaction.
     */
    async saveFile({ roundId, ordinal, answers, recordedBy }: SaveAuditFileInput): Promise<AuditFile> {
      const shown = await file(roundId, ordinal);
      const row = (await repo.getRound(db, roundId))!;
      const issues: ServiceIssue[] = [];
      const byItem = new Map(shown.items.map((item) => [item.item.id, item]));
      const seen = new Set<string>();
      answers.forEach((a, index) => {
        const item = byItem.get(a.itemId);
        if (!item) issues.push({ path: `/answers/${index}/itemId`, message: 'Punkten finns inte i omgångens checklista.' });
        else if (seen.has(a.itemId)) issues.push({ path: `/answers/${index}/itemId`, message: `Punkt ${item.number} är besvarad två gånger.` });
        else if (item.proposed && a.answer !== item.proposed.answer && a.overrideReason === null) {
          issues.push({ path: `/answers/${index}/overrideReason`, message: `Skriv varför du svarar annorlunda än registret på punkt ${item.number}.` });
        }
        seen.add(a.itemId);
      });
      for (const item of shown.items) {
        if (!seen.has(item.item.id)) issues.push({ path: '/answers', message: `Punkt ${item.number} är inte besvarad.` });
      }
      if (issues.length > 0) throw new ServiceError('VALIDATION', 'Granskningen kunde inte sparas.', issues);

      if (shown.childId === null) {
        // A placement removed by mistake has no file to link a deviation to.
        const unlinked = answers.findIndex((a) => a.answer === 'nej' && !a.alreadyReported);
        if (unlinked >= 0) {
          throw new ServiceError('VALIDATION', `Placeringen i ${shown.label} har tagits bort ur registret, så ett nej kan inte bli en avvikelse på den.`, [
            { path: `/answers/${unlinked}/alreadyReported`, message: 'Anmäl avvikelsen på hemmet under Avvikelser och markera nej som redan rapporterat.' },
          ]);
        }
      }

      const now = clock.now();
      const today = clock.today();
      await inTransaction(db, async (trx) => {
        // What is stored now, read in the transaction: a save that overlapped this one (a second
        // click, another auditor) is seen, so no answer or deviation is written twice.
        const stored = await repo.roundAnswers(trx, roundId, ordinal);
        const rows = [];
        for (const a of answers) {
          const item = byItem.get(a.itemId)!;
          const history = stored.filter((x) => x.itemId === a.itemId);
          const before = history.at(-1);
          const overrideReason = item.proposed && a.answer !== item.proposed.answer ? a.overrideReason : null;
          const alreadyReported = a.answer === 'nej' && a.alreadyReported;
          if (
            before &&
            before.answer === a.answer &&
            before.comment === a.comment &&
            before.overrideReason === overrideReason &&
            (before.alreadyReported === 1) === alreadyReported
          ) {
            continue;
          }
          const where = `Aktgranskning ${row.name}, ${shown.label}, punkt ${item.number}`;
          // The deviation the item's nej became, while it still is one.
          const linked = before?.answer === 'nej' ? before.deviationId : null;
          let deviationId: string | null = null;
          if (a.answer === 'nej' && !alreadyReported) {
            deviationId = linked ?? (await openDeviationOf(trx, history));
            if (deviationId === null) {
              deviationId = randomUUID();
              await insertDeviation(trx, {
                id: deviationId,
                homeId: null,
                placementId: shown.placementId,
                reportedOn: today,
                kind: 'avvikelse',
                category: 'handlaggning',
                severity: 'medel',
                description: `${where} besvarades nej: ${item.item.text}${a.comment ? ` Kommentar: ${a.comment}` : ''}`,
                status: 'oppen',
                reportedToIvo: 0,
                recordedBy,
                recordedAt: now,
              });
            }
          } else if (linked !== null) {
            // No longer a nej of this audit: the deviation it became is closed, saying why.
            const why = a.answer === 'nej' ? 'markerades som redan rapporterad' : `ändrades till ${answerWords[a.answer]}`;
            await closeDeviation(trx, linked, `${where} ${why}.${overrideReason ?? a.comment ? ` ${overrideReason ?? a.comment}` : ''}`, today, recordedBy, now);
          }
          rows.push({
            roundId,
            ordinal,
            itemId: a.itemId,
            answer: a.answer,
            comment: a.comment,
            proposed: item.proposed?.answer ?? null,
            proposedReason: item.proposed?.reason ?? null,
            overrideReason,
            alreadyReported: alreadyReported ? 1 : 0,
            deviationId,
            answeredBy: recordedBy,
            answeredAt: now,
          });
        }
        await repo.insertAnswers(trx, rows);
      });
      return file(roundId, ordinal);
    },

    /** The round's analysis, kept as a new version when it changed. */
    async saveAnalysis({ roundId, text, recordedBy }: SaveAuditAnalysisInput): Promise<AuditRound> {
      await inTransaction(db, async (trx) => {
        if (!(await repo.getRound(trx, roundId))) throw notFound('Granskningsomgången');
        if (((await repo.latestAnalysis(trx, roundId))?.text ?? '') === text) return;
        await repo.insertAnalysis(trx, { roundId, text, writtenBy: recordedBy, writtenAt: clock.now() });
      });
      return round(roundId);
    },

    async addAction({ roundId, action, responsible, dueOn, recordedBy }: AddAuditActionInput): Promise<AuditRound> {
      await inTransaction(db, async (trx) => {
        if (!(await repo.getRound(trx, roundId))) throw notFound('Granskningsomgången');
        await repo.insertAction(trx, { id: randomUUID(), roundId, action, responsible, dueOn, doneOn: null, doneBy: null, createdBy: recordedBy, createdAt: clock.now() });
      });
      return round(roundId);
    },

    async completeAction({ id, doneOn, recordedBy }: CompleteAuditActionInput): Promise<AuditRound> {
      if (doneOn > clock.today()) {
        throw new ServiceError('VALIDATION', 'En åtgärd kan inte vara klar i framtiden.', [{ path: '/doneOn', message: `Ange ${clock.today()} eller tidigare.` }]);
      }
      const roundId = await inTransaction(db, async (trx) => {
        const action = await repo.getAction(trx, id);
        if (!action) throw notFound('Åtgärden');
        if (action.doneOn !== null) throw new ServiceError('CONFLICT', `Åtgärden är redan klar (${action.doneOn}, ${action.doneBy}).`);
        if (doneOn < action.createdAt.slice(0, 10)) {
          throw new ServiceError('VALIDATION', 'Åtgärden kan inte vara klar innan den lades till.', [{ path: '/doneOn', message: `Ange ${action.createdAt.slice(0, 10)} eller senare.` }]);
        }
        await repo.markActionDone(trx, id, doneOn, recordedBy);
        return action.roundId;
      });
      return round(roundId);
    },

    /**
     * The egenkontroll report as a PDF for the nämnd: the round's method, results, deviations,
     * analysis and actions. Files are "Akt N" only; no child is named. The builders and pdfmake
     * are loaded when a report is asked for.
     */
    async reportPdf({ id, municipality, author }: { id: string; municipality: string | null; author: string }): Promise<Uint8Array> {
      const shown = await round(id);
      // A comment, the analysis or an action may name a child of the round: the report does not.
      const names = (await repo.roundFiles(db, id)).flatMap((f) => (f.childName ? [f.childName] : []));
      const free = (text: string) => withoutNames(text, names);
      const [{ auditReport }, { renderPdf }] = await Promise.all([import('../reports/audit-report'), import('../reports/pdf')]);
      return renderPdf(
        auditReport({
          municipality,
          author,
          date: clock.today(),
          round: {
            name: free(shown.name),
            from: shown.from,
            to: shown.to,
            unit: shown.unit,
            form: shown.form === null ? null : homeKindNames[shown.form as HomeKind],
            legalBasis: shown.legalBasis === null ? null : legalBasisNames[shown.legalBasis as LegalBasis],
            caseworker: shown.caseworker,
            seed: shown.seed,
            populationSize: shown.populationSize,
            populationHash: shown.populationHash,
            size: shown.size,
            excludedCount: shown.excluded,
            exclusionMonths: shown.exclusionMonths,
            checklistVersion: shown.checklistVersion,
            createdBy: shown.createdBy,
            createdAt: shown.createdAt,
          },
          progress: { audited: shown.audited, total: shown.size },
          compliance: shown.compliance,
          overall: shown.overall,
          deviations: shown.deviations.map((d) => ({ file: d.label, itemNumber: d.itemNumber, item: d.item, comment: free(d.comment), alreadyReported: d.alreadyReported })),
          analysis: free(shown.analysis?.text ?? ''),
          actions: shown.actions.map(({ action, responsible, dueOn, doneOn }) => ({ action: free(action), responsible, dueOn, doneOn })),
        }),
      );
    },

    /** The report as the window saves it. */
    async report(input: { id: string; municipality: string; author: string }): Promise<AuditReportFile> {
      const municipality = findMunicipality(input.municipality);
      if (!municipality) throw new ServiceError('VALIDATION', 'Välj kommunen i listan.', [{ path: '/municipality', message: 'Välj en av Sveriges 290 kommuner.' }]);
      const pdf = await this.reportPdf({ ...input, municipality: municipality.name });
      const name = (await repo.getRound(db, input.id))!.name;
      return { fileName: `Egenkontroll ${name.replace(/[\\/:*?"<>|]+/g, '-')}.pdf`, base64: Buffer.from(pdf).toString('base64') };
    },

    /** The open actions of every round: the bevakningslista shows them until done. */
    openActions: () => repo.openActions(db),
  };

  async function round(id: string): Promise<AuditRound> {
    const row = await repo.getRound(db, id);
    if (!row) throw notFound('Granskningsomgången');
    const [files, answers, analysis, actions, items] = await Promise.all([
      repo.roundFiles(db, id),
      repo.roundAnswers(db, id),
      repo.latestAnalysis(db, id),
      repo.roundActions(db, id),
      itemsOf(row.checklistVersion),
    ]);
    const latest = latestAnswers(answers);
    const byFile = new Map<number, repo.AuditAnswerRow[]>();
    for (const answer of latest.values()) byFile.set(answer.ordinal, [...(byFile.get(answer.ordinal) ?? []), answer]);
    // Who answered a file last, and when: its newest row.
    const lastOfFile = new Map(answers.map((answer) => [answer.ordinal, answer]));
    const itemIds = new Set(items.map((item) => item.id));
    const fileRows = files.map((f) => {
      const mine = (byFile.get(f.ordinal) ?? []).filter((a) => itemIds.has(a.itemId));
      const last = lastOfFile.get(f.ordinal);
      return {
        ordinal: f.ordinal,
        label: fileLabel(f.ordinal),
        placementId: f.placementId,
        childLabel: f.childId === null ? null : childLabel({ name: f.childName, birthDate: f.birthDate!, protectedIdentity: f.protectedIdentity === 1 }),
        audited: mine.length === items.length,
        answered: mine.length,
        nej: mine.filter((a) => a.answer === 'nej').length,
        auditedBy: last?.answeredBy ?? null,
        auditedAt: last?.answeredAt ?? null,
      };
    });
    const current = [...latest.values()].filter((a) => itemIds.has(a.itemId));
    const compliance = complianceOf(items, files.map((f) => String(f.ordinal)), current.map((a) => ({ fileId: String(a.ordinal), itemId: a.itemId, answer: a.answer as ChecklistAnswer })));
    const numberOf = new Map(items.map((item, index) => [item.id, index + 1]));
    const nej = current.filter((a) => a.answer === 'nej').sort((a, b) => a.ordinal - b.ordinal || numberOf.get(a.itemId)! - numberOf.get(b.itemId)!);
    const statuses = await repo.deviationStatuses(db, nej.flatMap((a) => (a.deviationId ? [a.deviationId] : [])));
    return {
      ...summaryOf({ ...row, audited: fileRows.filter((f) => f.audited).length, openActions: actions.filter((a) => a.doneOn === null).length }),
      form: row.form,
      legalBasis: row.legalBasis,
      caseworker: row.caseworker,
      sizePercent: row.sizePercent,
      seed: row.seed,
      populationSize: row.populationSize,
      populationHash: row.populationHash,
      exclusionMonths: row.exclusionMonths,
      excluded: row.excluded,
      checklistVersion: row.checklistVersion,
      checklist: items,
      files: fileRows,
      compliance,
      overall: overallCompliance(compliance),
      deviations: nej.map((a) => ({
        ordinal: a.ordinal,
        label: fileLabel(a.ordinal),
        itemNumber: numberOf.get(a.itemId)!,
        item: items[numberOf.get(a.itemId)! - 1]!.text,
        comment: a.comment,
        alreadyReported: a.alreadyReported === 1,
        deviationId: a.deviationId,
        deviationStatus: a.deviationId ? ((statuses.get(a.deviationId) as DeviationStatus | undefined) ?? null) : null,
      })),
      analysis: analysis ? { text: analysis.text, writtenBy: analysis.writtenBy, writtenAt: analysis.writtenAt } : null,
      actions: actions.map(({ roundId: _round, ...action }) => action),
    };
  }

  /** One file of a round: each item with what the register answers, the newest answer and its history. */
  async function file(roundId: string, ordinal: number): Promise<AuditFile> {
    const row = await repo.getRound(db, roundId);
    if (!row) throw notFound('Granskningsomgången');
    const f = (await repo.roundFiles(db, roundId)).find((x) => x.ordinal === ordinal);
    if (!f) throw notFound(`Akt ${ordinal} i omgången`);
    const [items, answers] = await Promise.all([itemsOf(row.checklistVersion), repo.roundAnswers(db, roundId, ordinal)]);
    const proposals = f.childId === null ? new Map<string, AutoAnswer>() : await proposalsFor(f.placementId, f.childId, { version: row.checklistVersion, items }, row.fromDate, row.toDate);
    return {
      roundId,
      roundName: row.name,
      from: row.fromDate,
      to: row.toDate,
      ordinal,
      label: fileLabel(ordinal),
      size: row.size,
      placementId: f.placementId,
      childId: f.childId,
      childLabel: f.childId === null ? null : childLabel({ name: f.childName, birthDate: f.birthDate!, protectedIdentity: f.protectedIdentity === 1 }),
      items: items.map((item, index) => {
        const history = answers.filter((a) => a.itemId === item.id).reverse().map(answerView);
        return { number: index + 1, item, proposed: proposals.get(item.id) ?? null, current: history[0] ?? null, history };
      }),
    };
  }

  /** The register's answers for one file, from the child's records and its homes' (autoAnswers). */
  async function proposalsFor(placementId: string, childId: string, list: Checklist, from: IsoDate, to: IsoDate): Promise<Map<string, AutoAnswer>> {
    const snapshot = await readRegisterSnapshot(db, childId);
    const homeIds = snapshot.stays.filter((s) => s.placementId === placementId).map((s) => s.homeId);
    const [facts, effective, results, names] = await Promise.all([repo.fileHomeFacts(db, homeIds), settings.effective(), checks.results(to), checks.names()]);
    const register = toDeadlineRegister({ ...snapshot, homeStays: facts.homeStays, events: [...snapshot.events, ...facts.homeEvents] });
    // A protected child's homes and the adults there would tell where it lives: not named.
    const hidden = snapshot.children.some((c) => c.id === childId && c.protectedIdentity);
    return autoAnswers(
      { placementId, register, checks: results.filter((r) => r.placementId === placementId), names: hidden ? { persons: new Map(), homes: new Map() } : names },
      list,
      from,
      to,
      { parameters: effective.parameters, references: effective.references },
    );
  }

  async function itemsOf(version: number): Promise<ChecklistItem[]> {
    if (version === defaultChecklist.version) return defaultChecklist.items;
    const saved = (await readSettingsHistory(db, [CHECKLIST])).find((row) => checklistVersionOf(row.version) === version);
    const parsed = checklistItemsSchema.safeParse(saved?.value);
    return parsed.success ? parsed.data : defaultChecklist.items;
  }
}

const answerWords: Record<ChecklistAnswer, string> = { ja: 'ja', nej: 'nej', 'ej-tillampligt': 'ej tillämpligt' };

/** The newest deviation an item's nej became that is not closed: a nej again continues it. */
async function openDeviationOf(trx: Transaction<Database>, history: readonly repo.AuditAnswerRow[]): Promise<string | null> {
  const last = history.filter((x) => x.deviationId !== null).at(-1)?.deviationId ?? null;
  if (last === null) return null;
  const steps = (await stepsOf(trx, [last])).get(last) ?? [];
  return deviationStatus(steps.map(stepFacts)) === 'avslutad' ? null : last;
}

/** Closes a deviation the audit made, with the step the journal allows (avslutad), unless closed already. */
async function closeDeviation(trx: Transaction<Database>, id: string, text: string, date: string, recordedBy: string, recordedAt: string): Promise<void> {
  const head = await getDeviation(trx, id);
  if (!head) return;
  const stored = (await stepsOf(trx, [id])).get(id) ?? [];
  const facts = stored.map(stepFacts);
  if (!nextDeviationSteps(head.kind as DeviationKind, facts).includes('avslutad')) return;
  const next = [...facts, { step: 'avslutad' as const, date, serious: null }];
  await appendStep(
    trx,
    { deviationId: id, ordinal: stored.length, step: 'avslutad', date: date < (stored.at(-1)?.date ?? date) ? stored.at(-1)!.date : date, text, serious: null, recordedBy, recordedAt },
    { status: deviationStatus(next), reportedToIvo: reportedToIvo(next) || head.reportedToIvo === 1 },
  );
}

const stepFacts = (row: { step: string; date: string; serious: number | null }) => ({ step: row.step as DeviationStep, date: row.date, serious: row.serious === null ? null : row.serious === 1 });

/** The population of a round's fields, less the files audited recently, and how many those were. */
async function populationFor(db: Kysely<Database>, input: AuditPreviewInput): Promise<{ population: string[]; excluded: number }> {
  const { from, to, unit, form, legalBasis, caseworker, exclusionMonths } = input;
  const spans = await placementSpans(db, form !== null);
  const filter = { from, to, unit, form, legalBasis, caseworker };
  const all = populationOf(spans, filter);
  if (exclusionMonths === null) return { population: all, excluded: 0 };
  const recent = await repo.recentlyAudited(db, addMonths(from, -exclusionMonths));
  const population = populationOf(spans, filter, recent);
  return { population, excluded: all.length - population.length };
}

const sizeAsked = (size: AuditPreviewInput['size'], populationSize: number) =>
  size.kind === 'count' ? size.value : populationSize === 0 ? 0 : sizeOfShare(size.value, populationSize);

/** The domain's messages are for the command line's "fel:" lines; the window shows sentences. */
const sentence = (message: string) => `${message.charAt(0).toUpperCase()}${message.slice(1)}.`;

function summaryOf(row: repo.AuditRoundRow & { audited: number; openActions: number }): AuditRoundSummary {
  return {
    id: row.id,
    name: row.name,
    from: row.fromDate,
    to: row.toDate,
    unit: row.unit,
    size: row.size,
    audited: row.audited,
    openActions: row.openActions,
    createdBy: row.createdBy,
    createdAt: row.createdAt,
  };
}

/** The newest answer of each file and item. */
function latestAnswers(answers: readonly repo.AuditAnswerRow[]): Map<string, repo.AuditAnswerRow> {
  const latest = new Map<string, repo.AuditAnswerRow>();
  for (const answer of answers) latest.set(`${answer.ordinal}|${answer.itemId}`, answer);
  return latest;
}

function answerView(row: repo.AuditAnswerRow): AuditAnswerView {
  return {
    answer: row.answer as ChecklistAnswer,
    comment: row.comment,
    overrideReason: row.overrideReason,
    alreadyReported: row.alreadyReported === 1,
    deviationId: row.deviationId,
    answeredBy: row.answeredBy,
    answeredAt: row.answeredAt,
  };
}

const drawError = (problems: { field: string; message: string }[]) =>
  new ServiceError('VALIDATION', 'Urvalet kan inte dras.', problems.map((p) => ({ path: `/${p.field}`, message: p.message })));

export type AuditsService = ReturnType<typeof createAuditsService>;
