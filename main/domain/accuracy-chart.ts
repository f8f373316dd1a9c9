/**
 * Träffsäkerhet as a chart: per grade, the share of placements that ended in sammanbrott, with
 * its 95 % interval. Built as a plain ECharts option (data only: no functions, no echarts import),
 * so the window draws it with ECharts' SVG renderer and a PDF report in main can render the very
 * same option; `accuracyChartText` is the chart in words, for a screen reader or a report's text.
 */
import type { AccuracyRow } from './accuracy';

/** The row of placements whose home had too little evidence for a number. */
export const NO_GRADE_LABEL = 'Inget index';

export interface AccuracyChartStyle {
  /** The bar of a grade with enough placements to compare. */
  bar: string;
  /** The bar of a grade with too few: pale, outlined with a dashed line. */
  tooFewBar: string;
  /** The interval's whiskers and the all-grades line. */
  line: string;
  text: string;
  muted: string;
  grid: string;
  fontFamily: string;
}

/** The window's colours (renderer/src/styles/app.css); a report may pass its own. */
export const accuracyChartStyle: AccuracyChartStyle = {
  bar: '#1f5f99',
  tooFewBar: '#c9dbee',
  line: '#1b2430',
  text: '#1b2430',
  muted: '#4f5b67',
  grid: '#d5dce4',
  fontFamily: "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'DejaVu Sans', sans-serif",
};

export const RATE_SERIES = 'Andel sammanbrott';
export const INTERVAL_SERIES = '95 %-intervall';

/** A share 0–1 as whole percent, or with one decimal under 10 % ("2,5"), in Swedish. */
export function percentText(share: number): string {
  const percent = share * 100;
  const rounded = percent < 10 ? Math.round(percent * 10) / 10 : Math.round(percent);
  return String(rounded).replace('.', ',');
}

/** A row's grade as the chart and the table name it. */
export const gradeLabel = (row: Pick<AccuracyRow, 'grade'>): string => row.grade ?? NO_GRADE_LABEL;

const onePercentDecimal = (share: number) => Math.round(share * 1000) / 10;

/** What a category says under its bar: the grade, "k av n", and whether they are too few. */
function categoryLabel(row: AccuracyRow): string {
  if (row.placements === 0) return `${gradeLabel(row)}\ninga`;
  return `${gradeLabel(row)}\n${row.breakdowns} av ${row.placements}${row.tooFew ? '\nför få' : ''}`;
}

/** The top of the rate axis: a round number just above the highest interval, at least 10 %. */
function axisTop(rows: readonly AccuracyRow[]): { max: number; interval: number } {
  const highest = Math.max(0, ...rows.map((r) => (r.high ?? r.rate ?? 0) * 100));
  if (highest <= 50) {
    return { max: Math.max(10, Math.ceil(highest / 10) * 10), interval: 10 };
  }
  return { max: Math.min(100, Math.ceil(highest / 20) * 20), interval: 20 };
}

export interface AccuracyChartOptions {
  style?: AccuracyChartStyle;
  /** Other rows the rate axis must also reach: two charts side by side (saved, tried) share one scale. */
  scaleWith?: readonly AccuracyRow[];
}

/**
 * A bar per row (A–E, then Inget index: `Accuracy.rows`) of its breakdown rate in percent, the
 * Wilson interval as a whisker over it (a boxplot whose box is the rate itself), and the rate of
 * all placements as a dashed line when `total` is given. Rows with too few placements are pale
 * and say so under their bar; a row without placements has no bar. No animation, no hover: the
 * same rows give the same picture.
 */
