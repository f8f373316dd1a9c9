/**
 * An independent check of the deadline engine against /work/shared/domain/rules.md (normative):
 * the sections "Dates", "Status of a deadline on D", "Terms", "Deadlines of a placement" and the
 * check `fler-an-tre-barn`. Every expected date below was counted by hand from rules.md (the
 * sums are in the comments), not taken from the implementation.
 */
import { describe, expect, it } from 'vitest';
import {
  computeDeadlines,
  currentStay,
  deadlineStatus,
  isActiveOn,
  type Deadline,
  type DeadlineRegister,
  type EngineEvent,
  type EnginePlacement,
  type EngineStay,
} from '../../../main/domain/deadlines';
import {
  defaultLegalReferences,
  defaultRuleParameters,
  type LegalReference,
  type RuleParameters,
} from '../../../main/domain/rule-settings';
import { deadlineRules, type DeadlineRule, type DeadlineStatus, type HomeKind, type LegalBasis } from '../../../main/domain/vocabulary';

// ---------------------------------------------------------------------------------------------
// Builders: small fictional registers.

/** Born 2012-06-15: under 18 until 2030-06-15, so every child rule applies in 2022–2027. */
const BORN = '2012-06-15';

function stay(
  homeId: string,
  form: HomeKind,
  from: string,
  to: string | null = null,
  investigationCompletedOn: string | null = null,
): EngineStay {
  return { homeId, form, from, to, investigationCompletedOn };
}

interface PlacementInput {
  id?: string;
  childId?: string;
  legalBasis?: LegalBasis;
  startedOn: string;
  endedOn?: string | null;
  stays?: EngineStay[];
}

/** Defaults: PL1, child C1, SoL, one stay in the HVB H1 (a form no home rule looks at). */
function placement(input: PlacementInput): EnginePlacement {
  const endedOn = input.endedOn ?? null;
  return {
    id: input.id ?? 'PL1',
    childId: input.childId ?? 'C1',
    legalBasis: input.legalBasis ?? 'SoL',
    startedOn: input.startedOn,
    endedOn,
    stays: input.stays ?? [stay('H1', 'hvb', input.startedOn, endedOn)],
  };
}

function register(
  placements: EnginePlacement[],
  events: EngineEvent[] = [],
  births: Record<string, string> = {},
): DeadlineRegister {
  const children = new Map<string, string>();
  for (const p of placements) children.set(p.childId, births[p.childId] ?? BORN);
  const homes = new Map<string, HomeKind>();
  for (const p of placements) for (const s of p.stays) homes.set(s.homeId, s.form);
  return { children, placements, events, homes };
}

const ev = (type: string, date: string, placementId: string | null = 'PL1', homeId: string | null = null): EngineEvent => ({
  placementId,
  homeId,
  type,
  date,
});

function run(
  reg: DeadlineRegister,
  on: string,
  parameters: Partial<RuleParameters> = {},
  references: readonly LegalReference[] = defaultLegalReferences,
): Deadline[] {
  return computeDeadlines(reg, on, { parameters: { ...defaultRuleParameters, ...parameters }, references });
}

/** The one deadline of `rule` (for one placement): rules.md allows at most one open deadline per rule. */
function find(list: Deadline[], rule: DeadlineRule, placementId?: string | null): Deadline | undefined {
  const found = list.filter((d) => d.rule === rule && (placementId === undefined || d.placementId === placementId));
  expect(found.length, `${rule} ${placementId ?? ''} appears at most once`).toBeLessThanOrEqual(1);
  return found[0];
}
const dueOn = (list: Deadline[], rule: DeadlineRule, placementId?: string | null) => find(list, rule, placementId)?.dueOn;
const rulesOf = (list: Deadline[]) => list.map((d) => d.rule).sort();

// ---------------------------------------------------------------------------------------------
// rules.md, "Status of a deadline on D" and "Terms".

describe('status of a deadline on D (rules.md: overdue / due-soon / upcoming, leadDays)', () => {
  // dueOn 2026-03-01; dueOn − 30 days = 2026-01-30 (Mar 1 − 1 = Feb 28, − 28 = Jan 31, − 1 = Jan 30).
  it.each<[string, DeadlineStatus]>([
    ['2026-03-02', 'overdue'], // D > dueOn
    ['2027-01-01', 'overdue'],
    ['2026-03-01', 'due-soon'], // D = dueOn
    ['2026-02-15', 'due-soon'],
    ['2026-01-30', 'due-soon'], // D = dueOn − 30
    ['2026-01-29', 'upcoming'], // D = dueOn − 31
    ['2025-01-01', 'upcoming'],
  ])('deadlineStatus(2026-03-01, %s, 30) is %s', (on, status) => {
    expect(deadlineStatus('2026-03-01', on, 30)).toBe(status);
  });

  it('leadDays moves the start of due-soon (10 days: from 2026-02-19; 0 days: only on dueOn)', () => {
    expect(deadlineStatus('2026-03-01', '2026-02-18', 10)).toBe('upcoming');
    expect(deadlineStatus('2026-03-01', '2026-02-19', 10)).toBe('due-soon');
    expect(deadlineStatus('2026-03-01', '2026-02-28', 0)).toBe('upcoming');
    expect(deadlineStatus('2026-03-01', '2026-03-01', 0)).toBe('due-soon');
    expect(deadlineStatus('2026-03-01', '2026-03-02', 0)).toBe('overdue');
    // 60 days before 2026-03-01 is 2025-12-31 (Jan 30 − 30 = Dec 31).
    expect(deadlineStatus('2026-03-01', '2025-12-31', 60)).toBe('due-soon');
    expect(deadlineStatus('2026-03-01', '2025-12-30', 60)).toBe('upcoming');
  });

  describe('computeDeadlines gives each deadline the status of its dueOn on D', () => {
    // SoL placement started 2025-09-01: sol-overvagande due 2026-03-01 (+ 6 months).
    const reg = register([placement({ startedOn: '2025-09-01' })]);
    it.each<[string, DeadlineStatus]>([
      ['2026-01-29', 'upcoming'],
      ['2026-01-30', 'due-soon'],
      ['2026-03-01', 'due-soon'],
      ['2026-03-02', 'overdue'],
    ])('on %s: %s', (on, status) => {
      const d = find(run(reg, on), 'sol-overvagande');
      expect(d?.dueOn).toBe('2026-03-01');
      expect(d?.status).toBe(status);
    });
    it('with leadDays 10 the same deadline is upcoming on 2026-02-18 and due-soon on 2026-02-19', () => {
      expect(find(run(reg, '2026-02-18', { leadDays: 10 }), 'sol-overvagande')?.status).toBe('upcoming');
      expect(find(run(reg, '2026-02-19', { leadDays: 10 }), 'sol-overvagande')?.status).toBe('due-soon');
      expect(find(run(reg, '2026-01-30', { leadDays: 10 }), 'sol-overvagande')?.status).toBe('upcoming');
    });
  });
});

describe('Terms: a placement is active on D when startedOn ≤ D and (endedOn null or D < endedOn)', () => {
  it('isActiveOn', () => {
    const open = { startedOn: '2025-01-10', endedOn: null };
    expect(isActiveOn(open, '2025-01-09')).toBe(false);
    expect(isActiveOn(open, '2025-01-10')).toBe(true);
    expect(isActiveOn(open, '2040-01-01')).toBe(true);
    const ended = { startedOn: '2025-01-10', endedOn: '2025-06-01' };
    expect(isActiveOn(ended, '2025-05-31')).toBe(true);
    expect(isActiveOn(ended, '2025-06-01')).toBe(false);
  });

  it('a placement that has not started yet has no deadlines; on startedOn it has', () => {
    const reg = register([placement({ startedOn: '2025-10-01' })]);
    expect(run(reg, '2025-09-30')).toEqual([]);
    // vardplan is due on startedOn itself.
    expect(dueOn(run(reg, '2025-10-01'), 'vardplan')).toBe('2025-10-01');
  });
});

describe('Terms: the current stay on D is the one with from ≤ D and (to null or D < to)', () => {
  const stays = [stay('J1', 'jourhem', '2025-01-10', '2025-03-01'), stay('F1', 'familjehem', '2025-03-01')];
  it('currentStay', () => {
    expect(currentStay(stays, '2025-01-09')).toBeNull();
    expect(currentStay(stays, '2025-01-10')?.homeId).toBe('J1');
    expect(currentStay(stays, '2025-02-28')?.homeId).toBe('J1');
    expect(currentStay(stays, '2025-03-01')?.homeId).toBe('F1');
    expect(currentStay(stays, '2030-01-01')?.homeId).toBe('F1');
    expect(currentStay([stay('F1', 'familjehem', '2025-01-10', '2025-03-01')], '2025-03-01')).toBeNull();
  });
});

// ---------------------------------------------------------------------------------------------
// rules.md, "Deadlines of a placement".

