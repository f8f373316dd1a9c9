import { describe, expect, it } from 'vitest';
import { accuracyTable, MEANINGFUL_PLACEMENTS, type AccuracyCase } from '../../../main/domain/accuracy';
import { accuracyChartOption, accuracyChartText, INTERVAL_SERIES, percentText, RATE_SERIES } from '../../../main/domain/accuracy-chart';
import type { Grade } from '../../../main/domain/quality-settings';

/** `n` ended placements in homes of `grade`, the first `broke` of them in sammanbrott. */
function cases(grade: Grade | null, n: number, broke: number): AccuracyCase[] {
  return Array.from({ length: n }, (_, i) => ({
    placementId: `${grade ?? 'none'}-${i}`,
    homeId: `H-${grade ?? 'none'}`,
    startedOn: '2025-01-01',
    endedOn: '2025-06-01',
    endReason: i < broke ? 'sammanbrott' : 'planerad',
    score: null,
    grade,
    breakdown: i < broke,
  }));
}

// A: 40 placements, 2 broke down; B: 25, 5; C: 4, 2 (too few); D: none; E: 1, 1; no index: 3, 0.
const { rows, total } = accuracyTable([...cases('A', 40, 2), ...cases('B', 25, 5), ...cases('C', 4, 2), ...cases('E', 1, 1), ...cases(null, 3, 0)]);

describe('accuracyChartOption', () => {
  const option = accuracyChartOption(rows, total);
  const [bars, whiskers] = option.series;

  it('is data only: it survives JSON unchanged (a report in main renders the same option)', () => {
    expect(JSON.parse(JSON.stringify(option))).toEqual(option);
    expect(option.animation).toBe(false);
  });

  it('has a category per row, A–E then Inget index, each saying how many of how many', () => {
    expect(option.xAxis.data).toEqual(['A\n2 av 40', 'B\n5 av 25', 'C\n2 av 4\nför få', 'D\ninga', 'E\n1 av 1\nför få', 'Inget index\n0 av 3\nför få']);
    expect(option.yAxis.name).toBe('Andel sammanbrott (%)');
    expect(option.xAxis.name).toMatch(/^Betyg/);
  });

  it('draws the rate in percent, none for a grade without placements, the too few pale and dashed', () => {
    expect(bars?.name).toBe(RATE_SERIES);
    const data = bars!.data as ({ value: number; itemStyle: { borderType?: string } } | '-')[];
    expect(data.map((d) => (d === '-' ? d : d.value))).toEqual([5, 20, 50, '-', 100, 0]);
    expect(data[0]).toMatchObject({ itemStyle: { color: '#1f5f99' } });
    expect(data[2]).toMatchObject({ itemStyle: { borderType: 'dashed' } });
    expect(rows[0]!.placements).toBeGreaterThanOrEqual(MEANINGFUL_PLACEMENTS);
  });

  it('puts the Wilson interval around each rate: low ≤ rate ≤ high, as a whisker', () => {
    expect(whiskers?.name).toBe(INTERVAL_SERIES);
    expect(whiskers?.type).toBe('boxplot');
    const data = whiskers!.data as (number[] | '-')[];
    expect(data[3]).toBe('-');
    rows.forEach((row, i) => {
      const whisker = data[i];
      if (row.placements === 0) return;
      expect(whisker).toEqual([row.low, row.rate, row.rate, row.rate, row.high].map((v) => Math.round(v! * 1000) / 10));
      const [low, , mid, , high] = whisker as number[];
      expect(low).toBeLessThanOrEqual(mid!);
      expect(mid).toBeLessThanOrEqual(high!);
    });
  });

  it('marks the rate of all placements, and the axis reaches above every interval', () => {
    expect(bars?.markLine?.data).toEqual([{ yAxis: Math.round((10 / 73) * 1000) / 10 }]);
    expect(bars?.markLine?.label.formatter).toBe('Alla: 14 %');
    const highest = Math.max(...rows.map((r) => (r.high ?? 0) * 100));
    expect(option.yAxis.max).toBeGreaterThanOrEqual(highest);
    expect(option.yAxis.max % option.yAxis.interval).toBe(0);
  });

  it('shares its scale with the rows it is shown beside', () => {
    const small = accuracyTable([...cases('A', 30, 1)]);
    expect(accuracyChartOption(small.rows, small.total).yAxis.max).toBe(20);
    expect(accuracyChartOption(small.rows, small.total, { scaleWith: rows }).yAxis.max).toBe(option.yAxis.max);
  });

  it('without placements: no bars, no line, an axis to 10 %', () => {
    const empty = accuracyTable([]);
    const blank = accuracyChartOption(empty.rows, empty.total);
    expect(blank.series[0]!.data.every((d) => d === '-')).toBe(true);
    expect(blank.series[0]!.markLine).toBeUndefined();
    expect(blank.yAxis.max).toBe(10);
  });
});

describe('accuracyChartText', () => {
  it('says every grade in words, the interval, and which are too few', () => {
    const text = accuracyChartText(rows, total);
    expect(text).toContain('A: 2 av 40 (5 %, 95 %-intervall');
    expect(text).toContain('C: 2 av 4 (50 %');
    expect(text).toMatch(/C: 2 av 4 \([^)]*\), för få för att säga något/);
    expect(text).not.toMatch(/A: 2 av 40 \([^)]*\), för få/);
    expect(text).toContain('D: inga placeringar');
    expect(text).toContain('Inget index: 0 av 3');
    expect(text).toContain('Alla: 10 av 73 (14 %).');
  });

  it('writes shares the Swedish way', () => {
    expect(percentText(0.025)).toBe('2,5');
    expect(percentText(0.2)).toBe('20');
    expect(percentText(0.137)).toBe('14');
    expect(percentText(0)).toBe('0');
  });
});
