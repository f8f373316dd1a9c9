/**
 * Nämndrapporten's indicators on small registers counted by hand (docs/namndrapport.md): each test
 * names the definition it checks, and the expected figures are worked out in the comments.
 */
import { describe, expect, it } from 'vitest';
import { boardFigures, boardSummary, OTHER_PROVIDERS, renewals, yearBefore, type BoardFacts, type BoardHome, type BoardPlacement, type BoardStay } from '../../../main/domain/board-report';
import { defaultRuleParameters } from '../../../main/domain/rule-settings';
import { HIDDEN } from '../../../main/domain/small-numbers';
import type { HomeKind } from '../../../main/domain/vocabulary';

const PERIOD = { from: '2025-01-01', to: '2025-12-31' };
const rules = { parameters: defaultRuleParameters };

function stay(homeId: string, form: HomeKind, from: string, to: string | null, extra: Partial<BoardStay> = {}): BoardStay {
  return { homeId, form, from, to, decidedOn: null, investigationCompletedOn: null, ...extra };
}

let serial = 0;
function placement(stays: BoardStay[], extra: Partial<BoardPlacement> = {}): BoardPlacement {
  serial += 1;
  return {
    id: `p${serial}`,
    childId: `c${serial}`,
    birthDate: '2012-06-01',
    legalBasis: 'SoL',
    decidedOn: stays[0]!.from,
    startedOn: stays[0]!.from,
    endedOn: null,
    endReason: null,
    dailyCost: null,
    stays,
    events: [],
    ...extra,
  };
}

const times = <T>(n: number, make: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => make(i));

function facts(placements: BoardPlacement[], extra: Partial<BoardFacts> = {}): BoardFacts {
  const homes = new Map<string, BoardHome>();
  for (const p of placements) for (const s of p.stays) homes.set(s.homeId, { kind: s.form, name: `Hem ${s.homeId}`, operator: 'enskild', agency: null });
  return { placements, homes, deviations: [], auditRounds: [], checks: { persons: [], checks: [] }, gradeAtStart: new Map(), ...extra };
}

describe('yearBefore: the same period a year earlier', () => {
  it('moves both days back twelve months', () => {
    expect(yearBefore({ from: '2025-01-01', to: '2025-12-31' })).toEqual({ from: '2024-01-01', to: '2024-12-31' });
    expect(yearBefore({ from: '2025-07-01', to: '2025-09-30' })).toEqual({ from: '2024-07-01', to: '2024-09-30' });
  });

  it('the last day of February stays the last, into and out of a leap year', () => {
    // February 2025 beside February 2024, leap day included; and back from a leap day.
    expect(yearBefore({ from: '2025-02-01', to: '2025-02-28' })).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(yearBefore({ from: '2024-02-01', to: '2024-02-29' })).toEqual({ from: '2023-02-01', to: '2023-02-28' });
    // A day that is not a month's last is moved as it is.
    expect(yearBefore({ from: '2025-02-01', to: '2025-02-27' }).to).toBe('2024-02-27');
  });
});

describe('renewals: a renewing duty counted as the deadline engine counts it', () => {
  it('each occasion is counted from the event that met the one before, on time or late', () => {
    // Due 2025-07-10 (6 months from the start), met 07-01; then due 2026-01-01, met 02-01 (late);
    // then due 2026-08-01, not met.
    expect(renewals('2025-01-10', 6, 6, ['2026-02-01', '2025-07-01'], null)).toEqual([
      { dueOn: '2025-07-10', metOn: '2025-07-01' },
      { dueOn: '2026-01-01', metOn: '2026-02-01' },
      { dueOn: '2026-08-01', metOn: null },
    ]);
  });

  it('an occasion due on or after the day the duty ends is not counted', () => {
    expect(renewals('2025-01-10', 6, 6, [], '2025-07-10')).toEqual([]);
    expect(renewals('2025-01-10', 6, 6, [], '2025-07-11')).toEqual([{ dueOn: '2025-07-10', metOn: null }]);
  });
});

