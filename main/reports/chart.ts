/**
 * A chart for a PDF: ECharts renders an option to an SVG string on the server side (no DOM, no
 * canvas), so a report draws the very option the window draws (e.g. `accuracyChartOption`), and
 * pdfmake turns the SVG into vector paths and real text in the Roboto it embeds.
 */
import { init, type EChartsCoreOption } from 'echarts';

export interface ChartSize {
  /** In SVG user units; pdfmake's `{ svg, width }` node scales the drawing to its width in pt. */
  width: number;
  height: number;
}

/** The option as an SVG document. Animation off: a snapshot mid-animation would draw half-grown bars. */
export function chartSvg(option: EChartsCoreOption, { width, height }: ChartSize): string {
  const chart = init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ ...option, animation: false });
    return chart.renderToSVGString();
  } finally {
    // SSR instances still hold their zrender scene and timers until disposed.
    chart.dispose();
  }
}
