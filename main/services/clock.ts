import type { IsoDate } from '../domain/dates';

/**
 * "Now" for main. Services learn the time only from the clock they are given, so every test (and
 * the browser host under test) can fix the day; the machine's clock is read once, at the process's
 * edge (main/app, main/host, main/cli), which wraps the system time with `clockFrom`.
 */
export interface Clock {
  /** This instant as an ISO 8601 timestamp in UTC: when something was recorded. */
  now(): string;
  /** The user's calendar date (local time, not UTC, which is yesterday in Sweden before 01:00): the day legal dates are judged on. */
  today(): IsoDate;
}

/** A clock over a source of instants. */
export function clockFrom(read: () => Date): Clock {
  return {
    now: () => read().toISOString(),
    today: () => localDate(read()),
  };
}

function localDate(instant: Date): IsoDate {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${instant.getFullYear()}-${pad(instant.getMonth() + 1)}-${pad(instant.getDate())}`;
}
