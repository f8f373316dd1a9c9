/**
 * The key figures of the nämndrapport's compliance as cards say them: the share (or why there is
 * none, in the PDF's words), the year before, and the change in procentenheter with its direction
 * in words as well as colour (for jourhem, a lower share is the better).
 */
import { boardShareText, complianceNames, rateText, SUPPRESSED_TEXT, type ComplianceIndicator, type RateFigure, type ShareFigure } from '../../../preload/api';

export type Direction = 'better' | 'worse' | 'same';

export interface Change {
  /** "▲ 7 procentenheter", "▼ 0,4 per barn och år", "Oförändrat". */
  text: string;
  /** "bättre", "sämre", or '' when unchanged. */
  judgement: string;
  direction: Direction;
}

/** A share as the card shows it: "92 %", "färre än 5", or "inget att räkna". */
export function shareFigureText(figure: ShareFigure): string {
  if (!figure.counted) return 'inget att räkna';
  if (figure.share === null) return SUPPRESSED_TEXT;
  return boardShareText(figure.share);
}

function changeOf(difference: number, higherIsBetter: boolean, amount: string): Change {
  if (difference === 0) return { text: 'Oförändrat', judgement: '', direction: 'same' };
  const better = difference > 0 === higherIsBetter;
  return { text: `${difference > 0 ? '▲' : '▼'} ${amount}`, judgement: better ? 'bättre' : 'sämre', direction: better ? 'better' : 'worse' };
}

/** The change in whole procentenheter, as the summary counts it; null where either year has no share to show. */
export function shareChange(id: ComplianceIndicator, now: ShareFigure, then: ShareFigure): Change | null {
  if (now.share === null || then.share === null) return null;
  const points = Math.round(now.share * 100) - Math.round(then.share * 100);
  return changeOf(points, complianceNames[id].higherIsBetter, `${Math.abs(points)} ${Math.abs(points) === 1 ? 'procentenhet' : 'procentenheter'}`);
}

/** Barnsamtal per barn och år: more is better. */
export function rateChange(now: RateFigure, then: RateFigure): Change | null {
  if (now.rate === null || then.rate === null) return null;
  const difference = Math.round(now.rate * 10) - Math.round(then.rate * 10);
  return changeOf(difference, true, `${rateText(Math.abs(difference) / 10)} per barn och år`);
}

/** The rate as the card shows it: "3,6", or "färre än 5" with too few children. */
export const rateFigureText = (figure: RateFigure): string => (figure.rate === null ? (figure.counted ? SUPPRESSED_TEXT : 'inget att räkna') : rateText(figure.rate));
