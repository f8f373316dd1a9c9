import { describe, expect, it } from 'vitest';
import { checkHomeFields, noHouseholdMessage, noOperatorMessage } from '../../../main/domain/homes';
import { fosterHomeKinds, homeKinds, isFosterHomeKind } from '../../../main/domain/vocabulary';

describe('foster homes: the private homes of families', () => {
  it('are familjehem, jourhem and nätverkshem; HVB, stödboende and SiS are not', () => {
    expect(homeKinds.filter(isFosterHomeKind)).toEqual(['familjehem', 'jourhem', 'natverkshem']);
  });
});

describe('checkHomeFields: the rules of a home beyond the types of its fields', () => {
  it('a foster home has no operator (huvudman)', () => {
    for (const kind of fosterHomeKinds) {
      expect(checkHomeFields({ kind, operator: 'kommunal' }).problems).toEqual([{ field: 'operator', message: noOperatorMessage }]);
      expect(checkHomeFields({ kind, operator: null }).problems).toEqual([]);
    }
    expect(checkHomeFields({ kind: 'hvb', operator: 'enskild' }).problems).toEqual([]);
  });

  it('HVB, stödboende and SiS have no household', () => {
    for (const kind of ['hvb', 'stodboende', 'sis'] as const) {
      expect(checkHomeFields({ kind, householdSize: 1 }).problems).toEqual([{ field: 'persons', message: noHouseholdMessage }]);
    }
    expect(checkHomeFields({ kind: 'familjehem', householdSize: 2 }).problems).toEqual([]);
  });

  it('an org.nr needs a valid check digit and is normalized to NNNNNN-NNNN', () => {
    expect(checkHomeFields({ kind: 'hvb', orgNr: '5560000019' })).toEqual({ orgNr: '556000-0019', municipality: null, problems: [] });
    expect(checkHomeFields({ kind: 'hvb', orgNr: '556000-0018' })).toEqual({
      orgNr: null,
      municipality: null,
      problems: [{ field: 'orgNr', message: expect.stringContaining('kontrollsiffra') }],
    });
    expect(checkHomeFields({ kind: 'hvb' })).toEqual({ orgNr: null, municipality: null, problems: [] });
  });

  it('reports every problem at once, org.nr first', () => {
    expect(checkHomeFields({ kind: 'jourhem', orgNr: 'abc', operator: 'region' }).problems.map((p) => p.field)).toEqual(['orgNr', 'operator']);
  });
});
