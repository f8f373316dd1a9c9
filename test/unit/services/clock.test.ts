import { describe, expect, it } from 'vitest';
import { clockFrom } from '../../../main/services/clock';

describe('clockFrom: the one source of "now" for main', () => {
  it('now is the instant as an ISO timestamp in UTC', () => {
    expect(clockFrom(() => new Date(Date.UTC(2026, 10, 22, 9, 15))).now()).toBe('2026-11-22T09:15:00.000Z');
  });

  it('today is the local calendar date, never the UTC one (00:30 in Sweden is yesterday in UTC)', () => {
    expect(clockFrom(() => new Date(2026, 10, 22, 0, 30)).today()).toBe('2026-11-22');
    expect(clockFrom(() => new Date(2026, 0, 1, 23, 59)).today()).toBe('2026-01-01');
  });

  it('reads its source on every call, so a running clock moves on', () => {
    let instant = new Date(2028, 1, 28, 23, 59);
    const clock = clockFrom(() => instant);
    expect(clock.today()).toBe('2028-02-28');
    instant = new Date(2028, 1, 29, 0, 1);
    expect(clock.today()).toBe('2028-02-29');
  });
});
