/**
 * The quality index of a home with the evidence behind every part, matching a child's need to the
 * homes that can take the child, träffsäkerhet (the index beside how placements actually ended),
 * and the index's settings, versioned (quality-index.md; docs/kvalitetsindex.md).
 */
import { z } from 'zod';
import type { AccuracyRow } from '../../main/domain/accuracy';
import { childGenders, type Exclusion, type Match } from '../../main/domain/matching';
import type { Confidence, EvidenceSource } from '../../main/domain/quality-index';
import { qualityDimensions, type Grade, type QualityDimension, type QualitySettings } from '../../main/domain/quality-settings';
import { homeKinds, legalBases, type EndReason } from '../../main/domain/vocabulary';
import { channel } from './channel';
import { date, empty, id, pageLimit, pageOffset, trimmed } from './fields';

export type { AccuracyRow, Confidence, Exclusion, Grade, Match, QualityDimension, QualitySettings };
export { childGenders, qualityDimensions };
export { confidenceNames } from '../../main/domain/matching';
export { defaultQualitySettings, dimensionNames, grades } from '../../main/domain/quality-settings';
export { accuracyChartOption, accuracyChartText, gradeLabel, NO_GRADE_LABEL, percentText, type AccuracyChartOption } from '../../main/domain/accuracy-chart';

/** The few numbers a list shows of a home's index. */
export interface QualitySummary {
  score: number | null;
  grade: Grade | null;
  confidence: Confidence;
  eligible: boolean;
  /** The settings version the numbers were computed with (0: the defaults). */
  settingsVersion: number;
}

/** One piece of evidence as the breakdown lists it. */
export interface QualityEvidenceItem {
  source: EvidenceSource;
  /**
   * The record to open: an event, an assessment, a deviation written on the home, a check or a
   * person. Null for a placement (a link missing only where a child has skyddad identitet would
   * tell) and for a deviation written only on a placement (its page names the placement).
   */
  id: string | null;
  date: string | null;
  label: string;
  /** How much its age leaves of it, 0–1. */
  decay: number;
  positive: number;
  negative: number;
  notCounted: string | null;
}

export interface QualityComponentView {
  dimension: QualityDimension;
  name: string;
  score: number | null;
  /** Share of the whole as configured, 0–1. */
  weight: number;
  evidence: number;
  items: QualityEvidenceItem[];
}

export interface HomeQuality extends QualitySummary {
  homeId: string;
  on: string;
  components: QualityComponentView[];
  /** Why no child can be placed there. */
  barriers: string[];
  /** Why there is no number. */
  missing: string | null;
  /** The same home a year before `on`, for the trend. */
  yearAgo: QualitySummary & { on: string };
}

export const homeQualityInput = z.object({ homeId: id, date }).strict();
export const qualitySummariesInput = z.object({ homeIds: z.array(id).max(500, 'Högst 500 hem åt gången.'), date }).strict();

// ---------------------------------------------------------------------------------------------
// Matching

export const matchInput = z
  .object({
    age: z.int('Ange barnets ålder i hela år.').min(0, 'Minst 0 år.').max(20, 'Placeringar gäller barn och unga under 21 år.'),
    gender: z.enum(childGenders, 'Välj flicka, pojke eller inget.').nullable(),
    needs: z.array(trimmed(60)).max(30, 'Högst 30 behov.'),
    legalBasis: z.enum(legalBases, 'Välj SoL, LVU 2 § eller LVU 3 §.').nullable(),
    municipality: trimmed(100).nullable(),
    form: z.enum(homeKinds, 'Okänd boendeform.').nullable(),
    startOn: date,
  })
  .strict();
export type MatchInput = z.output<typeof matchInput>;

export interface MatchAnswer {
  matches: Match[];
  excluded: Exclusion[];
  settingsVersion: number;
}

// ---------------------------------------------------------------------------------------------
// Träffsäkerhet

const percent = z.int('Ange ett heltal.').min(0, 'Minst 0.').max(100, 'Högst 100.');
/** The settings as the page edits them (the service checks them against the domain's schema). */
export const qualitySettingsFields = z
  .object({
    weights: z.object(Object.fromEntries(qualityDimensions.map((d) => [d, percent])) as Record<QualityDimension, typeof percent>).strict(),
    halfLifeMonths: z.int('Ange ett heltal.').min(1, 'Minst 1 månad.').max(120, 'Högst 120 månader.'),
    cutoffYears: z.int('Ange ett heltal.').min(1, 'Minst 1 år.').max(20, 'Högst 20 år.'),
    gradeLimits: z.object({ A: percent, B: percent, C: percent, D: percent }).strict(),
    minEvidence: z.int('Ange ett heltal.').min(1, 'Minst 1.').max(50, 'Högst 50.'),
  })
  .strict();

export const accuracyInput = z
  .object({
    date,
    /** Unsaved settings to try: the figures as they would be, before saving. */
    settings: qualitySettingsFields.optional(),
    grade: z.enum(['A', 'B', 'C', 'D', 'E', 'none']).optional(),
    offset: pageOffset,
    limit: pageLimit(200),
  })
  .strict();
export type AccuracyInput = z.output<typeof accuracyInput>;

/** One ended placement beside the index its first home had when it began. */
export interface AccuracyCaseView {
  /** null for a protected child's placement (its home is not named with it). */
  placementId: string | null;
  homeId: string | null;
  homeName: string;
  startedOn: string;
  endedOn: string;
  endReason: EndReason | null;
  score: number | null;
  grade: Grade | null;
}

export interface Accuracy {
  rows: AccuracyRow[];
  total: AccuracyRow;
  /** The page of cases asked for (all grades, or one), newest start first. */
  cases: AccuracyCaseView[];
  caseCount: number;
  /** The settings version used, or null for unsaved settings being tried. */
  settingsVersion: number | null;
  meaningfulPlacements: number;
}

// ---------------------------------------------------------------------------------------------
// Settings

export interface QualitySettingsVersion {
  version: number;
  changedAt: string;
  changedBy: string | null;
  reason: string | null;
  changes: string[];
}

export interface QualitySettingsView {
  settings: QualitySettings;
  defaults: QualitySettings;
  /** 0 while the defaults of quality-index.md are in force. */
  version: number;
  history: QualitySettingsVersion[];
}

export const qualitySettingsInput = z
  .object({
    settings: qualitySettingsFields,
    version: z.int().min(0),
    changedBy: trimmed(200),
    reason: trimmed(500),
  })
  .strict();
export type QualitySettingsInput = z.output<typeof qualitySettingsInput>;

export const qualityChannels = {
  getHomeQuality: channel(homeQualityInput).returns<HomeQuality>(),
  getQualitySummaries: channel(qualitySummariesInput).returns<Record<string, QualitySummary>>(),
  matchHomes: channel(matchInput).returns<MatchAnswer>(),
  getAccuracy: channel(accuracyInput).returns<Accuracy>(),
  getQualitySettings: channel(empty).returns<QualitySettingsView>(),
  saveQualitySettings: channel(qualitySettingsInput).returns<QualitySettingsView>(),
};
