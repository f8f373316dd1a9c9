import { describe, expect, it } from 'vitest';
import { emptyPlacement, fieldOf, kronorOrText, toInput, valuesFromPlacement } from '../../../renderer/src/placement/form';
import type { Placement } from '../../../preload/api';

const saved: Placement = {
  id: 'PL1', childId: 'C1', legalBasis: 'SoL', decidedOn: '2026-09-28', startedOn: '2026-10-01', endedOn: null, endReason: null,
  caseworker: null, unit: null, dailyCost: 1850, rowVersion: 2,
  stays: [{ ordinal: 0, homeId: 'F1', homeName: 'Familjen Provberg', form: 'familjehem', from: '2026-10-01', to: null, decidedOn: null, investigationCompletedOn: null }],
};

describe('the placement form’s daily cost', () => {
  it('takes whole kronor as typed, with or without spaces between the thousands', () => {
    expect(kronorOrText('1850')).toBe(1850);
    expect(kronorOrText(' 1 850 ')).toBe(1850);
    expect(kronorOrText('1\u00a0850')).toBe(1850);
    expect(kronorOrText('')).toBeNull();
    expect(kronorOrText('   ')).toBeNull();
    expect(kronorOrText('-5')).toBe(-5); // the contract says what is wrong with it
  });

  it('sends anything else as typed, so the contract answers at the field', () => {
    expect(kronorOrText('1850,50')).toBe('1850,50');
    expect(kronorOrText('tusen')).toBe('tusen');
  });

  it('is shown when the form opens on a saved placement, and sent back as a number (or null when empty)', () => {
    const values = valuesFromPlacement(saved);
    expect(values.dailyCost).toBe('1850');
    expect(toInput(values, 'C1', 'PL1', () => 'familjehem').dailyCost).toBe(1850);
    expect(toInput({ ...values, dailyCost: '' }, 'C1', 'PL1', () => 'familjehem').dailyCost).toBeNull();
    expect(valuesFromPlacement({ ...saved, dailyCost: null }).dailyCost).toBe('');
    expect(emptyPlacement().dailyCost).toBe('');
  });

  it('a problem with it is told at its field', () => {
    expect(fieldOf('/dailyCost', emptyPlacement())).toBe('dailyCost');
  });
});
