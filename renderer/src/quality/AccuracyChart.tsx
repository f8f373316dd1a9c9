import { useMemo } from 'react';
import type { EChartsCoreOption } from 'echarts/core';
import { accuracyChartOption, accuracyChartText } from '../../../preload/api';
import type { AccuracyRow } from '../../../preload/api';
import { useEChart } from '../components/useEChart';

interface Props {
  rows: readonly AccuracyRow[];
  total: AccuracyRow | null;
  /** Names the chart before its summary ("Förhandsvisning, ej sparad"). */
  caption?: string;
  /** The rows of a chart shown beside this one: both share one scale. */
  scaleWith?: readonly AccuracyRow[] | undefined;
  className?: string;
}

/**
 * Träffsäkerhet per grade as a bar chart (main/domain/accuracy-chart builds the option). The chart
 * is one image to a screen reader, named by the same figures in words; the table is its twin.
 */
export function AccuracyChart({ rows, total, caption, className, scaleWith }: Props) {
  const option = useMemo(() => accuracyChartOption(rows, total, { scaleWith }) as EChartsCoreOption, [rows, total, scaleWith]);
  const box = useEChart(option);
  const text = accuracyChartText(rows, total);
  return <div ref={box} className={className ? `accuracy-chart ${className}` : 'accuracy-chart'} role="img" aria-label={caption ? `${caption}. ${text}` : text} />;
}
