import { describe, expect, it } from 'vitest';
import { referenceLuhn } from './reference-luhn';
import { identityMatches, validatePersonnummer } from '../../../main/domain/personnummer';

// Skatteverket's test number and fictional numbers; each is checked below, not trusted.
const PNR = '19121212-1212';
const CHILD = '20120304-2385'; // born 2012-03-04
const LEAP_CHILD = '20080229-2383'; // born 2008-02-29
const SAMORDNING = '19701063-2391'; // born 1970-10-03 (day 63 = 3 + 60)
const CHILD_SAMORDNING = '20120364-2382'; // born 2012-03-04

describe('fixtures are Luhn-valid (computed here)', () => {
  it.each([PNR, CHILD, LEAP_CHILD, SAMORDNING, CHILD_SAMORDNING])('%s', (pnr) => {
    expect(referenceLuhn(pnr.slice(2).replace('-', ''))).toBe(true);
  });
});

describe('validatePersonnummer: Swedish personnummer with Luhn check digit (exchange-and-cli.md)', () => {
  it('accepts YYYYMMDD-NNNN and derives the birth date', () => {
    expect(validatePersonnummer(PNR)).toEqual({
      ok: true, value: PNR, birthDate: '1912-12-12', coordinationNumber: false,
    });
  });

  it('accepts YYYYMMDDNNNN and normalizes to YYYYMMDD-NNNN', () => {
    expect(validatePersonnummer('201203042385')).toMatchObject({ ok: true, value: CHILD, birthDate: '2012-03-04' });
  });

  it('accepts a leap-day birth', () => {
    expect(validatePersonnummer(LEAP_CHILD)).toMatchObject({ ok: true, birthDate: '2008-02-29' });
  });

  it('accepts a 12-digit number that agrees with birthDate', () => {
    expect(validatePersonnummer(CHILD, '2012-03-04')).toMatchObject({ ok: true, value: CHILD });
  });

  it('rejects a wrong check digit', () => {
    expect(referenceLuhn('1203042384')).toBe(false);
    expect(validatePersonnummer('20120304-2384')).toEqual({ ok: false, message: 'Personnumrets kontrollsiffra stämmer inte.' });
  });

  it.each(['20250230-1234', '20121304-2385', '20120300-2385'])('rejects %s: not a calendar date', (input) => {
    expect(validatePersonnummer(input)).toEqual({ ok: false, message: 'Personnumret innehåller inget giltigt födelsedatum.' });
  });

  it('rejects 29 February in a common year even with a fitting check digit', () => {
    expect(referenceLuhn('0702292384')).toBe(true);
    expect(validatePersonnummer('20070229-2384')).toEqual({ ok: false, message: 'Personnumret innehåller inget giltigt födelsedatum.' });
  });

  it.each(['1212121212-', '191212121212-1', '19121212 1212', '1912-12-12-1212', 'ÅÅÅÅMMDD-NNNN', ''])(
    'rejects the form %j',
    (input) => {
      expect(validatePersonnummer(input)).toEqual({
        ok: false, message: 'Personnumret ska ha 12 eller 10 siffror, med eller utan bindestreck: ÅÅÅÅMMDD-NNNN eller ÅÅMMDD-NNNN.',
      });
    },
  );

  it('rejects "+" with the century written out', () => {
    expect(validatePersonnummer('19121212+1212').ok).toBe(false);
  });
});

