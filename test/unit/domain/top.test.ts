import { describe, expect, it } from 'vitest';
import { firstInOrder } from '../../../main/domain/top';
import { compareSwedish } from '../../../main/domain/swedish';

/** mulberry32: seeded, so a failure can be run again. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('firstInOrder: the first k in order, as sorting all and cutting would give', () => {
  it('equals sort and slice for any length and k (2 000 random lists)', () => {
    const next = random(11);
    for (let run = 0; run < 2000; run++) {
      const length = Math.floor(next() * 60);
      // Distinct values: a total order, as the register's (rank, name, id) is.
      const items = [...new Set(Array.from({ length }, () => Math.floor(next() * 1000)))];
      const k = Math.floor(next() * 70);
      const compare = (a: number, b: number) => a - b;
      expect(firstInOrder(items, k, compare), `${items.join(',')} k=${k}`).toEqual([...items].sort(compare).slice(0, k));
    }
  });

  it('with Swedish collation: Å, Ä, Ö after Z', () => {
    const names = ['Östergården', 'Zetagården', 'Åkerbacken', 'Alfahemmet', 'Ängen', 'ekbacken'];
    expect(firstInOrder(names, 4, compareSwedish)).toEqual(['Alfahemmet', 'ekbacken', 'Zetagården', 'Åkerbacken']);
  });

  it('leaves the input as it was', () => {
    const items = [5, 3, 9, 1];
    firstInOrder(items, 2, (a, b) => a - b);
    expect(items).toEqual([5, 3, 9, 1]);
  });

  it('k of 0 or less is nothing', () => {
    expect(firstInOrder([2, 1], 0, (a, b) => a - b)).toEqual([]);
  });
});
