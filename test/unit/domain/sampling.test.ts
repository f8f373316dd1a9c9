/**
 * The draw of a random file audit (rules.md, "Random file audit"). The ranks below were computed
 * outside the program, with coreutils: `printf 'lotto-2026-48:PL1' | sha256sum`.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { activeDuring, compareCodePoints, drawProblems, drawRank, drawSample, populationHash, populationOf, sizeOfShare } from '../../../main/domain/sampling';

const SEED = 'lotto-2026-48';
const ranks: Record<string, string> = {
  PL1: '167847282a6e3a614ed8322eb5e03a9f013d44870653a774c25fd0f02f69fbb5',
  PL2: '6715ae598e97bb54563a5ce39bdad6f9293adc0b6efa4fcc61ccde825fe4bba8',
  PL3: 'dc4d39fbaf0eb5eca2c3c179481c7dd1c169a80027da8a39806a6ed1891bc40a',
  PL4: '6bc7f1238d1296722d3ac70f5be7213b920a927bfd5db1ce104516c7b6c587fa',
  PL5: '734005fc76d687e09522886fa5d7d6654cb15eb756235dd8cc3b83f4ed9bbb06',
};

describe('rules.md step 2: the rank is SHA-256(seed + ":" + placementId) in lowercase hex', () => {
  it.each(Object.entries(ranks))('%s', (id, rank) => {
    expect(drawRank(SEED, id)).toBe(rank);
  });
});

describe('rules.md step 3: the sample is the N lowest ranks, in rank order', () => {
  it('draws PL1, PL2, PL4 of five with that seed (ranks 1678…, 6715…, 6bc7…)', () => {
    const draw = drawSample(['PL5', 'PL4', 'PL3', 'PL2', 'PL1'], SEED, 3);
    expect(draw.sample).toEqual(['PL1', 'PL2', 'PL4']);
    expect(draw.populationSize).toBe(5);
  });

  it('the same round always gives the same sample, whatever order the register gives the placements in', () => {
    const ids = Object.keys(ranks);
    expect(drawSample([...ids].reverse(), SEED, 5)).toEqual(drawSample(ids, SEED, 5));
    expect(drawSample(ids, 'another seed', 5).sample).not.toEqual(drawSample(ids, SEED, 5).sample);
  });
});

describe('rules.md step 4: the population hash is SHA-256 of the ids sorted by code point, joined by "\\n"', () => {
  it('is `printf "PL1\\nPL2\\nPL3\\nPL4\\nPL5" | sha256sum` for any order', () => {
    expect(populationHash(['PL3', 'PL1', 'PL5', 'PL2', 'PL4'])).toBe('6bac9a5907ed8c4891b51a3e5d5fa751adc1a052a7180cf147bc368bb99ffbcc');
  });

  it('sorts by code point: capitals before small letters, Ö after z, an astral character after every BMP one', () => {
    expect(['b', 'Ö', 'a', 'B', '😀', '\uffff'].sort(compareCodePoints)).toEqual(['B', 'a', 'b', 'Ö', '\uffff', '😀']);
  });

  it('orders any two texts as their code points do, and as their UTF-8 bytes do', () => {
    const byCodePoints = (a: string, b: string) => {
      const x = [...a].map((c) => c.codePointAt(0)!);
      const y = [...b].map((c) => c.codePointAt(0)!);
      for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
      return x.length - y.length;
    };
    // Texts of BMP letters, the units near the surrogates and astral characters, often sharing a start.
    const unit = fc.constantFrom('a', 'Z', 'ö', '\ud7ff', '\ue000', '\uffff', '😀', '𝄞', '\u{10ffff}');
    const text = fc.array(unit, { maxLength: 6 }).map((units) => units.join(''));
    fc.assert(
      fc.property(text, text, text, (start, a, b) => {
        const [x, y] = [start + a, start + b];
        expect(Math.sign(compareCodePoints(x, y))).toBe(Math.sign(byCodePoints(x, y)));
        expect(Math.sign(compareCodePoints(x, y))).toBe(Math.sign(Buffer.compare(Buffer.from(x), Buffer.from(y))));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('rules.md step 1: the population is the placements active on at least one day of the period', () => {
  const period = ['2026-01-01', '2026-06-30'] as const;
  it.each([
    ['ongoing since before', { startedOn: '2025-01-01', endedOn: null }, true],
    ['begun on the last day', { startedOn: '2026-06-30', endedOn: null }, true],
    ['begun the day after', { startedOn: '2026-07-01', endedOn: null }, false],
    ['ended on the first day (the end day is not active)', { startedOn: '2025-03-01', endedOn: '2026-01-01' }, false],
    ['ended the day after the first', { startedOn: '2025-06-01', endedOn: '2026-01-02' }, true],
    ['ended before', { startedOn: '2025-02-01', endedOn: '2025-12-31' }, false],
    ['begun and ended on the same day inside (never active)', { startedOn: '2026-03-01', endedOn: '2026-03-01' }, false],
  ])('%s', (_, span, active) => {
    expect(activeDuring({ id: 'PL', ...span }, ...period)).toBe(active);
  });
});

describe('bad input gets a Swedish message for its argument', () => {
  it('a period that ends before it starts, a size of 0, an empty seed', () => {
    expect(drawProblems({ from: '2026-06-30', to: '2026-01-01', size: 0, seed: ' ', populationSize: 10 })).toEqual([
      { field: 'to', message: 'perioden slutar (2026-01-01) innan den börjar (2026-06-30)' },
      { field: 'seed', message: 'ange ett frö (seed), t.ex. 16 hexadecimala tecken eller ett publicerat lottonummer' },
      { field: 'size', message: 'urvalet måste vara minst 1 akt' },
    ]);
  });

  it('a size larger than the population', () => {
    expect(drawProblems({ from: '2026-01-01', to: '2026-06-30', size: 4, seed: 'x', populationSize: 3 })).toEqual([
      { field: 'size', message: 'urvalet (4) är större än populationen: 3 placeringar var aktiva under perioden' },
    ]);
  });
});

describe('rules.md step 1 with a round\'s filters: unit, form, handläggare, and files audited recently left out', () => {
  const placement = (id: string, unit: string | null, caseworker: string | null, forms: [string, string, string | null][]) => ({
    id, startedOn: forms[0]![1], endedOn: null, unit, caseworker, stays: forms.map(([form, from, to]) => ({ form, from, to })),
  });
  const register = [
    placement('PL1', 'Barn och unga', 'Ada Handläggare', [['jourhem', '2025-10-01', '2026-02-01'], ['familjehem', '2026-02-01', null]]),
    placement('PL2', 'Barn och unga', 'Bo Handläggare', [['hvb', '2025-05-01', null]]),
    placement('PL3', 'Ensamkommande', 'Ada Handläggare', [['familjehem', '2024-01-01', null]]),
  ];
  const period = { from: '2026-03-01', to: '2026-06-30' };

  it('the form is a stay of that form during the period (PL1 was in a jourhem before it)', () => {
    expect(populationOf(register, { ...period, form: 'familjehem' })).toEqual(['PL1', 'PL3']);
    expect(populationOf(register, { ...period, form: 'jourhem' })).toEqual([]);
    expect(populationOf(register, { from: '2026-01-01', to: '2026-06-30', form: 'jourhem' })).toEqual(['PL1']);
  });

  it('unit and handläggare as written; a file audited recently is left out', () => {
    expect(populationOf(register, { ...period, unit: 'Barn och unga', caseworker: 'Ada Handläggare' })).toEqual(['PL1']);
    expect(populationOf(register, period, new Set(['PL2']))).toEqual(['PL1', 'PL3']);
  });

  it('a share of the population is rounded up, at least one file', () => {
    expect([sizeOfShare(10, 412), sizeOfShare(10, 410), sizeOfShare(1, 5), sizeOfShare(100, 3)]).toEqual([42, 41, 1, 3]);
  });
});
