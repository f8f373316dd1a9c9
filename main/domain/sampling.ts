/**
 * The draw of a random file audit (rules.md, "Random file audit"), reproducible by anyone
 * without this program: the population is the placements active on at least one day of the
 * period; each gets the rank SHA-256(seed + ":" + placementId) in lowercase hex; the sample is
 * the N lowest ranks, in rank order. The population's hash (its ids sorted by code point, joined
 * with "\n") lets a revisor check that they started from the same files.
 */
import { createHash } from 'node:crypto';
import type { IsoDate } from './dates';

export interface SamplePlacement {
  id: string;
  startedOn: IsoDate;
  endedOn: IsoDate | null;
}

export interface Draw {
  seed: string;
  populationSize: number;
  populationHash: string;
  /** The drawn placements' ids, lowest rank first. */
  sample: string[];
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** Whether the placement is active on at least one day of [from, to], as `isActiveOn` judges a day (the end day is not). */
export function activeDuring(placement: SamplePlacement, from: IsoDate, to: IsoDate): boolean {
  // Some day d in [from, to] with startedOn ≤ d < endedOn.
  const { startedOn, endedOn } = placement;
  return startedOn <= to && (endedOn === null || (from < endedOn && startedOn < endedOn));
}

/** What the filters of a round look at: the placement's unit and handläggare, and the forms of its stays. */
export interface PopulationPlacement extends SamplePlacement {
  unit: string | null;
  caseworker: string | null;
  legalBasis?: string;
  stays: readonly { form: string; from: IsoDate; to: IsoDate | null }[];
}

export interface PopulationFilter {
  from: IsoDate;
  to: IsoDate;
  unit?: string | null;
  /** A stay of this form during the period. */
  form?: string | null;
  caseworker?: string | null;
  /** SoL, LVU2 or LVU3. */
  legalBasis?: string | null;
}

/**
 * rules.md step 1: the placements active on at least one day of [from, to], filtered by unit,
 * form, legal basis and handläggare, minus `excluded` (audited in a round that ended less than 12 months
 * before `from`, as the caller knows), in the register's order.
 */
export function populationOf(placements: readonly PopulationPlacement[], filter: PopulationFilter, excluded: ReadonlySet<string> = new Set()): string[] {
  const { from, to, unit, form, caseworker, legalBasis } = filter;
  return placements
    .filter(
      (p) =>
        activeDuring(p, from, to) &&
        !excluded.has(p.id) &&
        (unit == null || p.unit === unit) &&
        (caseworker == null || p.caseworker === caseworker) &&
        (legalBasis == null || p.legalBasis === legalBasis) &&
        (form == null || p.stays.some((s) => s.form === form && s.from <= to && (s.to === null || from < s.to))),
    )
    .map((p) => p.id);
}

/** A sample size asked for as a share of the population: rounded up, at least one file. */
export const sizeOfShare = (percent: number, populationSize: number): number => Math.max(1, Math.ceil((percent * populationSize) / 100));

/** A placement's rank in the draw of `seed`: lowercase hex, compared as text. */
export const drawRank = (seed: string, placementId: string): string => sha256(`${seed}:${placementId}`);

/** The SHA-256 of the population's ids, sorted by code point and joined with "\n". */
export function populationHash(ids: readonly string[]): string {
  return sha256([...ids].sort(compareCodePoints).join('\n'));
}

/**
 * Unicode code-point order (not UTF-16 units, as `<` on strings would give outside the BMP). At the
 * first unit that differs, UTF-16 order is code-point order unless exactly one of the two is a
 * surrogate: that one is part of a code point above U+FFFF, above every unit of the BMP.
 */
export function compareCodePoints(a: string, b: string): number {
  const shorter = Math.min(a.length, b.length);
  for (let i = 0; i < shorter; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    const xSurrogate = x >= 0xd800 && x <= 0xdfff;
    const ySurrogate = y >= 0xd800 && y <= 0xdfff;
    if (xSurrogate !== ySurrogate) return xSurrogate ? 1 : -1;
    return x - y;
  }
  return a.length - b.length;
}

/** The `size` placements of `population` with the lowest ranks under `seed`, and what verifies the draw. */
export function drawSample(population: readonly string[], seed: string, size: number): Draw {
  const ranked = population.map((id) => ({ id, rank: drawRank(seed, id) })).sort((a, b) => (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : 0));
  return { seed, populationSize: population.length, populationHash: populationHash(population), sample: ranked.slice(0, size).map((r) => r.id) };
}

/** Why a draw cannot be made, in Swedish, each with the argument it concerns; empty when it can. */
export function drawProblems({ from, to, size, seed, populationSize }: { from: IsoDate; to: IsoDate; size: number; seed: string; populationSize: number | null }): { field: 'to' | 'size' | 'seed'; message: string }[] {
  const problems: { field: 'to' | 'size' | 'seed'; message: string }[] = [];
  if (to < from) problems.push({ field: 'to', message: `perioden slutar (${to}) innan den börjar (${from})` });
  if (seed.trim() === '') problems.push({ field: 'seed', message: 'ange ett frö (seed), t.ex. 16 hexadecimala tecken eller ett publicerat lottonummer' });
  if (!Number.isInteger(size) || size < 1) problems.push({ field: 'size', message: 'urvalet måste vara minst 1 akt' });
  else if (populationSize !== null && size > populationSize) {
    problems.push({ field: 'size', message: `urvalet (${size}) är större än populationen: ${populationSize} ${populationSize === 1 ? 'placering var aktiv' : 'placeringar var aktiva'} under perioden` });
  }
  return problems;
}
