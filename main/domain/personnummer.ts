import { formatIsoDate, parseIsoDate, type IsoDate } from './dates';
import { hasValidLuhn } from './luhn';

export type PersonnummerResult =
  | { ok: true; value: string; birthDate: IsoDate; coordinationNumber: boolean }
  | { ok: false; message: string };

// YYYYMMDD-NNNN, YYYYMMDDNNNN, YYMMDD-NNNN, YYMMDD+NNNN (and YYMMDDNNNN).
const PERSONNUMMER = /^(\d{2})?(\d{2})(\d{2})(\d{2})([-+]?)(\d{4})$/;

// A samordningsnummer is a personnummer with 60 added to the day of birth.
const COORDINATION_OFFSET = 60;

/**
 * Personnummer or samordningsnummer, normalized to `YYYYMMDD-NNNN` (the day stays as written, +60
 * for a samordningsnummer). The domain has no clock, so the century of a 10-digit number cannot be
 * guessed from today's date: it comes from `birthDate`, and without one the 12-digit form is required.
 */
export function validatePersonnummer(input: string, birthDate?: IsoDate): PersonnummerResult {
  const match = PERSONNUMMER.exec(input.trim());
  if (!match) {
    return { ok: false, message: 'Personnumret ska ha 12 eller 10 siffror, med eller utan bindestreck: ÅÅÅÅMMDD-NNNN eller ÅÅMMDD-NNNN.' };
  }
  const [, centuryDigits, yy = '', mm = '', dd = '', separator = '', serial = ''] = match;
  if (centuryDigits && separator === '+') {
    // "+" marks a 10-digit number of someone aged 100 or more; with the century written out it means nothing.
    return { ok: false, message: 'Plustecken används bara i formen ÅÅMMDD+NNNN.' };
  }

  const given = birthDate === undefined ? undefined : parseIsoDate(birthDate);
  if (given === null) {
    return { ok: false, message: `Födelsedatumet ${birthDate} är inte ett giltigt datum (ÅÅÅÅ-MM-DD).` };
  }

  let century: string;
  if (centuryDigits) century = centuryDigits;
  else if (given) century = String(given.year).padStart(4, '0').slice(0, 2);
  else return { ok: false, message: 'Ange personnumret med århundrade (ÅÅÅÅMMDD-NNNN).' };

  const dayAsWritten = Number(dd);
  const coordinationNumber = dayAsWritten > COORDINATION_OFFSET;
  const birth = parseIsoDate(
    `${century}${yy}-${mm}-${String(coordinationNumber ? dayAsWritten - COORDINATION_OFFSET : dayAsWritten).padStart(2, '0')}`,
  );
  if (!birth) {
    return {
      ok: false,
      message: coordinationNumber
        ? 'Samordningsnumret innehåller inget giltigt födelsedatum (dag + 60).'
        : 'Personnumret innehåller inget giltigt födelsedatum.',
    };
  }
  if (!hasValidLuhn(`${yy}${mm}${dd}${serial}`)) {
    return { ok: false, message: 'Personnumrets kontrollsiffra stämmer inte.' };
  }

  const derived = formatIsoDate(birth);
  if (given && derived !== formatIsoDate(given)) {
    return { ok: false, message: `Personnumret stämmer inte med födelsedatumet ${formatIsoDate(given)}.` };
  }
  return { ok: true, value: `${century}${yy}${mm}${dd}-${serial}`, birthDate: derived, coordinationNumber };
}

// A search word that is (part of) a personnummer or a birth date: at least the six digits of
// ÅÅMMDD, at most the twelve of ÅÅÅÅMMDDNNNN, with or without its hyphen (or plus).
const IDENTITY_WORD = /^\d[\d+-]{4,14}\d$/;

/**
 * Whether a word of a search finds this personnummer (stored `ÅÅÅÅMMDD-NNNN`) or birth date
 * (`ÅÅÅÅ-MM-DD`): "20120304-2385", "201203042385", "120304-2385", "1203042385", "20120304" and
 * "2012-03-04" all find 20120304-2385. Digits are compared without separators, so the 10-digit
 * and 12-digit forms find the same number. The caller decides whose numbers may be searched
 * (never a protected identity's).
 */
export function identityMatches(word: string, personnummer: string | null, birthDate: string | null): boolean {
  if (!IDENTITY_WORD.test(word)) return false;
  const digits = word.replace(/[-+]/g, '');
  if (digits.length < 6 || digits.length > 12) return false;
  return [personnummer, birthDate].some((stored) => stored !== null && stored.replace(/\D/g, '').includes(digits));
}
