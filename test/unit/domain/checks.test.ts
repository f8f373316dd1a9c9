/**
 * An independent check of the register-check engine against /work/shared/domain/rules.md
 * (normative), section "Checks before and during a placement", with the sections "Dates",
 * "Status of a deadline on D" and "Terms" it builds on. Every expected date and status below was
 * counted by hand from rules.md (the sums are in the comments), not taken from the implementation.
 */
import { describe, expect, it } from 'vitest';
import {
  compareCheckResults,
  computeChecks,
  decisionDateOf,
  defaultRegisterCatalogue,
  judgeAtDecision,
  type CheckHome,
  type CheckPerson,
  type CheckPlacement,
  type CheckRecord,
  type CheckRegister,
  type CheckResult,
  type CheckStay,
  type RegisterCatalogueEntry,
} from '../../../main/domain/checks';
import { defaultLegalReferences, defaultRuleParameters, legalReferenceOn, type RuleParameters } from '../../../main/domain/rule-settings';
import type { HomeKind } from '../../../main/domain/vocabulary';

// ---------------------------------------------------------------------------------------------
// Builders: small fictional registers.

/** The evaluation date of most tests ("today" in the project's world). */
const D = '2026-11-22';

const home = (id: string, kind: HomeKind, operator: string | null = null): CheckHome => ({ id, kind, operator });
const person = (id: string, homeId: string, role = 'uppdragstagare'): CheckPerson => ({ id, homeId, role });

function stay(homeId: string, form: HomeKind, from: string, to: string | null = null, decidedOn: string | null = null): CheckStay {
  return { homeId, form, from, to, decidedOn };
}

interface PlacementInput {
  id?: string;
  decidedOn: string;
  startedOn?: string;
  endedOn?: string | null;
  stays: CheckStay[];
}

/** startedOn defaults to the earliest stay's from (the child moved when the first stay began). */
function placement(input: PlacementInput): CheckPlacement {
  const firstFrom = input.stays.map((s) => s.from).sort()[0] ?? input.decidedOn;
  return {
    id: input.id ?? 'PL1',
    decidedOn: input.decidedOn,
    startedOn: input.startedOn ?? firstFrom,
    endedOn: input.endedOn ?? null,
    stays: input.stays,
  };
}

const personCheck = (personId: string, register: string, checkedOn: string, outcome = 'utan-anmarkning'): CheckRecord => ({
  personId,
  homeId: null,
  register,
  checkedOn,
  outcome,
});
const permit = (homeId: string, checkedOn: string, outcome = 'giltigt'): CheckRecord => ({
  personId: null,
  homeId,
  register: 'ivo-tillstand',
  checkedOn,
  outcome,
});

interface RegisterInput {
  homes?: CheckHome[];
  persons?: CheckPerson[];
  placements?: CheckPlacement[];
  checks?: CheckRecord[];
}

function reg(input: RegisterInput): CheckRegister {
  return {
    homes: new Map((input.homes ?? []).map((h) => [h.id, h])),
    persons: input.persons ?? [],
    placements: input.placements ?? [],
    checks: input.checks ?? [],
  };
}

function run(
  register: CheckRegister,
  on: string = D,
  parameters: Partial<RuleParameters> = {},
  catalogue?: readonly RegisterCatalogueEntry[],
): CheckResult[] {
  return computeChecks(register, on, { ...defaultRuleParameters, ...parameters }, catalogue);
}

type CheckId = CheckResult['check'];

/** One line per result of `check`, sorted as text, so a test reads like the expected table. */
function lines(results: CheckResult[], check: CheckId): string[] {
  return results
    .filter((r) => r.check === check)
    .map((r) =>
      r.check === 'registerkontroll-fortlopande'
        ? `${r.homeId} ${r.personId} ${r.register} due ${r.dueOn} ${r.status} ${r.checkedOn ?? '-'}`
        : `${r.placementId} ${r.homeId} ${r.personId ?? '-'} ${r.register} ${r.decisionOn} ${r.status} ${r.checkedOn ?? '-'}`,
    )
    .sort();
}

/** The one registerkontroll / ivo-tillstand row of a placement × person × register. */
function decisionRow(results: CheckResult[], check: 'registerkontroll' | 'ivo-tillstand', personId: string | null, register: string, placementId = 'PL1') {
  const found = results.filter(
    (r): r is Extract<CheckResult, { check: 'registerkontroll' | 'ivo-tillstand' }> =>
      r.check === check && r.placementId === placementId && r.personId === personId && r.register === register,
  );
  expect(found, `${check} ${placementId} ${personId ?? '-'} ${register}: exactly one row`).toHaveLength(1);
  const row = found[0]!;
  return { decisionOn: row.decisionOn, status: row.status, checkedOn: row.checkedOn };
}

/** The one registerkontroll-fortlopande row of a person × register. */
function ongoingRow(results: CheckResult[], personId: string, register: string) {
  const found = results.filter(
    (r): r is Extract<CheckResult, { check: 'registerkontroll-fortlopande' }> =>
      r.check === 'registerkontroll-fortlopande' && r.personId === personId && r.register === register,
  );
  expect(found, `registerkontroll-fortlopande ${personId} ${register}: exactly one row`).toHaveLength(1);
  const row = found[0]!;
  return { homeId: row.homeId, placementId: row.placementId, dueOn: row.dueOn, status: row.status, checkedOn: row.checkedOn };
}

/**
 * The familjehem F1 with one uppdragstagare P1 and the placement PL1, decided on `decisionOn`,
 * the child moving in that day. Returns P1's belastningsregistret row of `registerkontroll`.
 */
/** The default catalogue with belastnings- and misstankeregistret's months changed (both registers alike). */
function catalogueWith(months: { maxAgeMonths?: number; recheckMonths?: number }): RegisterCatalogueEntry[] {
  return defaultRegisterCatalogue.map((e) => (e.required ? { ...e, ...months } : e));
}

function judgeFoster(
  decisionOn: string,
  checks: CheckRecord[],
  on: string = D,
  parameters: Partial<RuleParameters> = {},
  catalogue?: readonly RegisterCatalogueEntry[],
) {
  const register = reg({
    homes: [home('F1', 'familjehem')],
    persons: [person('P1', 'F1')],
    placements: [placement({ decidedOn: decisionOn, stays: [stay('F1', 'familjehem', decisionOn)] })],
    checks,
  });
  return decisionRow(run(register, on, parameters, catalogue), 'registerkontroll', 'P1', 'belastningsregistret');
}

/** The enskild HVB H1 and the placement PL1 decided on `decisionOn`; returns its ivo-tillstand row. */
function judgePermit(decisionOn: string, checks: CheckRecord[], on: string = D, parameters: Partial<RuleParameters> = {}) {
  const register = reg({
    homes: [home('H1', 'hvb', 'enskild')],
    placements: [placement({ decidedOn: decisionOn, stays: [stay('H1', 'hvb', decisionOn)] })],
    checks,
  });
  return decisionRow(run(register, on, parameters), 'ivo-tillstand', null, 'ivo-tillstand');
}

