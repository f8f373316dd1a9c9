/**
 * "Redo för beslut?" and the permit's coverage (issue 4): a decision to place a child in a home is
 * judged exactly as rules.md's `registerkontroll` / `ivo-tillstand` will judge the stay afterwards,
 * and a placement the IVO permit does not cover (form, age) is refused with the reason.
 * Expected values are counted by hand from rules.md.
 */
import { describe, expect, it } from 'vitest';
import {
  ageOn,
  computeChecks,
  permitAtDecision,
  permitCoverageProblems,
  readinessAt,
  type CheckRecord,
  type CheckRegister,
} from '../../../main/domain/checks';
import { defaultRegisterCatalogue, defaultRuleParameters, registerCatalogueSchema } from '../../../main/domain/rule-settings';

const D = '2026-11-22';
const check = (personId: string | null, homeId: string | null, register: string, checkedOn: string, outcome: string): CheckRecord => ({
  personId,
  homeId,
  register,
  checkedOn,
  outcome,
});

const register: CheckRegister = {
  homes: new Map([
    ['F1', { id: 'F1', kind: 'familjehem', operator: null }],
    ['F2', { id: 'F2', kind: 'jourhem', operator: null }],
    ['H1', { id: 'H1', kind: 'hvb', operator: 'enskild' }],
    ['H2', { id: 'H2', kind: 'hvb', operator: 'kommunal' }],
    ['S1', { id: 'S1', kind: 'stodboende', operator: 'enskild' }],
  ]),
  persons: [
    { id: 'P1', homeId: 'F1', role: 'uppdragstagare' },
    { id: 'P2', homeId: 'F1', role: 'uppdragstagare' },
    { id: 'P3', homeId: 'F1', role: 'barn-i-hemmet' },
  ],
  placements: [],
  checks: [
    check('P1', null, 'belastningsregistret', '2026-10-01', 'utan-anmarkning'),
    check('P1', null, 'misstankeregistret', '2026-10-01', 'utan-anmarkning'),
    check('P2', null, 'belastningsregistret', '2025-10-31', 'utan-anmarkning'), // 12 months before 2026-10-31
    check('P2', null, 'misstankeregistret', '2026-11-20', 'med-anmarkning'),
    check(null, 'H1', 'ivo-tillstand', '2026-09-01', 'giltigt'),
    check(null, 'S1', 'ivo-tillstand', '2026-11-25', 'giltigt'), // after D: not made yet
  ],
};

const ready = (homeId: string, decisionOn: string, on = D) =>
  readinessAt(register, homeId, decisionOn, on, defaultRuleParameters, defaultRegisterCatalogue).map(
    (r) => `${r.check} ${r.personId ?? '-'} ${r.register} ${r.status} ${r.checkedOn ?? '-'}`,
  );

