/** The office charts: one ECharts option per report table, and its SVG for the PDF. */
export {
  chartDescription,
  chartHeight,
  chartOption,
  type ChartOption,
  type ChartSettings,
} from './option';
export { chartSvg } from './svg';
export { CHART_INK, CHART_MUTED, SERIES_COLOURS } from './palette';