describe('sol-overvagande (SoL 6 kap. 8 §)', () => {
  it('without an overvagande: startedOn + 6 months, clamped to the month end (2025-08-31 → 2026-02-28)', () => {
    const d = find(run(register([placement({ startedOn: '2025-08-31' })]), '2025-09-15'), 'sol-overvagande');
    expect(d).toMatchObject({
      rule: 'sol-overvagande',
      placementId: 'PL1',
      homeId: 'H1',
      dueOn: '2026-02-28',
      basisOn: '2025-08-31',
      basis: 'placement-start',
      status: 'upcoming',
      legalRef: 'SoL 22 kap. 13 §',
      satisfiedBy: 'overvagande',
      specialReasonsOn: null,
    });
  });

  it('clamps to a leap day: 2023-08-31 + 6 months = 2024-02-29', () => {
    expect(dueOn(run(register([placement({ startedOn: '2023-08-31' })]), '2023-09-01'), 'sol-overvagande')).toBe('2024-02-29');
  });

  it('an overvagande renews: event 2025-07-10 + 6 months = 2026-01-10', () => {
    const reg = register([placement({ startedOn: '2025-01-15' })], [ev('overvagande', '2025-07-10')]);
    expect(find(run(reg, '2025-08-01'), 'sol-overvagande')).toMatchObject({
      dueOn: '2026-01-10',
      basisOn: '2025-07-10',
      basis: 'latest-event',
    });
  });

  it('an overvagande on a month end renews with clamping: 2025-08-31 → 2026-02-28', () => {
    const reg = register([placement({ startedOn: '2025-03-01' })], [ev('overvagande', '2025-08-31')]);
    expect(dueOn(run(reg, '2025-09-01'), 'sol-overvagande')).toBe('2026-02-28');
  });

  it('the latest of several overvaganden counts, whatever their order', () => {
    const reg = register(
      [placement({ startedOn: '2025-01-15' })],
      [ev('overvagande', '2025-05-05'), ev('overvagande', '2025-07-10'), ev('overvagande', '2025-03-01')],
    );
    expect(dueOn(run(reg, '2025-08-01'), 'sol-overvagande')).toBe('2026-01-10');
  });

  it('an event dated after D is ignored (startedOn 2025-01-15 + 6 = 2025-07-15, due-soon on 2025-07-09)', () => {
    const reg = register([placement({ startedOn: '2025-01-15' })], [ev('overvagande', '2025-07-10')]);
    expect(find(run(reg, '2025-07-09'), 'sol-overvagande')).toMatchObject({
      dueOn: '2025-07-15',
      basis: 'placement-start',
      status: 'due-soon',
    });
  });

  it('an event dated on D counts', () => {
    const reg = register([placement({ startedOn: '2025-01-15' })], [ev('overvagande', '2025-07-10')]);
    expect(dueOn(run(reg, '2025-07-10'), 'sol-overvagande')).toBe('2026-01-10');
  });

  it('an event before startedOn is ignored; one on startedOn counts', () => {
    const before = register([placement({ startedOn: '2025-01-15' })], [ev('overvagande', '2025-01-14')]);
    expect(find(run(before, '2025-03-01'), 'sol-overvagande')).toMatchObject({ dueOn: '2025-07-15', basis: 'placement-start' });
    const on = register([placement({ startedOn: '2025-01-15' })], [ev('overvagande', '2025-01-15')]);
    expect(find(run(on, '2025-03-01'), 'sol-overvagande')).toMatchObject({
      dueOn: '2025-07-15',
      basis: 'latest-event',
      basisOn: '2025-01-15',
    });
  });

  it("another placement's overvagande and other event types do not renew", () => {
    const reg = register(
      [placement({ startedOn: '2025-01-15' }), placement({ id: 'PL2', childId: 'C2', startedOn: '2025-01-15' })],
      [ev('barnsamtal', '2025-07-10'), ev('omprovning', '2025-07-10'), ev('overvagande', '2025-07-10', 'PL2')],
    );
    const list = run(reg, '2025-08-01');
    expect(dueOn(list, 'sol-overvagande', 'PL1')).toBe('2025-07-15');
    expect(dueOn(list, 'sol-overvagande', 'PL2')).toBe('2026-01-10');
  });

  it('applies to SoL only, not to LVU2 or LVU3', () => {
    for (const legalBasis of ['LVU2', 'LVU3'] as const) {
      expect(find(run(register([placement({ startedOn: '2025-01-15', legalBasis })]), '2025-02-01'), 'sol-overvagande')).toBeUndefined();
    }
  });

  it('the parameter overvagandeMonths changes the interval (3: 2025-08-31 → 2025-11-30)', () => {
    expect(dueOn(run(register([placement({ startedOn: '2025-08-31' })]), '2025-09-01', { overvagandeMonths: 3 }), 'sol-overvagande')).toBe(
      '2025-11-30',
    );
  });

  describe('stops on the 18th birthday (child under 18 on D)', () => {
    // Born 2008-03-10: 18th birthday 2026-03-10. Started 2025-10-01: due 2026-04-01.
    const reg = register([placement({ startedOn: '2025-10-01' })], [], { C1: '2008-03-10' });
    it('D = the day before the birthday: a deadline', () => {
      expect(dueOn(run(reg, '2026-03-09'), 'sol-overvagande')).toBe('2026-04-01');
    });
    it('D = the 18th birthday: no deadline', () => {
      expect(find(run(reg, '2026-03-10'), 'sol-overvagande')).toBeUndefined();
    });
  });

  describe('a child born on 29 February turns 18 on 28 February in a common year (the clamping of Dates)', () => {
    // Born 2008-02-29: 2008-02-29 + 216 months = 2026-02-28.
    const reg = register([placement({ startedOn: '2025-10-01' })], [], { C1: '2008-02-29' });
    it('2026-02-27: under 18', () => expect(dueOn(run(reg, '2026-02-27'), 'sol-overvagande')).toBe('2026-04-01'));
    it('2026-02-28: 18', () => expect(find(run(reg, '2026-02-28'), 'sol-overvagande')).toBeUndefined());
    it('2026-03-01: 18', () => expect(find(run(reg, '2026-03-01'), 'sol-overvagande')).toBeUndefined());
    // (An 18th birthday of a 29 February child never falls in a leap year: 18 is not a multiple of 4.)
  });

  it('stops with the placement: D = endedOn is not active (SoL: nothing at all after the end)', () => {
    const reg = register([placement({ startedOn: '2025-10-01', endedOn: '2026-01-15' })]);
    expect(dueOn(run(reg, '2026-01-14'), 'sol-overvagande')).toBe('2026-04-01');
    expect(run(reg, '2026-01-15')).toEqual([]);
  });
});

describe('lvu-overvagande (LVU 13 § första st.)', () => {
  it('an LVU2 placement without an overvagande: startedOn 2024-05-31 + 6 months = 2024-11-30', () => {
    const list = run(register([placement({ startedOn: '2024-05-31', legalBasis: 'LVU2' })]), '2024-06-01');
    expect(find(list, 'lvu-overvagande')).toMatchObject({
      dueOn: '2024-11-30',
      basisOn: '2024-05-31',
      basis: 'placement-start',
      legalRef: 'LVU 13 § första st.',
      satisfiedBy: 'overvagande',
    });
    expect(find(list, 'lvu-omprovning')).toBeUndefined();
    expect(find(list, 'sol-overvagande')).toBeUndefined();
  });

  it('an overvagande renews (2024-11-20 → 2025-05-20); an omprovning does not', () => {
    const reg = register(
      [placement({ startedOn: '2024-05-31', legalBasis: 'LVU2' })],
      [ev('overvagande', '2024-11-20'), ev('omprovning', '2024-12-01')],
    );
    expect(find(run(reg, '2024-12-15'), 'lvu-overvagande')).toMatchObject({ dueOn: '2025-05-20', basis: 'latest-event' });
  });

  it('an overvagande before startedOn or after D does not renew', () => {
    const reg = register(
      [placement({ startedOn: '2024-05-31', legalBasis: 'LVU2' })],
      [ev('overvagande', '2024-05-30'), ev('overvagande', '2024-07-01')],
    );
    expect(dueOn(run(reg, '2024-06-30'), 'lvu-overvagande')).toBe('2024-11-30');
  });

  it('has no age limit: still due after the 18th birthday (while barnsamtal stops)', () => {
    // Born 2006-09-01: 18 on 2024-09-01.
    const reg = register([placement({ startedOn: '2024-05-31', legalBasis: 'LVU2' })], [ev('overvagande', '2024-11-20')], {
      C1: '2006-09-01',
    });
    const list = run(reg, '2024-12-01');
    expect(dueOn(list, 'lvu-overvagande')).toBe('2025-05-20');
    expect(find(list, 'barnsamtal')).toBeUndefined();
  });
});

