/**
 * A random file audit's result as a chart: per checklist item, the share of files answered ja
 * where the item applied, as a horizontal bar (items have long texts, so they read down the side).
 * A plain ECharts option (data only: no functions, no echarts import), like accuracy-chart.ts, so
 * the window draws it and a PDF report in main renders the very same option;
 * `complianceChartText` is the chart in words, for a screen reader or a report's text.
 */
import { overallCompliance, type ItemCompliance } from './audit-summary';
import { percentText } from './accuracy-chart';

export interface ComplianceChartStyle {
  bar: string;
  /** The line at the share of all items together. */
  line: string;
  text: string;
  muted: string;
  grid: string;
  fontFamily: string;
}

/** The window's colours (renderer/src/styles/app.css), as accuracyChartStyle; a report may pass its own font. */
export const complianceChartStyle: ComplianceChartStyle = {
  bar: '#1f5f99',
  line: '#1b2430',
  text: '#1b2430',
  muted: '#4f5b67',
  grid: '#d5dce4',
  fontFamily: "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'DejaVu Sans', sans-serif",
};

export const SHARE_SERIES = 'Andel ja';
export const NOT_APPLICABLE_SERIES = 'Ej tillämplig';
export const NOT_APPLICABLE_LABEL = 'ej tillämplig';

/**
 * A share 0–1 in Swedish percent (percentText's rounding), except that it never rounds to all or
 * nothing: 99,6 % is not "100 %" to a board reading whether every file was in order.
 */
export function complianceText(share: number): string {
  const text = percentText(share);
  if (text === '100' && share < 1) return String(Math.floor(share * 1000) / 10).replace('.', ',');
  if (text === '0' && share > 0) return 'under 0,1';
  return text;
}

/** A share as the report's table and the chart's labels show it: "90 %", or "–" where no file applied. */
export const shareText = (share: number | null): string => (share === null ? '–' : `${complianceText(share)} %`);

/** Characters of an item's text beside its bar: the full text is in the report's table and the chart's words. */
const LABEL_TEXT_LENGTH = 34;

/** The item as the chart names it: "5. Jourhem: högst 2 månader…", cut at a word. */
export function itemLabel(row: Pick<ItemCompliance, 'number' | 'text'>): string {
  const text = row.text.trim().replace(/\.$/, '');
  if (text.length <= LABEL_TEXT_LENGTH) return `${row.number}. ${text}`;
  // One character more: a word that ends right at the limit, before a space, is whole.
  const space = text.slice(0, LABEL_TEXT_LENGTH + 1).lastIndexOf(' ');
  const word = space > LABEL_TEXT_LENGTH / 2 ? text.slice(0, space) : text.slice(0, LABEL_TEXT_LENGTH);
  return `${row.number}. ${word.replace(/[\s,;:–-]+$/, '')}…`;
}

/** Room for the items' labels at the left, the shares at the right, the line's label above and the axis below. */
const GRID = { left: 236, right: 52, top: 30, bottom: 52 };

/** Pixels per item: roomy up to 20 items, then tighter so a long checklist (60 at most) still fits a page. */
const rowHeight = (count: number) => (count <= 20 ? 26 : Math.max(16, Math.floor((26 * 20) / count)));

/** The chart's height for `count` items, in the same units as its 640 wide drawing. */
export function complianceChartHeight(count: number): number {
  return GRID.top + GRID.bottom + Math.max(1, count) * rowHeight(count);
}

const onePercentDecimal = (share: number) => Math.round(share * 1000) / 10;

export interface ComplianceChartOptions {
  style?: Partial<ComplianceChartStyle>;
}

/**
 * A bar per item, in the checklist's order from the top, with its share ja in percent; the
 * shares stand in a column at the right (the table's "Andel ja"), clear of the bars and the line.
 * An item that applied to no file answered so far has no bar, and "ej tillämplig" stands where
 * it would be (a second series in the same slot, so the shares stay pure numbers). A dashed line
 * marks all items together. No animation, no hover.
 */
