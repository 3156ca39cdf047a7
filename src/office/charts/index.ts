/**
 * The office charts: one ECharts option per report table. Its SVG for the PDF is drawn by ./svg,
 * imported directly by the PDF writer only: ECharts itself loads with the PDF, not with this.
 */
export {
  chartDescription,
  chartHeight,
  chartOption,
  type ChartOption,
  type ChartSettings,
} from './option';
export { CHART_INK, CHART_MUTED, SERIES_COLOURS } from './palette';
