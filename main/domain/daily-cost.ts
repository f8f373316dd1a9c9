/**
 * Dygnskostnad: what a placement costs the municipality a day (dygn), in whole kronor. Optional:
 * many registers do not know it. One bound and one message for the form, the contract, the
 * import and the database's CHECK (migration 15), so none accepts what another refuses.
 */

/** The highest daily cost taken: far above any real placement, low enough to catch a typo of extra zeros. */
export const DAILY_COST_MAX = 1_000_000;

/** What the window says when a daily cost is not whole kronor within the bounds. */
export const DAILY_COST_MESSAGE = 'Ange hela kronor, 0–1 000 000.';

export function isDailyCost(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= 0 && (value as number) <= DAILY_COST_MAX;
}

/** Whole kronor with Swedish thousands separators: a non-breaking space, so "1 850" never wraps. */
export function formatKronor(kronor: number): string {
  return String(kronor).replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
}

/** "1 850 kr/dygn" (non-breaking spaces throughout), as the placement's page and reports show it. */
export function formatDailyCost(kronor: number): string {
  return `${formatKronor(kronor)}\u00a0kr/dygn`;
}