const bel = 'belastningsregistret';
const mis = 'misstankeregistret';

// ---------------------------------------------------------------------------------------------

describe('the legal references of the checks (rule-settings table: the old numbering to 2025-06-30, the new from 2025-07-01)', () => {
  it.each([
    ['registerkontroll', 'SoF 5 kap. 1 b §', 'SoF 3 kap. 3 §'],
    ['ivo-tillstand', 'SoL 7 kap. 1 §', 'SoL 26 kap. 1 §'],
    ['registerkontroll-fortlopande', 'Lokal rutin (fortlöpande registerkontroller)', 'Lokal rutin (fortlöpande registerkontroller)'],
  ] as const)('%s cites %s, then %s', (rule, old, current) => {
    expect(legalReferenceOn(defaultLegalReferences, rule, '2025-06-30')).toBe(old);
    expect(legalReferenceOn(defaultLegalReferences, rule, D)).toBe(current);
  });
});

describe('decision date of a stay (rules.md: own decidedOn, else the placement’s for the first stay, else the stay’s from)', () => {
  const pl = { decidedOn: '2025-02-20' };

  it('decisionDateOf: the stay’s own decision wins, also for the first stay', () => {
    expect(decisionDateOf(pl, stay('F1', 'familjehem', '2025-03-01', null, '2025-02-10'), 0)).toBe('2025-02-10');
    expect(decisionDateOf(pl, stay('F2', 'familjehem', '2025-09-01', null, '2025-08-15'), 1)).toBe('2025-08-15');
  });

  it('decisionDateOf: first stay without its own decision → the placement’s decidedOn', () => {
    expect(decisionDateOf(pl, stay('F1', 'familjehem', '2025-03-01'), 0)).toBe('2025-02-20');
  });

  it('decisionDateOf: a later stay without its own decision (omplacering) → the stay’s from', () => {
    expect(decisionDateOf(pl, stay('F2', 'jourhem', '2025-09-01'), 1)).toBe('2025-09-01');
    expect(decisionDateOf(pl, stay('F3', 'jourhem', '2026-01-15'), 2)).toBe('2026-01-15');
  });

  // PL1 decided 2025-02-20: F1 from 2025-03-01 (first stay), F2 from 2025-09-01 (omplacering,
  // no own decision), F3 from 2026-01-15 with its own decision 2026-01-10.
  const stays = [
    stay('F1', 'familjehem', '2025-03-01', '2025-09-01'),
    stay('F2', 'jourhem', '2025-09-01', '2026-01-15'),
    stay('F3', 'natverkshem', '2026-01-15', null, '2026-01-10'),
  ];
  const checks = [
    personCheck('P1', bel, '2025-02-25'), // after the placement's decision 2025-02-20 → after-decision
    personCheck('P2', bel, '2025-08-31'), // before F2's decision date 2025-09-01 (its from) → ok
    personCheck('P3', bel, '2026-01-12'), // after F3's own decision 2026-01-10, before its from → after-decision
  ];
  const homes = [home('F1', 'familjehem'), home('F2', 'jourhem'), home('F3', 'natverkshem')];
  const persons = [person('P1', 'F1'), person('P2', 'F2'), person('P3', 'F3')];
  const expected = [
    'PL1 F1 P1 belastningsregistret 2025-02-20 after-decision 2025-02-25',
    'PL1 F1 P1 misstankeregistret 2025-02-20 missing -',
    'PL1 F2 P2 belastningsregistret 2025-09-01 ok 2025-08-31',
    'PL1 F2 P2 misstankeregistret 2025-09-01 missing -',
    'PL1 F3 P3 belastningsregistret 2026-01-10 after-decision 2026-01-12',
    'PL1 F3 P3 misstankeregistret 2026-01-10 missing -',
  ];

  it('computeChecks judges each stay against its own decision date', () => {
    const results = run(reg({ homes, persons, placements: [placement({ decidedOn: '2025-02-20', stays })], checks }));
    expect(lines(results, 'registerkontroll')).toEqual(expected);
  });

  it('"the first stay" is the earliest one, whatever order the stays are listed in', () => {
    const shuffled = [stays[2]!, stays[0]!, stays[1]!];
    const results = run(reg({ homes, persons, placements: [placement({ decidedOn: '2025-02-20', stays: shuffled })], checks }));
    expect(lines(results, 'registerkontroll')).toEqual(expected);
  });
});

