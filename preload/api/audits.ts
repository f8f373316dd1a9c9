/**
 * Egenkontroll: random file audits (rules.md, "Random file audit" and "Audit checklist"). A round
 * draws its files reproducibly and keeps the draw; each file is answered item by item, the
 * register proposing what it knows; every "nej" becomes a deviation; the round's summary,
 * analysis and actions make the report for the nämnd.
 */
import { z } from 'zod';
import { checklistAnswers, type AutoRule, type ChecklistAnswer, type ChecklistItem } from '../../main/domain/audit-checklist';
import type { ItemCompliance } from '../../main/domain/audit-summary';
import { homeKinds, legalBases, type DeviationStatus } from '../../main/domain/vocabulary';
import { channel } from './channel';
import { date, empty, id, multiLineText, optionalText, plainText, trimmed } from './fields';

export type { AutoRule, ChecklistAnswer, ChecklistItem, ItemCompliance };
export { checklistAnswers };
export { fileLabel, overallCompliance } from '../../main/domain/audit-summary';
// The window draws the same chart as the report's PDF, and says it in the same words.
export { complianceChartHeight, complianceChartOption, complianceChartText, shareText, type ComplianceChartOption } from '../../main/domain/audit-chart';

/** The new round form's months before the rule setting (`auditExclusionMonths`, rules.md's 12) is read. */
export const DEFAULT_EXCLUSION_MONTHS = 12;

const filterText = (what: string) => plainText().trim().max(200, `Högst 200 tecken i ${what}.`).nullish().transform((v) => (v ? v : null));

/** What a round draws from and how many: the form's fields, also for the preview. */
export const auditDrawFields = z
  .object({
    from: date,
    to: date,
    unit: filterText('enheten'),
    form: z.enum(homeKinds, 'Välj en boendeform i listan.').nullish().transform((v) => v ?? null),
    legalBasis: z.enum(legalBases, 'Välj SoL, LVU 2 § eller LVU 3 §.').nullish().transform((v) => v ?? null),
    caseworker: filterText('handläggaren'),
    /** A number of files, or a share of the population in percent. */
    size: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('count'), value: z.int('Ange ett heltal.').min(1, 'Minst 1 akt.').max(10_000, 'Högst 10 000 akter.') }).strict(),
      z.object({ kind: z.literal('percent'), value: z.int('Ange ett heltal.').min(1, 'Minst 1 %.').max(100, 'Högst 100 %.') }).strict(),
    ]),
    /** Leave out files audited in a round that ended less than this many months before `from`; null: none. */
    exclusionMonths: z.int('Ange ett heltal.').min(1, 'Minst 1 månad.').max(60, 'Högst 60 månader.').nullable(),
  })
  .strict();

export const auditPreviewInput = auditDrawFields;
export type AuditPreviewInput = z.output<typeof auditPreviewInput>;

export interface AuditPreview {
  populationSize: number;
  /** Files left out as audited recently. */
  excluded: number;
  /** The number of files the size asks for (a share rounded up). */
  size: number;
}

export const createAuditRoundInput = auditDrawFields
  .extend({
    name: trimmed(200),
    /** Typed in (e.g. a published lottery number), or null for a fresh random one. */
    seed: plainText().trim().max(200, 'Högst 200 tecken.').nullable(),
    recordedBy: trimmed(200),
  })
  .strict();
export type CreateAuditRoundInput = z.output<typeof createAuditRoundInput>;

export interface AuditRoundSummary {
  id: string;
  name: string;
  from: string;
  to: string;
  unit: string | null;
  size: number;
  audited: number;
  openActions: number;
  createdBy: string;
  createdAt: string;
}

export interface AuditFileRow {
  ordinal: number;
  /** "Akt 3": the file's name in the round and its report. */
  label: string;
  placementId: string;
  /** The child as the lists show it (masked for skyddad identitet); null when the placement was removed. */
  childLabel: string | null;
  /** Every item answered. */
  audited: boolean;
  answered: number;
  nej: number;
  /** Who answered last and when. */
  auditedBy: string | null;
  auditedAt: string | null;
}

export interface AuditDeviationRow {
  ordinal: number;
  label: string;
  itemNumber: number;
  item: string;
  comment: string;
  alreadyReported: boolean;
  /** The deviation the answer became; null when already reported elsewhere. */
  deviationId: string | null;
  deviationStatus: DeviationStatus | null;
}

export interface AuditAnalysis {
  text: string;
  writtenBy: string;
  writtenAt: string;
}

export interface AuditAction {
  id: string;
  action: string;
  responsible: string;
  dueOn: string;
  doneOn: string | null;
  doneBy: string | null;
  createdBy: string;
  createdAt: string;
}

export interface AuditRound extends AuditRoundSummary {
  form: string | null;
  legalBasis: string | null;
  caseworker: string | null;
  sizePercent: number | null;
  seed: string;
  populationSize: number;
  populationHash: string;
  exclusionMonths: number | null;
  excluded: number;
  checklistVersion: number;
  checklist: ChecklistItem[];
  files: AuditFileRow[];
  compliance: ItemCompliance[];
  overall: number | null;
  deviations: AuditDeviationRow[];
  analysis: AuditAnalysis | null;
  actions: AuditAction[];
}

