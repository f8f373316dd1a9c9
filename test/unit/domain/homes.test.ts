import { describe, expect, it } from 'vitest';
import { checkHomeFields, noHouseholdMessage, noOperatorMessage, possibleDuplicates } from '../../../main/domain/homes';
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

describe('possibleDuplicates: the same home twice splits its history', () => {
  const home = (id: string, name: string, municipality: string | null, orgNr: string | null) => ({ id, name, municipality, orgNr });
  const homes = [
    home('H1', 'Solgläntans HVB', 'Timrå', '556677-8899'),
    home('H2', 'Solgläntan', 'Sundsvall', '556677-8899'),
    home('F1', 'Familjen Ek', 'Timrå', null),
    home('F2', 'familjen ek', 'TIMRÅ', null),
    home('F3', 'Familjen Ek', 'Kramfors', null),
    home('F4', 'Familjen Ek', null, null),
  ];
  const pairs = (ids: string[]) => possibleDuplicates(homes, new Set(ids)).map(({ a, b, sameOrgNr }) => [a.id, b.id, sameOrgNr]);

  it('pairs the same org.nr, and the same name in the same municipality whatever the case', () => {
    expect(pairs(['H2', 'F2'])).toEqual([
      ['F1', 'F2', false],
      ['H1', 'H2', true],
    ]);
  });

  it('pairs only homes among the ones asked about, and never a name without a municipality', () => {
    expect(pairs(['F3'])).toEqual([]);
    expect(pairs(['F4'])).toEqual([]);
    expect(pairs([])).toEqual([]);
  });

  it('the same org.nr wins when the same name and municipality hold too', () => {
    const twins = [home('A', 'Ek', 'Timrå', '556677-8899'), home('B', 'Ek', 'Timrå', '556677-8899')];
    expect(possibleDuplicates(twins, new Set(['B']))).toEqual([{ a: twins[0], b: twins[1], sameOrgNr: true }]);
  });
});
