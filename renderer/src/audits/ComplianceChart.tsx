import { useMemo } from 'react';
import type { EChartsCoreOption } from 'echarts/core';
import { complianceChartHeight, complianceChartOption, complianceChartText } from '../../../preload/api';
import type { ItemCompliance } from '../../../preload/api';
import { useEChart } from '../components/useEChart';

/**
 * The share ja per checklist item, as the report's PDF draws it (main/domain/audit-chart builds
 * the option for both). One image to a screen reader, named by the same figures in words; the
 * table above is its twin. As tall as the report's drawing for this many items.
 */
export function ComplianceChart({ rows }: { rows: readonly ItemCompliance[] }) {
  const option = useMemo(() => complianceChartOption(rows) as EChartsCoreOption, [rows]);
  const box = useEChart(option, complianceChartHeight(rows.length));
  return <div ref={box} className="compliance-chart" role="img" aria-label={complianceChartText(rows)} />;
}
