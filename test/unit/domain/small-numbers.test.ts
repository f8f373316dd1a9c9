/**
 * Small numbers in public reports: 1–4 children are "färre än 5", and no total or other cell lets
 * them be computed back. The expected tables are worked out by hand beside them.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HIDDEN, isSmall, shownShare, suppressList, suppressTable } from '../../../main/domain/small-numbers';

describe('a cell of 1–4 children is suppressed; 0 and 5 or more are shown', () => {
  it('a list with nothing small is shown whole, with its total', () => {
    expect(suppressList([12, 0, 7])).toEqual({ cells: [12, 0, 7], total: 19 });
  });

  it('one small cell takes the smallest other cell with it, so the total does not give it away', () => {
    // 3 is small; alone, 30 − 12 − 15 would give it: 12 (the smallest other) goes too, as "dold".
    expect(suppressList([12, 3, 15])).toEqual({ cells: [HIDDEN, null, 15], total: 30 });
  });

  it('two small cells protect each other when their sum is 5 or more', () => {
    expect(suppressList([2, 3, 40])).toEqual({ cells: [null, null, 40], total: 45 });
  });

  it('two small cells whose sum is small would give the sum: the total goes too', () => {
    // 1 and 1 hidden beside 10 with the total 12 shown: together they are 2, two children.
    expect(suppressList([10, 1, 1, 0])).toEqual({ cells: [HIDDEN, null, null, 0], total: 12 });
  });

  it('a small cell whose other cells are all zero takes the total with it', () => {
    expect(suppressList([0, 4, 0])).toEqual({ cells: [0, null, 0], total: null });
  });

  it('a small total is suppressed, and so is its one nonzero cell', () => {
    expect(suppressList([3])).toEqual({ cells: [null], total: null });
  });
});

describe('a table with row and column totals: every line with a suppressed cell has two', () => {
  it('works out a 3 × 3 table as by hand', () => {
    // Familjehem / jourhem / HVB by SoL, LVU 2 §, LVU 3 §.
    //            SoL LVU2 LVU3 | sum
    // familjehem  20   2   10  |  32
    // jourhem      8   6    5  |  19
    // HVB         12  30    9  |  51
    // sum         40  38   24  | 102
    // 2 is small. Its row: the smallest other nonzero is 10 → hidden. Its column (LVU2): 6 → hidden.
    // Then the LVU3 column has one hidden (10): its smallest other is 5 → hidden. The jourhem row
    // now has 6 and 5 hidden: two. Every line has 0 or at least 2.
    const shown = suppressTable({ cells: [[20, 2, 10], [8, 6, 5], [12, 30, 9]] });
    expect(shown.cells).toEqual([
      [20, null, HIDDEN],
      [8, HIDDEN, HIDDEN],
      [12, 30, 9],
    ]);
    expect(shown.rowTotals).toEqual([32, 19, 51]);
    expect(shown.columnTotals).toEqual([40, 38, 24]);
    expect(shown.total).toBe(102);
  });

  it('property: no line of a published table has exactly one suppressed cell, no small number is shown, and every shown number is the count', () => {
    const table = fc.integer({ min: 1, max: 5 }).chain((rows) =>
      fc.integer({ min: 1, max: 5 }).chain((columns) => fc.array(fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 5, max: 60 })), { minLength: columns, maxLength: columns }), { minLength: rows, maxLength: rows })),
    );
    fc.assert(
      fc.property(table, (cells) => {
        const shown = suppressTable({ cells });
        const grid = [...shown.cells.map((row, r) => [...row, shown.rowTotals[r]!]), [...shown.columnTotals, shown.total]];
        const counted = [...cells.map((row) => [...row, row.reduce((a, b) => a + b, 0)])];
        counted.push(counted[0]!.map((_, c) => counted.reduce((sum, row) => sum + row[c]!, 0)));
        grid.forEach((row, r) =>
          row.forEach((value, c) => {
            if (typeof value === 'number') expect(value).toBe(counted[r]![c]);
            if (isSmall(counted[r]![c]!)) expect(value).toBeNull();
            if (value === HIDDEN) expect(isSmall(counted[r]![c]!)).toBe(false);
          }),
        );
        const lines = [...grid, ...grid[0]!.map((_, c) => grid.map((row) => row[c]!))];
        for (const line of lines) expect(line.filter((v) => typeof v !== 'number').length).not.toBe(1);
      }),
      { numRuns: 500 },
    );
  });
});

describe('a share of children is shown only where neither part describes 1–4 children', () => {
  it('15 of 20 is 75 %; 18 of 20 tells of two children not; 3 of 4 describes four', () => {
    expect(shownShare(15, 20)).toBe(0.75);
    expect(shownShare(18, 20)).toBeNull();
    expect(shownShare(19, 20)).toBeNull();
    expect(shownShare(3, 4)).toBeNull();
    expect(shownShare(0, 12)).toBe(0);
    expect(shownShare(0, 0)).toBeNull();
  });
});