describe('registerkontroll — SoF 5 kap. 1 b §', () => {
  describe('which rows exist', () => {
    it('one row per uppdragstagare × belastnings- and misstankeregistret; other roles and optional registers get none', () => {
      const register = reg({
        homes: [home('F1', 'familjehem')],
        persons: [person('P1', 'F1'), person('P2', 'F1'), person('P3', 'F1', 'annan-vuxen'), person('P4', 'F1', 'barn-i-hemmet')],
        placements: [placement({ decidedOn: '2025-02-01', stays: [stay('F1', 'familjehem', '2025-02-10')] })],
        checks: [
          personCheck('P1', bel, '2025-01-10'),
          personCheck('P1', 'socialregistret', '2025-01-10'),
          personCheck('P1', 'kronofogden', '2025-01-10'),
          personCheck('P3', bel, '2025-01-10'),
        ],
      });
      expect(lines(run(register), 'registerkontroll')).toEqual([
        'PL1 F1 P1 belastningsregistret 2025-02-01 ok 2025-01-10',
        'PL1 F1 P1 misstankeregistret 2025-02-01 missing -',
        'PL1 F1 P2 belastningsregistret 2025-02-01 missing -',
        'PL1 F1 P2 misstankeregistret 2025-02-01 missing -',
      ]);
    });

    it.each<[HomeKind, number]>([
      ['familjehem', 2],
      ['natverkshem', 2],
      ['jourhem', 2],
      ['hvb', 0],
      ['stodboende', 0],
      ['sis', 0],
    ])('a stay with form %s gives %i rows for its one uppdragstagare', (form, count) => {
      const register = reg({
        homes: [home('X1', form)],
        persons: [person('P1', 'X1')],
        placements: [placement({ decidedOn: '2025-02-01', stays: [stay('X1', form, '2025-02-10')] })],
      });
      expect(lines(run(register), 'registerkontroll')).toHaveLength(count);
    });

    it('a home without uppdragstagare gives no rows', () => {
      const register = reg({
        homes: [home('F1', 'familjehem')],
        persons: [person('P3', 'F1', 'annan-vuxen')],
        placements: [placement({ decidedOn: '2025-02-01', stays: [stay('F1', 'familjehem', '2025-02-10')] })],
      });
      expect(run(register).filter((r) => r.check === 'registerkontroll')).toEqual([]);
    });

    it('only persons of the stay’s own home', () => {
      const register = reg({
        homes: [home('F1', 'familjehem'), home('F2', 'familjehem')],
        persons: [person('P1', 'F1'), person('P9', 'F2')],
        placements: [placement({ decidedOn: '2025-02-01', stays: [stay('F1', 'familjehem', '2025-02-10')] })],
      });
      expect(lines(run(register), 'registerkontroll')).toEqual([
        'PL1 F1 P1 belastningsregistret 2025-02-01 missing -',
        'PL1 F1 P1 misstankeregistret 2025-02-01 missing -',
      ]);
    });

    it('stays of ended placements are still judged', () => {
      const register = reg({
        homes: [home('F1', 'familjehem')],
        persons: [person('P1', 'F1')],
        placements: [
          placement({ decidedOn: '2024-01-15', endedOn: '2025-06-01', stays: [stay('F1', 'familjehem', '2024-02-01', '2025-06-01')] }),
        ],
        checks: [personCheck('P1', bel, '2023-11-30', 'med-anmarkning')],
      });
      expect(lines(run(register), 'registerkontroll')).toEqual([
        'PL1 F1 P1 belastningsregistret 2024-01-15 remark 2023-11-30',
        'PL1 F1 P1 misstankeregistret 2024-01-15 missing -',
      ]);
    });

    it('a stay that begins after D is not judged; one that begins on D is', () => {
      const register = reg({
        homes: [home('F1', 'familjehem')],
        persons: [person('P1', 'F1')],
        placements: [placement({ decidedOn: '2026-11-15', stays: [stay('F1', 'familjehem', '2026-11-23')] })],
      });
      expect(run(register, '2026-11-22')).toEqual([]);
      expect(lines(run(register, '2026-11-23'), 'registerkontroll')).toEqual([
        'PL1 F1 P1 belastningsregistret 2026-11-15 missing -',
        'PL1 F1 P1 misstankeregistret 2026-11-15 missing -',
      ]);
    });

    it('of a placement whose later stay begins after D, only the begun stay is judged', () => {
      const register = reg({
        homes: [home('F1', 'familjehem'), home('F2', 'jourhem')],
        persons: [person('P1', 'F1'), person('P2', 'F2')],
        placements: [
          placement({
            decidedOn: '2026-05-20',
            stays: [stay('F1', 'familjehem', '2026-06-01', '2026-12-10'), stay('F2', 'jourhem', '2026-12-10')],
          }),
        ],
      });
      expect(lines(run(register), 'registerkontroll')).toEqual([
        'PL1 F1 P1 belastningsregistret 2026-05-20 missing -',
        'PL1 F1 P1 misstankeregistret 2026-05-20 missing -',
      ]);
    });

    it('a return to the same home gives one row per stay, each with its own decision date', () => {
      const register = reg({
        homes: [home('F1', 'familjehem'), home('F2', 'jourhem')],
        persons: [person('P1', 'F1')],
        placements: [
          placement({
            decidedOn: '2025-02-20',
            stays: [
              stay('F1', 'familjehem', '2025-03-01', '2025-09-01'),
              stay('F2', 'jourhem', '2025-09-01', '2026-01-15'),
              stay('F1', 'familjehem', '2026-01-15'),
            ],
          }),
        ],
        // ≤ 2025-02-20 for the first stay; ≤ 2026-01-15 and ≥ 2025-01-15 for the second.
        checks: [personCheck('P1', bel, '2025-02-01')],
      });
      expect(lines(run(register), 'registerkontroll')).toEqual([
        'PL1 F1 P1 belastningsregistret 2025-02-20 ok 2025-02-01',
        'PL1 F1 P1 belastningsregistret 2026-01-15 ok 2025-02-01',
        'PL1 F1 P1 misstankeregistret 2025-02-20 missing -',
        'PL1 F1 P1 misstankeregistret 2026-01-15 missing -',
      ]);
    });

    it('two placements in the same home each get their rows', () => {
      const register = reg({
        homes: [home('F1', 'familjehem')],
        persons: [person('P1', 'F1')],
        placements: [
          placement({ id: 'PL1', decidedOn: '2025-02-01', stays: [stay('F1', 'familjehem', '2025-02-10')] }),
          placement({ id: 'PL2', decidedOn: '2026-05-01', stays: [stay('F1', 'familjehem', '2026-05-05')] }),
        ],
        // PL1 decided 2025-02-01 (limit 2024-02-01), PL2 decided 2026-05-01 (limit 2025-05-01).
        checks: [personCheck('P1', bel, '2025-01-10'), personCheck('P1', mis, '2025-06-01')],
      });
      expect(lines(run(register), 'registerkontroll')).toEqual([
        'PL1 F1 P1 belastningsregistret 2025-02-01 ok 2025-01-10',
        'PL1 F1 P1 misstankeregistret 2025-02-01 after-decision 2025-06-01',
        'PL2 F1 P1 belastningsregistret 2026-05-01 too-old 2025-01-10',
        'PL2 F1 P1 misstankeregistret 2026-05-01 ok 2025-06-01',
      ]);
    });
  });

  describe('statuses', () => {
    it('ok: a clean check before the decision', () => {
      expect(judgeFoster('2025-02-01', [personCheck('P1', bel, '2025-01-10')])).toEqual({
        decisionOn: '2025-02-01',
        status: 'ok',
        checkedOn: '2025-01-10',
      });
    });

    it('ok: a check on the decision date itself qualifies (checkedOn ≤ decision date)', () => {
      expect(judgeFoster('2025-02-01', [personCheck('P1', bel, '2025-02-01')])).toMatchObject({ status: 'ok', checkedOn: '2025-02-01' });
    });

    it('missing: no check at all', () => {
      expect(judgeFoster('2025-02-01', [])).toEqual({ decisionOn: '2025-02-01', status: 'missing', checkedOn: null });
    });

    it('missing: checks of another person or another register do not count', () => {
      const row = judgeFoster('2025-02-01', [personCheck('P2', bel, '2025-01-10'), personCheck('P1', mis, '2025-01-10')]);
      expect(row).toMatchObject({ status: 'missing', checkedOn: null });
    });

    it('after-decision: the only check is after the decision but on or before D', () => {
      expect(judgeFoster('2025-02-01', [personCheck('P1', bel, '2025-02-02')])).toMatchObject({
        status: 'after-decision',
        checkedOn: '2025-02-02',
      });
      // A check made on D itself has happened.
      expect(judgeFoster('2026-11-01', [personCheck('P1', bel, '2026-11-22')], '2026-11-22')).toMatchObject({
        status: 'after-decision',
        checkedOn: '2026-11-22',
      });
    });

    it('missing: the only check is dated after D (it has not happened yet)', () => {
      expect(judgeFoster('2026-11-01', [personCheck('P1', bel, '2026-11-23')], '2026-11-22')).toMatchObject({
        status: 'missing',
        checkedOn: null,
      });
      // The same register a day later: now it has happened.
      expect(judgeFoster('2026-11-01', [personCheck('P1', bel, '2026-11-23')], '2026-11-23')).toMatchObject({
        status: 'after-decision',
      });
    });

    it('a check after D is ignored even when it is on or before the decision date', () => {
      // The stay began 2026-11-10 by D 2026-11-20; its own decision is dated 2026-11-25 (after D).
      const register = reg({
        homes: [home('F1', 'familjehem')],
        persons: [person('P1', 'F1')],
        placements: [placement({ decidedOn: '2026-11-25', stays: [stay('F1', 'familjehem', '2026-11-10')] })],
        checks: [personCheck('P1', bel, '2026-11-21', 'med-anmarkning'), personCheck('P1', mis, '2026-11-19')],
      });
      expect(lines(run(register, '2026-11-20'), 'registerkontroll')).toEqual([
        'PL1 F1 P1 belastningsregistret 2026-11-25 missing -',
        'PL1 F1 P1 misstankeregistret 2026-11-25 ok 2026-11-19',
      ]);
    });

    it('remark: the newest check before the decision is med-anmarkning', () => {
      const row = judgeFoster('2025-02-01', [personCheck('P1', bel, '2024-10-01'), personCheck('P1', bel, '2025-01-10', 'med-anmarkning')]);
      expect(row).toMatchObject({ status: 'remark', checkedOn: '2025-01-10' });
    });

    it('ok, not remark: a newer clean check exists before the decision', () => {
      const row = judgeFoster('2025-02-01', [personCheck('P1', bel, '2024-11-01', 'med-anmarkning'), personCheck('P1', bel, '2025-01-10')]);
      expect(row).toMatchObject({ status: 'ok', checkedOn: '2025-01-10' });
    });

    it('remark: a clean check after the decision does not replace the one before it', () => {
      const row = judgeFoster('2025-02-01', [personCheck('P1', bel, '2025-01-10', 'med-anmarkning'), personCheck('P1', bel, '2025-03-01')]);
      expect(row).toMatchObject({ status: 'remark', checkedOn: '2025-01-10' });
    });

    it('several checks: the newest on or before the decision counts, not the newest overall nor the oldest', () => {
      // 2023-05-01 too old (limit 2024-02-01), 2024-06-01 fresh, 2025-03-01 after the decision.
      const checks = [personCheck('P1', bel, '2025-03-01'), personCheck('P1', bel, '2023-05-01'), personCheck('P1', bel, '2024-06-01')];
      expect(judgeFoster('2025-02-01', checks)).toMatchObject({ status: 'ok', checkedOn: '2024-06-01' });
    });

    it('too-old: the newest qualifying check is too old, and a check after the decision does not rescue it', () => {
      const checks = [personCheck('P1', bel, '2023-05-01'), personCheck('P1', bel, '2025-03-01')];
      expect(judgeFoster('2025-02-01', checks)).toMatchObject({ status: 'too-old', checkedOn: '2023-05-01' });
    });

    // too-old: checkedOn < decision − 12 calendar months (clamped to the month's last day).
    it.each([
      // decision, check, status        decision − 12 months
      ['2025-08-31', '2024-08-31', 'ok'], // 2024-08-31: on the limit
      ['2025-08-31', '2024-08-30', 'too-old'], // one day before it
      ['2024-08-31', '2023-08-31', 'ok'], // 2023-08-31: 366 days before (a leap day in between)
      ['2024-08-31', '2023-08-30', 'too-old'],
      ['2024-02-29', '2023-02-28', 'ok'], // 2023-02-29 does not exist → 2023-02-28
      ['2024-02-29', '2023-02-27', 'too-old'],
      ['2025-02-28', '2024-02-28', 'ok'], // 2024-02-28
      ['2025-02-28', '2024-02-27', 'too-old'],
      ['2025-03-01', '2024-03-01', 'ok'], // 2024-03-01
      ['2025-03-01', '2024-02-29', 'too-old'],
      ['2025-01-01', '2024-01-01', 'ok'], // across the year
      ['2025-01-01', '2023-12-31', 'too-old'],
    ] as const)('decision %s, check %s → %s', (decisionOn, checkedOn, status) => {
      expect(judgeFoster(decisionOn, [personCheck('P1', bel, checkedOn)])).toEqual({ decisionOn, status, checkedOn });
    });

    it.each([
      // months, decision, check, status     decision − months
      [6, '2025-08-31', '2025-02-28', 'ok'], // 2025-02-28 (Feb 31 clamped)
      [6, '2025-08-31', '2025-02-27', 'too-old'],
      [18, '2025-08-31', '2024-02-29', 'ok'], // 2024-02-29 (leap year, Feb 31 clamped)
      [18, '2025-08-31', '2024-02-28', 'too-old'],
      [24, '2025-08-31', '2023-08-31', 'ok'],
      [24, '2025-08-31', '2023-08-30', 'too-old'],
    ] as const)('catalogue maxAgeMonths %i: decision %s, check %s → %s', (months, decisionOn, checkedOn, status) => {
      const row = judgeFoster(decisionOn, [personCheck('P1', bel, checkedOn)], D, {}, catalogueWith({ maxAgeMonths: months }));
      expect(row.status).toBe(status);
    });

    it('belastnings- and misstankeregistret are judged separately', () => {
      const register = reg({
        homes: [home('F1', 'natverkshem')],
        persons: [person('P1', 'F1')],
        placements: [placement({ decidedOn: '2025-02-01', stays: [stay('F1', 'natverkshem', '2025-02-10')] })],
        checks: [personCheck('P1', bel, '2025-01-10', 'med-anmarkning'), personCheck('P1', mis, '2023-12-01')],
      });
      expect(lines(run(register), 'registerkontroll')).toEqual([
        'PL1 F1 P1 belastningsregistret 2025-02-01 remark 2025-01-10',
        'PL1 F1 P1 misstankeregistret 2025-02-01 too-old 2023-12-01',
      ]);
    });
  });
});