describe('readinessAt ("Redo för beslut?")', () => {
  it('judges every required register of every uppdragstagare at the decision date (not other roles)', () => {
    expect(ready('F1', '2026-10-31')).toEqual([
      'registerkontroll P1 belastningsregistret ok 2026-10-01',
      'registerkontroll P1 misstankeregistret ok 2026-10-01',
      'registerkontroll P2 belastningsregistret ok 2025-10-31', // exactly 12 months: still fresh
      'registerkontroll P2 misstankeregistret after-decision 2026-11-20',
    ]);
  });

  it('a day later the 12-month-old check is too old, and the remark counts once it is before the decision', () => {
    expect(ready('F1', '2026-11-21')).toEqual([
      'registerkontroll P1 belastningsregistret ok 2026-10-01',
      'registerkontroll P1 misstankeregistret ok 2026-10-01',
      'registerkontroll P2 belastningsregistret too-old 2025-10-31',
      'registerkontroll P2 misstankeregistret remark 2026-11-20',
    ]);
  });

  it('a foster home without adults has nothing to judge (the service says so; the engine returns nothing)', () => {
    expect(ready('F2', D)).toEqual([]);
  });

  it('an enskild HVB needs the permit, verified at most 90 days before the decision', () => {
    expect(ready('H1', '2026-11-30')).toEqual(['ivo-tillstand - ivo-tillstand ok 2026-09-01']); // 90 days
    expect(ready('H1', '2026-12-01')).toEqual(['ivo-tillstand - ivo-tillstand too-old 2026-09-01']); // 91 days
  });

  it('a permit verification dated after today does not exist yet', () => {
    expect(ready('S1', '2026-11-30')).toEqual(['ivo-tillstand - ivo-tillstand missing -']);
    expect(ready('S1', '2026-11-30', '2026-11-25')).toEqual(['ivo-tillstand - ivo-tillstand ok 2026-11-25']);
  });

  it('householdGaps: a foster home without uppdragstagare is missing each required register, never silent', () => {
    const gaps = readinessAt(register, 'F2', D, D, defaultRuleParameters, defaultRegisterCatalogue, { householdGaps: true });
    expect(gaps).toEqual([
      { check: 'registerkontroll', personId: null, register: 'belastningsregistret', status: 'missing', checkedOn: null },
      { check: 'registerkontroll', personId: null, register: 'misstankeregistret', status: 'missing', checkedOn: null },
    ]);
    // A household with uppdragstagare has no gaps; a barn-i-hemmet does not count.
    expect(
      readinessAt(register, 'F1', '2026-10-31', D, defaultRuleParameters, defaultRegisterCatalogue, { householdGaps: true }).filter((r) => r.personId === null),
    ).toEqual([]);
    // A register required of another role too: a gap only when nobody has any of its roles.
    const alsoOthers = defaultRegisterCatalogue.map((e) => (e.register === 'kronofogden' ? { ...e, required: true, roles: ['annan-vuxen' as const] } : e));
    expect(
      readinessAt(register, 'F1', '2026-10-31', D, defaultRuleParameters, alsoOthers, { householdGaps: true })
        .filter((r) => r.personId === null)
        .map((r) => r.register),
    ).toEqual(['kronofogden']);
  });

  it('householdGaps in computeChecks: the stay shows the gaps; without the option (the checks CLI) it has no rows', () => {
    const inEmptyHome: CheckRegister = {
      ...register,
      placements: [{ id: 'PL2', decidedOn: '2026-11-01', startedOn: '2026-11-01', endedOn: null, stays: [{ homeId: 'F2', form: 'jourhem', from: '2026-11-01', to: null, decidedOn: null }] }],
    };
    const rows = (options?: { householdGaps: boolean }) =>
      computeChecks(inEmptyHome, D, defaultRuleParameters, defaultRegisterCatalogue, options).map((r) => `${r.check} ${r.personId ?? '-'} ${r.register} ${r.status}`);
    expect(rows({ householdGaps: true })).toEqual([
      'registerkontroll - belastningsregistret missing',
      'registerkontroll - misstankeregistret missing',
    ]);
    expect(rows()).toEqual([]);
  });

  it('a kommunal HVB and an unknown home have nothing to judge', () => {
    expect(ready('H2', D)).toEqual([]);
    expect(ready('X9', D)).toEqual([]);
  });

  it('says what computeChecks will say about the stay once it is decided', () => {
    const decided: CheckRegister = {
      ...register,
      placements: [{ id: 'PL1', decidedOn: '2026-11-21', startedOn: '2026-11-21', endedOn: null, stays: [{ homeId: 'F1', form: 'familjehem', from: '2026-11-21', to: null, decidedOn: null }] }],
    };
    const after = computeChecks(decided, D, defaultRuleParameters, defaultRegisterCatalogue)
      .filter((r) => r.check === 'registerkontroll')
      .map((r) => `${r.check} ${r.personId ?? '-'} ${r.register} ${r.status} ${r.checkedOn ?? '-'}`);
    expect(after).toEqual(ready('F1', '2026-11-21'));
  });
});

describe('ageOn (whole years)', () => {
  it.each([
    ['2012-03-04', '2026-03-03', 13],
    ['2012-03-04', '2026-03-04', 14],
    ['2008-02-29', '2026-02-28', 17], // no 29 February in 2026: 18 on 1 March
    ['2008-02-29', '2026-03-01', 18],
  ] as const)('born %s, on %s → %i', (birthDate, on, age) => {
    expect(ageOn(birthDate, on)).toBe(age);
  });
});

