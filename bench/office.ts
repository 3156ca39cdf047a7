/**
 * The office's side at scale (issue 9 §4), on the generated 100,000-concern store: the lead
 * publishes the extract (bench/extract.ts), the office reads and verifies it, builds the
 * governors' report for the academic year from its rows, and exports it as CSV, XLSX and PDF
 * (bench/office-export.ts). Targets: each step under 3 s, the goal 1 s.
 */
import { performance } from 'node:perf_hooks';
import { buildReport } from '../src/office/report';
import type { BenchHelpers } from './casework';
import { benchExtract, type ExtractBenchInput } from './extract';
import { benchOfficeExport } from './office-export';

const TARGET_MS = 3_000;
const GOAL_MS = 1_000;

export async function benchOffice(input: ExtractBenchInput, helpers: BenchHelpers): Promise<void> {
  const { table, verdict } = helpers;
  const { read } = await benchExtract(input, helpers);
  const chosen = read.chosen;
  if (chosen === null) throw new Error('The office found no extract to report from.');
  const build = () =>
    buildReport({
      rows: chosen.body.rows,
      terms: chosen.body.terms,
      period: { kind: 'academic-year' },
      schoolName: chosen.body.schoolName,
      source: { publishedByName: 'Bench Lead', extractProducedAt: chosen.body.producedAt },
      typeLabels: {},
      now: new Date().toISOString(),
    });
  let start = performance.now();
  let report = build();
  const firstBuildMs = performance.now() - start;
  start = performance.now();
  report = build();
  const buildMs = performance.now() - start;
  const concerns = report.total.kind === 'count' ? report.total.value.toLocaleString('en-GB') : 'c';
  console.log(
    `\nThe governors' report for the academic year from that extract (${concerns} concerns in the year, ` +
      `${chosen.body.rows.length.toLocaleString('en-GB')} rows): built in ${buildMs.toFixed(0)} ms ` +
      `(first build ${firstBuildMs.toFixed(0)} ms)`,
  );
  const timings = await benchOfficeExport(report);
  table(
    ['export (ms)', 'first', 'warm median', 'size (KiB)', `< ${TARGET_MS} ms`],
    timings.map(({ format, firstMs, warmMedianMs, bytes }) => {
      const worst = Math.max(firstMs, warmMedianMs);
      return [
        format.toUpperCase(),
        firstMs.toFixed(0),
        warmMedianMs.toFixed(0),
        (bytes / 1024).toFixed(0),
        `${verdict(worst < TARGET_MS)}${worst < GOAL_MS ? ' (goal met)' : ''}`,
      ];
    }),
  );
}