describe('ivo-tillstand — SoL 7 kap. 1 §', () => {
  describe('which rows exist', () => {
    it.each<[HomeKind, string | null, number]>([
      ['hvb', 'enskild', 1],
      ['stodboende', 'enskild', 1],
      ['hvb', 'kommunal', 0], // kommunal HVB: no permit row
      ['stodboende', 'kommunal', 0],
      ['hvb', 'region', 0],
      ['hvb', 'statlig', 0],
      // rules.md: only kommunal, region and statlig homes need no permit; an unknown operator must never skip the check.
      ['hvb', null, 1],
      ['stodboende', null, 1],
      ['sis', 'enskild', 0],
      ['sis', 'statlig', 0],
      ['familjehem', null, 0],
      ['jourhem', null, 0],
    ])('a stay with form %s in a home with operator %s gives %i rows', (form, operator, count) => {
      const register = reg({
        homes: [home('H1', form, operator)],
        placements: [placement({ decidedOn: '2025-04-01', stays: [stay('H1', form, '2025-04-03')] })],
        checks: [permit('H1', '2025-03-01')],
      });
      const rows = lines(run(register), 'ivo-tillstand');
      expect(rows).toHaveLength(count);
      if (count === 1) expect(rows).toEqual(['PL1 H1 - ivo-tillstand 2025-04-01 ok 2025-03-01']);
    });

    it('one row per stay: ended placements too, stays after D not', () => {
      const register = reg({
        homes: [home('H1', 'hvb', 'enskild'), home('H2', 'stodboende', 'enskild')],
        placements: [
          placement({
            id: 'PL1',
            decidedOn: '2024-05-01',
            endedOn: '2025-09-01',
            stays: [stay('H1', 'hvb', '2024-05-02', '2025-01-10'), stay('H2', 'stodboende', '2025-01-10', '2025-09-01')],
          }),
          placement({ id: 'PL2', decidedOn: '2026-11-20', stays: [stay('H1', 'hvb', '2026-11-23')] }),
        ],
        checks: [permit('H1', '2024-03-01'), permit('H2', '2025-01-09')],
      });
      expect(lines(run(register), 'ivo-tillstand')).toEqual([
        'PL1 H1 - ivo-tillstand 2024-05-01 ok 2024-03-01', // 2024-03-01 ≥ 2024-05-01 − 90 days = 2024-02-01
        'PL1 H2 - ivo-tillstand 2025-01-10 ok 2025-01-09',
      ]);
    });

    it('the permit of another home does not count', () => {
      const register = reg({
        homes: [home('H1', 'hvb', 'enskild'), home('H2', 'hvb', 'enskild')],
        placements: [placement({ decidedOn: '2025-04-01', stays: [stay('H1', 'hvb', '2025-04-03')] })],
        checks: [permit('H2', '2025-03-01')],
      });
      expect(lines(run(register), 'ivo-tillstand')).toEqual(['PL1 H1 - ivo-tillstand 2025-04-01 missing -']);
    });

    it('no registerkontroll or registerkontroll-fortlopande rows for a HVB', () => {
      const register = reg({
        homes: [home('H1', 'hvb', 'enskild')],
        placements: [placement({ decidedOn: '2025-04-01', stays: [stay('H1', 'hvb', '2025-04-03')] })],
      });
      expect(run(register).map((r) => r.check)).toEqual(['ivo-tillstand']);
    });
  });

  describe('statuses', () => {
    it('ok: a valid permit checked before the decision', () => {
      expect(judgePermit('2025-04-01', [permit('H1', '2025-03-01')])).toEqual({ decisionOn: '2025-04-01', status: 'ok', checkedOn: '2025-03-01' });
    });

    it('missing: no check at all, or only one after D', () => {
      expect(judgePermit('2025-04-01', [])).toEqual({ decisionOn: '2025-04-01', status: 'missing', checkedOn: null });
      expect(judgePermit('2026-11-01', [permit('H1', '2026-11-23')], '2026-11-22')).toMatchObject({ status: 'missing', checkedOn: null });
    });

    it('after-decision: the only check is after the decision, on or before D', () => {
      expect(judgePermit('2025-04-01', [permit('H1', '2025-04-02')])).toMatchObject({ status: 'after-decision', checkedOn: '2025-04-02' });
      expect(judgePermit('2026-11-01', [permit('H1', '2026-11-22')], '2026-11-22')).toMatchObject({
        status: 'after-decision',
        checkedOn: '2026-11-22',
      });
    });

    it('invalid: the newest check before the decision was ogiltigt', () => {
      const checks = [permit('H1', '2025-02-01'), permit('H1', '2025-03-01', 'ogiltigt'), permit('H1', '2025-04-10')];
      expect(judgePermit('2025-04-01', checks)).toMatchObject({ status: 'invalid', checkedOn: '2025-03-01' });
    });

    it('ok, not invalid: a newer valid permit exists before the decision', () => {
      const checks = [permit('H1', '2025-02-01', 'ogiltigt'), permit('H1', '2025-03-01')];
      expect(judgePermit('2025-04-01', checks)).toMatchObject({ status: 'ok', checkedOn: '2025-03-01' });
    });

    // too-old: checkedOn < decision − 90 days.
    it.each([
      // decision, check, status       decision − 90 days
      ['2025-04-01', '2025-01-01', 'ok'], // 2025-01-01 (31 + 28 + 31 = 90 days)
      ['2025-04-01', '2024-12-31', 'too-old'], // 91 days
      ['2024-04-01', '2024-01-02', 'ok'], // leap year: 2024-01-02 (31 + 29 + 30 = 90 days)
      ['2024-04-01', '2024-01-01', 'too-old'], // 91 days
      ['2025-12-31', '2025-10-02', 'ok'], // 29 + 30 + 31 = 90 days
      ['2025-12-31', '2025-10-01', 'too-old'],
    ] as const)('decision %s, permit checked %s → %s', (decisionOn, checkedOn, status) => {
      expect(judgePermit(decisionOn, [permit('H1', checkedOn)])).toEqual({ decisionOn, status, checkedOn });
    });

    it('setting ivoTillstandMaxAgeDays 30: decision 2025-04-01, limit 2025-03-02', () => {
      expect(judgePermit('2025-04-01', [permit('H1', '2025-03-02')], D, { ivoTillstandMaxAgeDays: 30 }).status).toBe('ok');
      expect(judgePermit('2025-04-01', [permit('H1', '2025-03-01')], D, { ivoTillstandMaxAgeDays: 30 }).status).toBe('too-old');
    });

    it('the decision date rules apply: an omplacering to an enskild HVB is judged on its from', () => {
      const register = reg({
        homes: [home('F1', 'familjehem'), home('H1', 'hvb', 'enskild')],
        placements: [
          placement({ decidedOn: '2025-01-10', stays: [stay('F1', 'familjehem', '2025-01-15', '2025-06-01'), stay('H1', 'hvb', '2025-06-01')] }),
        ],
        // 2025-02-01 < 2025-06-01 − 90 days = 2025-03-03 (Jun 1 − 31 = May 1, − 30 = Apr 1, − 29 = Mar 3).
        checks: [permit('H1', '2025-02-01'), permit('H1', '2025-03-03')],
      });
      expect(lines(run(register), 'ivo-tillstand')).toEqual(['PL1 H1 - ivo-tillstand 2025-06-01 ok 2025-03-03']);
    });
  });
});

