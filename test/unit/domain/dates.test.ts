import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  ageOn,
  compareDates,
  daysBetween,
  fromDayNumber,
  isIsoDate,
  isUnder,
  parseIsoDate,
  storedDayNumber,
  toDayNumber,
} from '../../../main/domain/dates';

describe('isIsoDate: legal dates are YYYY-MM-DD calendar dates (rules.md, Dates)', () => {
  it.each(['2025-01-01', '2024-02-29', '2000-02-29', '2025-12-31', '2025-04-30'])('accepts %s', (value) => {
    expect(isIsoDate(value)).toBe(true);
  });
  it.each(['2025-02-30', '2025-02-29', '1900-02-29', '2025-04-31', '2025-13-01', '2025-00-10', '2025-01-00',
    '2025-2-3', '20250203', '2025-02-03T00:00', ' 2025-02-03', ''])('rejects %j', (value) => {
    expect(isIsoDate(value)).toBe(false);
  });
  it('parseIsoDate returns the parts, or null', () => {
    expect(parseIsoDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
    expect(parseIsoDate('2025-02-29')).toBeNull();
  });
});

describe('addMonths: calendar months with month-end clamping (rules.md, Dates)', () => {
  it.each([
    ['2025-08-31', 6, '2026-02-28'], // the rules' example
    ['2024-02-29', 12, '2025-02-28'], // the rules' example
    ['2023-08-31', 6, '2024-02-29'], // clamps to a leap day
    ['2025-01-31', 1, '2025-02-28'],
    ['2025-01-31', 3, '2025-04-30'],
    ['2025-01-15', 1, '2025-02-15'],
    ['2025-11-30', 2, '2026-01-30'], // across a year boundary
    ['2025-12-31', 1, '2026-01-31'],
    ['2025-07-20', 6, '2026-01-20'],
    ['2025-05-05', 0, '2025-05-05'],
    ['2025-03-31', -1, '2025-02-28'], // "− N months" clamps the same way
    ['2025-01-15', -1, '2024-12-15'],
    ['2024-03-31', -13, '2023-02-28'],
    ['2026-02-28', -6, '2025-08-28'], // not the inverse of +6 from the 31st: clamping loses the day
  ])('%s %+d months = %s', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });
  it('refuses a date that is not YYYY-MM-DD', () => {
    expect(() => addMonths('2025-02-30', 1)).toThrow(RangeError);
  });
});

describe('addDays: days across month, year and leap days (rules.md, Dates)', () => {
  it.each([
    ['2025-01-31', 1, '2025-02-01'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2025-02-28', 1, '2025-03-01'],
    ['2024-12-31', 1, '2025-01-01'],
    ['2025-01-01', -1, '2024-12-31'],
    ['2024-03-01', -1, '2024-02-29'],
    ['2025-03-01', -1, '2025-02-28'],
    ['2025-01-01', 365, '2026-01-01'],
    ['2024-01-01', 366, '2025-01-01'],
    ['2000-02-28', 1, '2000-02-29'], // 2000 is a leap year (divisible by 400)
    ['2100-02-28', 1, '2100-03-01'], // 2100 is not
    ['1969-12-31', 1, '1970-01-01'],
    ['2025-06-15', 0, '2025-06-15'],
  ])('%s %+d days = %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });
  it('agrees with UTC calendar arithmetic day by day over four centuries', () => {
    const mismatches: string[] = [];
    let date = '1900-01-01';
    for (let utc = Date.UTC(1900, 0, 1); utc < Date.UTC(2300, 0, 1); utc += 86_400_000) {
      const expected = new Date(utc).toISOString().slice(0, 10);
      if (date !== expected || daysBetween('1970-01-01', date) !== utc / 86_400_000) mismatches.push(date);
      date = addDays(date, 1);
    }
    expect(mismatches).toEqual([]);
  });
});

describe('compareDates and daysBetween: calendar order and distance', () => {
  it('orders dates', () => {
    expect(compareDates('2025-01-02', '2025-01-10')).toBeLessThan(0);
    expect(compareDates('2025-01-10', '2025-01-02')).toBeGreaterThan(0);
    expect(compareDates('2025-01-10', '2025-01-10')).toBe(0);
    expect(compareDates('2024-12-31', '2025-01-01')).toBeLessThan(0);
  });
  it.each([
    ['2025-01-01', '2025-01-01', 0],
    ['2025-01-01', '2025-01-31', 30],
    ['2025-01-31', '2025-01-01', -30],
    ['2024-02-28', '2024-03-01', 2],
    ['2025-02-28', '2025-03-01', 1],
    ['2024-12-31', '2025-01-01', 1],
    ['2024-01-01', '2025-01-01', 366],
  ])('from %s to %s is %d days', (from, to, expected) => {
    expect(daysBetween(from, to)).toBe(expected);
  });
});

describe('ageOn and isUnder: a birthday is birthDate + 12·N months, so 29 February turns older on 28 February', () => {
  it('counts completed years; the birthday itself counts', () => {
    expect(ageOn('2012-03-04', '2030-03-03')).toBe(17);
    expect(ageOn('2012-03-04', '2030-03-04')).toBe(18);
    expect(ageOn('2012-03-04', '2012-03-04')).toBe(0);
    expect(ageOn('2012-03-04', '2013-03-03')).toBe(0);
    expect(ageOn('2012-12-31', '2013-01-01')).toBe(0);
    expect(ageOn('2012-12-31', '2030-12-31')).toBe(18);
  });
  it('a 29 February child turns a year older on 28 February in common years', () => {
    expect(ageOn('2008-02-29', '2026-02-27')).toBe(17);
    expect(ageOn('2008-02-29', '2026-02-28')).toBe(18);
    expect(ageOn('2008-02-29', '2028-02-28')).toBe(19); // leap year: still 19 the day before…
    expect(ageOn('2008-02-29', '2028-02-29')).toBe(20); // …and 20 on 29 February
  });
  it('under 18 on D means D is before the 18th birthday', () => {
    expect(isUnder('2012-03-04', 18, '2030-03-03')).toBe(true);
    expect(isUnder('2012-03-04', 18, '2030-03-04')).toBe(false);
    expect(isUnder('2008-02-29', 18, '2026-02-27')).toBe(true);
    expect(isUnder('2008-02-29', 18, '2026-02-28')).toBe(false);
  });
  it('under 21 on D means D is before the 21st birthday', () => {
    expect(isUnder('2005-08-31', 21, '2026-08-30')).toBe(true);
    expect(isUnder('2005-08-31', 21, '2026-08-31')).toBe(false);
    expect(isUnder('2004-02-29', 21, '2025-02-27')).toBe(true);
    expect(isUnder('2004-02-29', 21, '2025-02-28')).toBe(false);
  });
});

describe('storedDayNumber', () => {
  it('is toDayNumber for every day from 1900 to 2100 (leap days and month ends included)', () => {
    for (let day = toDayNumber('1900-01-01'); day <= toDayNumber('2100-12-31'); day++) {
      const date = fromDayNumber(day);
      if (storedDayNumber(date) !== day) expect(`${date} → ${storedDayNumber(date)}`).toBe(`${date} → ${day}`);
    }
    expect(storedDayNumber('2024-02-29')).toBe(toDayNumber('2024-02-29'));
  });
});
