/**
 * Small numbers in reports that become public (offentlighetsprincipen): a cell that describes 1–4
 * children is not shown ("färre än 5"), and nothing else published lets it be computed back
 * (complementary suppression). Zero is shown: it describes no child.
 *
 * The numbers of a report are tied together by lines: a row and its total, a column and its total,
 * or any other sum that holds between published figures (the children going on last year, plus
 * the new, less the ended, are those going on now). Applied until nothing more changes, on every
 * line: a single hidden number would follow from the others, and hidden numbers of the same sign
 * whose sum is 1–4 would give that sum, a count of 1–4 children; either way the smallest other
 * number that is not zero is hidden too (the least information lost). A total is a number of its
 * lines like any other, so the rule reaches totals too.
 *
 * A number hidden only so that a small one cannot be computed back is "dold", not "färre än 5":
 * the report never says that 35 children are fewer than 5.
 */

/** The least number of children a cell may describe and be shown. */
export const SMALL_NUMBER_LIMIT = 5;

/** What a suppressed small cell says instead of its number. */
export const SUPPRESSED_TEXT = 'färre än 5';

/** What a cell hidden to protect another says. */
export const HIDDEN_TEXT = 'dold';
export const HIDDEN = 'dold' as const;

/** A number as it may be published: null where it describes 1–4 children, `HIDDEN` where it is hidden to protect one. */
export type Shown = number | null | typeof HIDDEN;

export const isShown = (value: Shown): value is number => typeof value === 'number';

export const isSmall = (n: number): boolean => n > 0 && n < SMALL_NUMBER_LIMIT;

/** One published number in a line's sum, by its index, with its sign (cells +1, their total −1). */
export interface Term {
  at: number;
  sign: 1 | -1;
}

/** The numbers as they may be published, given the lines (sums equal to zero) that tie them together. */
export function suppressLines(values: readonly number[], lines: readonly (readonly Term[])[]): Shown[] {
  const hidden = values.map(isSmall);
  for (let changed = true; changed; ) {
    changed = false;
    for (const line of lines) {
      const hiddenTerms = line.filter((t) => hidden[t.at]);
      if (hiddenTerms.length === 0) continue;
      const sameSign = hiddenTerms.every((t) => t.sign === hiddenTerms[0]!.sign);
      const sum = hiddenTerms.reduce((total, t) => total + values[t.at]!, 0);
      if (hiddenTerms.length > 1 && !(sameSign && isSmall(sum))) continue;
      const candidates = line.filter((t) => !hidden[t.at] && values[t.at]! > 0);
      if (candidates.length === 0) continue;
      const least = candidates.reduce((a, b) => (values[b.at]! < values[a.at]! ? b : a));
      hidden[least.at] = true;
      changed = true;
    }
  }
  return values.map((value, i) => (!hidden[i] ? value : isSmall(value) ? null : HIDDEN));
}

export interface CountTable {
  /** cells[row][column], each a number of children. */
  cells: readonly (readonly number[])[];
}

export interface ShownTable {
  cells: Shown[][];
  rowTotals: Shown[];
  columnTotals: Shown[];
  total: Shown;
}

/**
 * The table as it may be published, with its row totals, column totals and grand total: each
 * total is the sum of its line as counted, hidden where the rule says.
 */
export function suppressTable({ cells }: CountTable): ShownTable {
  const rows = cells.length;
  const columns = rows === 0 ? 0 : cells[0]!.length;
  // The full grid with the totals as its last row and column, flat: (rows + 1) × (columns + 1).
  const width = columns + 1;
  const grid: number[][] = cells.map((row) => [...row, row.reduce((a, b) => a + b, 0)]);
  grid.push(Array.from({ length: width }, (_, c) => grid.reduce((sum, row) => sum + row[c]!, 0)));
  const at = (r: number, c: number) => r * width + c;
  const lines: Term[][] = [
    ...Array.from({ length: rows + 1 }, (_, r) => Array.from({ length: width }, (_, c): Term => ({ at: at(r, c), sign: c === columns ? -1 : 1 }))),
    ...Array.from({ length: width }, (_, c) => Array.from({ length: rows + 1 }, (_, r): Term => ({ at: at(r, c), sign: r === rows ? -1 : 1 }))),
  ];
  const shown = suppressLines(grid.flat(), lines);
  return {
    cells: Array.from({ length: rows }, (_, r) => Array.from({ length: columns }, (_, c) => shown[at(r, c)]!)),
    rowTotals: Array.from({ length: rows }, (_, r) => shown[at(r, columns)]!),
    columnTotals: Array.from({ length: columns }, (_, c) => shown[at(rows, c)]!),
    total: shown[at(rows, columns)]!,
  };
}

/** One list of counts with its total (a table of one column). */
export function suppressList(counts: readonly number[]): { cells: Shown[]; total: Shown } {
  const table = suppressTable({ cells: counts.map((n) => [n]) });
  return { cells: table.cells.map((row) => row[0]!), total: table.total };
}

/**
 * A share of children (numerator of denominator): null where it would describe fewer than 5, that
 * is where the denominator is 1–4, or where the numerator or what is left of the denominator is
 * (95 % of 20 tells that one child was not).
 */
export function shownShare(numerator: number, denominator: number): number | null {
  if (denominator === 0) return null;
  if (isSmall(denominator) || isSmall(numerator) || isSmall(denominator - numerator)) return null;
  return numerator / denominator;
}
