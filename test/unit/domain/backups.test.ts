/**
 * When the next automatic copy is due (issue 17, "automatic, daily"): at once when there is none,
 * a day after the newest, and never postponed by a copy stamped in the future by a wrong clock.
 */
import { describe, expect, it } from 'vitest';
import { nextAutomaticBackupAt } from '../../../main/domain/backups';

describe('nextAutomaticBackupAt: one automatic copy a day', () => {
  const now = '2026-12-06T08:00:00.000Z';

  it('is due at once when there is no automatic copy yet', () => {
    expect(nextAutomaticBackupAt(null, now)).toBe(now);
  });

  it('is due 24 hours after the newest automatic copy, to the millisecond', () => {
    expect(nextAutomaticBackupAt('2026-12-06T03:00:00.000Z', now)).toBe('2026-12-07T03:00:00.000Z');
    expect(nextAutomaticBackupAt('2026-12-05T08:00:00.000Z', now)).toBe(now);
  });

  it('counts hours, not calendar days: across the end of daylight saving time, a month end and a leap day', () => {
    expect(nextAutomaticBackupAt('2026-10-24T23:30:00.000Z', '2026-10-25T00:00:00.000Z')).toBe('2026-10-25T23:30:00.000Z');
    expect(nextAutomaticBackupAt('2026-01-31T22:00:00.000Z', '2026-02-01T00:00:00.000Z')).toBe('2026-02-01T22:00:00.000Z');
    expect(nextAutomaticBackupAt('2028-02-28T12:00:00.000Z', '2028-02-28T13:00:00.000Z')).toBe('2028-02-29T12:00:00.000Z');
  });

  it('a copy stamped after now (a clock that was wrong) does not postpone the next one', () => {
    expect(nextAutomaticBackupAt('2027-06-01T00:00:00.000Z', now)).toBe(now);
  });
});
