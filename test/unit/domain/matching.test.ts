import { describe, expect, it } from 'vitest';
import { accuracyCases, accuracyTable, MEANINGFUL_PLACEMENTS, wilson, type AccuracyPlacement } from '../../../main/domain/accuracy';
import { matchHomes, type MatchCandidate, type PlacementNeed } from '../../../main/domain/matching';
import { qualityIndex, type QualityEvidence } from '../../../main/domain/quality-index';
import { defaultQualitySettings } from '../../../main/domain/quality-settings';

const ON = '2026-12-05';
const policy = { permitMaxAgeDays: 90, compareNames: (a: string, b: string) => a.localeCompare(b, 'sv') };
const need: PlacementNeed = { age: 15, gender: 'flicka', needs: ['missbruk', 'sjalvskada'], legalBasis: 'SoL', municipality: 'Timrå', form: 'hvb', startOn: ON };

function evidence(id: string, overrides: Partial<QualityEvidence> = {}): QualityEvidence {
  return {
    home: { id, kind: 'hvb', operator: 'enskild', active: true },
    inspections: [
      { id: `${id}-E1`, date: '2026-05-01', verdict: 'utan-anmarkning' },
      { id: `${id}-E2`, date: '2025-05-01', verdict: 'utan-anmarkning' },
    ],
    stays: [],
    assessments: [],
    deviations: [],
    permits: [{ id: `${id}-RC`, date: '2026-10-02', outcome: 'giltigt' }],
    household: [],
    policy: { registers: [], permitMaxAgeDays: 90 },
    ...overrides,
  };
}

function candidate(id: string, name: string, overrides: Partial<MatchCandidate['home']> = {}, extra: Partial<MatchCandidate> = {}, ev: Partial<QualityEvidence> = {}): MatchCandidate {
  const e = evidence(id, ev);
  return {
    home: { id, name, kind: 'hvb', municipality: 'Timrå', capacity: 8, targetGroup: { minAge: 13, maxAge: 17, gender: 'alla', needs: ['missbruk', 'sjalvskada'] }, ...overrides },
    permit: { checkedOn: '2026-10-02', outcome: 'giltigt', forms: ['hvb'], minAge: 13, maxAge: 17 },
    placed: 7,
    breakdowns: [],
    quality: qualityIndex(e, defaultQualitySettings, ON),
    ...extra,
  };
}

describe('matching: hard gates exclude a home with the reason, whatever its score', () => {
  it('excludes the home without a valid permit, outside the permit ages, full, inactive, of the wrong form or for the other gender', () => {
    const { matches, excluded } = matchHomes(
      [
        candidate('H1', 'Solgläntan'),
        candidate('H2', 'Utan tillstånd', {}, {}, { permits: [] }),
        candidate('H3', 'Äldre', {}, { permit: { checkedOn: '2026-10-02', outcome: 'giltigt', forms: ['hvb'], minAge: 16, maxAge: 20 } }),
        candidate('H4', 'Fullt', { capacity: 7 }),
        candidate('H5', 'Stängt', {}, {}, { home: { id: 'H5', kind: 'hvb', operator: 'enskild', active: false } }),
        candidate('H6', 'Jourhemmet', { kind: 'jourhem' }, { permit: null }, { home: { id: 'H6', kind: 'jourhem', operator: null, active: true }, permits: [] }),
        candidate('H7', 'Pojkhemmet', { targetGroup: { minAge: 13, maxAge: 17, gender: 'pojkar', needs: [] } }),
      ],
      need,
      policy,
    );
    expect(matches.map((m) => m.homeId)).toEqual(['H1']);
    expect(Object.fromEntries(excluded.map((e) => [e.homeId, e.reasons]))).toEqual({
      H2: ['Hemmet ska ha IVO-tillstånd, men inget giltigt tillstånd är verifierat.'],
      H3: ['IVO-tillståndet gäller 16–20 år; barnet är 15 år.'],
      H4: ['Fullt: 7 barn på 7 platser 2026-12-05.'],
      H5: ['Hemmet är inaktivt och tar inte emot placeringar.'],
      H6: ['Fel boendeform: hemmet är jourhem, sökt är HVB.'],
      H7: ['Hemmet tar bara emot pojkar.'],
    });
  });
});

