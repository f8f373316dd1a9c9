import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, addMonths, fromDayNumber, toDayNumber } from '../../../main/domain/dates';
import { indexDayFor, qualityIndex, qualityReasons, type QualityEvidence } from '../../../main/domain/quality-index';
import { defaultQualitySettings, gradeOf, qualitySettingsSchema, type QualitySettings } from '../../../main/domain/quality-settings';

const ON = '2026-12-05';
const settings = defaultQualitySettings;

/** A private HVB with a valid permit verified a month ago and nothing else known. */
function hvb(overrides: Partial<QualityEvidence> = {}): QualityEvidence {
  return {
    home: { id: 'H1', kind: 'hvb', operator: 'enskild', active: true },
    inspections: [],
    stays: [],
    assessments: [],
    deviations: [],
    permits: [{ id: 'RC1', date: '2026-11-01', outcome: 'giltigt' }],
    household: [],
    policy: { registers: [{ register: 'belastningsregistret', name: 'belastningsregistret', roles: ['uppdragstagare'], maxAgeMonths: 12 }], permitMaxAgeDays: 90 },
    ...overrides,
  };
}

const component = (result: ReturnType<typeof qualityIndex>, dimension: string) => result.components.find((c) => c.dimension === dimension)!;

describe('quality index: a dimension is 100 × positive / (positive + negative) of its decayed evidence', () => {
  it('two inspections without remark and one with kritik on the same day give ivo-tillsyn 67', () => {
    const result = qualityIndex(
      hvb({
        inspections: [
          { id: 'E1', date: ON, verdict: 'utan-anmarkning' },
          { id: 'E2', date: ON, verdict: 'utan-anmarkning' },
          { id: 'E3', date: ON, verdict: 'kritik' },
        ],
      }),
      settings,
      ON,
    );
    expect(component(result, 'ivo-tillsyn')).toMatchObject({ score: 67, evidence: 3 });
  });

  it('evidence one half-life old weighs half: kritik today against utan anmärkning 24 months ago gives 33', () => {
    const result = qualityIndex(
      hvb({ inspections: [{ id: 'E1', date: addMonths(ON, -24), verdict: 'utan-anmarkning' }, { id: 'E2', date: ON, verdict: 'kritik' }] }),
      settings,
      ON,
    );
    const items = component(result, 'ivo-tillsyn').items;
    expect(items[0]!.decay).toBeCloseTo(0.5, 2);
    expect(component(result, 'ivo-tillsyn').score).toBe(33);
  });

  it('föreläggande weighs twice kritik and återkallelse four times (severity-weighted)', () => {
    const one = (verdict: 'forelaggande' | 'aterkallelse') =>
      component(qualityIndex(hvb({ inspections: [{ id: 'E1', date: ON, verdict: 'utan-anmarkning' }, { id: 'E2', date: ON, verdict }] }), settings, ON), 'ivo-tillsyn').score;
    expect(one('forelaggande')).toBe(33);
    expect(one('aterkallelse')).toBe(20);
  });

  it('cut-off: evidence older than 5 years is shown but not counted', () => {
    const old = addDays(addMonths(ON, -60), -1);
    const result = qualityIndex(hvb({ inspections: [{ id: 'E1', date: old, verdict: 'kritik' }] }), settings, ON);
    expect(component(result, 'ivo-tillsyn')).toMatchObject({ score: null, evidence: 0 });
    expect(component(result, 'ivo-tillsyn').items[0]).toMatchObject({ id: 'E1', notCounted: 'äldre än 5 år', decay: 0 });
  });

  it('evidence dated after the day does not exist yet (no looking into the future)', () => {
    const result = qualityIndex(hvb({ inspections: [{ id: 'E1', date: addDays(ON, 1), verdict: 'kritik' }] }), settings, ON);
    expect(component(result, 'ivo-tillsyn').items).toEqual([]);
  });

  it('utfall: a sammanbrott weighs twice a planned ending, a move to another home does not count', () => {
    const result = qualityIndex(
      hvb({
        stays: [
          { placementId: 'PL1', from: '2025-01-01', to: '2026-01-01', endedOn: '2026-01-01', endReason: 'planerad' },
          { placementId: 'PL2', from: '2025-01-01', to: '2026-01-01', endedOn: '2026-01-01', endReason: 'sammanbrott' },
          { placementId: 'PL3', from: '2025-01-01', to: '2026-01-01', endedOn: null, endReason: null },
        ],
      }),
      settings,
      ON,
    );
    expect(component(result, 'utfall')).toMatchObject({ score: 33, evidence: 2 });
    expect(component(result, 'utfall').items.find((i) => i.id === 'PL3')).toMatchObject({ notCounted: 'räknas inte' });
  });

  it('avvikelser: time lived without a report against deviations; a broken-down placement is no such time', () => {
    const stays = [{ placementId: 'PL1', from: addMonths(ON, -12), to: null, endedOn: null, endReason: null }];
    const clean = qualityIndex(hvb({ stays }), settings, ON);
    expect(component(clean, 'avvikelser')).toMatchObject({ score: 100, evidence: 1 });
    const withDeviation = qualityIndex(hvb({ stays, deviations: [{ id: 'D1', date: ON, kind: 'lex-sarah', severity: 'allvarlig' }] }), settings, ON);
    const years = component(withDeviation, 'avvikelser').items[0]!.positive;
    expect(years).toBeGreaterThan(0.8);
    expect(years).toBeLessThan(1);
    // lex Sarah, allvarlig: 2 × 1 against ~0.85 child-years.
    expect(component(withDeviation, 'avvikelser').score).toBe(Math.round((100 * years) / (years + 2)));
    const broken = qualityIndex(hvb({ stays: [{ placementId: 'PL1', from: '2025-01-01', to: '2026-01-01', endedOn: '2026-01-01', endReason: 'sammanbrott' }] }), settings, ON);
    expect(component(broken, 'avvikelser').evidence).toBe(0);
  });

  it('uppfoljning is the recency-weighted mean rating; barnets röst counts trivs against trivs inte and vill flytta (twice)', () => {
    const result = qualityIndex(
      hvb({
        assessments: [
          { id: 'A1', date: ON, scores: { trygghet: 5, skola: 3 }, childVoice: 'trivs' },
          { id: 'A2', date: ON, scores: { trygghet: 1 }, childVoice: 'vill-flytta' },
        ],
      }),
      settings,
      ON,
    );
    // Ratings 4 and 1: positive (0.75 + 0) against negative (0.25 + 1).
    expect(component(result, 'uppfoljning').score).toBe(38);
    expect(component(result, 'barnets-rost').score).toBe(33);
  });

  it('registerkontroll for a foster home: each required register of each uppdragstagare, current and clean or not', () => {
    const foster: QualityEvidence = {
      ...hvb(),
      home: { id: 'F1', kind: 'familjehem', operator: null, active: true },
      permits: [],
      household: [
        { id: 'P1', name: 'Anna Ek', role: 'uppdragstagare', checks: [{ id: 'RC1', register: 'belastningsregistret', date: '2026-06-01', outcome: 'utan-anmarkning' }] },
        { id: 'P2', name: 'Bo Ek', role: 'uppdragstagare', checks: [] },
        { id: 'P3', name: 'Kim Ek', role: 'barn-i-hemmet', checks: [] },
      ],
    };
    const result = qualityIndex(foster, settings, ON);
    expect(component(result, 'registerkontroll')).toMatchObject({ score: 50, evidence: 2 });
    expect(component(result, 'registerkontroll').items.map((i) => i.label)).toEqual([
      'Anna Ek, belastningsregistret: utan anmärkning 2026-06-01',
      'Bo Ek, belastningsregistret: inte kontrollerad',
    ]);
    expect(result.eligible).toBe(true);
  });

  it('registerkontroll for an HVB: the newest permit verification, recent and valid is good', () => {
    const recent = qualityIndex(hvb(), settings, ON);
    expect(component(recent, 'registerkontroll')).toMatchObject({ score: 100 });
    const old = qualityIndex(hvb({ permits: [{ id: 'RC1', date: '2026-01-01', outcome: 'giltigt' }] }), settings, ON);
    expect(component(old, 'registerkontroll').score).toBe(50);
  });

  it('the score is the weighted mean of the dimensions that have evidence, the weights renormalised', () => {
    const result = qualityIndex(
      hvb({
        inspections: [{ id: 'E1', date: ON, verdict: 'kritik' }],
        assessments: [{ id: 'A1', date: ON, scores: { trygghet: 5 }, childVoice: null }],
      }),
      settings,
      ON,
    );
    // ivo-tillsyn 0 (20 %), uppfoljning 100 (20 %), registerkontroll 100 (10 %).
    expect(result.score).toBe(Math.round((0 * 20 + 100 * 20 + 100 * 10) / 50));
    expect(result.grade).toBe('C');
  });

  it('too little evidence: no number, confidence low, and a sentence of what is missing', () => {
    const result = qualityIndex(hvb({ inspections: [{ id: 'E1', date: ON, verdict: 'kritik' }] }), settings, ON);
    expect(result).toMatchObject({ score: null, grade: null, confidence: 'low', eligible: true });
    expect(result.missing).toBe(
      'För lite underlag för ett värde: bara 2 underlag räknas, minst 3 behövs. Det saknas avslutade placeringar, bedömningar efter uppföljningsbesök, tid med placerade barn och vad barnen har sagt.',
    );
    expect(qualityReasons(result)).toEqual([result.missing]);
  });

  it('confidence: hög needs much recent evidence in at least three dimensions', () => {
    const many = Array.from({ length: 8 }, (_, i) => ({ id: `E${i}`, date: ON, verdict: 'utan-anmarkning' as const }));
    expect(qualityIndex(hvb({ inspections: many }), settings, ON).confidence).toBe('medium');
    const assessments = [{ id: 'A1', date: ON, scores: { trygghet: 4 }, childVoice: 'trivs' as const }];
    expect(qualityIndex(hvb({ inspections: many, assessments }), settings, ON).confidence).toBe('high');
  });

  it('hard gate: a private HVB without a valid verified permit is not eligible whatever its score', () => {
    const good = Array.from({ length: 5 }, (_, i) => ({ id: `E${i}`, date: ON, verdict: 'utan-anmarkning' as const }));
    const none = qualityIndex(hvb({ inspections: good, permits: [] }), settings, ON);
    expect(none).toMatchObject({ score: 100, eligible: false, barriers: ['Hemmet ska ha IVO-tillstånd, men inget giltigt tillstånd är verifierat.'] });
    const invalid = qualityIndex(hvb({ inspections: good, permits: [{ id: 'RC1', date: '2026-11-01', outcome: 'ogiltigt' }] }), settings, ON);
    expect(invalid.eligible).toBe(false);
    const municipal = qualityIndex(hvb({ home: { id: 'H1', kind: 'hvb', operator: 'kommunal', active: true }, permits: [] }), settings, ON);
    expect(municipal.eligible).toBe(true);
    const inactive = qualityIndex(hvb({ home: { id: 'H1', kind: 'hvb', operator: 'enskild', active: false } }), settings, ON);
    expect(inactive.barriers).toEqual(['Hemmet är inaktivt och tar inte emot placeringar.']);
  });

  it('of two permit verifications on one day the invalid one counts, whatever their order', () => {
    const both = [
      { id: 'RC1', date: '2026-11-01', outcome: 'giltigt' },
      { id: 'RC2', date: '2026-11-01', outcome: 'ogiltigt' },
    ];
    for (const permits of [both, [...both].reverse()]) {
      const result = qualityIndex(hvb({ permits }), settings, ON);
      expect(result.barriers).toEqual(['IVO-tillståndet var ogiltigt vid senaste kontrollen.']);
      expect(component(result, 'registerkontroll').score).toBe(0);
    }
  });

  it('a permit verified longer ago than the cut-off verifies nothing today', () => {
    const result = qualityIndex(hvb({ permits: [{ id: 'RC1', date: '2020-01-01', outcome: 'giltigt' }] }), settings, ON);
    expect(result.barriers).toEqual(['Hemmet ska ha IVO-tillstånd, men inget giltigt tillstånd är verifierat.']);
    expect(component(result, 'registerkontroll').evidence).toBe(0);
  });

  it('an ended placement without a reason is shown as such and not counted', () => {
    const result = qualityIndex(hvb({ stays: [{ placementId: 'PL1', from: '2026-01-01', to: '2026-06-01', endedOn: '2026-06-01', endReason: null }] }), settings, ON);
    expect(component(result, 'utfall').items[0]).toMatchObject({ label: 'Placering 2026-01-01–2026-06-01: avslutad utan angivet skäl', notCounted: 'räknas inte' });
  });

  it('a dimension with weight 0 is left out', () => {
    const without = qualitySettingsSchema.parse({ weights: { 'ivo-tillsyn': 0 } });
    const result = qualityIndex(hvb({ inspections: [{ id: 'E1', date: ON, verdict: 'kritik' }] }), without, ON);
    expect(component(result, 'ivo-tillsyn')).toMatchObject({ weight: 0, evidence: 0 });
  });

  it('the index of a placement is the one of the day before it began', () => {
    expect(indexDayFor('2026-03-01')).toBe('2026-02-28');
  });
});

