/**
 * The user's local calendar date as YYYY-MM-DD. Built from the local date parts: toISOString is
 * UTC and would give yesterday's date in Sweden before 01:00/02:00.
 */
export function localToday(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The local calendar day of an ISO timestamp (timestamps are UTC; the user lives in local time). */
export function dayOf(timestamp: string): string {
  const parsed = new Date(timestamp);
  return Number.isNaN(parsed.getTime()) ? timestamp.slice(0, 10) : localToday(parsed);
}

/** The local time of day of an ISO timestamp, hh:mm. */
export function timeOf(timestamp: string): string {
  const parsed = new Date(timestamp);
  return Number.isNaN(parsed.getTime()) ? '' : parsed.toLocaleTimeString('sv-SE', { hour: '2-digit', minute: '2-digit' });
}

/** Days from `from` to `to` (both YYYY-MM-DD): calendar arithmetic in UTC, so no summer-time hour counts. */
export function daysBetween(from: string, to: string): number {
  const utc = (date: string) => {
    const [y, m, d] = date.split('-').map(Number) as [number, number, number];
    return Date.UTC(y, m - 1, d);
  };
  return Math.round((utc(to) - utc(from)) / 86_400_000);
}

/** When a date falls, said from `today`: "i dag", "om 12 dagar", "5 dagar sedan". */
export function relativeDays(date: string, today: string): string {
  const days = daysBetween(today, date);
  if (days === 0) return 'i dag';
  if (days === 1) return 'i morgon';
  if (days === -1) return 'i går';
  return days > 0 ? `om ${days} dagar` : `${-days} dagar sedan`;
}

/** A date in words for headings ("22 november 2026"); display only, never for computing. */
export function longDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat('sv-SE', { day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(y, m - 1, d));
}
