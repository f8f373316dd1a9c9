/**
 * The nämndrapport's compliance as a chart: each indicator's share this period beside the same
 * period a year earlier, as horizontal bars. A plain ECharts option (data only: no functions, no
 * echarts import), like audit-chart.ts, so the window draws it and the PDF renders the very same.
 */
import { complianceChartStyle, type ComplianceChartStyle } from './audit-chart';
import { complianceIndicators, complianceNames, type BoardFigures } from './board-report';
import { boardShareText } from './board-text';

export const CURRENT_SERIES = 'Perioden';
export const PREVIOUS_SERIES = 'Samma period året innan';

// Room on the right for a full bar's label ("100 %").
const GRID = { left: 250, right: 56, top: 34, bottom: 44 };
const ROW = 40;

export const boardChartHeight = (): number => GRID.top + GRID.bottom + complianceIndicators.length * ROW;

const percentOf = (share: number) => Math.round(share * 1000) / 10;

export function boardComplianceChartOption(current: BoardFigures, previous: BoardFigures, options: { style?: Partial<ComplianceChartStyle> } = {}) {
  const style = { ...complianceChartStyle, ...options.style };
  const textStyle = { fontFamily: style.fontFamily, fontSize: 12, color: style.text };
  const bar = (name: string, figures: BoardFigures, color: string) => ({
    type: 'bar' as const,
    name,
    silent: true,
    barWidth: 12,
    itemStyle: { color },
    label: { show: true, position: 'right' as const, ...textStyle, fontSize: 11, color: style.muted },
    // Each bar's label as the table writes it ("69 %"): a formatter would be a function.
    data: complianceIndicators.map((id) => {
      const share = figures.compliance[id].share;
      return share === null ? ('-' as const) : { value: percentOf(share), label: { formatter: boardShareText(share) } };
    }),
  });
  return {
    animation: false,
    textStyle,
    legend: { top: 0, left: GRID.left, textStyle, itemWidth: 14, itemHeight: 10, data: [CURRENT_SERIES, PREVIOUS_SERIES] },
    grid: { ...GRID },
    xAxis: {
      type: 'value',
      name: 'Andel (%)',
      nameLocation: 'middle',
      nameGap: 26,
      nameTextStyle: { ...textStyle, color: style.muted },
      min: 0,
      max: 100,
      interval: 20,
      axisLabel: { ...textStyle, color: style.muted, formatter: '{value} %' },
      splitLine: { lineStyle: { color: style.grid } },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      axisTick: { show: false },
      axisLine: { lineStyle: { color: style.muted } },
      axisLabel: { ...textStyle, interval: 0, width: GRID.left - 12, overflow: 'break' },
      data: complianceIndicators.map((id) => complianceNames[id].title),
    },
    series: [bar(CURRENT_SERIES, current, style.bar), bar(PREVIOUS_SERIES, previous, '#9fb7cf')],
  };
}

/** The chart in words, for a screen reader and the report's text. */
export function boardComplianceChartText(current: BoardFigures, previous: BoardFigures): string {
  return complianceIndicators
    .map((id) => `${complianceNames[id].title}: ${boardShareText(current.compliance[id].share)} (året innan ${boardShareText(previous.compliance[id].share)})`)
    .join('; ');
}