export function accuracyChartOption(rows: readonly AccuracyRow[], total?: AccuracyRow | null, options: AccuracyChartOptions = {}) {
  const style = options.style ?? accuracyChartStyle;
  const { max, interval } = axisTop([...rows, ...(total ? [total] : []), ...(options.scaleWith ?? [])]);
  const textStyle = { fontFamily: style.fontFamily, fontSize: 12, color: style.text };
  const rates = {
    type: 'bar' as const,
    name: RATE_SERIES,
    silent: true,
    barMaxWidth: 56,
    itemStyle: { color: style.bar },
    data: rows.map((row) =>
      row.rate === null
        ? ('-' as const)
        : {
            value: onePercentDecimal(row.rate),
            itemStyle: row.tooFew ? { color: style.tooFewBar, borderColor: style.bar, borderWidth: 1.5, borderType: 'dashed' } : { color: style.bar },
          },
    ),
    ...(total && total.rate !== null
      ? {
          markLine: {
            silent: true,
            symbol: 'none',
            lineStyle: { color: style.line, type: 'dashed', width: 1 },
            // Beyond the plot's right edge: over the bars it would hide a whisker.
            label: { ...textStyle, position: 'end', distance: 6, formatter: `Alla: ${percentText(total.rate)} %` },
            data: [{ yAxis: onePercentDecimal(total.rate) }],
          },
        }
      : {}),
  };
  const intervals = {
    type: 'boxplot' as const,
    name: INTERVAL_SERIES,
    silent: true,
    boxWidth: [10, 18],
    itemStyle: { color: 'transparent', borderColor: style.line, borderWidth: 1.5 },
    data: rows.map((row) =>
      row.rate === null || row.low === null || row.high === null
        ? ('-' as const)
        : [onePercentDecimal(row.low), onePercentDecimal(row.rate), onePercentDecimal(row.rate), onePercentDecimal(row.rate), onePercentDecimal(row.high)],
    ),
  };
  return {
    animation: false,
    textStyle,
    grid: { left: 64, right: 80, top: 44, bottom: 92 },
    legend: {
      top: 0,
      left: 'center',
      selectedMode: false,
      itemGap: 24,
      textStyle,
      itemWidth: 18,
      itemHeight: 12,
      // The interval's key is drawn as what it stands for: a whisker with its caps.
      data: [
        { name: RATE_SERIES, icon: 'rect', itemStyle: { color: style.bar } },
        { name: INTERVAL_SERIES, icon: 'path://M0 0h18v2h-8v8h8v2H0v-2h8V2H0z', itemStyle: { color: style.line, borderWidth: 0 } },
      ],
    },
    xAxis: {
      type: 'category',
      name: 'Betyg när placeringen började (sammanbrott av placeringar)',
      nameLocation: 'middle',
      nameGap: 72,
      nameTextStyle: { ...textStyle, color: style.muted },
      data: rows.map(categoryLabel),
      axisTick: { alignWithLabel: true },
      axisLine: { lineStyle: { color: style.muted } },
      axisLabel: { ...textStyle, interval: 0, lineHeight: 16 },
    },
    yAxis: {
      type: 'value',
      name: 'Andel sammanbrott (%)',
      nameLocation: 'middle',
      nameGap: 44,
      nameTextStyle: { ...textStyle, color: style.muted },
      min: 0,
      max,
      interval,
      axisLabel: { ...textStyle, color: style.muted, formatter: '{value} %' },
      splitLine: { lineStyle: { color: style.grid } },
    },
    series: [rates, intervals] as [typeof rates, typeof intervals],
  };
}

export type AccuracyChartOption = ReturnType<typeof accuracyChartOption>;

/** The chart in words: every grade's breakdowns, rate and interval, and which are too few to say anything. */
export function accuracyChartText(rows: readonly AccuracyRow[], total?: AccuracyRow | null): string {
  const parts = rows.map((row) => {
    if (row.placements === 0) return `${gradeLabel(row)}: inga placeringar`;
    const interval = row.low !== null && row.high !== null ? `, 95 %-intervall ${percentText(row.low)}–${percentText(row.high)} %` : '';
    return `${gradeLabel(row)}: ${row.breakdowns} av ${row.placements} (${percentText(row.rate ?? 0)} %${interval})${row.tooFew ? ', för få för att säga något' : ''}`;
  });
  const all = total && total.placements > 0 ? ` Alla: ${total.breakdowns} av ${total.placements} (${percentText(total.rate ?? 0)} %).` : '';
  return `Andel placeringar som slutade i sammanbrott, per betyg när placeringen började. ${parts.join('; ')}.${all}`;
}
