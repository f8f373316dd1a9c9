/**
 * The words the quality index is shown with (QualityBadge, QualityPanel): kept apart from the
 * components so the sentences can be tested without a window.
 */
import { confidenceNames } from '../../../preload/api';
import type { Confidence, QualityComponentView, QualityEvidenceItem, QualitySummary } from '../../../preload/api';

/** "medel säkerhet": how sure the index is, in the words the badge uses. */
export const confidenceText = (confidence: Confidence): string => `${confidenceNames[confidence]} säkerhet`;

/** "63 C · medel säkerhet", or "Inget index" when there is no number. */
export function summaryText(summary: QualitySummary): string {
  if (summary.score === null || summary.grade === null) return 'Inget index';
  return `${summary.score} ${summary.grade} · ${confidenceText(summary.confidence)}`;
}

export type Trend = { direction: 'up' | 'down' | 'same'; text: string } | { direction: 'none'; text: string };

/**
 * Today's score beside the score a year before: "upp 5 sedan 2025-11-22", "ned 3 sedan …",
 * "oförändrat sedan …"; without a number then, "inget index för ett år sedan (2025-11-22)"; with one
 * then and none now, what it was.
 */
export function trendText(now: QualitySummary, before: QualitySummary & { on: string }): Trend {
  if (before.score === null || before.grade === null) return { direction: 'none', text: `Inget index för ett år sedan (${before.on}).` };
  if (now.score === null) return { direction: 'none', text: `För ett år sedan (${before.on}): ${before.score} ${before.grade}.` };
  const change = now.score - before.score;
  if (change === 0) return { direction: 'same', text: `Oförändrat sedan ${before.on} (${before.score} ${before.grade}).` };
  return {
    direction: change > 0 ? 'up' : 'down',
    text: `${change > 0 ? 'Upp' : 'Ned'} ${Math.abs(change)} sedan ${before.on} (då ${before.score} ${before.grade}).`,
  };
}

/** What an evidence item weighs after its age: "väger 84 %", or why it does not count. */
export function itemWeightText(item: QualityEvidenceItem): string {
  if (item.notCounted !== null) return `räknas inte: ${item.notCounted}`;
  return `väger ${Math.round(item.decay * 100)} %`;
}

/** The first sentence of a text (the panel's short "för lite underlag"; which kinds lack is on the history page). */
export function firstSentence(text: string): string {
  const end = text.indexOf('. ');
  return end === -1 ? text : text.slice(0, end + 1);
}

/** A dimension's share of the whole: "20 %". */
export const weightPercent = (weight: number): string => `${Math.round(weight * 100)} %`;

/** "1 underlag", "3 underlag", "inget underlag": the counted evidence of a dimension. */
export const evidenceCount = (count: number): string => (count === 0 ? 'inget underlag' : `${count} underlag`);

/** The footer of every score shown: the settings version it was computed with. */
export const settingsVersionText = (version: number): string =>
  version === 0 ? 'Beräknat med standardinställningarna.' : `Beräknat med inställningar version ${version}.`;

/**
 * A few words on what pulls the score down, for the home panel: the dimensions with the lowest
 * scores below `below`, lowest first ("Placeringarnas utfall 34").
 */
export function weakest(components: readonly QualityComponentView[], count = 2, below = 70): string[] {
  return components
    .filter((c) => c.score !== null && c.weight > 0 && c.score < below)
    .sort((a, b) => a.score! - b.score! || b.weight - a.weight)
    .slice(0, count)
    .map((c) => `${c.name} ${c.score}`);
}