export function complianceChartOption(rows: readonly ItemCompliance[], options: ComplianceChartOptions = {}) {
  const style = { ...complianceChartStyle, ...options.style };
  const textStyle = { fontFamily: style.fontFamily, fontSize: 12, color: style.text };
  const overall = overallCompliance(rows);
  const barWidth = Math.min(16, rowHeight(rows.length) - 8);
  const shares = {
    type: 'bar' as const,
    name: SHARE_SERIES,
    silent: true,
    barWidth,
    // The two series share each item's slot: "ej tillämplig" stands where the bar would.
    barGap: '-100%',
    itemStyle: { color: style.bar },
    data: rows.map((row) => (row.share === null ? ('-' as const) : onePercentDecimal(row.share))),
    ...(overall !== null
      ? {
          markLine: {
            silent: true,
            symbol: 'none',
            lineStyle: { color: style.line, type: 'dashed', width: 1 },
            // The category axis runs top down, so the line's start is at the top, above item 1.
            label: { ...textStyle, position: 'start', distance: 4, formatter: `Alla punkter: ${shareText(overall)}` },
            data: [{ xAxis: onePercentDecimal(overall) }],
          },
        }
      : {}),
  };
  const notApplicable = {
    type: 'bar' as const,
    name: NOT_APPLICABLE_SERIES,
    silent: true,
    barWidth,
    barGap: '-100%',
    itemStyle: { color: 'transparent' },
    label: { show: true, position: 'right' as const, distance: 2, ...textStyle, color: style.muted, fontStyle: 'italic', formatter: NOT_APPLICABLE_LABEL },
    data: rows.map((row) => (row.share === null ? 0 : ('-' as const))),
  };
  const itemAxis = {
    type: 'category' as const,
    // Item 1 at the top, as in the checklist and the table.
    inverse: true,
    axisTick: { show: false },
    axisLabel: { ...textStyle, interval: 0 },
  };
  const labels = { ...itemAxis, position: 'left' as const, data: rows.map(itemLabel), axisLine: { lineStyle: { color: style.muted } } };
  // The shares as text, one per item, in Swedish ("99,6 %", "–"): a formatter would be a function.
  const values = { ...itemAxis, position: 'right' as const, data: rows.map((row) => shareText(row.share)), axisLine: { show: false } };
  return {
    animation: false,
    textStyle,
    grid: { ...GRID },
    xAxis: {
      type: 'value',
      name: 'Andel ja av de akter där punkten var tillämplig (%)',
      nameLocation: 'middle',
      nameGap: 30,
      nameTextStyle: { ...textStyle, color: style.muted },
      min: 0,
      max: 100,
      interval: 20,
      axisLabel: { ...textStyle, color: style.muted, formatter: '{value} %' },
      splitLine: { lineStyle: { color: style.grid } },
    },
    yAxis: [labels, values] as [typeof labels, typeof values],
    series: [shares, notApplicable] as [typeof shares, typeof notApplicable],
  };
}

export type ComplianceChartOption = ReturnType<typeof complianceChartOption>;

/** The chart in words: every item's ja of applicable files and its share, or that it applied to none. */
export function complianceChartText(rows: readonly ItemCompliance[]): string {
  const parts = rows.map((row) => {
    const item = `Punkt ${row.number} (${row.text.trim().replace(/\.$/, '')})`;
    if (row.share === null) return `${item}: ${NOT_APPLICABLE_LABEL} i någon besvarad akt`;
    return `${item}: ${row.ja} av ${row.ja + row.nej} ja (${shareText(row.share)})`;
  });
  const overall = overallCompliance(rows);
  const ja = rows.reduce((sum, row) => sum + row.ja, 0);
  const applied = rows.reduce((sum, row) => sum + row.ja + row.nej, 0);
  const all = overall === null ? '' : ` Alla punkter: ${ja} av ${applied} ja (${shareText(overall)}).`;
  const list = parts.length === 0 ? 'Checklistan har inga punkter.' : `${parts.join('; ')}.`;
  return `Andel ja per punkt i checklistan, av de akter där punkten var tillämplig. ${list}${all}`;
}