describe('Överväganden och omprövningar i tid', () => {
  it('counts the occasions due in the period, on time when made by the due day', () => {
    // Ten SoL placements begun 2024-12-01 and ended 2025-09-01: one övervägande each, due
    // 2025-06-01. Five made 2025-05-20 (on time), five made 2025-06-15 (late): 5 of 10.
    const list = Array.from({ length: 10 }, (_, i) =>
      placement([stay('h1', 'familjehem', '2024-12-01', '2025-09-01')], {
        endedOn: '2025-09-01',
        events: [{ type: 'overvagande', date: i < 5 ? '2025-05-20' : '2025-06-15' }],
      }),
    );
    const figure = boardFigures(facts(list), PERIOD, rules).compliance.overvagandeOnTime;
    expect(figure).toEqual({ share: 0.5, counted: true });
  });

  it('LVU 3 § placements are judged by their omprövning; a SoL placement of an adult has none', () => {
    // Five LVU 3 § placements: omprövning due 2025-06-01, made 2025-05-01: 5 of 5. Five SoL
    // placements of young people who turned 18 on 2025-03-01 have no övervägande due 2025-06-01
    // (counted, they would be five late: 5 of 10).
    const list = [
      ...times(5, () => placement([stay('h1', 'hvb', '2024-12-01', '2025-09-01')], { legalBasis: 'LVU3', endedOn: '2025-09-01', events: [{ type: 'omprovning', date: '2025-05-01' }] })),
      ...times(5, () => placement([stay('h2', 'hvb', '2024-12-01', '2025-09-01')], { birthDate: '2007-03-01', endedOn: '2025-09-01' })),
    ];
    expect(boardFigures(facts(list), PERIOD, rules).compliance.overvagandeOnTime).toEqual({ share: 1, counted: true });
  });

  it('a share that would tell of 1–4 children is not published, nor its counts', () => {
    // 5 of 6 in time: one late child.
    const list = times(6, (i) =>
      placement([stay('h1', 'familjehem', '2024-12-01', '2025-09-01')], { endedOn: '2025-09-01', events: [{ type: 'overvagande', date: i < 5 ? '2025-05-20' : '2025-06-15' }] }),
    );
    expect(boardFigures(facts(list), PERIOD, rules).compliance.overvagandeOnTime).toEqual({ share: null, counted: true });
  });
});

describe('Överväganden om vårdnadsöverflyttning i tid', () => {
  it('counts from the day the child came to the home, across placements that follow each other there', () => {
    // Five children: 2022-03-01 in H (placement A), from 2023-03-01 still in H (placement B), no
    // övervägande ever. From 2022-03-01 the first is due 2024-03-01: late in 2024, none due in
    // 2025. Counted from placement B's start it would be due 2025-03-01 instead.
    const list = times(5, (i) => [
      placement([stay('h', 'familjehem', '2022-03-01', '2023-03-01')], { childId: `child${i}`, endedOn: '2023-03-01' }),
      placement([stay('h', 'familjehem', '2023-03-01', null)], { childId: `child${i}` }),
    ]).flat();
    expect(boardFigures(facts(list), PERIOD, rules).compliance.vardnadsoverflyttningOnTime).toEqual({ share: null, counted: false });
    expect(boardFigures(facts(list), yearBefore(PERIOD), rules).compliance.vardnadsoverflyttningOnTime).toEqual({ share: 0, counted: true });
  });

  it('time in the same home as a jourhem counts, as the deadline engine counts it', () => {
    // Jourhem in H from 2023-01-01, familjehem in H from 2023-06-01: due 2025-01-01, made
    // 2025-03-01: late. Counted from the familjehem stay it would be due 2025-06-01, in time.
    const list = times(5, () =>
      placement([stay('h', 'jourhem', '2023-01-01', '2023-06-01'), stay('h', 'familjehem', '2023-06-01', null)], {
        events: [{ type: 'vardnadsoverflyttning-overvagande', date: '2025-03-01' }],
      }),
    );
    expect(boardFigures(facts(list), PERIOD, rules).compliance.vardnadsoverflyttningOnTime).toEqual({ share: 0, counted: true });
  });
});