describe('lvu-omprovning (LVU 13 § andra st.)', () => {
  it('an LVU3 placement without an omprovning: startedOn 2025-03-31 + 6 months = 2025-09-30', () => {
    const list = run(register([placement({ startedOn: '2025-03-31', legalBasis: 'LVU3' })]), '2025-04-01');
    expect(find(list, 'lvu-omprovning')).toMatchObject({
      dueOn: '2025-09-30',
      basisOn: '2025-03-31',
      basis: 'placement-start',
      legalRef: 'LVU 13 § andra st.',
      satisfiedBy: 'omprovning',
    });
    expect(find(list, 'lvu-overvagande')).toBeUndefined();
    expect(find(list, 'sol-overvagande')).toBeUndefined();
  });

  it('an omprovning renews (2025-08-31 → 2026-02-28); a later overvagande does not', () => {
    const reg = register(
      [placement({ startedOn: '2025-03-31', legalBasis: 'LVU3' })],
      [ev('omprovning', '2025-08-31'), ev('overvagande', '2025-09-01')],
    );
    expect(find(run(reg, '2025-09-02'), 'lvu-omprovning')).toMatchObject({
      dueOn: '2026-02-28',
      basisOn: '2025-08-31',
      basis: 'latest-event',
    });
  });

  it('an omprovning after D is ignored', () => {
    const reg = register([placement({ startedOn: '2025-03-31', legalBasis: 'LVU3' })], [ev('omprovning', '2025-08-31')]);
    expect(dueOn(run(reg, '2025-08-30'), 'lvu-omprovning')).toBe('2025-09-30');
  });

  it('has no age limit', () => {
    const reg = register([placement({ startedOn: '2025-03-31', legalBasis: 'LVU3' })], [], { C1: '2007-01-01' });
    expect(dueOn(run(reg, '2025-06-01'), 'lvu-omprovning')).toBe('2025-09-30');
  });

  it('the parameter omprovningMonths changes the interval (4: 2025-03-31 → 2025-07-31)', () => {
    const reg = register([placement({ startedOn: '2025-03-31', legalBasis: 'LVU3' })]);
    expect(dueOn(run(reg, '2025-04-01', { omprovningMonths: 4 }), 'lvu-omprovning')).toBe('2025-07-31');
  });
});

describe('barnsamtal (Socialstyrelsens allmänna råd)', () => {
  it('without a barnsamtal: startedOn 2025-11-30 + 3 months = 2026-02-28', () => {
    expect(find(run(register([placement({ startedOn: '2025-11-30' })]), '2025-12-01'), 'barnsamtal')).toMatchObject({
      dueOn: '2026-02-28',
      basisOn: '2025-11-30',
      basis: 'placement-start',
      satisfiedBy: 'barnsamtal',
    });
  });

  it('a barnsamtal renews: 2025-12-15 + 3 months = 2026-03-15', () => {
    const reg = register([placement({ startedOn: '2025-11-30' })], [ev('barnsamtal', '2025-10-01'), ev('barnsamtal', '2025-12-15')]);
    expect(find(run(reg, '2025-12-20'), 'barnsamtal')).toMatchObject({ dueOn: '2026-03-15', basisOn: '2025-12-15', basis: 'latest-event' });
  });

  it('a barnsamtal before startedOn or after D is ignored', () => {
    const reg = register([placement({ startedOn: '2025-11-30' })], [ev('barnsamtal', '2025-11-29'), ev('barnsamtal', '2025-12-21')]);
    expect(dueOn(run(reg, '2025-12-20'), 'barnsamtal')).toBe('2026-02-28');
  });

  it('applies to every legal basis', () => {
    for (const legalBasis of ['SoL', 'LVU2', 'LVU3'] as const) {
      expect(dueOn(run(register([placement({ startedOn: '2025-11-30', legalBasis })]), '2025-12-01'), 'barnsamtal')).toBe('2026-02-28');
    }
  });

  it('stops on the 18th birthday, whatever the basis', () => {
    // Born 2008-03-10, started 2025-10-01: due 2026-01-01 (overdue on 2026-03-09).
    for (const legalBasis of ['SoL', 'LVU2', 'LVU3'] as const) {
      const reg = register([placement({ startedOn: '2025-10-01', legalBasis })], [], { C1: '2008-03-10' });
      expect(find(run(reg, '2026-03-09'), 'barnsamtal')).toMatchObject({ dueOn: '2026-01-01', status: 'overdue' });
      expect(find(run(reg, '2026-03-10'), 'barnsamtal')).toBeUndefined();
    }
  });

  it('the parameter barnsamtalMonths changes the interval (1: 2025-01-31 → 2025-02-28)', () => {
    expect(dueOn(run(register([placement({ startedOn: '2025-01-31' })]), '2025-02-01', { barnsamtalMonths: 1 }), 'barnsamtal')).toBe(
      '2025-02-28',
    );
  });
});

describe('vardplan (SoL 11 kap. 3 §; SoF 5 kap. 1 a §)', () => {
  const reg = (events: EngineEvent[] = []) => register([placement({ startedOn: '2025-05-05' })], events);

  it('due on startedOn: due-soon on that day, overdue the day after', () => {
    expect(find(run(reg(), '2025-05-05'), 'vardplan')).toMatchObject({
      dueOn: '2025-05-05',
      basisOn: '2025-05-05',
      basis: 'placement-start',
      status: 'due-soon',
      legalRef: 'SoL 11 kap. 3 §; SoF 5 kap. 1 a §',
      satisfiedBy: 'vardplan',
    });
    expect(find(run(reg(), '2025-05-06'), 'vardplan')?.status).toBe('overdue');
  });

  it('satisfied by a vardplan dated on D', () => {
    expect(find(run(reg([ev('vardplan', '2025-05-06')]), '2025-05-06'), 'vardplan')).toBeUndefined();
  });

  it('satisfied by a vardplan made before the child moved (before startedOn), and stays satisfied years later', () => {
    expect(find(run(reg([ev('vardplan', '2025-04-28')]), '2025-05-06'), 'vardplan')).toBeUndefined();
    expect(find(run(reg([ev('vardplan', '2025-04-28')]), '2027-06-01'), 'vardplan')).toBeUndefined();
  });

  it('not satisfied by a vardplan dated after D', () => {
    expect(find(run(reg([ev('vardplan', '2025-05-07')]), '2025-05-06'), 'vardplan')?.dueOn).toBe('2025-05-05');
  });

  it("not satisfied by another placement's vardplan, or by another event type", () => {
    expect(dueOn(run(reg([ev('vardplan', '2025-05-01', 'PL2'), ev('genomforandeplan', '2025-05-01')]), '2025-05-06'), 'vardplan')).toBe(
      '2025-05-05',
    );
  });

  it('has no age limit (a 25-year-old in an active placement)', () => {
    const list = run(register([placement({ startedOn: '2025-05-05' })], [], { C1: '2000-01-01' }), '2025-05-06');
    expect(rulesOf(list)).toEqual(['genomforandeplan', 'vardplan']);
  });
});

describe('genomforandeplan (SoL 11 kap. 3 §; SOSFS 2012:11)', () => {
  it('startedOn + 30 days: 2025-01-31 → 2025-03-02, due-soon already on startedOn (03-02 − 30 = 01-31)', () => {
    const reg = register([placement({ startedOn: '2025-01-31' })]);
    expect(find(run(reg, '2025-01-31'), 'genomforandeplan')).toMatchObject({
      dueOn: '2025-03-02',
      basisOn: '2025-01-31',
      basis: 'placement-start',
      status: 'due-soon',
      legalRef: 'SoL 11 kap. 3 §; SOSFS 2012:11',
      satisfiedBy: 'genomforandeplan',
    });
  });

  it('satisfied by a genomforandeplan dated ≤ D, not by one after D', () => {
    const reg = (date: string) => register([placement({ startedOn: '2025-01-31' })], [ev('genomforandeplan', date)]);
    expect(find(run(reg('2025-02-20'), '2025-02-20'), 'genomforandeplan')).toBeUndefined();
    expect(find(run(reg('2025-01-20'), '2025-02-20'), 'genomforandeplan')).toBeUndefined();
    expect(find(run(reg('2025-05-01'), '2025-03-03'), 'genomforandeplan')).toMatchObject({ dueOn: '2025-03-02', status: 'overdue' });
  });

  it('the parameter genomforandeplanDays changes it (14: 2025-01-31 → 2025-02-14)', () => {
    expect(dueOn(run(register([placement({ startedOn: '2025-01-31' })]), '2025-02-01', { genomforandeplanDays: 14 }), 'genomforandeplan')).toBe(
      '2025-02-14',
    );
  });
});

