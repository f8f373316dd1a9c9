import { useEffect, useRef } from 'react';
import type { EChartsCoreOption, EChartsType } from 'echarts/core';
import { accuracyChartOption, accuracyChartText } from '../../../preload/api';
import type { AccuracyRow } from '../../../preload/api';

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
 * ECharts comes in its own chunk (accuracyEcharts), so the box and its name are there at once and
 * the drawing a moment later.
 */
export function AccuracyChart({ rows, total, caption, className, scaleWith }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  const option = useRef<EChartsCoreOption | null>(null);

  useEffect(() => {
    let disposed = false;
    let instance: EChartsType | null = null;
    let observer: ResizeObserver | null = null;
    void import('./accuracyEcharts').then(({ init }) => {
      const element = box.current;
      if (disposed || !element) return;
      instance = init(element, null, { renderer: 'svg' });
      chart.current = instance;
      if (option.current) instance.setOption(option.current, { notMerge: true });
      // The page's width decides the chart's: follow it.
      const resizing = instance;
      observer = new ResizeObserver(() => resizing.resize());
      observer.observe(element);
    });
    return () => {
      disposed = true;
      observer?.disconnect();
      instance?.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    option.current = accuracyChartOption(rows, total, { scaleWith }) as EChartsCoreOption;
    chart.current?.setOption(option.current, { notMerge: true });
  }, [rows, total, scaleWith]);

  const text = accuracyChartText(rows, total);
  return <div ref={box} className={className ? `accuracy-chart ${className}` : 'accuracy-chart'} role="img" aria-label={caption ? `${caption}. ${text}` : text} />;
}