describe('Jourhemsvistelser över tidsgränsen', () => {
  it('a stay going on after its limit on a day of the period is over; special reasons are counted beside', () => {
    // Without a completed investigation the limit is 6 months: 2025-01-01 → 2025-07-01, there
    // until 2025-08-01: over (five stays, särskilda skäl recorded). Investigation completed
    // 2025-04-01: limit 2025-06-01, moved 2025-05-15: not over (five stays). 5 of 10; 5 of 5.
    const list = [
      ...times(5, () => placement([stay('j1', 'jourhem', '2025-01-01', '2025-08-01')], { endedOn: '2025-08-01', events: [{ type: 'jourhem-sarskilda-skal', date: '2025-06-20' }] })),
      ...times(5, () => placement([stay('j2', 'jourhem', '2025-03-01', '2025-05-15', { investigationCompletedOn: '2025-04-01' })], { endedOn: '2025-05-15' })),
    ];
    const compliance = boardFigures(facts(list), PERIOD, rules).compliance;
    expect(compliance.jourhemOverLimit).toEqual({ share: 0.5, counted: true });
    expect(compliance.jourhemSpecialReasons).toEqual({ share: 1, counted: true });
  });
});

describe('Placeringar: nya, avslutade och pågående, with small numbers suppressed', () => {
  it('counts each placement once per column by the form it had that day', () => {
    // Six familjehem placements begun in the period and going on; two HVB placements begun in
    // 2024 and ended in the period. Familjehem: 6 new, 0 ended, 6 ongoing. HVB: 0, 2, 0.
    const list = [
      ...Array.from({ length: 6 }, () => placement([stay('f', 'familjehem', '2025-02-01', null)])),
      ...Array.from({ length: 2 }, () => placement([stay('h', 'hvb', '2024-05-01', '2025-04-01')], { endedOn: '2025-04-01', endReason: 'planerad' })),
    ];
    const { byForm } = boardFigures(facts(list), PERIOD, rules).placements;
    const row = (label: string) => byForm.cells[byForm.rows.indexOf(label)]!;
    // Columns: new, ended, going on at the end; new and going on at the end of 2024.
    expect(row('Familjehem (övriga)')).toEqual([6, 0, 6, 0, 0]);
    // HVB's 2 ended (and 2 new and going on in 2024) are fewer than 5, and so are the totals that would tell them.
    expect(row('HVB')).toEqual([0, null, 0, null, null]);
    expect(byForm.columnTotals).toEqual([6, null, 6, null, null]);
  });

  it('a row\'s stock and flow would give a hidden cell: another of the row is hidden with it', () => {
    // Familjehem: 10 going on at the end of 2024 (begun 2024-06-01), 2 of them ended in 2025,
    // 8 going on at its end. Ended (2) alone hidden, 10 + 0 − ? − 8 would give it: the smallest
    // other number of the row, 8, is hidden too ("dold", since it is not small).
    const list = times(10, (i) =>
      placement([stay('f', 'familjehem', '2024-06-01', i < 2 ? '2025-05-01' : null)], i < 2 ? { endedOn: '2025-05-01', endReason: 'planerad' } : {}),
    );
    const { byForm } = boardFigures(facts(list), PERIOD, rules).placements;
    expect(byForm.cells[byForm.rows.indexOf('Familjehem (övriga)')]).toEqual([0, null, HIDDEN, 10, 10]);
  });

  it('the share in institutions is of the placements going on on the last day', () => {
    // On 2025-12-31: five in HVB and five in familjehem go on: 5 of 10 (no cell of the column hidden).
    const list = [
      ...Array.from({ length: 5 }, () => placement([stay('h', 'hvb', '2025-02-01', null)])),
      ...Array.from({ length: 5 }, () => placement([stay('f', 'familjehem', '2025-02-01', null)])),
    ];
    expect(boardFigures(facts(list), PERIOD, rules).placements.institutionShare).toEqual({ share: 0.5, counted: true });
  });
});