describe('halsoundersokning (SoL 11 kap. 3 a §; lag 2017:209)', () => {
  it('startedOn + 30 days across a leap February: 2024-02-15 → 2024-03-16', () => {
    expect(find(run(register([placement({ startedOn: '2024-02-15' })]), '2024-02-16'), 'halsoundersokning')).toMatchObject({
      dueOn: '2024-03-16',
      basisOn: '2024-02-15',
      basis: 'placement-start',
      satisfiedBy: 'halsoundersokning-begard',
    });
  });

  it('satisfied by a halsoundersokning-begard dated ≤ D (even before startedOn), not by one after D', () => {
    const reg = (date: string) => register([placement({ startedOn: '2024-02-15' })], [ev('halsoundersokning-begard', date)]);
    expect(find(run(reg('2024-02-10'), '2024-02-20'), 'halsoundersokning')).toBeUndefined();
    expect(find(run(reg('2024-02-20'), '2024-02-20'), 'halsoundersokning')).toBeUndefined();
    expect(dueOn(run(reg('2024-02-21'), '2024-02-20'), 'halsoundersokning')).toBe('2024-03-16');
  });

  describe('applies to a child under 21 on D (born 2004-05-20: 21 on 2025-05-20)', () => {
    const reg = register([placement({ startedOn: '2025-04-01' })], [], { C1: '2004-05-20' });
    it('the day before the 21st birthday: due 2025-05-01; the 18-year rules have stopped', () => {
      const list = run(reg, '2025-05-19');
      expect(dueOn(list, 'halsoundersokning')).toBe('2025-05-01');
      expect(rulesOf(list)).toEqual(['genomforandeplan', 'halsoundersokning', 'vardplan']);
    });
    it('on the 21st birthday: no deadline', () => {
      expect(find(run(reg, '2025-05-20'), 'halsoundersokning')).toBeUndefined();
    });
  });
});

describe('jourhem-tidsgrans (SoL 6 kap. 6 §)', () => {
  const jourhem = (investigationCompletedOn: string | null = null, events: EngineEvent[] = []) =>
    register([placement({ startedOn: '2025-01-31', stays: [stay('J1', 'jourhem', '2025-01-31', null, investigationCompletedOn)] })], events);

  it('investigation not completed: the stay’s from + 6 months (2025-01-31 → 2025-07-31)', () => {
    expect(find(run(jourhem(), '2025-02-01'), 'jourhem-tidsgrans')).toMatchObject({
      placementId: 'PL1',
      homeId: 'J1',
      dueOn: '2025-07-31',
      basisOn: '2025-01-31',
      basis: 'jourhem-stay-start',
      legalRef: 'SoL 22 kap. 4 §',
      specialReasonsOn: null,
    });
  });

  it('investigationCompletedOn + 2 months (2025-03-31 → 2025-05-31)', () => {
    expect(find(run(jourhem('2025-03-31'), '2025-04-01'), 'jourhem-tidsgrans')).toMatchObject({
      dueOn: '2025-05-31',
      basisOn: '2025-03-31',
      basis: 'investigation-completed',
    });
  });

  it('an investigationCompletedOn after D is ignored; on D it counts', () => {
    expect(find(run(jourhem('2025-03-31'), '2025-03-30'), 'jourhem-tidsgrans')).toMatchObject({
      dueOn: '2025-07-31',
      basis: 'jourhem-stay-start',
    });
    expect(dueOn(run(jourhem('2025-03-31'), '2025-03-31'), 'jourhem-tidsgrans')).toBe('2025-05-31');
  });

  it('särskilda skäl are shown in specialReasonsOn, but the deadline is still overdue', () => {
    const d = find(run(jourhem('2025-03-31', [ev('jourhem-sarskilda-skal', '2025-06-10')]), '2025-06-15'), 'jourhem-tidsgrans');
    expect(d).toMatchObject({ dueOn: '2025-05-31', status: 'overdue', specialReasonsOn: '2025-06-10' });
  });

  it('särskilda skäl dated after D are not shown', () => {
    const d = find(run(jourhem('2025-03-31', [ev('jourhem-sarskilda-skal', '2025-06-20')]), '2025-06-15'), 'jourhem-tidsgrans');
    expect(d).toMatchObject({ dueOn: '2025-05-31', status: 'overdue', specialReasonsOn: null });
  });

  it('counts from the jourhem stay, not from startedOn (HVB first, jourhem from 2025-02-15 → 2025-08-15)', () => {
    const reg = register([
      placement({
        startedOn: '2025-01-10',
        stays: [stay('H1', 'hvb', '2025-01-10', '2025-02-15'), stay('J1', 'jourhem', '2025-02-15')],
      }),
    ]);
    expect(find(run(reg, '2025-01-20'), 'jourhem-tidsgrans')).toBeUndefined();
    expect(find(run(reg, '2025-03-01'), 'jourhem-tidsgrans')).toMatchObject({ dueOn: '2025-08-15', basisOn: '2025-02-15', homeId: 'J1' });
  });

  describe('ends when the child leaves the jourhem (omplacering to a familjehem on 2025-04-01)', () => {
    const reg = register([
      placement({
        startedOn: '2025-01-10',
        stays: [stay('J1', 'jourhem', '2025-01-10', '2025-04-01'), stay('F1', 'familjehem', '2025-04-01')],
      }),
    ]);
    it('2025-03-31: in the jourhem, due 2025-07-10', () => {
      expect(dueOn(run(reg, '2025-03-31'), 'jourhem-tidsgrans')).toBe('2025-07-10');
    });
    it('2025-04-01: left it, no deadline (and the 24 months of vardnadsoverflyttning start: 2027-04-01)', () => {
      const list = run(reg, '2025-04-01');
      expect(find(list, 'jourhem-tidsgrans')).toBeUndefined();
      expect(dueOn(list, 'vardnadsoverflyttning')).toBe('2027-04-01');
    });
  });

  it('only a jourhem: no deadline in a familjehem, nätverkshem or HVB', () => {
    for (const form of ['familjehem', 'natverkshem', 'hvb', 'stodboende', 'sis'] as const) {
      const reg = register([placement({ startedOn: '2025-01-31', stays: [stay('X1', form, '2025-01-31')] })]);
      expect(find(run(reg, '2025-02-01'), 'jourhem-tidsgrans'), form).toBeUndefined();
    }
  });

  it('has no age limit', () => {
    const reg = register([placement({ startedOn: '2025-01-31', stays: [stay('J1', 'jourhem', '2025-01-31')] })], [], { C1: '2005-01-01' });
    expect(dueOn(run(reg, '2025-02-01'), 'jourhem-tidsgrans')).toBe('2025-07-31');
  });

  it('the parameters change it (1 month after the investigation: 2025-03-31 → 2025-04-30; 4 without: 2025-05-31)', () => {
    expect(dueOn(run(jourhem('2025-03-31'), '2025-04-01', { jourhemAfterInvestigationMonths: 1 }), 'jourhem-tidsgrans')).toBe('2025-04-30');
    expect(dueOn(run(jourhem(), '2025-02-01', { jourhemWithoutInvestigationMonths: 4 }), 'jourhem-tidsgrans')).toBe('2025-05-31');
  });
});

