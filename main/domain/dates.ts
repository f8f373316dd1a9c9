/**
 * Legal dates are plain calendar dates `YYYY-MM-DD` (rules.md, Dates): no time of day, no time
 * zone, no clock. Arithmetic is done on integer day numbers (days since 1970-01-01) with Howard
 * Hinnant's days-from-civil algorithm, so a local-time `Date` can never shift a date.
 */
export type IsoDate = string;

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** `YYYY-MM-DD` that is a real calendar date, else null. */
export function parseIsoDate(value: string): CalendarDate | null {
  // Digits read by hand: the deadline engine parses hundreds of thousands of dates per run.
  if (value.length !== 10 || !ISO_DATE.test(value)) return null;
  const year = Number(value.slice(0, 4));
  const month = (value.charCodeAt(5) - 48) * 10 + (value.charCodeAt(6) - 48);
  const day = (value.charCodeAt(8) - 48) * 10 + (value.charCodeAt(9) - 48);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

export function isIsoDate(value: string): boolean {
  return parseIsoDate(value) !== null;
}

export function formatIsoDate({ year, month, day }: CalendarDate): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function parseOrThrow(date: IsoDate): CalendarDate {
  const parsed = parseIsoDate(date);
  if (!parsed) throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${JSON.stringify(date)}`);
  return parsed;
}

/** Days since 1970-01-01 (days_from_civil). */
export function toDayNumber(date: IsoDate): number {
  const { year, month, day } = parseOrThrow(date);
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/**
 * `toDayNumber` of a date already known to be valid (read from the register), without checking it
 * again: the quality index turns a city's dates into days many times over.
 */
export function storedDayNumber(date: IsoDate): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000;
}

/** Inverse of toDayNumber (civil_from_days). */
export function fromDayNumber(dayNumber: number): IsoDate {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return formatIsoDate({ year, month, day });
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** Calendar months; a day missing in the target month clamps to its last day (2025-08-31 + 6 = 2026-02-28). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const { year, month, day } = parseOrThrow(date);
  const monthIndex = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(monthIndex / 12);
  const targetMonth = monthIndex - targetYear * 12 + 1;
  return formatIsoDate({
    year: targetYear,
    month: targetMonth,
    day: Math.min(day, daysInMonth(targetYear, targetMonth)),
  });
}

/** <0, 0, >0 like a comparator; the fixed format makes string order calendar order. */
export function compareDates(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** `to` − `from` in days. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

/** The date someone born on `birthDate` turns `years` old. */
export function birthday(birthDate: IsoDate, years: number): IsoDate {
  // Same month clamping as the rules: a 29 February child turns a year older on 28 February in common years.
  return addMonths(birthDate, 12 * years);
}

/** Completed years on `on`; 0 before the first birthday (and before birth). */
export function ageOn(birthDate: IsoDate, on: IsoDate): number {
  const birth = parseOrThrow(birthDate);
  const day = parseOrThrow(on);
  let years = Math.max(0, day.year - birth.year);
  if (years > 0 && compareDates(birthday(birthDate, years), on) > 0) years -= 1;
  return years;
}

/** "Under 18 on D" means D is before the 18th birthday. */
export function isUnder(birthDate: IsoDate, years: number, on: IsoDate): boolean {
  return compareDates(on, birthday(birthDate, years)) < 0;
}

/**
 * The dates the register takes from a person or a file (issue 17): a placement, a check or a birth
 * in year 0000 or 9999 is a typing or export error, not a fact. The calendar functions above work
 * on any year; the borders (exchange file, the window's contract, the command line) refuse dates
 * outside this range.
 */
export const DATE_MIN: IsoDate = '1900-01-01';
export const DATE_MAX: IsoDate = '2199-12-31';

/** A real calendar date within `DATE_MIN`–`DATE_MAX`. */
export function isDateInRange(value: string): boolean {
  return isIsoDate(value) && value >= DATE_MIN && value <= DATE_MAX;
}

/** "1900-01-01–2199-12-31", as the messages say it. */
export const dateRangeText = `${DATE_MIN}–${DATE_MAX}`;
