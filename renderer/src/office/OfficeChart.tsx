/**
 * One table's chart, drawn by ECharts from the option the core made (plain JSON, published
 * figures only). The SVG renderer and no tooltip: ECharts then needs neither eval nor inline style
 * attributes, so it runs under the app's Content-Security-Policy. The chart is an image to
 * assistive technology, named by its table's summary; the table itself carries every figure.
 */
import { useEffect, useRef } from 'react';
import { BarChart, LineChart } from 'echarts/charts';
import {
  AriaComponent,
  GridComponent,
  LegendComponent,
  MarkPointComponent,
  TitleComponent,
} from 'echarts/components';
import { init, use as registerCharts } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

// What the core's options use (src/office/charts/): bars, lines, titles, legends, the grid,
// ECharts' aria (its description and the patterns that keep colour from being the only cue) and
// the marks that show a withheld figure as c. No tooltip: see above.
registerCharts([
  BarChart,
  LineChart,
  AriaComponent,
  GridComponent,
  LegendComponent,
  MarkPointComponent,
  TitleComponent,
  SVGRenderer,
]);

interface OfficeChartProps {
  option: Record<string, unknown>;
  /** The height the chart needs, in pixels. */
  height: number;
  /** What the chart shows, in words (its table's summary). */
  label: string;
}

/** The option with ECharts' own aria description set to `label`, which it writes on the box. */
function withLabel(option: Record<string, unknown>, label: string): Record<string, unknown> {
  const aria = (option.aria ?? {}) as Record<string, unknown>;
  const ariaLabel = (aria.label ?? {}) as Record<string, unknown>;
  return { ...option, aria: { ...aria, label: { ...ariaLabel, description: label } } };
}

export function OfficeChart({ option, height, label }: OfficeChartProps) {
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const element = box.current;
    if (element === null) return undefined;
    const chart = init(element, null, { renderer: 'svg' });
    // No animation (nothing moves for people who asked for less motion, and screenshots are
    // stable) and no tooltip (its HTML would need inline styles; the table has every figure).
    chart.setOption({ ...withLabel(option, label), animation: false, tooltip: undefined });
    const resize = new ResizeObserver(() => chart.resize());
    resize.observe(element);
    return () => {
      resize.disconnect();
      chart.dispose();
    };
  }, [option, label]);

  return (
    <div ref={box} className="office-chart" style={{ height }} role="img" aria-label={label} />
  );
}