describe('registerkontroll-fortlopande — local routine (fortlöpande registerkontroller)', () => {
  /** F1 with uppdragstagare P1 and one child since `from` (active on D unless stated). */
  function fosterHome(checks: CheckRecord[], options: { from?: string; to?: string | null; endedOn?: string | null } = {}) {
    const from = options.from ?? '2024-01-10';
    return reg({
      homes: [home('F1', 'familjehem')],
      persons: [person('P1', 'F1'), person('P3', 'F1', 'annan-vuxen')],
      placements: [placement({ decidedOn: '2024-01-05', endedOn: options.endedOn ?? null, stays: [stay('F1', 'familjehem', from, options.to ?? null)] })],
      checks,
    });
  }

  it('one row per uppdragstagare × register of a home with an active stay on D (no placementId)', () => {
    const results = run(fosterHome([personCheck('P1', bel, '2026-01-15'), personCheck('P1', mis, '2025-10-01')]));
    expect(lines(results, 'registerkontroll-fortlopande')).toEqual([
      'F1 P1 belastningsregistret due 2027-01-15 upcoming 2026-01-15', // 2027-01-15 − 30 days = 2026-12-16 > D
      'F1 P1 misstankeregistret due 2026-10-01 overdue 2025-10-01',
    ]);
    expect(ongoingRow(results, 'P1', bel).placementId).toBeNull();
  });

  // D = 2026-11-22, leadDays 30: due-soon when D ≤ dueOn ≤ 2026-12-22.
  it.each([
    ['2025-11-21', '2026-11-21', 'overdue'],
    ['2025-11-22', '2026-11-22', 'due-soon'], // dueOn = D
    ['2025-12-01', '2026-12-01', 'due-soon'],
    ['2025-12-22', '2026-12-22', 'due-soon'], // dueOn − 30 = D
    ['2025-12-23', '2026-12-23', 'upcoming'],
    ['2026-11-22', '2027-11-22', 'upcoming'], // checked on D
  ] as const)('newest check %s → dueOn %s, %s on 2026-11-22', (checkedOn, dueOn, status) => {
    expect(ongoingRow(run(fosterHome([personCheck('P1', bel, checkedOn)])), 'P1', bel)).toEqual({
      homeId: 'F1',
      placementId: null,
      dueOn,
      status,
      checkedOn,
    });
  });

  it('+ 12 calendar months with clamping: a check on 2024-02-29 is due 2025-02-28', () => {
    const reg1 = fosterHome([personCheck('P1', bel, '2024-02-29')]);
    expect(ongoingRow(run(reg1, '2025-02-28'), 'P1', bel)).toMatchObject({ dueOn: '2025-02-28', status: 'due-soon' });
    expect(ongoingRow(run(reg1, '2025-03-01'), 'P1', bel)).toMatchObject({ dueOn: '2025-02-28', status: 'overdue' });
  });

  it('the settings move dueOn and due-soon (6 months: 2026-03-31 → 2026-09-30; leadDays 60)', () => {
    const reg1 = fosterHome([personCheck('P1', bel, '2026-03-31'), personCheck('P1', mis, '2026-01-15')]);
    const results = run(reg1, D, { leadDays: 60 }, catalogueWith({ recheckMonths: 6 }));
    expect(ongoingRow(results, 'P1', bel)).toMatchObject({ dueOn: '2026-09-30', status: 'overdue' });
    // 2026-01-15 + 6 months = 2026-07-15 → overdue too.
    expect(ongoingRow(results, 'P1', mis)).toMatchObject({ dueOn: '2026-07-15', status: 'overdue' });
    // 2026-01-15 + 12 = 2027-01-15; D + 60 days = 2027-01-21 (Nov 22 + 8 = Nov 30, + 31 = Dec 31, + 21) → due-soon.
    expect(ongoingRow(run(reg1, D, { leadDays: 60 }), 'P1', mis)).toMatchObject({ dueOn: '2027-01-15', status: 'due-soon' });
  });

  it('the newest check on or before D counts; a check after D is ignored', () => {
    const checks = [personCheck('P1', bel, '2025-06-01'), personCheck('P1', bel, '2025-10-01'), personCheck('P1', bel, '2026-11-23')];
    expect(ongoingRow(run(fosterHome(checks)), 'P1', bel)).toMatchObject({ dueOn: '2026-10-01', status: 'overdue', checkedOn: '2025-10-01' });
  });

  it('a check with remark still renews (the routine is about having checked)', () => {
    const checks = [personCheck('P1', bel, '2026-01-15', 'med-anmarkning')];
    expect(ongoingRow(run(fosterHome(checks)), 'P1', bel)).toMatchObject({ dueOn: '2027-01-15', status: 'upcoming' });
  });

  it('never checked: dueOn = the earliest from of the stays active on D in that home', () => {
    const register = reg({
      homes: [home('F1', 'familjehem'), home('F2', 'familjehem')],
      persons: [person('P1', 'F1')],
      placements: [
        placement({ id: 'PL1', decidedOn: '2026-01-20', stays: [stay('F1', 'familjehem', '2026-02-01')] }),
        placement({ id: 'PL2', decidedOn: '2025-05-01', stays: [stay('F1', 'familjehem', '2025-05-10')] }),
        // Left F1 for F2 before D: its stay in F1 is not active.
        placement({ id: 'PL3', decidedOn: '2023-12-20', stays: [stay('F1', 'familjehem', '2024-01-01', '2025-01-01'), stay('F2', 'familjehem', '2025-01-01')] }),
        // Ended before D (its stay has no to): not active either.
        placement({ id: 'PL4', decidedOn: '2023-05-20', endedOn: '2026-06-01', stays: [stay('F1', 'familjehem', '2023-06-01')] }),
      ],
      checks: [personCheck('P1', mis, '2026-12-01')], // after D: as if never checked
    });
    const results = run(register);
    expect(lines(results, 'registerkontroll-fortlopande')).toEqual([
      'F1 P1 belastningsregistret due 2025-05-10 overdue -',
      'F1 P1 misstankeregistret due 2025-05-10 overdue -',
    ]);
  });

  it('never checked, a child who moved in recently: dueOn = that from (due-soon or upcoming by the lead days)', () => {
    expect(ongoingRow(run(fosterHome([], { from: '2026-11-22' })), 'P1', bel)).toMatchObject({ dueOn: '2026-11-22', status: 'due-soon', checkedOn: null });
    // Not begun on D 2026-11-22 → no active stay → no row at all.
    expect(lines(run(fosterHome([], { from: '2026-11-23' })), 'registerkontroll-fortlopande')).toEqual([]);
  });

  it.each([
    ['the placement ended before D', { endedOn: '2026-06-01' }],
    ['the placement ended on D (not active on its end day)', { endedOn: D }],
    ['the stay ended on D (the child moved)', { to: D }],
    ['the stay begins after D', { from: '2026-12-01' }],
  ] as const)('no rows when %s', (_label, options) => {
    const checks = [personCheck('P1', bel, '2025-10-01')];
    expect(lines(run(fosterHome(checks, options)), 'registerkontroll-fortlopande')).toEqual([]);
  });

  it('after an omplacering only the adults of the current home are due', () => {
    const register = reg({
      homes: [home('F1', 'familjehem'), home('F2', 'jourhem')],
      persons: [person('P1', 'F1'), person('P2', 'F2')],
      placements: [
        placement({ decidedOn: '2025-01-10', stays: [stay('F1', 'familjehem', '2025-01-15', '2026-12-01'), stay('F2', 'jourhem', '2026-12-01')] }),
      ],
    });
    expect(lines(run(register), 'registerkontroll-fortlopande')).toEqual([
      'F1 P1 belastningsregistret due 2025-01-15 overdue -',
      'F1 P1 misstankeregistret due 2025-01-15 overdue -',
    ]);
    // After the move on 2026-12-01 only F2's adults are due (never checked → F2's from).
    expect(lines(run(register, '2026-12-01'), 'registerkontroll-fortlopande')).toEqual([
      'F2 P2 belastningsregistret due 2026-12-01 due-soon -',
      'F2 P2 misstankeregistret due 2026-12-01 due-soon -',
    ]);
  });

  it('two children in the home still give one row per person × register', () => {
    const register = reg({
      homes: [home('F1', 'jourhem')],
      persons: [person('P1', 'F1'), person('P2', 'F1')],
      placements: [
        placement({ id: 'PL1', decidedOn: '2025-01-10', stays: [stay('F1', 'jourhem', '2025-01-15')] }),
        placement({ id: 'PL2', decidedOn: '2025-08-10', stays: [stay('F1', 'jourhem', '2025-08-15')] }),
      ],
      checks: [personCheck('P2', mis, '2026-02-01')],
    });
    expect(lines(run(register), 'registerkontroll-fortlopande')).toEqual([
      'F1 P1 belastningsregistret due 2025-01-15 overdue -',
      'F1 P1 misstankeregistret due 2025-01-15 overdue -',
      'F1 P2 belastningsregistret due 2025-01-15 overdue -',
      'F1 P2 misstankeregistret due 2027-02-01 upcoming 2026-02-01',
    ]);
  });

  it('annan-vuxen and barn-i-hemmet get no rows under the default catalogue', () => {
    const register = reg({
      homes: [home('F1', 'familjehem')],
      persons: [person('P3', 'F1', 'annan-vuxen'), person('P4', 'F1', 'barn-i-hemmet')],
      placements: [placement({ decidedOn: '2025-01-10', stays: [stay('F1', 'familjehem', '2025-01-15')] })],
    });
    expect(run(register)).toEqual([]);
  });
});