describe('quality settings', () => {
  it('grades follow the limits exactly: A ≥ 85, B ≥ 70, C ≥ 55, D ≥ 40, E below', () => {
    const limits = settings.gradeLimits;
    expect([100, 85, 84, 70, 69, 55, 54, 40, 39, 0].map((s) => gradeOf(s, limits))).toEqual(['A', 'A', 'B', 'B', 'C', 'C', 'D', 'D', 'E', 'E']);
  });

  it('refuses limits that do not fall from A to D, and all weights 0, in Swedish', () => {
    const bad = qualitySettingsSchema.safeParse({ gradeLimits: { A: 70, B: 70 }, weights: { 'ivo-tillsyn': 0, utfall: 0, uppfoljning: 0, avvikelser: 0, 'barnets-rost': 0, registerkontroll: 0 } });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues.map((i) => i.message)).toEqual(['Minst en dimension måste ha en vikt större än 0.', 'Gränserna ska sjunka från A till D (A högst).']);
  });
});

// --- Properties (quality-index.md, principles 2–6) -------------------------------------------

const FIRST = toDayNumber('2019-01-01');
const LAST = toDayNumber('2027-06-30');
const day = fc.integer({ min: FIRST, max: LAST }).map(fromDayNumber);
const id = fc.string({ minLength: 1, maxLength: 4 });
const rating = fc.integer({ min: 1, max: 5 });
const policy = hvb().policy;

