import { describe, expect, it } from 'vitest';
import { catalogueInput } from '../../../renderer/src/settings/CatalogueSection';
import type { CatalogueValues } from '../../../renderer/src/settings/CatalogueSection';

const row = (change: Partial<CatalogueValues>): CatalogueValues => ({
  register: 'belastningsregistret',
  required: true,
  roles: ['uppdragstagare'],
  maxAgeMonths: '12',
  recheckMonths: '',
  ...change,
});

describe('the Regler page: a number that is not a whole number is told what is wrong with it', () => {
  it('a negative number is called negative, not "not a whole number"', () => {
    const result = catalogueInput([row({ maxAgeMonths: '-5', recheckMonths: ' -3 ' })]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((issue) => issue.message)).toEqual(['Kan inte vara negativt.', 'Kan inte vara negativt.']);
  });

  it('text that is no number gets the advice with an example', () => {
    const result = catalogueInput([row({ maxAgeMonths: 'tolv', recheckMonths: '1,5' })]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((issue) => issue.message)).toEqual(['Ange ett heltal, till exempel 12.', 'Ange ett heltal, eller lämna tomt.']);
  });

  it('whole numbers pass, and an empty re-check means none', () => {
    const result = catalogueInput([row({ maxAgeMonths: ' 6 ', recheckMonths: '' })]);
    expect(result).toMatchObject({ ok: true, catalogue: [{ maxAgeMonths: 6, recheckMonths: null }] });
  });
});
