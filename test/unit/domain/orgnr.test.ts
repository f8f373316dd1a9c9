import { describe, expect, it } from 'vitest';
import { referenceLuhn } from './reference-luhn';
import { validateOrgNr } from '../../../main/domain/orgnr';
import { hasValidLuhn, luhnCheckDigit } from '../../../main/domain/luhn';

const VALID = ['556677-8899', '202100-5489', '212000-0142'];

describe('luhn: the mod-10 check digit of organisationsnummer and personnummer', () => {
  it.each(VALID)('fixture %s is Luhn-valid by the reference computation', (orgNr) => {
    expect(referenceLuhn(orgNr.replace('-', ''))).toBe(true);
  });
  it('computes check digits and agrees with the reference', () => {
    expect(luhnCheckDigit('556677889')).toBe(9);
    expect(luhnCheckDigit('121212121')).toBe(2);
    for (const nine of ['000000000', '123456789', '987654321', '202100548', '990101123']) {
      const ten = `${nine}${luhnCheckDigit(nine)}`;
      expect(referenceLuhn(ten)).toBe(true);
      expect(hasValidLuhn(ten)).toBe(true);
    }
  });
  it('rejects a wrong check digit or a wrong length', () => {
    expect(hasValidLuhn('5566778898')).toBe(false);
    expect(hasValidLuhn('556677889')).toBe(false);
    expect(hasValidLuhn('55667788999')).toBe(false);
    expect(hasValidLuhn('556677-889')).toBe(false);
  });
});

describe('validateOrgNr: organisationsnummer NNNNNN-NNNN with a Luhn check digit', () => {
  it.each([
    ['556677-8899', '556677-8899'],
    ['5566778899', '556677-8899'],
    ['16556677-8899', '556677-8899'],
    ['165566778899', '556677-8899'],
    [' 202100-5489 ', '202100-5489'],
    ['212000-0142', '212000-0142'],
  ])('accepts %j as %s', (input, value) => {
    expect(validateOrgNr(input)).toEqual({ ok: true, value });
  });

  it('accepts a sole trader whose org.nr is a personnummer (third digit below 2)', () => {
    expect(referenceLuhn('1212121212')).toBe(true);
    expect(validateOrgNr('121212-1212')).toEqual({ ok: true, value: '121212-1212' });
  });

  it.each(['55667-78899', '556677-889', '556677 8899', '556677_8899', '17556677-8899', '19121212-1212', 'abcdef-ghij', ''])(
    'rejects the form %j',
    (input) => {
      expect(validateOrgNr(input)).toEqual({ ok: false, message: 'Organisationsnumret ska ha formen NNNNNN-NNNN.' });
    },
  );

  it('rejects a wrong check digit', () => {
    expect(referenceLuhn('5566778898')).toBe(false);
    expect(validateOrgNr('556677-8898')).toEqual({ ok: false, message: 'Organisationsnumrets kontrollsiffra stämmer inte.' });
  });

  it('rejects all zeros even though its check digit fits', () => {
    expect(referenceLuhn('0000000000')).toBe(true);
    expect(validateOrgNr('000000-0000').ok).toBe(false);
  });
});
