/**
 * ECharts as the träffsäkerhet chart needs it, in a chunk of its own: loaded when a chart is first
 * shown, not with the app (the renderer's main chunk stays under its size limit).
 *
 * Only what the chart draws, and the SVG renderer: it sets styles through the DOM, never as inline
 * markup, so the page's CSP (no 'unsafe-inline' styles) holds. No tooltip: its HTML would carry
 * inline styles, and the numbers are in the table beside the chart.
 */
import { init, use as register } from 'echarts/core';
import { BarChart, BoxplotChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

register([BarChart, BoxplotChart, GridComponent, LegendComponent, MarkLineComponent, SVGRenderer]);

export { init };
