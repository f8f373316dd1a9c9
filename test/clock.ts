/**
 * Clocks for tests: main reads "now" only from the clock it is given, so a test decides the day
 * and never depends on when it runs.
 */
import { clockFrom, type Clock } from '../main/services';

/** The world's instant in tests: 10:00 in Sweden on 2026-11-22 (the day the fixtures are written for). */
export const TEST_NOW = '2026-11-22T09:00:00.000Z';

export interface TestClock extends Clock {
  /** Moves the clock to another instant (ISO 8601). */
  set(instant: string): void;
}

/** A clock standing still on `instant` until the test moves it. */
export function testClock(instant: string = TEST_NOW): TestClock {
  let current = new Date(instant);
  return {
    ...clockFrom(() => current),
    set(next) {
      current = new Date(next);
    },
  };
}

/**
 * A clock on the day `date` from 10:00 local time, a second later at every reading, whatever the
 * machine's date and speed: for the browser host beside a page whose clock is fixed on the same
 * day. Records get distinct, ordered times, and the same test shows the same times every run.
 */
export function clockOnDay(date: string): Clock {
  const start = new Date(`${date}T10:00:00`).getTime();
  let readings = 0;
  return clockFrom(() => new Date(start + 1000 * readings++));
}