describe('matching: the homes that can take the child, ranked by fit and then quality, each with its reasons', () => {
  it('says why, in the words a case worker checks', () => {
    const { matches } = matchHomes([candidate('H1', 'Solgläntan', {}, { breakdowns: ['2025-06-01', '2026-01-10', '2023-01-01'] })], need, policy);
    expect(matches[0]!.fit).toBe(100);
    expect(matches[0]!.reasons.map((r) => `${r.effect}: ${r.text}`)).toEqual([
      'plus: Målgrupp 13–17 år täcker 15 år',
      'plus: Målgruppen omfattar missbruk och självskadebeteende',
      'plus: I Timrå',
      'plus: 1 plats ledig',
      'plus: IVO-tillstånd verifierat 2026-10-02',
      'minus: 2 sammanbrott senaste 24 månaderna',
    ]);
  });

  it('a better fit ranks first; among equal fits the higher index; a home in the same county gets half the place points', () => {
    const good = { inspections: [1, 2, 3, 4].map((i) => ({ id: `E${i}`, date: '2026-06-01', verdict: 'utan-anmarkning' as const })) };
    const bad = { inspections: [1, 2, 3, 4].map((i) => ({ id: `E${i}`, date: '2026-06-01', verdict: 'kritik' as const })) };
    const { matches } = matchHomes(
      [
        candidate('H1', 'Sämre', {}, {}, bad),
        candidate('H2', 'Bättre', {}, {}, good),
        candidate('H3', 'Sundsvall', { municipality: 'Sundsvall' }, {}, good),
        candidate('H4', 'Kiruna', { municipality: 'Kiruna', targetGroup: { minAge: 13, maxAge: 17, gender: null, needs: ['missbruk'] } }, {}, good),
      ],
      need,
      policy,
    );
    expect(matches.map((m) => [m.homeId, m.fit, m.score])).toEqual([
      ['H2', 100, 100],
      ['H1', 100, 33],
      ['H3', 90, 100],
      ['H4', 60, 100],
    ]);
    expect(matches[2]!.reasons).toContainEqual({ text: 'I Sundsvall, samma län (Västernorrlands län)', effect: 'plus' });
    expect(matches[3]!.reasons).toContainEqual({ text: 'Målgruppen nämner inte självskadebeteende', effect: 'minus' });
  });

  it('names a suggested need in lower case and a need typed freely as it was typed', () => {
    const { matches } = matchHomes([candidate('H1', 'Solgläntan')], { ...need, needs: ['hedersrelaterat-vald', 'ADHD'] }, policy);
    expect(matches[0]!.reasons).toContainEqual({ text: 'Målgruppen nämner inte hedersrelaterat våld och ADHD', effect: 'minus' });
  });

  it('a permit verified longer ago than the rules allow is a reason to check it again, not a gate', () => {
    const { matches } = matchHomes([candidate('H1', 'Solgläntan', {}, { permit: { checkedOn: '2026-01-02', outcome: 'giltigt', forms: [], minAge: null, maxAge: null } })], need, policy);
    expect(matches[0]!.reasons).toContainEqual({ text: 'IVO-tillståndet verifierades 2026-01-02: kontrollera det igen före beslut', effect: 'minus' });
  });
});

describe('träffsäkerhet', () => {
  const placements: AccuracyPlacement[] = [
    { id: 'PL1', homeId: 'H1', startedOn: '2026-03-01', endedOn: '2026-09-01', endReason: 'sammanbrott' },
    { id: 'PL2', homeId: 'H1', startedOn: '2026-10-01', endedOn: '2026-11-01', endReason: 'planerad' },
  ];
  // Before PL1: two inspections without remark and a valid permit (3 counted: a number). Kritik
  // came on PL1's first day and PL1 broke down later: neither may enter PL1's index.
  const home = evidence('H1', {
    inspections: [
      { id: 'E1', date: '2025-05-01', verdict: 'utan-anmarkning' },
      { id: 'E2', date: '2025-11-01', verdict: 'utan-anmarkning' },
      { id: 'E3', date: '2026-03-01', verdict: 'kritik' },
    ],
    permits: [{ id: 'RC', date: '2026-01-10', outcome: 'giltigt' }],
    stays: [{ placementId: 'PL1', from: '2026-03-01', to: '2026-09-01', endedOn: '2026-09-01', endReason: 'sammanbrott' }],
  });

  it('never lets evidence dated on or after a placement’s first day into its index', () => {
    const cases = accuracyCases(placements, (id) => (id === 'H1' ? home : undefined), defaultQualitySettings);
    expect(cases[0]).toMatchObject({ placementId: 'PL1', score: 100, grade: 'A', breakdown: true });
    // PL2 began after the kritik and PL1's breakdown: both count.
    expect(cases[1]!.score).toBeLessThan(60);
  });

  it('counts per grade, with the rate, its interval and whether the numbers are too few', () => {
    const cases = Array.from({ length: 25 }, (_, i) => ({ placementId: `P${i}`, homeId: 'H', startedOn: ON, endedOn: ON, endReason: null, score: 90, grade: 'A' as const, breakdown: i < 5 }));
    const { rows, total } = accuracyTable([...cases, { ...cases[0]!, grade: null, score: null, breakdown: true }]);
    expect(rows[0]).toMatchObject({ grade: 'A', placements: 25, breakdowns: 5, rate: 0.2, tooFew: false });
    expect(rows[0]!.low).toBeCloseTo(0.0886, 3);
    expect(rows[0]!.high).toBeCloseTo(0.3913, 3);
    expect(rows[1]).toMatchObject({ grade: 'B', placements: 0, rate: null, tooFew: true });
    expect(rows.at(-1)).toMatchObject({ grade: null, placements: 1, breakdowns: 1, tooFew: true });
    expect(total).toMatchObject({ placements: 26, breakdowns: 6 });
    expect(MEANINGFUL_PLACEMENTS).toBe(20);
  });

  it('the Wilson interval stays inside 0–1 at the edges', () => {
    expect(wilson(0, 10)).toEqual({ low: 0, high: expect.closeTo(0.2775, 3) });
    expect(wilson(0, 0)).toBeNull();
  });
});