const inspection = (verdicts: readonly ('utan-anmarkning' | 'kritik' | 'forelaggande' | 'aterkallelse' | null)[]) =>
  fc.record({ id, date: day, verdict: fc.constantFrom(...verdicts) });
const stay = (reasons: readonly ('planerad' | 'sammanbrott' | 'hemflytt' | 'myndig' | 'annan' | null)[]) =>
  fc.tuple(id, day, fc.integer({ min: 0, max: 900 }), fc.constantFrom(...reasons), fc.boolean()).map(([placementId, from, length, endReason, open]) =>
    open && endReason === null
      ? { placementId, from, to: null, endedOn: null, endReason: null }
      : { placementId, from, to: addDays(from, length), endedOn: endReason === null ? null : addDays(from, length), endReason },
  );
const assessment = (scores: fc.Arbitrary<number>, voices: readonly ('trivs' | 'trivs-inte' | 'vill-flytta' | null)[]) =>
  fc.record({ id, date: day, scores: fc.record({ trygghet: scores, skola: scores }, { requiredKeys: ['trygghet'] }), childVoice: fc.constantFrom(...voices) });
const deviation = fc.record({ id, date: day, kind: fc.constantFrom('avvikelse' as const, 'lex-sarah' as const), severity: fc.constantFrom('lag' as const, 'medel' as const, 'allvarlig' as const) });
const check = (outcomes: readonly string[]) => fc.record({ id, register: fc.constant('belastningsregistret'), date: day, outcome: fc.constantFrom(...outcomes) });
const person = fc.record({ id, name: fc.constant('Anna Ek'), role: fc.constantFrom('uppdragstagare', 'barn-i-hemmet'), checks: fc.array(check(['utan-anmarkning', 'med-anmarkning']), { maxLength: 3 }) });