describe('vardnadsoverflyttning (SoL 6 kap. 8 b §; LVU 13 §)', () => {
  const EVT = 'vardnadsoverflyttning-overvagande';

  it('familjehem since 2024-02-29, no event: B + 24 months = 2026-02-28', () => {
    const reg = register([placement({ startedOn: '2024-02-29', stays: [stay('F1', 'familjehem', '2024-02-29')] })]);
    expect(find(run(reg, '2024-03-01'), 'vardnadsoverflyttning')).toMatchObject({
      placementId: 'PL1',
      homeId: 'F1',
      dueOn: '2026-02-28',
      basisOn: '2024-02-29',
      basis: 'same-home-since',
      legalRef: 'SoL 22 kap. 14 §; LVU 13 §',
      satisfiedBy: EVT,
    });
  });

  it('applies in a nätverkshem too, and not in a jourhem, HVB, stödboende or SiS', () => {
    const reg = (form: HomeKind) => register([placement({ startedOn: '2024-02-29', stays: [stay('X1', form, '2024-02-29')] })]);
    expect(dueOn(run(reg('natverkshem'), '2024-03-01'), 'vardnadsoverflyttning')).toBe('2026-02-28');
    for (const form of ['jourhem', 'hvb', 'stodboende', 'sis'] as const) {
      expect(find(run(reg(form), '2024-03-01'), 'vardnadsoverflyttning'), form).toBeUndefined();
    }
  });

  it('applies to every legal basis', () => {
    for (const legalBasis of ['SoL', 'LVU2', 'LVU3'] as const) {
      const reg = register([placement({ startedOn: '2024-02-29', legalBasis, stays: [stay('F1', 'familjehem', '2024-02-29')] })]);
      expect(dueOn(run(reg, '2024-03-01'), 'vardnadsoverflyttning'), legalBasis).toBe('2026-02-28');
    }
  });

  describe('an event renews for 12 months (B = 2022-03-01)', () => {
    const reg = register(
      [placement({ startedOn: '2022-03-01', stays: [stay('F1', 'familjehem', '2022-03-01')] })],
      [ev(EVT, '2023-02-20'), ev(EVT, '2024-02-29')],
    );
    it('the latest event 2024-02-29 + 12 months = 2025-02-28', () => {
      expect(find(run(reg, '2024-03-15'), 'vardnadsoverflyttning')).toMatchObject({
        dueOn: '2025-02-28',
        basisOn: '2024-02-29',
        basis: 'latest-event',
      });
    });
    it('events after D are ignored (on 2024-02-28 the latest is 2023-02-20 → 2024-02-20)', () => {
      expect(dueOn(run(reg, '2024-02-28'), 'vardnadsoverflyttning')).toBe('2024-02-20');
    });
    it('with no event by D: B + 24 = 2024-03-01', () => {
      expect(find(run(reg, '2023-02-19'), 'vardnadsoverflyttning')).toMatchObject({ dueOn: '2024-03-01', basis: 'same-home-since' });
    });
  });

  describe('child under 18 on D (born 2006-07-01, in F1 since 2023-01-10)', () => {
    const reg = register([placement({ startedOn: '2023-01-10', stays: [stay('F1', 'familjehem', '2023-01-10')] })], [], {
      C1: '2006-07-01',
    });
    it('2024-06-30: due 2025-01-10', () => expect(dueOn(run(reg, '2024-06-30'), 'vardnadsoverflyttning')).toBe('2025-01-10'));
    it('2024-07-01 (18th birthday): none', () => expect(find(run(reg, '2024-07-01'), 'vardnadsoverflyttning')).toBeUndefined());
  });

  it('an omplacering to another familjehem restarts the count; an event in the first home no longer counts', () => {
    const reg = register(
      [
        placement({
          startedOn: '2023-01-10',
          stays: [stay('F1', 'familjehem', '2023-01-10', '2024-05-01'), stay('F2', 'familjehem', '2024-05-01')],
        }),
      ],
      [ev(EVT, '2024-01-15')],
    );
    expect(find(run(reg, '2024-04-30'), 'vardnadsoverflyttning')).toMatchObject({ homeId: 'F1', dueOn: '2025-01-15' });
    expect(find(run(reg, '2024-06-01'), 'vardnadsoverflyttning')).toMatchObject({
      homeId: 'F2',
      dueOn: '2026-05-01',
      basisOn: '2024-05-01',
      basis: 'same-home-since',
    });
  });

  it('back in the same home after a stay elsewhere: counted from the return (a gap breaks it)', () => {
    const reg = register([
      placement({
        startedOn: '2023-01-10',
        stays: [
          stay('F1', 'familjehem', '2023-01-10', '2023-06-01'),
          stay('H1', 'hvb', '2023-06-01', '2023-09-01'),
          stay('F1', 'familjehem', '2023-09-01'),
        ],
      }),
    ]);
    expect(find(run(reg, '2023-10-01'), 'vardnadsoverflyttning')).toMatchObject({ dueOn: '2025-09-01', basisOn: '2023-09-01' });
  });

  it('two consecutive stays in the same home of one placement count as one', () => {
    const reg = register([
      placement({
        startedOn: '2023-01-10',
        stays: [stay('F1', 'familjehem', '2023-01-10', '2023-06-01'), stay('F1', 'familjehem', '2023-06-01')],
      }),
    ]);
    expect(find(run(reg, '2023-10-01'), 'vardnadsoverflyttning')).toMatchObject({ dueOn: '2025-01-10', basisOn: '2023-01-10' });
  });

  describe('across placements of the same child in the same home', () => {
    // Placement A (SoL) in F1 from 2022-05-10 to 2024-01-10; placement B (LVU2) in F1 from `bFrom`.
    const chain = (bFrom: string, events: EngineEvent[] = [], childOfA = 'C1') =>
      register(
        [
          placement({
            id: 'PL-A',
            childId: childOfA,
            startedOn: '2022-05-10',
            endedOn: '2024-01-10',
            stays: [stay('F1', 'familjehem', '2022-05-10', '2024-01-10')],
          }),
          placement({ id: 'PL-B', legalBasis: 'LVU2', startedOn: bFrom, stays: [stay('F1', 'familjehem', bFrom)] }),
        ],
        events,
      );

    it('B starting the day A ends: one continuous stay, B = A’s from (2022-05-10 + 24 = 2024-05-10)', () => {
      const list = run(chain('2024-01-10'), '2024-03-01');
      expect(find(list, 'vardnadsoverflyttning')).toMatchObject({
        placementId: 'PL-B',
        homeId: 'F1',
        dueOn: '2024-05-10',
        basisOn: '2022-05-10',
        basis: 'same-home-since',
      });
    });

    it('an event recorded on the earlier placement, dated ≥ B, renews (2023-11-15 + 12 = 2024-11-15)', () => {
      const list = run(chain('2024-01-10', [ev(EVT, '2023-11-15', 'PL-A')]), '2024-03-01');
      expect(find(list, 'vardnadsoverflyttning', 'PL-B')).toMatchObject({ dueOn: '2024-11-15', basisOn: '2023-11-15', basis: 'latest-event' });
    });

    it('a gap between the placements breaks it: B = 2024-01-20 (+ 24 = 2026-01-20), and A’s event before B no longer counts', () => {
      const list = run(chain('2024-01-20', [ev(EVT, '2023-11-15', 'PL-A')]), '2024-03-01');
      expect(find(list, 'vardnadsoverflyttning', 'PL-B')).toMatchObject({
        dueOn: '2026-01-20',
        basisOn: '2024-01-20',
        basis: 'same-home-since',
      });
    });

    it('another child’s placement in the same home does not chain, nor do its events renew', () => {
      const list = run(chain('2024-01-10', [ev(EVT, '2023-11-15', 'PL-A'), ev(EVT, '2024-02-01', 'PL-A')], 'C2'), '2024-03-01');
      expect(find(list, 'vardnadsoverflyttning', 'PL-B')).toMatchObject({ dueOn: '2026-01-10', basisOn: '2024-01-10' });
    });
  });

  it('the parameters change it (first 18 months: 2024-02-29 → 2025-08-29; then 6: event 2024-02-29 → 2024-08-29)', () => {
    const none = register([placement({ startedOn: '2024-02-29', stays: [stay('F1', 'familjehem', '2024-02-29')] })]);
    expect(dueOn(run(none, '2024-03-01', { vardnadsoverflyttningFirstMonths: 18 }), 'vardnadsoverflyttning')).toBe('2025-08-29');
    const renewed = register([placement({ startedOn: '2022-03-01', stays: [stay('F1', 'familjehem', '2022-03-01')] })], [ev(EVT, '2024-02-29')]);
    expect(dueOn(run(renewed, '2024-03-01', { vardnadsoverflyttningThenMonths: 6 }), 'vardnadsoverflyttning')).toBe('2024-08-29');
  });
});

describe('uppfoljning-efter-lvu (LVU 21 b §, lex lilla hjärtat)', () => {
  const ended = (legalBasis: LegalBasis = 'LVU2', events: EngineEvent[] = [], born = BORN) =>
    register(
      [placement({ legalBasis, startedOn: '2023-01-01', endedOn: '2025-08-31', stays: [stay('F1', 'familjehem', '2023-01-01', '2025-08-31')] })],
      events,
      { C1: born },
    );

  it('an ended LVU2 placement: nothing but uppfoljning, due endedOn + 6 months (2025-08-31 → 2026-02-28)', () => {
    expect(run(ended(), '2025-09-01')).toEqual([
      {
        rule: 'uppfoljning-efter-lvu',
        placementId: 'PL1',
        homeId: null,
        dueOn: '2026-02-28',
        basisOn: '2025-08-31',
        basis: 'placement-end',
        status: 'upcoming',
        legalRef: 'LVU 21 b §',
        satisfiedBy: 'uppfoljning-avslutad',
        specialReasonsOn: null,
      },
    ]);
  });

  it('D = endedOn: not active any more, only uppfoljning; the day before: the active rules, no uppfoljning', () => {
    expect(rulesOf(run(ended(), '2025-08-31'))).toEqual(['uppfoljning-efter-lvu']);
    const before = rulesOf(run(ended(), '2025-08-30'));
    expect(before).toContain('lvu-overvagande');
    expect(before).toContain('vardplan');
    expect(before).not.toContain('uppfoljning-efter-lvu');
  });

  it('an ended LVU3 placement too; an ended SoL placement has nothing', () => {
    expect(rulesOf(run(ended('LVU3'), '2025-09-01'))).toEqual(['uppfoljning-efter-lvu']);
    expect(run(ended('SoL'), '2025-09-01')).toEqual([]);
  });

  it('only when the child was under 18 on endedOn (born 2007-08-31: 18 on endedOn → none)', () => {
    expect(run(ended('LVU2', [], '2007-08-31'), '2025-09-01')).toEqual([]);
  });

  it('a child 17 on endedOn keeps the deadline after turning 18 (born 2007-09-01, D 2025-10-01)', () => {
    expect(dueOn(run(ended('LVU2', [], '2007-09-01'), '2025-10-01'), 'uppfoljning-efter-lvu')).toBe('2026-02-28');
  });

  it('satisfied by an uppfoljning-avslutad dated on endedOn, or between endedOn and D', () => {
    expect(run(ended('LVU2', [ev('uppfoljning-avslutad', '2025-08-31')]), '2025-09-01')).toEqual([]);
    expect(run(ended('LVU2', [ev('uppfoljning-avslutad', '2025-12-01')]), '2026-01-01')).toEqual([]);
  });

  it('not satisfied by one dated before endedOn, after D, or on another placement', () => {
    expect(dueOn(run(ended('LVU2', [ev('uppfoljning-avslutad', '2025-08-30')]), '2025-09-01'), 'uppfoljning-efter-lvu')).toBe('2026-02-28');
    expect(dueOn(run(ended('LVU2', [ev('uppfoljning-avslutad', '2025-12-01')]), '2025-11-30'), 'uppfoljning-efter-lvu')).toBe('2026-02-28');
    expect(dueOn(run(ended('LVU2', [ev('uppfoljning-avslutad', '2025-09-01', 'PL2')]), '2025-09-02'), 'uppfoljning-efter-lvu')).toBe(
      '2026-02-28',
    );
  });

  it('stays open (overdue) until it is satisfied', () => {
    expect(find(run(ended(), '2027-01-01'), 'uppfoljning-efter-lvu')).toMatchObject({ dueOn: '2026-02-28', status: 'overdue' });
  });

  it('the parameter uppfoljningEfterLvuMonths changes it (3: 2025-08-31 → 2025-11-30)', () => {
    expect(dueOn(run(ended(), '2025-09-01', { uppfoljningEfterLvuMonths: 3 }), 'uppfoljning-efter-lvu')).toBe('2025-11-30');
  });
});

