/**
 * Export time per format for the governors' report at the size 100,000 concerns would give (the
 * tables stay small; only the figures grow, and the widest table has sixteen columns). The first
 * export of each format includes loading and compiling its libraries; the rest are warm.
 * `benchOfficeExport` is for `npm run bench`; run this file alone with
 * `node --import tsx bench/office-export.ts`. Target (issue 9): under 3 s each, the goal 1 s.
 */
import { performance } from 'node:perf_hooks';
import { exportReport, type ExportFormat } from '../src/office/export';
import type { OfficeReport } from '../src/office/report/model';
import { largeReport } from '../tests/node/office/support/export-fixtures';

const FORMATS: ExportFormat[] = ['csv', 'xlsx', 'pdf'];
const WARM_RUNS = 5;
const TARGET_MS = 3000;

export interface ExportTiming {
  format: ExportFormat;
  firstMs: number;
  warmMedianMs: number;
  bytes: number;
}

/** Times each format: the first export, then the median of WARM_RUNS more. */
export async function benchOfficeExport(report: OfficeReport): Promise<ExportTiming[]> {
  const timings: ExportTiming[] = [];
  for (const format of FORMATS) {
    let start = performance.now();
    const file = await exportReport(report, format);
    const firstMs = performance.now() - start;
    const warm: number[] = [];
    for (let run = 0; run < WARM_RUNS; run += 1) {
      start = performance.now();
      await exportReport(report, format);
      warm.push(performance.now() - start);
    }
    warm.sort((a, b) => a - b);
    timings.push({
      format,
      firstMs,
      warmMedianMs: warm[Math.floor(warm.length / 2)] ?? firstMs,
      bytes: file.bytes.length,
    });
  }
  return timings;
}

/** One line per format, with PASS or FAIL against the 3 s target. */
export function exportTimingLines(timings: ExportTiming[]): string[] {
  return timings.map(
    ({ format, firstMs, warmMedianMs, bytes }) =>
      `office export ${format.padEnd(4)} first ${firstMs.toFixed(0).padStart(5)} ms, ` +
      `warm ${warmMedianMs.toFixed(0).padStart(5)} ms, ${(bytes / 1024).toFixed(0)} KiB ` +
      `${Math.max(firstMs, warmMedianMs) < TARGET_MS ? 'PASS' : 'FAIL'} (target < ${TARGET_MS} ms)`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const line of exportTimingLines(await benchOfficeExport(largeReport()))) console.log(line);
}
