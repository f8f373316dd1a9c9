import { describe, expect, it } from 'vitest';
import { occupancyWarnings, placementsInHomeOn } from '../../../main/domain/capacity';
import type { CheckPlacement } from '../../../main/domain/checks';

const placement = (id: string, startedOn: string, endedOn: string | null, stays: [string, string, string | null][]): CheckPlacement => ({
  id,
  decidedOn: startedOn,
  startedOn,
  endedOn,
  stays: stays.map(([homeId, from, to]) => ({ homeId, form: 'familjehem', from, to, decidedOn: null })),
});

describe('placementsInHomeOn: the children in a home on a day', () => {
  const placements = [
    placement('A', '2026-01-01', null, [['F1', '2026-01-01', null]]),
    placement('B', '2026-01-01', '2026-11-22', [['F1', '2026-01-01', '2026-11-22']]), // left that very day
    placement('C', '2026-01-01', null, [['F2', '2026-01-01', '2026-06-01'], ['F1', '2026-06-01', null]]), // moved in
    placement('D', '2026-12-01', null, [['F1', '2026-12-01', null]]), // not yet
    placement('E', '2026-01-01', null, [['F1', '2026-01-01', '2026-03-01'], ['F2', '2026-03-01', null]]), // moved out
  ];
  it('counts active placements whose stay in the home covers the day (a stay ends the day the child leaves)', () => {
    expect(placementsInHomeOn(placements, 'F1', '2026-11-22')).toEqual(['A', 'C']);
    expect(placementsInHomeOn(placements, 'F1', '2026-11-21')).toEqual(['A', 'B', 'C']);
    expect(placementsInHomeOn(placements, 'F1', '2026-12-01')).toEqual(['A', 'C', 'D']);
  });
});

describe('occupancyWarnings: one more child, before the decision', () => {
  const ask = (fields: Partial<Parameters<typeof occupancyWarnings>[0]>) =>
    occupancyWarnings({ kind: 'familjehem', capacity: 2, placed: 0, on: '2026-11-22', flerAnTreBarnLimit: 3, flerAnTreReference: 'SoF 16 kap. 2 §', ...fields });

  it('a third child in a home with 2 places: a warning with the numbers; a second is fine', () => {
    expect(ask({ placed: 1 })).toEqual([]);
    expect(ask({ placed: 2 })).toEqual(['Hemmet har 2 platser och 2 placerade barn 2026-11-22: med det här barnet blir det 3 barn på 2 platser.']);
    expect(ask({ kind: 'hvb', capacity: 1, placed: 1 })).toEqual(['Hemmet har 1 plats och 1 placerade barn 2026-11-22: med det här barnet blir det 2 barn på 1 plats.']);
  });

  it('fler-an-tre-barn (SoF 16 kap. 2 §): a fourth child in a foster home is named, whatever its places', () => {
    expect(ask({ capacity: 5, placed: 2 })).toEqual([]);
    expect(ask({ capacity: 5, placed: 3 })).toEqual([
      'Med det här barnet bor 4 placerade barn i hemmet 2026-11-22, fler än 3: beslutet ska anmälas till IVO (SoF 16 kap. 2 §).',
    ]);
    expect(ask({ kind: 'jourhem', capacity: null, placed: 3 })).toHaveLength(1);
    expect(ask({ kind: 'natverkshem', capacity: 3, placed: 3 })).toHaveLength(2);
  });

  it('is not for institutions, and an unknown number of places limits nothing', () => {
    expect(ask({ kind: 'hvb', capacity: null, placed: 12 })).toEqual([]);
    expect(ask({ kind: 'hvb', capacity: 20, placed: 12 })).toEqual([]);
  });
});