describe('Vårdplan, genomförandeplan och hälsoundersökning', () => {
  it('plans are counted among the placements going on on the last day; the genomförandeplan once due', () => {
    // Five placements begun 2025-03-01 with both plans; one begun 2025-12-20 with neither (its
    // genomförandeplan is not due until 2026-01-19). Vårdplan 5 of 6; genomförandeplan 5 of 5.
    const list = [
      ...Array.from({ length: 5 }, () =>
        placement([stay('f', 'familjehem', '2025-03-01', null)], {
          events: [
            { type: 'vardplan', date: '2025-03-01' },
            { type: 'genomforandeplan', date: '2025-03-20' },
          ],
        }),
      ),
      placement([stay('f', 'familjehem', '2025-12-20', null)]),
    ];
    const c = boardFigures(facts(list), PERIOD, rules).compliance;
    expect(c.vardplanInPlace).toEqual({ share: null, counted: true });
    expect(c.genomforandeplanInPlace).toEqual({ share: 1, counted: true });
  });

  it('hälsoundersökning: asked within 30 days of the start, among placements begun in the period', () => {
    // Ten begun 2025-02-01: five asked 2025-02-20 (in time), five 2025-04-01 (late): 5 of 10.
    const list = Array.from({ length: 10 }, (_, i) =>
      placement([stay('f', 'familjehem', '2025-02-01', null)], { events: [{ type: 'halsoundersokning-begard', date: i < 5 ? '2025-02-20' : '2025-04-01' }] }),
    );
    expect(boardFigures(facts(list), PERIOD, rules).compliance.halsoundersokningRequested).toEqual({ share: 0.5, counted: true });
  });
});

describe('Registerkontroller klara före beslut', () => {
  it('a decision counts as complete when every required check of every adult was in order before it', () => {
    // Home A: one uppdragstagare with both required registers checked before the decisions
    // (2025-02-01, five placements). Home B: one uppdragstagare with only belastningsregistret
    // checked (five). Home C has no adult recorded at all: its five decisions rest on no check.
    // 5 of 15: a third.
    const list = [
      ...times(5, () => placement([stay('A', 'familjehem', '2025-02-01', null)])),
      ...times(5, () => placement([stay('B', 'familjehem', '2025-02-01', null)])),
      ...times(5, () => placement([stay('C', 'familjehem', '2025-02-01', null)])),
    ];
    const checks = {
      persons: [
        { id: 'a1', homeId: 'A', role: 'uppdragstagare' },
        { id: 'b1', homeId: 'B', role: 'uppdragstagare' },
      ],
      checks: [
        { personId: 'a1', homeId: null, register: 'belastningsregistret', checkedOn: '2025-01-10', outcome: 'utan-anmarkning' },
        { personId: 'a1', homeId: null, register: 'misstankeregistret', checkedOn: '2025-01-10', outcome: 'utan-anmarkning' },
        { personId: 'b1', homeId: null, register: 'belastningsregistret', checkedOn: '2025-01-10', outcome: 'utan-anmarkning' },
      ],
    };
    expect(boardFigures(facts(list, { checks }), PERIOD, rules).compliance.registerChecksBeforeDecision).toEqual({ share: 0.333, counted: true });
  });
});

describe('Sammanbrott and the length of stays', () => {
  it('breakdowns by form among the placements ended in the period, and the median length', () => {
    // Ten familjehem placements ended in the period: five broke down. Lengths 100..190 days in
    // steps of 10 (start 2025-01-01 + n): median of 10 values is the mean of 140 and 150 = 145.
    const list = Array.from({ length: 10 }, (_, i) => {
      const days = 100 + i * 10;
      const end = new Date(Date.UTC(2025, 0, 1 + days)).toISOString().slice(0, 10);
      return placement([stay('f', 'familjehem', '2025-01-01', end)], { endedOn: end, endReason: i % 2 === 0 ? 'sammanbrott' : 'planerad' });
    });
    const outcomes = boardFigures(facts(list), PERIOD, rules).outcomes;
    expect(outcomes.byForm.find((r) => r.label === 'Familjehem (övriga)')).toEqual({ label: 'Familjehem (övriga)', ended: 10, breakdowns: 5, share: 0.5 });
    expect(outcomes.length.find((r) => r.label === 'Familjehem (övriga)')).toEqual({ label: 'Familjehem (övriga)', ended: 10, medianDays: 145 });
  });
});

