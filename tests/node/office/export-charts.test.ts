/**
 * The charts (issue 9 §3): one ECharts option per report table, plain JSON for the office screen
 * and the PDF alike, drawing published figures only, withheld ones as no bar with a `c`, in
 * colours that stand out from white and with patterns where series share a chart. The SVG the
 * PDF uses is drawn by ECharts' own server-side renderer; copies are kept under
 * test-artifacts/office-charts/ to look at.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CHART_INK,
  CHART_MUTED,
  chartHeight,
  chartOption,
  SERIES_COLOURS,
  type ChartOption,
} from '../../../src/office/charts';
import { chartSvg } from '../../../src/office/charts/svg';
import type { StatTable, TableRow } from '../../../src/office/report/model';
import { repoRoot } from '../support/cli';
import { largeReport, sampleTables } from './support/export-fixtures';

const ARTIFACTS = join(repoRoot, 'test-artifacts', 'office-charts');

function table(id: string): StatTable {
  const found = sampleTables().find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no sample table ${id}`);
  return found;
}

interface SeriesJson {
  type: string;
  name: string;
  stack?: string;
  data: unknown[];
  markPoint?: { data: Array<{ coord: [number, number] }> };
}

function seriesOf(option: ChartOption): SeriesJson[] {
  return option.series as unknown as SeriesJson[];
}

/** WCAG 2 contrast ratio of two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((at) => {
      const c = parseInt(hex.slice(at, at + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (bl ?? 0);
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return ((hi ?? 0) + 0.05) / ((lo ?? 0) + 0.05);
}

describe('the report charts', () => {
  it('are plain JSON: what the screen receives is what the PDF draws', () => {
    for (const stat of sampleTables()) {
      const option = chartOption(stat);
      expect(JSON.parse(JSON.stringify(option))).toEqual(option);
    }
  });

  it('draw one series per count column with its published figures', () => {
    const option = chartOption(table('pathways'));
    const [series, ...more] = seriesOf(option);
    expect(more).toEqual([]);
    expect(series?.type).toBe('bar');
    expect(series?.name).toBe('Concerns');
    expect(series?.data[0]).toBe(38);
    expect(series?.data[4]).toBe(0);
  });

  it('draw a withheld figure as no bar with a c label, never as a figure', () => {
    const series = seriesOf(chartOption(table('pathways')))[0];
    expect(series?.data[2]).toMatchObject({ value: 0, label: { show: true, formatter: 'c' } });
    expect(series?.data[3]).toMatchObject({ value: 0, label: { formatter: 'c' } });
  });

  it('label large counts as the table prints them, grouped in thousands', () => {
    const pathways = largeReport().tables.find((stat) => stat.id === 'pathways') as StatTable;
    const series = seriesOf(chartOption(pathways))[0];
    expect(series?.data[0]).toEqual({ value: 62_320, label: { formatter: '62,320' } });
  });

  it('leave a gap in a line where a figure is withheld, with a c mark that names the line', () => {
    const [received, closed] = seriesOf(chartOption(table('by-month')));
    expect(received?.data).toEqual([14, 19, 22, 6]);
    expect(closed?.data).toEqual([9, 15, null, null]);
    expect(closed?.markPoint?.data.map((point) => point.coord)).toEqual([
      [2, 0],
      [3, 0],
    ]);
    expect(JSON.stringify(closed?.markPoint)).toContain('"formatter":"Closed: c"');
  });

  it('name a stack\u2019s withheld figures above it, and leave out its zeros', () => {
    const option = chartOption(table('reporters'));
    const series = seriesOf(option);
    expect(series.map((s) => s.name)).toEqual([
      'Teaching staff',
      'Support staff',
      'Other adults',
      'Withheld',
    ]);
    expect(series.every((s) => s.stack === 'all')).toBe(true);
    expect(series[3]?.data[3]).toMatchObject({
      value: 0,
      label: { formatter: 'Teaching staff: c\nSupport staff: c' },
    });
    expect(series[3]?.data[1]).toBe(0);
    expect(series[2]?.data[1]).toMatchObject({ value: 0, label: { show: false } });
    expect(JSON.stringify(option.legend)).not.toContain('Withheld');
  });

  it('chart counts, not the percentages worked out from them', () => {
    const names = seriesOf(chartOption(table('by-type'))).map((s) => s.name);
    expect(names).toEqual(['Concerns']);
    const clocks = seriesOf(chartOption(table('clocks'))).map((s) => s.name);
    expect(clocks).not.toContain('% met');
  });

  it('describe themselves with the table\u2019s summary and name their axes', () => {
    const stat = table('first-action');
    const option = chartOption(stat);
    expect(option.aria).toMatchObject({ enabled: true, label: { description: stat.summary } });
    expect(option.title).toMatchObject({ text: 'Time to first action' });
    expect(option.xAxis).toMatchObject({ type: 'category', name: 'Working days' });
    expect(option.yAxis).toMatchObject({ type: 'value', name: 'Concerns' });
    expect(chartOption(stat, { title: false }).title).toBeUndefined();
  });

  it('lay horizontal bars on their side, rows top to bottom', () => {
    const option = chartOption(table('by-type'));
    expect(option.yAxis).toMatchObject({ type: 'category', inverse: true });
    expect(option.xAxis).toMatchObject({ type: 'value' });
  });

  it('pattern the series when several share a chart, and label every figure', () => {
    expect(chartOption(table('reporters')).aria).toMatchObject({ decal: { show: true } });
    expect(chartOption(table('pathways')).aria).toMatchObject({ decal: { show: false } });
    const labels = seriesOf(chartOption(table('reporters'))).slice(0, 3);
    expect(labels.every((s) => JSON.stringify(s).includes('"label":{"show":true'))).toBe(true);
  });

  it('use colours that stand 3:1 on white, under white labels at 4.5:1', () => {
    for (const colour of SERIES_COLOURS) {
      expect(contrast(colour, '#ffffff')).toBeGreaterThanOrEqual(4.5);
    }
    expect(contrast(CHART_INK, '#ffffff')).toBeGreaterThanOrEqual(7);
    expect(contrast(CHART_MUTED, '#ffffff')).toBeGreaterThanOrEqual(4.5);
  });

  it('render as SVG on the server with the figures and c marks as text', async () => {
    await mkdir(ARTIFACTS, { recursive: true });
    for (const stat of [...sampleTables(), ...largeReport().tables.slice(0, 1)]) {
      const svg = chartSvg(chartOption(stat), 640, chartHeight(stat));
      await writeFile(join(ARTIFACTS, `${stat.id}-${stat.rows.length}.svg`), svg);
      expect(svg.startsWith('<svg')).toBe(true);
      expect(svg).toContain(`>${stat.title}`);
    }
    const svg = chartSvg(chartOption(table('pathways')), 640, 300);
    expect(svg).toContain('>38</text>');
    expect(svg.match(/>c<\/text>/g)).toHaveLength(2);
    expect(svg).toContain('>Advice and monitoring in school</text>');
  });

  it('draw a table too wide to stack (over six count columns) as its totals, one bar each', () => {
    const wide = largeReport().tables[0] as StatTable;
    const option = chartOption(wide);
    const [series, ...more] = seriesOf(option);
    expect(more).toEqual([]);
    expect(series?.name).toBe('Total for the period');
    expect(option.yAxis).toMatchObject({
      type: 'category',
      data: wide.columns.map((c) => c.label),
    });
    expect(series?.data[0]).toEqual({ value: 4000, label: { formatter: '4,000' } });
    expect(JSON.stringify(option.aria)).toContain('the table has every figure');
  });

  it('draw a table whose every figure is withheld as its shown totals, not a row of c marks', () => {
    const withheld = { kind: 'suppressed', reason: 'primary' } as const;
    const small: StatTable = {
      id: 'by-type',
      title: 'Concerns by type and urgency',
      summary: 'Most concerns were not marked urgent.',
      rowHeading: 'Type of concern',
      columns: [
        { key: 'urgent', label: 'Urgent', unit: 'count' },
        { key: 'normal', label: 'Not urgent', unit: 'count' },
        { key: 'total', label: 'All', unit: 'count', total: true },
      ],
      rows: ['Images', 'Contact'].map((label) => ({
        key: label,
        label,
        cells: [withheld, withheld, { kind: 'count', value: 9 }],
      })),
      totals: [
        { kind: 'count', value: 6 },
        { kind: 'count', value: 12 },
        { kind: 'count', value: 18 },
      ],
      chart: 'stacked-column',
    };
    const [series, ...more] = seriesOf(chartOption(small));
    expect(more).toEqual([]);
    expect(series?.data).toEqual([6, 12]);
    // Published figures drawn, so the chart says something: with a figure shown it stays a stack.
    const shown: StatTable = {
      ...small,
      rows: [
        {
          ...small.rows[0]!,
          cells: [{ kind: 'count', value: 6 }, withheld, { kind: 'count', value: 9 }],
        } satisfies TableRow,
        small.rows[1]!,
      ],
    };
    const names = seriesOf(chartOption(shown)).map((one) => one.name);
    expect(names).toEqual(expect.arrayContaining(['Urgent', 'Not urgent']));
    expect(names).not.toContain('Total for the period');
  });

  it('are as tall as their legend and rows need', () => {
    const pathways = table('pathways');
    const fewer = { ...pathways, rows: pathways.rows.slice(0, 3) };
    expect(chartHeight(pathways)).toBeGreaterThan(chartHeight(fewer));
    expect(chartHeight(pathways, { title: false })).toBeLessThan(chartHeight(pathways));
    const reporters = table('reporters');
    const moreSeries = {
      ...reporters,
      columns: [...reporters.columns, ...reporters.columns].map((c, i) => ({
        ...c,
        label: `${c.label} ${i}`,
      })),
      rows: reporters.rows.map((r) => ({ ...r, cells: [...r.cells, ...r.cells] })),
      totals: null,
    };
    expect(chartHeight(moreSeries)).toBeGreaterThan(chartHeight(reporters));
  });
});
