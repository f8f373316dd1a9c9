/**
 * The words and figures of a home's history that are worked out in the window: how long a stay
 * lasted, how it ended, and where an assessment's dot goes in its small chart.
 */
import type { HistoryAssessmentPoint, HistoryPlacement } from '../../../preload/api';
import { endReasonLabels } from '../labels';

const parse = (date: string) => date.split('-').map(Number) as [number, number, number];
const utcDay = ([y, m, d]: [number, number, number]) => Date.UTC(y, m - 1, d) / 86_400_000;

/** `date` moved by whole calendar months, a day past the month's end clamped to its last day. */
function addMonths([y, m, d]: [number, number, number], months: number): [number, number, number] {
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return [year, month, Math.min(d, last)];
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * How long a stay lasted, from its first day to `end` (its end, or the day asked about while it
 * goes on), in the words a case worker would use: "2 år 3 månader", "5 månader 12 dagar",
 * "17 dagar". Years leave out the days: a few days do not matter beside them.
 */
export function stayLength(from: string, end: string): string {
  const start = parse(from);
  const stop = parse(end);
  if (utcDay(stop) <= utcDay(start)) return '0 dagar';
  let months = (stop[0] - start[0]) * 12 + (stop[1] - start[1]);
  if (utcDay(addMonths(start, months)) > utcDay(stop)) months -= 1;
  const days = utcDay(stop) - utcDay(addMonths(start, months));
  const years = Math.floor(months / 12);
  const restMonths = months % 12;
  if (years > 0) return [plural(years, 'år', 'år'), restMonths > 0 && plural(restMonths, 'månad', 'månader')].filter(Boolean).join(' ');
  if (months > 0) return [plural(months, 'månad', 'månader'), days > 0 && plural(days, 'dag', 'dagar')].filter(Boolean).join(' ');
  return plural(days, 'dag', 'dagar');
}

/** How the stay ended, in words: its end reason, a move to another home, or that it goes on. */
export function stayEnding(stay: Pick<HistoryPlacement, 'to' | 'endReason' | 'movedOn' | 'breakdown'>): string {
  if (stay.endReason) return endReasonLabels[stay.endReason];
  if (stay.movedOn) return stay.breakdown ? 'Sammanbrott, omplacerad' : 'Omplacerad till annat hem';
  if (stay.breakdown) return endReasonLabels.sammanbrott;
  return stay.to === null ? 'Pågår' : 'Avslutad';
}

/** The lowest and highest score of an assessment. */
export const SCORE_MIN = 1;
export const SCORE_MAX = 5;

export interface Dot {
  x: number;
  y: number;
  point: HistoryAssessmentPoint;
}

/**
 * Where each assessment goes in a chart `width` × `height` (inside `pad` on every side): across
 * by its date between `range.from` and `range.to` (the same for every dimension, so the charts
 * line up), up by its score, 5 at the top. A range of one day puts the dots in the middle.
 */
export function sparklineDots(
  points: readonly HistoryAssessmentPoint[],
  range: { from: string; to: string },
  size: { width: number; height: number; pad: number },
): Dot[] {
  const first = utcDay(parse(range.from));
  const span = utcDay(parse(range.to)) - first;
  const innerWidth = size.width - 2 * size.pad;
  const innerHeight = size.height - 2 * size.pad;
  return points.map((point) => {
    const across = span <= 0 ? 0.5 : (utcDay(parse(point.assessedOn)) - first) / span;
    const score = Math.min(SCORE_MAX, Math.max(SCORE_MIN, point.score));
    const up = (score - SCORE_MIN) / (SCORE_MAX - SCORE_MIN);
    return { x: round(size.pad + across * innerWidth), y: round(size.pad + (1 - up) * innerHeight), point };
  });
}

const round = (n: number) => Math.round(n * 10) / 10;

/** The earliest and latest date among all the points (null when there are none). */
export function dateRange(series: readonly (readonly HistoryAssessmentPoint[])[]): { from: string; to: string } | null {
  const dates = series.flatMap((points) => points.map((p) => p.assessedOn)).sort();
  const from = dates[0];
  const to = dates[dates.length - 1];
  return from !== undefined && to !== undefined ? { from, to } : null;
}

/** A mean of scores with one decimal and a decimal comma, as Swedish writes it: "3,7". */
export function meanText(points: readonly HistoryAssessmentPoint[]): string {
  const mean = points.reduce((sum, p) => sum + p.score, 0) / points.length;
  return (Math.round(mean * 10) / 10).toLocaleString('sv-SE', { maximumFractionDigits: 1 });
}
