/**
 * Small numbers in reports that become public (offentlighetsprincipen): a cell that describes 1–4
 * children is not shown ("färre än 5"), and no total or other cell lets it be computed back
 * (complementary suppression). Zero is shown: it describes no child.
 *
 * A table is cells in rows and columns with their totals. The rule, applied until nothing more
 * changes: in every row and every column, counting its total as one of its cells, either no cell
 * is suppressed or at least two are. When a line has exactly one, the smallest other cell that is
 * not zero is suppressed with it (the least information lost); if every other cell is zero, the
 * line's total is suppressed instead. A suppressed total is a cell of the totals' row or column,
 * so the rule reaches them too.
 */

/** The least number of children a cell may describe and be shown. */
export const SMALL_NUMBER_LIMIT = 5;

/** What a suppressed cell says instead of its number. */
export const SUPPRESSED_TEXT = 'färre än 5';

/** A number as it may be shown: null where it is suppressed. */
export type Shown = number | null;

export const isSmall = (n: number): boolean => n > 0 && n < SMALL_NUMBER_LIMIT;

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
 * total is the sum of its line as counted, suppressed where the rule says.
 */
export function suppressTable({ cells }: CountTable): ShownTable {
  const rows = cells.length;
  const columns = rows === 0 ? 0 : cells[0]!.length;
  // The full grid with the totals as its last row and column: (rows + 1) × (columns + 1).
  const grid: number[][] = cells.map((row) => [...row, row.reduce((a, b) => a + b, 0)]);
  const totalsRow = Array.from({ length: columns + 1 }, (_, c) => grid.reduce((sum, row) => sum + row[c]!, 0));
  grid.push(totalsRow);
  const hidden = grid.map((row) => row.map(isSmall));

  /** The positions of one line: a row (cells and its total) or a column (cells and its total). */
  const lines: [number, number][][] = [
    ...Array.from({ length: rows + 1 }, (_, r) => Array.from({ length: columns + 1 }, (_, c) => [r, c] as [number, number])),
    ...Array.from({ length: columns + 1 }, (_, c) => Array.from({ length: rows + 1 }, (_, r) => [r, c] as [number, number])),
  ];
  // A line is cells plus their total, so a single line needs no partner where it has one cell
  // and its total (both hidden or both shown alike): handled by the same rule.
  for (let changed = true; changed; ) {
    changed = false;
    for (const line of lines) {
      const suppressed = line.filter(([r, c]) => hidden[r]![c]);
      if (suppressed.length !== 1) continue;
      const candidates = line.filter(([r, c]) => !hidden[r]![c] && grid[r]![c]! > 0);
      if (candidates.length === 0) continue;
      const [r, c] = candidates.reduce((least, at) => (grid[at[0]]![at[1]]! < grid[least[0]]![least[1]]! ? at : least));
      hidden[r]![c] = true;
      changed = true;
    }
  }
  const shown = (r: number, c: number): Shown => (hidden[r]![c] ? null : grid[r]![c]!);
  return {
    cells: Array.from({ length: rows }, (_, r) => Array.from({ length: columns }, (_, c) => shown(r, c))),
    rowTotals: Array.from({ length: rows }, (_, r) => shown(r, columns)),
    columnTotals: Array.from({ length: columns }, (_, c) => shown(rows, c)),
    total: shown(rows, columns),
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