describe('fler-an-tre-barn (SoF 3 kap. 19 a §)', () => {
  const IVO = 'ivo-anmalan-fler-an-tre';
  /** Child n in home `homeId` of `form` from `froms[n]` (to `tos[n]`, default open). */
  const home = (
    froms: string[],
    { form = 'familjehem' as HomeKind, tos = [] as (string | null)[], events = [] as EngineEvent[], homeId = 'F1' } = {},
  ) =>
    register(
      froms.map((from, i) =>
        placement({
          id: `PL${i + 1}`,
          childId: `C${i + 1}`,
          startedOn: from,
          endedOn: tos[i] ?? null,
          stays: [stay(homeId, form, from, tos[i] ?? null)],
        }),
      ),
      events,
    );
  const FOUR = ['2024-01-01', '2024-02-01', '2024-03-01', '2024-04-15'];

  it('four placements at once in a familjehem: due on the from of the 4th, placementId null, homeId set', () => {
    const list = run(home(FOUR), '2024-05-01');
    expect(list.filter((d) => d.rule === 'fler-an-tre-barn')).toEqual([
      {
        rule: 'fler-an-tre-barn',
        placementId: null,
        homeId: 'F1',
        dueOn: '2024-04-15',
        basisOn: '2024-04-15',
        basis: 'over-limit-since',
        status: 'overdue',
        legalRef: 'SoF 3 kap. 19 a §',
        satisfiedBy: IVO,
        specialReasonsOn: null,
      },
    ]);
  });

  it('three placements are not more than three', () => {
    expect(find(run(home(FOUR.slice(0, 3)), '2024-05-01'), 'fler-an-tre-barn')).toBeUndefined();
  });

  it('the order of the placements in the register does not matter', () => {
    const reg = home(FOUR);
    expect(dueOn(run({ ...reg, placements: [...reg.placements].reverse() }, '2024-05-01'), 'fler-an-tre-barn')).toBe('2024-04-15');
  });

  it('a stay that ends on the day another begins does not overlap it', () => {
    expect(find(run(home(FOUR, { tos: ['2024-04-15'] }), '2024-05-01'), 'fler-an-tre-barn')).toBeUndefined();
    expect(dueOn(run(home(FOUR, { tos: ['2024-04-16'] }), '2024-05-01'), 'fler-an-tre-barn')).toBe('2024-04-15');
  });

  it('a stay that begins after D does not count yet', () => {
    expect(find(run(home(FOUR), '2024-04-14'), 'fler-an-tre-barn')).toBeUndefined();
    expect(find(run(home(FOUR), '2024-04-15'), 'fler-an-tre-barn')).toMatchObject({ dueOn: '2024-04-15', status: 'due-soon' });
  });

  it('counts in a jourhem and a nätverkshem too; an HVB or stödboende never counts', () => {
    expect(dueOn(run(home(FOUR, { form: 'jourhem', homeId: 'J1' }), '2024-05-01'), 'fler-an-tre-barn')).toBe('2024-04-15');
    expect(dueOn(run(home(FOUR, { form: 'natverkshem', homeId: 'N1' }), '2024-05-01'), 'fler-an-tre-barn')).toBe('2024-04-15');
    const many = [...FOUR, '2024-04-20', '2024-04-21'];
    expect(find(run(home(many, { form: 'hvb', homeId: 'H1' }), '2024-05-01'), 'fler-an-tre-barn')).toBeUndefined();
    expect(find(run(home(many, { form: 'stodboende', homeId: 'S1' }), '2024-05-01'), 'fler-an-tre-barn')).toBeUndefined();
  });

  it('a child who comes by omplacering counts from the day of the move', () => {
    const reg = home(FOUR.slice(0, 3));
    const moved = placement({
      id: 'PL4',
      childId: 'C4',
      startedOn: '2023-06-01',
      stays: [stay('H1', 'hvb', '2023-06-01', '2024-04-20'), stay('F1', 'familjehem', '2024-04-20')],
    });
    const list = run(register([...reg.placements, moved]), '2024-05-01');
    expect(dueOn(list, 'fler-an-tre-barn')).toBe('2024-04-20');
  });

  it('satisfied by a home event ivo-anmalan-fler-an-tre dated on that day (or later, ≤ D)', () => {
    expect(find(run(home(FOUR, { events: [ev(IVO, '2024-04-15', null, 'F1')] }), '2024-05-01'), 'fler-an-tre-barn')).toBeUndefined();
    expect(find(run(home(FOUR, { events: [ev(IVO, '2024-05-01', null, 'F1')] }), '2024-05-01'), 'fler-an-tre-barn')).toBeUndefined();
  });

  it('not satisfied by one dated before that day, after D, or for another home', () => {
    for (const event of [ev(IVO, '2024-04-14', null, 'F1'), ev(IVO, '2024-05-02', null, 'F1'), ev(IVO, '2024-04-20', null, 'F2')]) {
      expect(dueOn(run(home(FOUR, { events: [event] }), '2024-05-01'), 'fler-an-tre-barn'), JSON.stringify(event)).toBe('2024-04-15');
    }
  });

  it('once it was over the limit it stays due until reported, even when a child has left', () => {
    // PL1 leaves on 2024-06-01; on 2024-07-01 three remain, but the notification was never made.
    expect(dueOn(run(home(FOUR, { tos: ['2024-06-01'] }), '2024-07-01'), 'fler-an-tre-barn')).toBe('2024-04-15');
  });

  it('the parameter flerAnTreBarnLimit changes it (2: due when the 3rd came, 2024-03-01)', () => {
    expect(dueOn(run(home(FOUR), '2024-05-01', { flerAnTreBarnLimit: 2 }), 'fler-an-tre-barn')).toBe('2024-03-01');
  });
});

// ---------------------------------------------------------------------------------------------
// Order and legal references.

describe('order: by dueOn, then placementId, then rule (spec: deadlines --json)', () => {
  it('sorts deadlines of two placements that start on the same day', () => {
    // Started 2025-01-15 (SoL, HVB): vardplan 01-15; genomforandeplan and halsoundersokning 02-14 (+30 days);
    // barnsamtal 04-15 (+3 months); sol-overvagande 07-15 (+6 months).
    const reg = register([
      placement({ id: 'PL-B', childId: 'C2', startedOn: '2025-01-15' }),
      placement({ id: 'PL-A', childId: 'C1', startedOn: '2025-01-15' }),
    ]);
    expect(run(reg, '2025-01-20').map((d) => [d.dueOn, d.placementId, d.rule])).toEqual([
      ['2025-01-15', 'PL-A', 'vardplan'],
      ['2025-01-15', 'PL-B', 'vardplan'],
      ['2025-02-14', 'PL-A', 'genomforandeplan'],
      ['2025-02-14', 'PL-A', 'halsoundersokning'],
      ['2025-02-14', 'PL-B', 'genomforandeplan'],
      ['2025-02-14', 'PL-B', 'halsoundersokning'],
      ['2025-04-15', 'PL-A', 'barnsamtal'],
      ['2025-04-15', 'PL-B', 'barnsamtal'],
      ['2025-07-15', 'PL-A', 'sol-overvagande'],
      ['2025-07-15', 'PL-B', 'sol-overvagande'],
    ]);
  });

  it('an earlier dueOn of a later placement id comes first', () => {
    const reg = register([
      placement({ id: 'PL-A', childId: 'C1', startedOn: '2025-01-20' }),
      placement({ id: 'PL-Z', childId: 'C2', startedOn: '2025-01-15' }),
    ]);
    expect(run(reg, '2025-01-20').slice(0, 2).map((d) => [d.dueOn, d.placementId, d.rule])).toEqual([
      ['2025-01-15', 'PL-Z', 'vardplan'],
      ['2025-01-20', 'PL-A', 'vardplan'],
    ]);
  });
});

