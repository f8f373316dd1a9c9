import { describe, expect, it } from 'vitest';
import { useTimeZone } from '../../time-zone';
import { deadlineRules, eventTypes, ruleIds } from '../../../preload/api';
import { ruleTitles, statusLabels } from '../../../main/domain/rule-texts';
import { deadlineStatusLabels, eventTypeLabels, ruleLabels } from '../../../renderer/src/labels';
import { daysBetween, localToday, relativeDays } from '../../../renderer/src/today';

describe('localToday: the user\'s calendar date, never the UTC one', () => {
  // In Sweden local midnight is the day before in UTC: a toISOString() would give the wrong day.
  useTimeZone('Europe/Stockholm');

  it('is built from the local date parts, also just after local midnight', () => {
    expect(localToday(new Date(2026, 10, 22, 0, 30))).toBe('2026-11-22');
    expect(localToday(new Date(2026, 0, 1, 23, 59))).toBe('2026-01-01');
  });
});

describe('daysBetween and relativeDays', () => {
  it('counts calendar days, across the change to summer time and a leap day', () => {
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
    expect(daysBetween('2026-11-22', '2026-11-10')).toBe(-12);
  });

  it('says when a date falls from today, in Swedish', () => {
    expect(relativeDays('2026-11-22', '2026-11-22')).toBe('i dag');
    expect(relativeDays('2026-11-23', '2026-11-22')).toBe('i morgon');
    expect(relativeDays('2026-11-21', '2026-11-22')).toBe('i går');
    expect(relativeDays('2026-12-04', '2026-11-22')).toBe('om 12 dagar');
    expect(relativeDays('2026-11-17', '2026-11-22')).toBe('5 dagar sedan');
  });
});

describe('the renderer\'s labels', () => {
  it('name every event type and rule', () => {
    for (const type of eventTypes) expect(eventTypeLabels[type]).toBeTruthy();
    for (const rule of ruleIds) expect(ruleLabels[rule]).toBeTruthy();
  });

  // The renderer may not import the domain, so the titles are written twice: this keeps them the same.
  it('call the deadline rules and statuses what the domain calls them', () => {
    for (const rule of deadlineRules) expect(ruleLabels[rule]).toBe(ruleTitles[rule]);
    expect(deadlineStatusLabels).toEqual(statusLabels);
  });
});