const evidence: fc.Arbitrary<QualityEvidence> = fc.record({
  home: fc.record({ id: fc.constant('H1'), kind: fc.constantFrom('hvb' as const, 'familjehem' as const), operator: fc.constantFrom('enskild', 'kommunal', null), active: fc.boolean() }),
  inspections: fc.array(inspection(['utan-anmarkning', 'kritik', 'forelaggande', 'aterkallelse', null]), { maxLength: 4 }),
  stays: fc.array(stay(['planerad', 'sammanbrott', 'hemflytt', 'myndig', 'annan', null]), { maxLength: 5 }),
  assessments: fc.array(assessment(rating, ['trivs', 'trivs-inte', 'vill-flytta', null]), { maxLength: 5 }),
  deviations: fc.array(deviation, { maxLength: 4 }),
  permits: fc.array(fc.record({ id, date: day, outcome: fc.constantFrom('giltigt', 'ogiltigt') }), { maxLength: 3 }),
  household: fc.array(person, { maxLength: 3 }),
  policy: fc.constant(policy),
});
const weights = fc.record({
  'ivo-tillsyn': fc.integer({ min: 0, max: 100 }),
  utfall: fc.integer({ min: 0, max: 100 }),
  uppfoljning: fc.integer({ min: 0, max: 100 }),
  avvikelser: fc.integer({ min: 0, max: 100 }),
  'barnets-rost': fc.integer({ min: 1, max: 100 }),
  registerkontroll: fc.integer({ min: 0, max: 100 }),
});
const anySettings: fc.Arbitrary<QualitySettings> = fc
  .record({ weights, halfLifeMonths: fc.integer({ min: 1, max: 120 }), cutoffYears: fc.integer({ min: 1, max: 8 }), minEvidence: fc.integer({ min: 1, max: 6 }) })
  .map((s) => qualitySettingsSchema.parse(s));
