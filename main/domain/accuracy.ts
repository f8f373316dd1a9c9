/**
 * Träffsäkerhet: does the index separate good homes from bad on the municipality's own history?
 * For every ended placement, the index of its first home as it stood when the placement began
 * (what was known the day before: `indexDayFor`), beside how the placement ended; then per grade
 * how many placements, how many broke down, the rate with its 95 % interval, and whether the
 * numbers are too few to mean anything. Pure: the placements, the evidence and the settings come in.
 */
import type { IsoDate } from './dates';
import { indexDayFor, qualityIndex, type QualityEvidence } from './quality-index';
import { grades, type Grade, type QualitySettings } from './quality-settings';
import type { EndReason } from './vocabulary';

export interface AccuracyPlacement {
  id: string;
  /** The home of the first stay. */
  homeId: string;
  startedOn: IsoDate;
  endedOn: IsoDate;
  endReason: EndReason | null;
}

export interface AccuracyCase {
  placementId: string;
  homeId: string;
  startedOn: IsoDate;
  endedOn: IsoDate;
  endReason: EndReason | null;
  /** The index on `indexDayFor(startedOn)`. */
  score: number | null;
  grade: Grade | null;
  breakdown: boolean;
}

export interface AccuracyRow {
  /** null: placements whose home had too little evidence for a number. */
  grade: Grade | null;
  placements: number;
  breakdowns: number;
  /** Breakdowns / placements; null with no placements. */
  rate: number | null;
  /** Wilson 95 % interval of the rate. */
  low: number | null;
  high: number | null;
  /** Fewer placements than `MEANINGFUL_PLACEMENTS`: the rate says little. */
  tooFew: boolean;
}

/** Fewer placements than this in a grade are too few to compare (the interval is wider than ±20 points). */
export const MEANINGFUL_PLACEMENTS = 20;

/** Each ended placement with the index its home had when it began. */
export function accuracyCases(placements: readonly AccuracyPlacement[], evidenceOf: (homeId: string) => QualityEvidence | undefined, settings: QualitySettings): AccuracyCase[] {
  const cases: AccuracyCase[] = [];
  for (const placement of placements) {
    const evidence = evidenceOf(placement.homeId);
    if (evidence === undefined) continue;
    const index = qualityIndex(evidence, settings, indexDayFor(placement.startedOn), { explain: false });
    cases.push({
      placementId: placement.id,
      homeId: placement.homeId,
      startedOn: placement.startedOn,
      endedOn: placement.endedOn,
      endReason: placement.endReason,
      score: index.score,
      grade: index.grade,
      breakdown: placement.endReason === 'sammanbrott',
    });
  }
  return cases;
}

/** One row per grade A–E, then one for no number, and the total last. */
export function accuracyTable(cases: readonly AccuracyCase[]): { rows: AccuracyRow[]; total: AccuracyRow } {
  const counts = new Map<Grade | null, { placements: number; breakdowns: number }>([...grades, null].map((g) => [g, { placements: 0, breakdowns: 0 }]));
  for (const c of cases) {
    const count = counts.get(c.grade)!;
    count.placements += 1;
    if (c.breakdown) count.breakdowns += 1;
  }
  const rows = [...counts].map(([grade, { placements, breakdowns }]) => row(grade, placements, breakdowns));
  const all = rows.reduce((s, r) => ({ placements: s.placements + r.placements, breakdowns: s.breakdowns + r.breakdowns }), { placements: 0, breakdowns: 0 });
  return { rows, total: row(null, all.placements, all.breakdowns) };
}

function row(grade: Grade | null, placements: number, breakdowns: number): AccuracyRow {
  const interval = wilson(breakdowns, placements);
  return { grade, placements, breakdowns, rate: placements === 0 ? null : breakdowns / placements, low: interval?.low ?? null, high: interval?.high ?? null, tooFew: placements < MEANINGFUL_PLACEMENTS };
}

/** The Wilson score interval (95 %) of k successes in n: honest at small n and near 0 or 1. */
export function wilson(k: number, n: number): { low: number; high: number } | null {
  if (n === 0) return null;
  const z = 1.959964;
  const p = k / n;
  const denominator = 1 + (z * z) / n;
  const centre = (p + (z * z) / (2 * n)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / denominator;
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}