describe('legal references: every deadline cites its rule (rules.md: legal ref column)', () => {
  /** A register in which every deadline rule has a deadline on 2025-09-01. */
  const everything = register([
    placement({ id: 'PL-SOL', childId: 'C1', startedOn: '2025-01-15' }),
    placement({ id: 'PL-LVU2', childId: 'C2', legalBasis: 'LVU2', startedOn: '2025-01-15', stays: [stay('F1', 'familjehem', '2025-01-15')] }),
    placement({ id: 'PL-LVU3', childId: 'C3', legalBasis: 'LVU3', startedOn: '2025-06-01', stays: [stay('J1', 'jourhem', '2025-06-01')] }),
    placement({ id: 'PL-END', childId: 'C4', legalBasis: 'LVU2', startedOn: '2024-01-01', endedOn: '2025-08-01' }),
    ...['2025-01-01', '2025-02-01', '2025-03-01', '2025-04-01'].map((from, i) =>
      placement({ id: `PL-F${i}`, childId: `C-F${i}`, startedOn: from, stays: [stay('F2', 'familjehem', from)] }),
    ),
  ]);

  // rules.md's default table: [to 2025-06-30, from 2025-07-01].
  const expected: Record<DeadlineRule, [string, string]> = {
    'sol-overvagande': ['SoL 6 kap. 8 §', 'SoL 22 kap. 13 §'],
    'lvu-overvagande': ['LVU 13 § första st.', 'LVU 13 § första st.'],
    'lvu-omprovning': ['LVU 13 § andra st.', 'LVU 13 § andra st.'],
    vardnadsoverflyttning: ['SoL 6 kap. 8 b §; LVU 13 §', 'SoL 22 kap. 14 §; LVU 13 §'],
    'jourhem-tidsgrans': ['SoL 6 kap. 6 §', 'SoL 22 kap. 4 §'],
    barnsamtal: ['Socialstyrelsens allmänna råd', 'SoL 22 kap. 11–12 §§; Socialstyrelsens allmänna råd'],
    vardplan: ['SoL 11 kap. 3 §; SoF 5 kap. 1 a §', 'SoL 9 kap. 12 §; SoF 10 kap. 2 §'],
    genomforandeplan: ['SoL 11 kap. 3 §; SOSFS 2012:11', 'SoL 9 kap. 12 §; SoF 10 kap. 3 §'],
    halsoundersokning: ['SoL 11 kap. 3 a §; lag 2017:209', 'SoL 22 kap. 7 §; lag 2017:209'],
    'uppfoljning-efter-lvu': ['LVU 21 b §', 'LVU 21 b §'],
    'fler-an-tre-barn': ['SoF 3 kap. 19 a §', 'SoF 16 kap. 2 §'],
    'lex-sarah-anmalan': ['SoL 14 kap. 7 §', 'SoL 27 kap. 6 §'],
  };

  // Two lex Sarah reports judged serious, due before and after the new law (14 days, the default).
  const lexSarah = (id: string, judgedOn: string) => ({
    id,
    kind: 'lex-sarah' as const,
    placementId: 'PL-SOL',
    homeId: null,
    steps: [
      { step: 'under-utredning' as const, date: judgedOn, serious: null },
      { step: 'bedomning' as const, date: judgedOn, serious: true },
    ],
  });
  everything.deviations = [lexSarah('LS-OLD', '2025-06-10'), lexSarah('LS-NEW', '2025-08-20')];

  const list = run(everything, '2025-09-01');
  it('the test register has a deadline of every rule, due on both sides of 2025-07-01', () => {
    expect([...new Set(list.map((d) => d.rule))].sort()).toEqual([...deadlineRules].sort());
    expect(list.some((d) => d.dueOn < '2025-07-01') && list.some((d) => d.dueOn >= '2025-07-01')).toBe(true);
  });
  it.each([...deadlineRules])('%s cites the law in force on its due date', (rule) => {
    for (const d of list.filter((d) => d.rule === rule)) {
      const [old, current] = expected[rule];
      expect(d.legalRef, `${d.placementId} ${d.dueOn}`).toBe(d.dueOn < '2025-07-01' ? old : current);
    }
  });

  it('a row valid from a date changes the reference of deadlines due on or after it', () => {
    const references: LegalReference[] = [
      ...defaultLegalReferences.filter((r) => r.rule !== 'sol-overvagande'),
      { rule: 'sol-overvagande', reference: 'SoL 22 kap. 13 §', validFrom: null, validTo: '2026-01-09', note: null },
      { rule: 'sol-overvagande', reference: 'SoL (2025:400) 99 kap. 1 §', validFrom: '2026-01-10', validTo: null, note: null },
    ];
    // Started 2025-07-09 → due 2026-01-09 (old); started 2025-07-10 → due 2026-01-10 (new). Both judged on 2025-08-01.
    const reg = register([
      placement({ id: 'PL-1', childId: 'C1', startedOn: '2025-07-09' }),
      placement({ id: 'PL-2', childId: 'C2', startedOn: '2025-07-10' }),
    ]);
    const list = run(reg, '2025-08-01', {}, references);
    expect(find(list, 'sol-overvagande', 'PL-1')?.legalRef).toBe('SoL 22 kap. 13 §');
    expect(find(list, 'sol-overvagande', 'PL-2')?.legalRef).toBe('SoL (2025:400) 99 kap. 1 §');
    // Another rule keeps its reference.
    expect(find(list, 'vardplan', 'PL-2')?.legalRef).toBe('SoL 9 kap. 12 §; SoF 10 kap. 2 §');
  });

  it('a default row and a newer row valid from a later date: the newer wins from that date', () => {
    const references: LegalReference[] = [
      ...defaultLegalReferences,
      { rule: 'vardplan', reference: 'SoL (2025:400) ny', validFrom: '2025-07-10', validTo: null, note: null },
    ];
    const reg = register([
      placement({ id: 'PL-1', childId: 'C1', startedOn: '2025-07-09' }),
      placement({ id: 'PL-2', childId: 'C2', startedOn: '2025-07-10' }),
    ]);
    const list = run(reg, '2025-08-01', {}, references);
    expect(find(list, 'vardplan', 'PL-1')?.legalRef).toBe('SoL 9 kap. 12 §; SoF 10 kap. 2 §');
    expect(find(list, 'vardplan', 'PL-2')?.legalRef).toBe('SoL (2025:400) ny');
  });
});

// ---------------------------------------------------------------------------------------------
// Property-style check over random small registers (seeded; no Math.random).

