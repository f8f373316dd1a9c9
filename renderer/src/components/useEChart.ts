import { useEffect, useRef, type RefObject } from 'react';
import type { EChartsCoreOption, EChartsType } from 'echarts/core';

/**
 * An ECharts chart in the returned box (a div's ref), drawn with the SVG renderer (no inline styles: the CSP holds) from
 * `option`, following the box's width. ECharts comes in its own chunk (accuracyEcharts), loaded on
 * first use, so the box and its name are there at once and the drawing a moment later. `height`,
 * when given, sets the box's height in px (a longer list, a taller chart).
 */
export function useEChart(option: EChartsCoreOption, height?: number): RefObject<HTMLDivElement | null> {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  const latest = useRef<EChartsCoreOption | null>(null);

  useEffect(() => {
    let disposed = false;
    let instance: EChartsType | null = null;
    let observer: ResizeObserver | null = null;
    void import('../quality/accuracyEcharts').then(({ init }) => {
      const element = box.current;
      if (disposed || !element) return;
      instance = init(element, null, { renderer: 'svg' });
      chart.current = instance;
      if (latest.current) instance.setOption(latest.current, { notMerge: true });
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
    latest.current = option;
    if (height !== undefined && box.current) {
      box.current.style.height = `${height}px`;
      chart.current?.resize();
    }
    chart.current?.setOption(option, { notMerge: true });
  }, [option, height]);

  return box;
}