describe('permitCoverageProblems (the permit refuses what it does not cover)', () => {
  const permit = { forms: ['hvb'], minAge: 13, maxAge: 17 };

  it('a child within the age range in the permitted form: no problem', () => {
    expect(permitCoverageProblems(permit, 'hvb', '2026-12-01', '2012-03-04')).toEqual([]); // 14
  });

  it('too young and too old, counted on the day the stay begins', () => {
    expect(permitCoverageProblems(permit, 'hvb', '2026-12-01', '2014-12-02')).toEqual([
      'Barnet är 11 år när vistelsen börjar 2026-12-01; IVO-tillståndet gäller 13–17 år.',
    ]);
    expect(permitCoverageProblems(permit, 'hvb', '2026-12-01', '2008-12-01')).toEqual([
      'Barnet är 18 år när vistelsen börjar 2026-12-01; IVO-tillståndet gäller 13–17 år.',
    ]);
    expect(permitCoverageProblems(permit, 'hvb', '2026-11-30', '2008-12-01')).toEqual([]); // still 17
  });

  it('a stödboende stay under a permit for HVB only', () => {
    expect(permitCoverageProblems(permit, 'stodboende', '2026-12-01', '2009-01-01')).toEqual([
      'IVO-tillståndet gäller inte stödboende; det gäller HVB.',
    ]);
  });

  it('unknown parts limit nothing: no permit, no ages, no birth date', () => {
    expect(permitCoverageProblems(null, 'hvb', '2026-12-01', '2020-01-01')).toEqual([]);
    expect(permitCoverageProblems({ forms: ['hvb', 'stodboende'], minAge: null, maxAge: null }, 'stodboende', '2026-12-01', '2020-01-01')).toEqual([]);
    expect(permitCoverageProblems(permit, 'hvb', '2026-12-01', null)).toEqual([]);
  });
});

describe('permitAtDecision (the verification a decision rests on)', () => {
  const permits = [
    { checkedOn: '2026-01-10', outcome: 'giltigt' },
    { checkedOn: '2026-06-01', outcome: 'ogiltigt' },
    { checkedOn: '2026-12-01', outcome: 'giltigt' },
  ];
  it('the newest on or before the decision date and today', () => {
    expect(permitAtDecision(permits, '2026-06-01', D)?.checkedOn).toBe('2026-06-01');
    expect(permitAtDecision(permits, '2026-05-31', D)?.checkedOn).toBe('2026-01-10');
    expect(permitAtDecision(permits, '2027-01-01', D)?.checkedOn).toBe('2026-06-01'); // 2026-12-01 is after today
    expect(permitAtDecision(permits, '2025-12-31', D)).toBeNull();
  });
});

describe('registerCatalogueSchema (the catalogue setting)', () => {
  it('the default is rules.md: belastnings- and misstankeregistret for uppdragstagare, 12 months old at most, re-checked every 12 months', () => {
    expect(registerCatalogueSchema.parse(defaultRegisterCatalogue)).toEqual(defaultRegisterCatalogue);
    expect(defaultRegisterCatalogue.filter((e) => e.required)).toEqual([
      { register: 'belastningsregistret', required: true, roles: ['uppdragstagare'], maxAgeMonths: 12, recheckMonths: 12 },
      { register: 'misstankeregistret', required: true, roles: ['uppdragstagare'], maxAgeMonths: 12, recheckMonths: 12 },
    ]);
  });

  const paths = (value: unknown) => {
    const result = registerCatalogueSchema.safeParse(value);
    return result.success ? [] : result.error.issues.map((i) => i.path.join('/'));
  };
  const changed = (index: number, change: object) => defaultRegisterCatalogue.map((e, i) => (i === index ? { ...e, ...change } : e));

  it('refuses a register twice, a required register for nobody, and months out of range', () => {
    expect(paths(changed(2, { required: true, roles: [] }))).toEqual(['2/roles']);
    expect(paths(changed(3, { maxAgeMonths: 0 }))).toEqual(['3/maxAgeMonths']);
    expect(paths(changed(4, { recheckMonths: 121 }))).toEqual(['4/recheckMonths']);
    expect(paths(changed(4, { register: 'ivo-tillstand' }))).toContain('4/register');
    // kronofogden twice, forsakringskassan then missing (a root issue)
    expect(paths(changed(4, { register: 'kronofogden' }))).toEqual(['4/register', '']);
  });

  it('every register stays in the list, so none silently disappears from the form', () => {
    expect(paths([])).toEqual(['', '', '', '', '']);
    expect(paths(defaultRegisterCatalogue.slice(0, 4))).toEqual(['']);
  });

  it('belastnings- and misstankeregistret stay required of uppdragstagare (SoF 5 kap. 1 b §); others may be added', () => {
    expect(paths(changed(0, { required: false }))).toEqual(['0/required']);
    expect(paths(changed(1, { roles: ['annan-vuxen'] }))).toEqual(['1/roles']);
    expect(paths(changed(1, { roles: ['uppdragstagare', 'annan-vuxen'], maxAgeMonths: 6, recheckMonths: null }))).toEqual([]);
    expect(paths(changed(2, { required: true, recheckMonths: 24 }))).toEqual([]);
  });
});
