/**
 * One table's chart, drawn by ECharts from the option the core made (plain JSON, published
 * figures only). The SVG renderer and no tooltip: ECharts then needs neither eval nor inline style
 * attributes, so it runs under the app's Content-Security-Policy. The chart is an image to
 * assistive technology, named by its table's summary; the table itself carries every figure.
 */
import { useEffect, useRef } from 'react';
import { BarChart, LineChart } from 'echarts/charts';
import {
  DatasetComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TitleComponent,
} from 'echarts/components';
import { init, use as registerCharts } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

registerCharts([
  BarChart,
  LineChart,
  DatasetComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TitleComponent,
  SVGRenderer,
]);

interface OfficeChartProps {
  option: Record<string, unknown>;
  /** What the chart shows, in words (its table's summary). */
  label: string;
}

export function OfficeChart({ option, label }: OfficeChartProps) {
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const element = box.current;
    if (element === null) return undefined;
    const chart = init(element, null, { renderer: 'svg' });
    // No animation (nothing moves for people who asked for less motion, and screenshots are
    // stable) and no tooltip (its HTML would need inline styles; the table has every figure).
    chart.setOption({ ...option, animation: false, tooltip: undefined });
    const resize = new ResizeObserver(() => chart.resize());
    resize.observe(element);
    return () => {
      resize.disconnect();
      chart.dispose();
    };
  }, [option]);

  return <div ref={box} className="office-chart" role="img" aria-label={label} />;
}