describe('validatePersonnummer: the century of YYMMDD-NNNN comes from birthDate (the domain has no clock)', () => {
  it('asks for the century when there is no birthDate', () => {
    expect(validatePersonnummer('120304-2385')).toEqual({
      ok: false, message: 'Ange personnumret med århundrade (ÅÅÅÅMMDD-NNNN).',
    });
  });

  it('takes the century from birthDate', () => {
    expect(validatePersonnummer('120304-2385', '2012-03-04')).toEqual({
      ok: true, value: CHILD, birthDate: '2012-03-04', coordinationNumber: false,
    });
    expect(validatePersonnummer('121212-1212', '1912-12-12')).toMatchObject({ ok: true, value: PNR });
    expect(validatePersonnummer('1203042385', '2012-03-04')).toMatchObject({ ok: true, value: CHILD });
  });

  it('accepts YYMMDD+NNNN (aged 100 or more)', () => {
    expect(validatePersonnummer('121212+1212', '1912-12-12')).toMatchObject({ ok: true, value: PNR });
  });

  it('rejects a number that contradicts birthDate', () => {
    const message = 'Personnumret stämmer inte med födelsedatumet 2012-03-05.';
    expect(validatePersonnummer(CHILD, '2012-03-05')).toEqual({ ok: false, message });
    expect(validatePersonnummer('120304-2385', '2012-03-05')).toEqual({ ok: false, message });
  });

  it('rejects the wrong century', () => {
    expect(validatePersonnummer(CHILD, '1912-03-04')).toEqual({
      ok: false, message: 'Personnumret stämmer inte med födelsedatumet 1912-03-04.',
    });
  });

  it('rejects a birthDate that is not a date', () => {
    expect(validatePersonnummer('120304-2385', '2012-02-30').ok).toBe(false);
  });
});

describe('validatePersonnummer: samordningsnummer has day of birth + 60', () => {
  it('accepts a samordningsnummer and derives the real birth date', () => {
    expect(validatePersonnummer(SAMORDNING)).toEqual({
      ok: true, value: SAMORDNING, birthDate: '1970-10-03', coordinationNumber: true,
    });
  });

  it('checks a 10-digit samordningsnummer against birthDate', () => {
    expect(validatePersonnummer('120364-2382', '2012-03-04')).toEqual({
      ok: true, value: CHILD_SAMORDNING, birthDate: '2012-03-04', coordinationNumber: true,
    });
    expect(validatePersonnummer('120364-2382', '2012-03-64').ok).toBe(false);
    expect(validatePersonnummer(CHILD_SAMORDNING, '2012-03-05')).toEqual({
      ok: false, message: 'Personnumret stämmer inte med födelsedatumet 2012-03-05.',
    });
  });

  it('rejects a samordningsnummer whose day − 60 is not a date', () => {
    expect(validatePersonnummer('20120292-0000')).toEqual({
      ok: false, message: 'Samordningsnumret innehåller inget giltigt födelsedatum (dag + 60).',
    });
  });

  it('rejects a wrong check digit in a samordningsnummer', () => {
    expect(referenceLuhn('7010632390')).toBe(false);
    expect(validatePersonnummer('19701063-2390')).toEqual({ ok: false, message: 'Personnumrets kontrollsiffra stämmer inte.' });
  });
});

describe('identityMatches: a search finds a personnummer in any of its forms (issue 13)', () => {
  it.each(['20120304-2385', '201203042385', '120304-2385', '1203042385', '20120304', '120304', '2012-03-04'])('%s finds 20120304-2385', (word) => {
    expect(identityMatches(word, CHILD, '2012-03-04')).toBe(true);
  });

  it('the +-form of someone aged 100 or more finds the number', () => {
    expect(identityMatches('121212+1212', PNR, '1912-12-12')).toBe(true);
  });

  it('finds a child without a personnummer by its birth date', () => {
    expect(identityMatches('2012-03-04', null, '2012-03-04')).toBe(true);
    expect(identityMatches('1203042385', null, '2012-03-04')).toBe(false);
  });

  it.each(['20120304-2386', '1203042384', '2012-03-05'])('%s does not', (word) => {
    expect(identityMatches(word, CHILD, '2012-03-04')).toBe(false);
  });

  it.each(['2012', '12034', '-120304', '120304-', '2012030423851', 'Tova', ''])('%j is not a personnummer or a date: no match', (word) => {
    expect(identityMatches(word, CHILD, '2012-03-04')).toBe(false);
  });
});