describe('Avvikelser och lex Sarah efter allvarlighet', () => {
  it('a cell of 1–4 is hidden with partners, so that no total gives it away', () => {
    // Six låg avvikelser and two allvarliga lex Sarah: the 2 is hidden, and with it its row's and
    // column's totals; the row totals' column then has one hidden (2) and hides the 6 beside it,
    // which hides the cell 6 and its column's total. Only the grand total, 8, says anything.
    const deviations = [
      ...Array.from({ length: 6 }, () => ({ reportedOn: '2025-03-01', kind: 'avvikelse' as const, severity: 'lag' as const })),
      ...Array.from({ length: 2 }, () => ({ reportedOn: '2025-04-01', kind: 'lex-sarah' as const, severity: 'allvarlig' as const })),
      { reportedOn: '2024-12-31', kind: 'avvikelse' as const, severity: 'medel' as const },
    ];
    const table = boardFigures(facts([], { deviations }), PERIOD, rules).outcomes.deviations;
    // The 6s are hidden only to protect the 2: "dold", not "färre än 5".
    expect(table.cells).toEqual([
      [HIDDEN, 0, 0],
      [0, 0, null],
    ]);
    expect(table.rowTotals).toEqual([HIDDEN, null]);
    expect(table.columnTotals).toEqual([HIDDEN, 0, null]);
    expect(table.total).toBe(8);
  });
});

describe('Kostnader', () => {
  it('care days in the period times the daily cost; providers of fewer than 5 children are pooled', () => {
    // Six children in HVB Solgården all year at 5 000 kr: 6 × 365 = 2 190 days, 10 950 000 kr.
    // Two children in HVB Björken from 2025-12-02 (30 days each) without a cost. Björken's two
    // children are fewer than 5: pooled; the pool of 2 takes Solgården in with it.
    const list = [
      ...Array.from({ length: 6 }, () => placement([stay('sol', 'hvb', '2024-06-01', null)], { dailyCost: 5000 })),
      ...Array.from({ length: 2 }, () => placement([stay('bjo', 'hvb', '2025-12-02', null)])),
    ];
    const f = facts(list);
    const cost = boardFigures(f, PERIOD, rules).cost;
    expect(cost.byForm.find((r) => r.label === 'HVB')).toEqual({ label: 'HVB', children: 8, careDays: 2250, cost: 10_950_000, daysWithoutCost: 60 });
    expect(cost.byProvider).toEqual([{ label: OTHER_PROVIDERS, children: 8, careDays: 2250, cost: 10_950_000, daysWithoutCost: 60 }]);
  });

  it('a foster home is never named: it is counted under its konsulentverksamhet or as the municipality’s own', () => {
    const list = Array.from({ length: 5 }, () => placement([stay('fam', 'familjehem', '2025-01-01', null)], { dailyCost: 1000 }));
    const f = facts(list);
    (f.homes as Map<string, BoardHome>).set('fam', { kind: 'familjehem', name: 'Familjen Testsson', operator: null, agency: null });
    const labels = boardFigures(f, PERIOD, rules).cost.byProvider.map((r) => r.label);
    expect(labels).toEqual(['Egna familjehem']);
  });
});

describe('The summary: the largest changes in words', () => {
  it('names a share that moved 5 points or more, from last year to this', () => {
    const empty = boardFigures(facts([]), PERIOD, rules);
    const withShare = (share: number) => ({ ...empty, compliance: { ...empty.compliance, overvagandeOnTime: { share, counted: true } } });
    expect(boardSummary(withShare(0.81), withShare(0.92))).toEqual(['Andelen överväganden och omprövningar i tid sjönk från 92 % till 81 %.']);
    expect(boardSummary(withShare(0.9), withShare(0.92))).toEqual([]);
  });

  it('a share of jourhem over the limit that rises says so', () => {
    const empty = boardFigures(facts([]), PERIOD, rules);
    const withShare = (share: number) => ({ ...empty, compliance: { ...empty.compliance, jourhemOverLimit: { share, counted: true } } });
    expect(boardSummary(withShare(0.3), withShare(0.1))).toEqual(['Andelen jourhemsvistelser över tidsgränsen steg från 10 % till 30 %.']);
  });
});