describe('the register catalogue (which registers are required, for which roles)', () => {
  it('the default requires exactly belastnings- and misstankeregistret, for uppdragstagare', () => {
    const required = defaultRegisterCatalogue.filter((e) => e.required).map((e) => [e.register, [...e.roles].sort()]);
    expect(required).toEqual([
      ['belastningsregistret', ['uppdragstagare']],
      ['misstankeregistret', ['uppdragstagare']],
    ]);
  });

  const register = reg({
    homes: [home('F1', 'familjehem')],
    persons: [person('P1', 'F1'), person('P3', 'F1', 'annan-vuxen')],
    placements: [placement({ decidedOn: '2025-02-01', stays: [stay('F1', 'familjehem', '2025-02-10')] })],
    checks: [personCheck('P1', 'socialregistret', '2025-01-20'), personCheck('P3', bel, '2025-01-05')],
  });

  it('a catalogue that makes socialregistret required adds its rows to both checks', () => {
    const catalogue = defaultRegisterCatalogue.map((e) => (e.register === 'socialregistret' ? { ...e, required: true, recheckMonths: 12 } : e));
    const results = run(register, D, {}, catalogue);
    expect(lines(results, 'registerkontroll')).toEqual([
      'PL1 F1 P1 belastningsregistret 2025-02-01 missing -',
      'PL1 F1 P1 misstankeregistret 2025-02-01 missing -',
      'PL1 F1 P1 socialregistret 2025-02-01 ok 2025-01-20',
    ]);
    expect(lines(results, 'registerkontroll-fortlopande')).toEqual([
      'F1 P1 belastningsregistret due 2025-02-10 overdue -',
      'F1 P1 misstankeregistret due 2025-02-10 overdue -',
      'F1 P1 socialregistret due 2026-01-20 overdue 2025-01-20',
    ]);
    // The default catalogue on the same register: no socialregistret rows.
    expect(run(register).filter((r) => r.register === 'socialregistret')).toEqual([]);
  });

  it('a required register without a re-check interval is judged before the decision but never re-checked', () => {
    const catalogue = defaultRegisterCatalogue.map((e) => (e.register === 'socialregistret' ? { ...e, required: true } : e));
    const results = run(register, D, {}, catalogue);
    expect(lines(results, 'registerkontroll')).toContain('PL1 F1 P1 socialregistret 2025-02-01 ok 2025-01-20');
    expect(results.filter((r) => r.check === 'registerkontroll-fortlopande' && r.register === 'socialregistret')).toEqual([]);
  });

  it('a catalogue can require a register of annan-vuxen too, and drop a register', () => {
    const catalogue: RegisterCatalogueEntry[] = [
      { register: 'belastningsregistret', roles: ['uppdragstagare', 'annan-vuxen'], required: true, maxAgeMonths: 12, recheckMonths: 12 },
      { register: 'misstankeregistret', roles: ['uppdragstagare'], required: false, maxAgeMonths: 12, recheckMonths: 12 },
    ];
    expect(lines(run(register, D, {}, catalogue), 'registerkontroll')).toEqual([
      'PL1 F1 P1 belastningsregistret 2025-02-01 missing -',
      'PL1 F1 P3 belastningsregistret 2025-02-01 ok 2025-01-05',
    ]);
  });
});

