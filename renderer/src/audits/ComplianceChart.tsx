import { useEffect, useRef } from 'react';
import type { EChartsCoreOption, EChartsType } from 'echarts/core';
import { complianceChartHeight, complianceChartOption, complianceChartText } from '../../../preload/api';
import type { ItemCompliance } from '../../../preload/api';

/**
 * The share ja per checklist item, as the report's PDF draws it (main/domain/audit-chart builds
 * the option for both). One image to a screen reader, named by the same figures in words; the
 * table above is its twin. ECharts comes in the träffsäkerhet chart's chunk, loaded on first use,
 * with the SVG renderer (no inline styles: the CSP holds).
 */
export function ComplianceChart({ rows }: { rows: readonly ItemCompliance[] }) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  const option = useRef<EChartsCoreOption | null>(null);

  useEffect(() => {
    let disposed = false;
    let instance: EChartsType | null = null;
    let observer: ResizeObserver | null = null;
    void import('../quality/accuracyEcharts').then(({ init }) => {
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
    option.current = complianceChartOption(rows) as EChartsCoreOption;
    // As tall as the report's drawing for this many items: a longer checklist, a taller chart.
    if (box.current) box.current.style.height = `${complianceChartHeight(rows.length)}px`;
    chart.current?.resize();
    chart.current?.setOption(option.current, { notMerge: true });
  }, [rows]);

  return <div ref={box} className="compliance-chart" role="img" aria-label={complianceChartText(rows)} />;
}