const onDay = fc.integer({ min: toDayNumber('2024-01-01'), max: LAST }).map(fromDayNumber);

type Piece = (e: QualityEvidence, on: string) => fc.Arbitrary<QualityEvidence>;
/** Evidence that only ever says something bad. */
const negative: Record<string, Piece> = {
  'IVO criticism': (e) => inspection(['kritik', 'forelaggande', 'aterkallelse']).map((x) => ({ ...e, inspections: [...e.inspections, x] })),
  // Known on the day: a breakdown after it is, that day, a child still living there.
  'a placement that broke down': (e, on) =>
    fc.tuple(id, fc.integer({ min: 0, max: 900 }), fc.integer({ min: 0, max: 3000 })).map(([placementId, length, ago]) => {
      const to = addDays(on, -ago);
      return { ...e, stays: [...e.stays, { placementId, from: addDays(to, -length), to, endedOn: to, endReason: 'sammanbrott' as const }] };
    }),
  'the lowest ratings': (e) => assessment(fc.constant(1), [null]).map((x) => ({ ...e, assessments: [...e.assessments, x] })),
  'a child who does not thrive': (e) => assessment(fc.constant(1), ['trivs-inte', 'vill-flytta']).map((x) => ({ ...e, assessments: [...e.assessments, x] })),
  'a deviation': (e) => deviation.map((x) => ({ ...e, deviations: [...e.deviations, x] })),
  'an invalid permit': (e) => fc.record({ id, date: day, outcome: fc.constant('ogiltigt') }).map((x) => ({ ...e, permits: [...e.permits, x] })),
  'a register check with a remark': (e) =>
    fc.tuple(fc.nat(), check(['med-anmarkning'])).map(([i, x]) =>
      e.household.length === 0 ? e : { ...e, household: e.household.map((p, j) => (j === i % e.household.length ? { ...p, checks: [...p.checks, x] } : p)) },
    ),
  'an adult never checked': (e) => fc.constant({ ...e, household: [...e.household, { id: 'NEW', name: 'Ny Vuxen', role: 'uppdragstagare', checks: [] }] }),
};
/** Evidence that only ever says something good. */
const positive: Record<string, Piece> = {
  'an inspection without remark': (e) => inspection(['utan-anmarkning']).map((x) => ({ ...e, inspections: [...e.inspections, x] })),
  'a placement ended as planned': (e) => stay(['planerad', 'myndig', 'hemflytt']).map((x) => ({ ...e, stays: [...e.stays, x] })),
  'a placement going on': (e) => stay([null]).map((x) => ({ ...e, stays: [...e.stays, x] })),
  'the highest ratings from a thriving child': (e) => assessment(fc.constant(5), ['trivs', null]).map((x) => ({ ...e, assessments: [...e.assessments, x] })),
  'a valid permit verified recently': (e, on) =>
    fc.integer({ min: 0, max: policy.permitMaxAgeDays }).map((ago) => ({ ...e, permits: [...e.permits, { id: 'NEW', date: addDays(on, -ago), outcome: 'giltigt' }] })),
  'a clean, current register check': (e, on) =>
    fc.tuple(fc.nat(), fc.integer({ min: 0, max: 300 })).map(([i, ago]) =>
      e.household.length === 0
        ? e
        : { ...e, household: e.household.map((p, j) => (j === i % e.household.length ? { ...p, checks: [...p.checks, { id: 'NEW', register: 'belastningsregistret', date: addDays(on, -ago), outcome: 'utan-anmarkning' }] } : p)) },
    ),
};