describe('judgeAtDecision (the status of one required check at a decision)', () => {
  const remark = { outcome: 'med-anmarkning', status: 'remark' } as const;
  const at = (checkedOn: string, outcome = 'utan-anmarkning'): CheckRecord => personCheck('P1', bel, checkedOn, outcome);

  it.each([
    [[], 'missing', null],
    [[at('2025-03-01')], 'after-decision', '2025-03-01'],
    [[at('2025-02-01')], 'ok', '2025-02-01'], // on the decision date
    [[at('2024-02-01')], 'ok', '2024-02-01'], // on the oldest allowed date
    [[at('2024-01-31')], 'too-old', '2024-01-31'],
    [[at('2025-01-10', 'med-anmarkning')], 'remark', '2025-01-10'],
    [[at('2025-01-10', 'med-anmarkning'), at('2025-01-20')], 'ok', '2025-01-20'],
    [[at('2025-01-20', 'med-anmarkning'), at('2025-01-10')], 'remark', '2025-01-20'],
    [[at('2025-03-01'), at('2024-06-01'), at('2025-02-15')], 'ok', '2024-06-01'],
  ] as const)('%j → %s', (checks, status, checkedOn) => {
    expect(judgeAtDecision(checks, '2025-02-01', '2024-02-01', remark)).toEqual({ status, checkedOn });
  });

  it('with two checks after the decision, after-decision names the first of them', () => {
    expect(judgeAtDecision([at('2025-04-01'), at('2025-02-15')], '2025-02-01', '2024-02-01', remark)).toEqual({
      status: 'after-decision',
      checkedOn: '2025-02-15',
    });
  });

  it('the bad outcome is a parameter: ogiltigt → invalid', () => {
    const invalid = { outcome: 'ogiltigt', status: 'invalid' } as const;
    expect(judgeAtDecision([permit('H1', '2025-01-20', 'ogiltigt')], '2025-02-01', '2024-11-03', invalid)).toEqual({
      status: 'invalid',
      checkedOn: '2025-01-20',
    });
    expect(judgeAtDecision([permit('H1', '2025-01-20', 'giltigt')], '2025-02-01', '2024-11-03', invalid).status).toBe('ok');
  });
});

