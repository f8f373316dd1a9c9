/**
 * The nämndrapport's figures in words, the same on the screen, in the PDF and in the spreadsheet:
 * Swedish digit groups, percent, kronor, and "färre än 5" where a figure may not be shown.
 */
import { percentText } from './accuracy-chart';
import { HIDDEN_TEXT, isShown, SUPPRESSED_TEXT, type Shown } from './small-numbers';

const whole = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat('sv-SE', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** What a hidden number says: "färre än 5" for a small one, "dold" for one hidden to protect it. */
const hiddenText = (n: Exclude<Shown, number>): string => (n === null ? SUPPRESSED_TEXT : HIDDEN_TEXT);

/** A count that may be suppressed: "1 234", "färre än 5" or "dold". */
export const countText = (n: Shown): string => (isShown(n) ? whole.format(n) : hiddenText(n));

/** A share that may be suppressed or have nothing to count: "92 %", or "–". */
export const boardShareText = (share: number | null): string => (share === null ? '–' : `${percentText(share)} %`);

/** Kronor: "1 234 567 kr". */
export const kronorText = (n: Shown): string => (isShown(n) ? `${whole.format(n)} kr` : hiddenText(n));

/** A rate per child and year: "3,6". */
export const rateText = (rate: number | null): string => (rate === null ? '–' : oneDecimal.format(rate));

/** A number of days, or "–" where too few to show. */
export const daysText = (days: number | null): string => (days === null ? '–' : `${whole.format(days)} dagar`);
