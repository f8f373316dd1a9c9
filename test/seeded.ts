/**
 * Seeded random numbers for test data and the benchmark: the same seed gives the same register
 * on every machine, so a failing seed can be run again.
 */

/** mulberry32: small, fast and the same everywhere. */
export function seeded(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  /** One of `options` by weight: `[[value, weight], …]`. */
  const weighted = <T>(options: readonly (readonly [T, number])[]): T => {
    const total = options.reduce((sum, [, weight]) => sum + weight, 0);
    let r = next() * total;
    for (const [value, weight] of options) {
      r -= weight;
      if (r < 0) return value;
    }
    return options[options.length - 1]![0];
  };
  return { next, int, pick, weighted, chance: (p: number) => next() < p };
}