/** mulberry32: a tiny deterministic PRNG. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// An independent calendar for the oracle: UTC day numbers (never local time) and month arithmetic by hand.
const DAY_MS = 86_400_000;
const pad = (n: number) => String(n).padStart(2, '0');
const dayNo = (d: string) => Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10))) / DAY_MS;
const fromDayNo = (n: number) => new Date(n * DAY_MS).toISOString().slice(0, 10);
const plusDays = (d: string, n: number) => fromDayNo(dayNo(d) + n);
function plusMonths(d: string, n: number): string {
  const total = Number(d.slice(0, 4)) * 12 + Number(d.slice(5, 7)) - 1 + n;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const last = month === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
  return `${year}-${pad(month)}-${pad(Math.min(Number(d.slice(8, 10)), last))}`;
}
const refStatus = (due: string, on: string, lead: number): DeadlineStatus =>
  on > due ? 'overdue' : dayNo(on) >= dayNo(due) - lead ? 'due-soon' : 'upcoming';

describe('property: random valid registers (seeded)', () => {
  const FORMS: [string, HomeKind][] = [
    ['F1', 'familjehem'],
    ['F2', 'familjehem'],
    ['N1', 'natverkshem'],
    ['J1', 'jourhem'],
    ['H1', 'hvb'],
    ['S1', 'stodboende'],
    ['X1', 'sis'],
  ];
  const EVENT_TYPES = [
    'overvagande',
    'omprovning',
    'vardnadsoverflyttning-overvagande',
    'barnsamtal',
    'vardplan',
    'genomforandeplan',
    'halsoundersokning-begard',
    'uppfoljning-avslutad',
    'jourhem-sarskilda-skal',
  ];

  function randomRegister(random: () => number) {
    const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
    const pick = <T>(xs: readonly T[]): T => xs[int(0, xs.length - 1)] as T;
    const day = (lo: string, hi: string) => fromDayNo(int(dayNo(lo), dayNo(hi)));
    const births: Record<string, string> = {};
    const placements: EnginePlacement[] = [];
    const events: EngineEvent[] = [];
    const childCount = int(1, 5);
    for (let c = 0; c < childCount; c++) {
      const childId = `C${c}`;
      // Days 1–28 only: the 29 February birthday has its own tests above.
      births[childId] = `${int(2003, 2023)}-${pad(int(1, 12))}-${pad(int(1, 28))}`;
      let start = day('2021-01-01', '2025-06-01');
      const count = int(1, 3);
      for (let p = 0; p < count; p++) {
        const id = `P${c}-${p}`;
        const last = p === count - 1;
        const endedOn = last && random() < 0.5 ? null : plusDays(start, int(20, 700));
        const end = endedOn ?? plusDays(start, int(20, 900));
        // Contiguous stays: cut [start, end) at 0–2 points.
        const cuts = [...new Set(Array.from({ length: int(0, 2) }, () => plusDays(start, int(1, dayNo(end) - dayNo(start) - 1))))].sort();
        const froms = [start, ...cuts];
        const stays = froms.map((from, i) => {
          const [homeId, form] = pick(FORMS);
          const to = i + 1 < froms.length ? froms[i + 1] : endedOn;
          const investigationCompletedOn = form === 'jourhem' && random() < 0.6 ? plusDays(from, int(0, 200)) : null;
          return stay(homeId, form, from, to, investigationCompletedOn);
        });
        placements.push({ id, childId, legalBasis: pick(['SoL', 'LVU2', 'LVU3'] as const), startedOn: start, endedOn, stays });
        for (let e = int(0, 6); e > 0; e--) events.push(ev(pick(EVENT_TYPES), plusDays(start, int(-30, 900)), id));
        if (endedOn === null) break;
        // The next placement of the same child: often the very day this one ends (a chain), else after a gap.
        start = random() < 0.5 ? endedOn : plusDays(endedOn, int(1, 200));
      }
    }
    for (let e = int(0, 2); e > 0; e--) events.push(ev('ivo-anmalan-fler-an-tre', day('2021-01-01', '2027-06-01'), null, pick(FORMS)[0]));
    const reg: DeadlineRegister = {
      children: new Map(Object.entries(births)),
      placements,
      events,
      homes: new Map(FORMS),
    };
    return { reg, on: day('2021-06-01', '2027-06-01'), leadDays: int(0, 60) };
  }

  /** dueOn as a function of basisOn, by rule and basis (rules.md, default parameters). */
  function expectedDueOn(d: Deadline): string {
    switch (d.rule) {
      case 'sol-overvagande':
      case 'lvu-overvagande':
      case 'lvu-omprovning':
      case 'uppfoljning-efter-lvu':
        return plusMonths(d.basisOn, 6);
      case 'barnsamtal':
        return plusMonths(d.basisOn, 3);
      case 'vardnadsoverflyttning':
        return plusMonths(d.basisOn, d.basis === 'latest-event' ? 12 : 24);
      case 'jourhem-tidsgrans':
        return plusMonths(d.basisOn, d.basis === 'investigation-completed' ? 2 : 6);
      case 'genomforandeplan':
      case 'halsoundersokning':
        return plusDays(d.basisOn, 30);
      case 'vardplan':
      case 'fler-an-tre-barn':
        return d.basisOn;
      case 'lex-sarah-anmalan':
        return plusDays(d.basisOn, 14);
    }
  }

  const renewing = {
    'sol-overvagande': { event: 'overvagande', months: 6, applies: (p: EnginePlacement) => p.legalBasis === 'SoL', child: true },
    'lvu-overvagande': { event: 'overvagande', months: 6, applies: (p: EnginePlacement) => p.legalBasis === 'LVU2', child: false },
    'lvu-omprovning': { event: 'omprovning', months: 6, applies: (p: EnginePlacement) => p.legalBasis === 'LVU3', child: false },
    barnsamtal: { event: 'barnsamtal', months: 3, applies: () => true, child: true },
  } as const;
  const oneTime = { vardplan: 'vardplan', genomforandeplan: 'genomforandeplan', halsoundersokning: 'halsoundersokning-begard' } as const;

  it('300 registers: status, basis, uniqueness, order, and the simple rules recomputed independently', () => {
    const random = prng(20261122);
    let seen = 0;
    for (let round = 0; round < 300; round++) {
      const { reg, on, leadDays } = randomRegister(random);
      const list = run(reg, on, { leadDays });
      const where = `round ${round}, D ${on}`;
      seen += list.length;
      const keys = new Set<string>();
      list.forEach((d, i) => {
        expect(d.status, where).toBe(deadlineStatus(d.dueOn, on, leadDays));
        expect(d.status, where).toBe(refStatus(d.dueOn, on, leadDays));
        expect(d.dueOn >= d.basisOn, `${where}: ${JSON.stringify(d)}`).toBe(true);
        expect(d.basisOn <= on, `${where}: nothing counts from after D: ${JSON.stringify(d)}`).toBe(true);
        expect(d.dueOn, `${where}: ${JSON.stringify(d)}`).toBe(expectedDueOn(d));
        expect(d.legalRef.length).toBeGreaterThan(0);
        const key = `${d.rule}|${d.placementId}|${d.homeId}`;
        expect(keys.has(key), `${where}: one open deadline per rule: ${key}`).toBe(false);
        keys.add(key);
        if (i > 0) {
          const a = list[i - 1] as Deadline;
          // Where the spec says nothing (a home deadline, placementId null, beside a placement's), only dueOn is checked.
          if (a.dueOn !== d.dueOn) expect(a.dueOn < d.dueOn, `${where}: sorted by dueOn`).toBe(true);
          else if (a.placementId !== null && d.placementId !== null && a.placementId !== d.placementId)
            expect(a.placementId < d.placementId, `${where}: then by placementId`).toBe(true);
          else if (a.placementId === d.placementId) expect(a.rule <= d.rule, `${where}: then by rule`).toBe(true);
        }
        if (d.rule === 'fler-an-tre-barn') {
          expect(d.placementId, where).toBeNull();
          expect(['familjehem', 'natverkshem', 'jourhem']).toContain(reg.homes.get(d.homeId ?? ''));
          return;
        }
        const p = reg.placements.find((x) => x.id === d.placementId);
        expect(p, where).toBeDefined();
        if (!p) return;
        if (d.rule === 'uppfoljning-efter-lvu') {
          expect(p.endedOn !== null && p.endedOn <= on && p.legalBasis !== 'SoL', where).toBe(true);
        } else {
          expect(isActiveOn(p, on), `${where}: ${d.rule} of an inactive placement`).toBe(true);
        }
      });

      // The simple rules, recomputed from rules.md for every placement.
      for (const p of reg.placements) {
        const active = p.startedOn <= on && (p.endedOn === null || on < p.endedOn);
        const born = reg.children.get(p.childId) ?? '';
        const under = (years: number) => on < plusMonths(born, 12 * years);
        const mine = reg.events.filter((e) => e.placementId === p.id && e.date <= on);
        for (const [rule, r] of Object.entries(renewing) as [DeadlineRule, (typeof renewing)[keyof typeof renewing]][]) {
          const applies = active && r.applies(p) && (!r.child || under(18));
          const got = list.filter((d) => d.rule === rule && d.placementId === p.id);
          if (!applies) {
            expect(got, `${where}: ${rule} ${p.id}`).toEqual([]);
            continue;
          }
          const latest = mine.filter((e) => e.type === r.event && e.date >= p.startedOn).map((e) => e.date).sort().at(-1);
          expect(got.map((d) => d.dueOn), `${where}: ${rule} ${p.id}`).toEqual([plusMonths(latest ?? p.startedOn, r.months)]);
        }
        for (const [rule, type] of Object.entries(oneTime) as [DeadlineRule, string][]) {
          const applies = active && (rule !== 'halsoundersokning' || under(21)) && !mine.some((e) => e.type === type);
          const got = list.filter((d) => d.rule === rule && d.placementId === p.id).map((d) => d.dueOn);
          expect(got, `${where}: ${rule} ${p.id}`).toEqual(applies ? [rule === 'vardplan' ? p.startedOn : plusDays(p.startedOn, 30)] : []);
        }
        const current = active ? currentStay(p.stays, on) : null;
        const jour = list.filter((d) => d.rule === 'jourhem-tidsgrans' && d.placementId === p.id);
        expect(jour.length, `${where}: jourhem-tidsgrans ${p.id}`).toBe(current?.form === 'jourhem' ? 1 : 0);
        const vo = list.filter((d) => d.rule === 'vardnadsoverflyttning' && d.placementId === p.id);
        const foster = current !== null && (current.form === 'familjehem' || current.form === 'natverkshem');
        expect(vo.length, `${where}: vardnadsoverflyttning ${p.id}`).toBe(foster && under(18) ? 1 : 0);
        const [v] = vo;
        if (v && current) {
          expect(v.homeId, where).toBe(current.homeId);
          // B reaches back at most to the current stay's from (earlier only through the same home).
          if (v.basis === 'same-home-since') expect(v.basisOn <= current.from, where).toBe(true);
        }
        const ended = p.endedOn !== null && p.endedOn <= on && p.legalBasis !== 'SoL' && p.endedOn < plusMonths(born, 12 * 18);
        const followedUp = reg.events.some(
          (e) => e.placementId === p.id && e.type === 'uppfoljning-avslutad' && p.endedOn !== null && e.date >= p.endedOn && e.date <= on,
        );
        const uppf = list.filter((d) => d.rule === 'uppfoljning-efter-lvu' && d.placementId === p.id).map((d) => d.dueOn);
        expect(uppf, `${where}: uppfoljning-efter-lvu ${p.id}`).toEqual(
          ended && !followedUp && p.endedOn !== null ? [plusMonths(p.endedOn, 6)] : [],
        );
      }
    }
    // The generator must actually produce deadlines, or the loop above proves nothing.
    expect(seen).toBeGreaterThan(1000);
  });
});