describe('compareCheckResults (order of the checks output)', () => {
  const rk = (placementId: string, homeId: string, personId: string, register: string, decisionOn: string): CheckResult => ({
    check: 'registerkontroll',
    placementId,
    homeId,
    personId,
    register,
    decisionOn,
    status: 'missing',
    checkedOn: null,
  });
  const ivo = (placementId: string, homeId: string, decisionOn: string): CheckResult => ({
    check: 'ivo-tillstand',
    placementId,
    homeId,
    personId: null,
    register: 'ivo-tillstand',
    decisionOn,
    status: 'ok',
    checkedOn: decisionOn,
  });
  const fl = (homeId: string, personId: string, register: string, dueOn: string): CheckResult => ({
    check: 'registerkontroll-fortlopande',
    placementId: null,
    homeId,
    personId,
    register,
    dueOn,
    status: 'overdue',
    checkedOn: null,
  });

  it('by check, then placement, home, date, person, register', () => {
    const a = rk('PL2', 'F1', 'P1', bel, '2025-01-01');
    const b = rk('PL1', 'F2', 'P1', mis, '2025-06-01');
    const c = rk('PL1', 'F1', 'P2', bel, '2025-06-01');
    const d = rk('PL1', 'F1', 'P1', mis, '2025-06-01');
    const e = rk('PL1', 'F1', 'P1', bel, '2025-06-01');
    const f = rk('PL1', 'F1', 'P1', mis, '2025-02-01');
    const g = ivo('PL1', 'H1', '2024-01-01');
    const h = ivo('PL0', 'H2', '2026-01-01');
    const i = fl('F1', 'P1', bel, '2024-01-01');
    const j = fl('F0', 'P9', mis, '2027-01-01');
    const sorted = [i, a, g, c, j, e, b, h, f, d].sort(compareCheckResults);
    expect(sorted).toEqual([f, e, d, c, b, a, h, g, j, i]);
  });

  it('is a consistent comparator: antisymmetric, 0 only for the same key', () => {
    const x = rk('PL1', 'F1', 'P1', bel, '2025-06-01');
    const y = rk('PL1', 'F1', 'P1', mis, '2025-06-01');
    expect(Math.sign(compareCheckResults(x, y))).toBe(-1);
    expect(Math.sign(compareCheckResults(y, x))).toBe(1);
    expect(compareCheckResults(x, { ...x })).toBe(0);
  });

  it('the sorted output of computeChecks does not depend on the order of the register’s lists', () => {
    const homes = [home('F1', 'familjehem'), home('F2', 'jourhem'), home('H1', 'hvb', 'enskild'), home('H2', 'stodboende', 'enskild')];
    const persons = [person('P1', 'F1'), person('P2', 'F1'), person('P3', 'F2'), person('P4', 'F2', 'annan-vuxen')];
    const placements = [
      placement({ id: 'PL1', decidedOn: '2025-01-10', stays: [stay('F1', 'familjehem', '2025-01-15', '2025-08-01'), stay('H1', 'hvb', '2025-08-01')] }),
      placement({ id: 'PL2', decidedOn: '2025-03-01', stays: [stay('F2', 'jourhem', '2025-03-05', '2025-09-01'), stay('F1', 'familjehem', '2025-09-01')] }),
      placement({ id: 'PL3', decidedOn: '2024-04-01', endedOn: '2025-04-01', stays: [stay('H2', 'stodboende', '2024-04-02', '2025-04-01')] }),
      placement({ id: 'PL4', decidedOn: '2026-06-01', stays: [stay('F2', 'jourhem', '2026-06-03')] }),
    ];
    const checks = [
      personCheck('P1', bel, '2025-01-02'),
      personCheck('P1', bel, '2024-12-01', 'med-anmarkning'),
      personCheck('P2', mis, '2025-09-10'),
      personCheck('P3', bel, '2026-12-01'),
      personCheck('P3', mis, '2025-02-01'),
      permit('H1', '2025-07-01'),
      permit('H2', '2024-03-01', 'ogiltigt'),
    ];
    const sortedRun = (r: CheckRegister) => run(r).sort(compareCheckResults);
    const expected = sortedRun(reg({ homes, persons, placements, checks }));
    expect(expected.length).toBe(
      // registerkontroll: PL1/F1 2 persons × 2, PL2/F2 1 × 2, PL2/F1 2 × 2, PL4/F2 1 × 2 = 12;
      // ivo: PL1/H1, PL3/H2 = 2; fortlöpande: F1 (P1, P2) and F2 (P3) × 2 = 6.
      20,
    );

    // A small deterministic shuffle (LCG), several seeds; stays shuffled inside placements too.
    const shuffle = <T>(list: readonly T[], seed: number): T[] => {
      const out = [...list];
      let s = seed;
      for (let k = out.length - 1; k > 0; k -= 1) {
        s = (s * 1103515245 + 12345) % 2147483648;
        const m = s % (k + 1);
        [out[k], out[m]] = [out[m]!, out[k]!];
      }
      return out;
    };
    for (const seed of [1, 7, 42, 2026]) {
      const shuffled = reg({
        homes: shuffle(homes, seed),
        persons: shuffle(persons, seed + 1),
        placements: shuffle(placements, seed + 2).map((p) => ({ ...p, stays: shuffle(p.stays, seed + 3) })),
        checks: shuffle(checks, seed + 4),
      });
      expect(sortedRun(shuffled), `seed ${seed}`).toEqual(expected);
    }
    expect([...expected].reverse().sort(compareCheckResults)).toEqual(expected);
  });
});