/** A base, a day, settings and the base with one more piece of evidence. */
const withOneMore = (piece: Piece) =>
  fc.tuple(evidence, onDay, anySettings).chain(([base, on, s]) => piece(base, on).map((more) => ({ base, more, on, s })));

describe('quality index properties (fast-check)', () => {
  for (const [name, piece] of Object.entries(negative)) {
    it(`adding negative evidence never raises a score: ${name}`, () => {
      fc.assert(
        fc.property(withOneMore(piece), ({ base, more, on, s }) => {
          const before = qualityIndex(base, s, on, { explain: false }).score;
          const after = qualityIndex(more, s, on, { explain: false }).score;
          return before === null || after === null || after <= before;
        }),
        { numRuns: 300 },
      );
    });
  }

  for (const [name, piece] of Object.entries(positive)) {
    it(`adding positive evidence never lowers a score: ${name}`, () => {
      fc.assert(
        fc.property(withOneMore(piece), ({ base, more, on, s }) => {
          const before = qualityIndex(base, s, on, { explain: false }).score;
          const after = qualityIndex(more, s, on, { explain: false }).score;
          return before === null || after === null || after >= before;
        }),
        { numRuns: 300 },
      );
    });
  }

  const numbers = (e: QualityEvidence, s: QualitySettings, on: string) => {
    const r = qualityIndex(e, s, on, { explain: false });
    return { score: r.score, grade: r.grade, confidence: r.confidence, eligible: r.eligible, components: r.components.map((c) => [c.score, c.evidence]) };
  };

  it('evidence past the cut-off changes nothing', () => {
    const before = (on: string, s: QualitySettings) => fc.integer({ min: 1, max: 2000 }).map((extra) => addDays(addMonths(on, -12 * s.cutoffYears), -extra));
    fc.assert(
      fc.property(
        fc.tuple(evidence, onDay, anySettings).chain(([base, on, s]) =>
          fc.tuple(before(on, s), fc.constantFrom('kritik' as const, 'utan-anmarkning' as const), fc.constantFrom('lag' as const, 'allvarlig' as const)).map(([date, verdict, severity]) => ({
            base,
            on,
            s,
            more: {
              ...base,
              inspections: [...base.inspections, { id: 'OLD', date, verdict }],
              deviations: [...base.deviations, { id: 'OLD', date, kind: 'avvikelse' as const, severity }],
              assessments: [...base.assessments, { id: 'OLD', date, scores: { trygghet: 1 }, childVoice: 'vill-flytta' as const }],
              stays: [...base.stays, { placementId: 'OLD', from: addDays(date, -30), to: date, endedOn: date, endReason: 'sammanbrott' as const }],
              permits: [...base.permits, { id: 'OLD', date, outcome: verdict === 'kritik' ? 'ogiltigt' : 'giltigt' }],
              household: base.household.map((p) => ({ ...p, checks: [...p.checks, { id: 'OLD', register: 'belastningsregistret', date, outcome: 'utan-anmarkning' }] })),
            },
          })),
        ),
        ({ base, more, on, s }) => {
          expect(numbers(more, s, on)).toEqual(numbers(base, s, on));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('evidence dated after the day changes nothing (no looking into the future)', () => {
    fc.assert(
      fc.property(evidence, onDay, anySettings, fc.integer({ min: 1, max: 900 }), (base, on, s, ahead) => {
        const date = addDays(on, ahead);
        const more: QualityEvidence = {
          ...base,
          inspections: [...base.inspections, { id: 'NEXT', date, verdict: 'aterkallelse' }],
          deviations: [...base.deviations, { id: 'NEXT', date, kind: 'lex-sarah', severity: 'allvarlig' }],
          assessments: [...base.assessments, { id: 'NEXT', date, scores: { trygghet: 1 }, childVoice: 'vill-flytta' }],
          stays: [...base.stays, { placementId: 'NEXT', from: date, to: addDays(date, 10), endedOn: addDays(date, 10), endReason: 'sammanbrott' }],
          permits: [...base.permits, { id: 'NEXT', date, outcome: 'ogiltigt' }],
        };
        expect(numbers(more, s, on)).toEqual(numbers(base, s, on));
      }),
      { numRuns: 300 },
    );
  });

  it('removing all evidence gives score null', () => {
    fc.assert(
      fc.property(evidence, onDay, anySettings, (e, on, s) => {
        const empty: QualityEvidence = { ...e, inspections: [], stays: [], assessments: [], deviations: [], permits: [], household: [] };
        const result = qualityIndex(empty, s, on);
        expect(result).toMatchObject({ score: null, grade: null, confidence: 'low' });
      }),
    );
  });

  it('a home that must have a permit and lacks a valid one is not eligible whatever its score', () => {
    fc.assert(
      fc.property(evidence, onDay, anySettings, fc.boolean(), (e, on, s, none) => {
        const home = { ...e.home, kind: 'hvb' as const, operator: 'enskild' };
        const permits = none ? [] : [...e.permits.filter((p) => p.date <= on), { id: 'LAST', date: on, outcome: 'ogiltigt' }];
        expect(qualityIndex({ ...e, home, permits }, s, on).eligible).toBe(false);
      }),
    );
  });

  it('the grade follows the limits exactly', () => {
    fc.assert(
      fc.property(evidence, onDay, anySettings, (e, on, s) => {
        const { score, grade } = qualityIndex(e, s, on, { explain: false });
        if (score === null) return grade === null;
        const { A, B, C, D } = s.gradeLimits;
        const expected = score >= A ? 'A' : score >= B ? 'B' : score >= C ? 'C' : score >= D ? 'D' : 'E';
        return grade === expected && score >= 0 && score <= 100;
      }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 4, max: 100 }).chain((a) => fc.integer({ min: 3, max: a - 1 }).chain((b) => fc.integer({ min: 2, max: b - 1 }).chain((c) => fc.integer({ min: 1, max: c - 1 }).map((d) => ({ A: a, B: b, C: c, D: d }))))), (limits) => {
        const { A, B, C, D } = limits;
        expect([A, A - 1, B, B - 1, C, C - 1, D, D - 1].map((score) => gradeOf(score, limits))).toEqual(['A', 'B', 'B', 'C', 'C', 'D', 'D', 'E']);
      }),
    );
  });
});