export const auditRoundInput = z.object({ id }).strict();
export const auditFileInput = z.object({ roundId: id, ordinal: z.int('Akten finns inte.').min(1, 'Akten finns inte.') }).strict();

export interface AuditAnswerView {
  answer: ChecklistAnswer;
  comment: string;
  overrideReason: string | null;
  alreadyReported: boolean;
  deviationId: string | null;
  answeredBy: string;
  answeredAt: string;
}

export interface AuditFileItem {
  number: number;
  item: ChecklistItem;
  /** What the register answers, and why; null for an item the auditor answers alone. */
  proposed: { answer: ChecklistAnswer; reason: string } | null;
  /** The newest answer, and every one before it (newest first). */
  current: AuditAnswerView | null;
  history: AuditAnswerView[];
}

export interface AuditFile {
  roundId: string;
  roundName: string;
  from: string;
  to: string;
  ordinal: number;
  label: string;
  size: number;
  placementId: string;
  childId: string | null;
  childLabel: string | null;
  items: AuditFileItem[];
}

export const auditAnswerInput = z
  .object({
    itemId: plainText().trim().min(1).max(40),
    answer: z.enum(checklistAnswers, 'Svara ja, nej eller ej tillämpligt.'),
    comment: multiLineText(2000, 'Högst 2 000 tecken.'),
    /** Required when the answer is not the register's. */
    overrideReason: optionalText(1000, 'multi-line'),
    /** A "nej" already reported as a deviation elsewhere: no new one is made. */
    alreadyReported: z.boolean(),
  })
  .strict();

export const saveAuditFileInput = z
  .object({
    roundId: id,
    ordinal: z.int().min(1),
    answers: z.array(auditAnswerInput).min(1, 'Svara på punkterna.').max(60, 'Högst 60 punkter.'),
    recordedBy: trimmed(200),
  })
  .strict();
export type SaveAuditFileInput = z.output<typeof saveAuditFileInput>;

export const saveAuditAnalysisInput = z
  .object({ roundId: id, text: multiLineText(20_000, 'Högst 20 000 tecken.'), recordedBy: trimmed(200) })
  .strict();
export type SaveAuditAnalysisInput = z.output<typeof saveAuditAnalysisInput>;

export const addAuditActionInput = z
  .object({ roundId: id, action: trimmed(1000), responsible: trimmed(200), dueOn: date, recordedBy: trimmed(200) })
  .strict();
export type AddAuditActionInput = z.output<typeof addAuditActionInput>;

export const completeAuditActionInput = z.object({ id, doneOn: date, recordedBy: trimmed(200) }).strict();
export type CompleteAuditActionInput = z.output<typeof completeAuditActionInput>;

export const auditReportInput = z
  .object({
    id,
    /** The municipality named on the report's cover (one of Sweden's 290). */
    municipality: trimmed(100),
  })
  .strict();
export type AuditReportInput = z.output<typeof auditReportInput>;

export interface AuditReportFile {
  fileName: string;
  /** The PDF, base64 (it travels as JSON to the browser host). */
  base64: string;
}

// ---------------------------------------------------------------------------------------------
// The municipality's own checklist

export interface AuditChecklistVersion {
  version: number;
  changedAt: string;
  changedBy: string | null;
  reason: string | null;
}

export interface AuditChecklistView {
  version: number;
  items: ChecklistItem[];
  /** rules.md's template (version 1), to start again from. */
  template: ChecklistItem[];
  /** The saved versions after the template, newest first. */
  history: AuditChecklistVersion[];
}

export const saveAuditChecklistInput = z
  .object({
    items: z.array(z.unknown()).max(60, 'Högst 60 punkter.'),
    /** The version the user edited: a save over a newer one is refused. */
    version: z.int().min(1),
    reason: trimmed(500),
    changedBy: trimmed(200),
  })
  .strict();
export type SaveAuditChecklistInput = z.output<typeof saveAuditChecklistInput>;

export const auditChannels = {
  getAuditChecklist: channel(empty).returns<AuditChecklistView>(),
  saveAuditChecklist: channel(saveAuditChecklistInput).returns<AuditChecklistView>(),
  listAuditRounds: channel(empty).returns<AuditRoundSummary[]>(),
  previewAuditRound: channel(auditPreviewInput).returns<AuditPreview>(),
  createAuditRound: channel(createAuditRoundInput).returns<AuditRound>(),
  getAuditRound: channel(auditRoundInput).returns<AuditRound>(),
  getAuditFile: channel(auditFileInput).returns<AuditFile>(),
  saveAuditFile: channel(saveAuditFileInput).returns<AuditFile>(),
  saveAuditAnalysis: channel(saveAuditAnalysisInput).returns<AuditRound>(),
  addAuditAction: channel(addAuditActionInput).returns<AuditRound>(),
  completeAuditAction: channel(completeAuditActionInput).returns<AuditRound>(),
  getAuditReport: channel(auditReportInput).returns<AuditReportFile>(),
};
