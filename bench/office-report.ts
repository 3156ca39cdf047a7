/**
 * The office report's build time for 100,000 concerns (issue 9: well under a second), for the
 * periods an office picks: this term, the academic year (each built with its whole family of
 * terms), and custom dates over five years. Run: node --import tsx bench/office-report.ts
 * benchOfficeReport() is for bench/run.ts to call; it prints nothing itself.
 */
import { performance } from 'node:perf_hooks';
import { actionTypes } from '../src/casework/events/types';
import type { ExtractRow } from '../src/office/extract/format';
import { buildReport, type PeriodChoice } from '../src/office/report';
import { termOf } from '../src/office/terms';

const ROWS = 100_000;
const REPEATS = 7;
const NOW = '2026-12-10T12:00:00Z';

const typeLabels: Record<string, string> = Object.fromEntries(
  [
    'private-online-contact-with-pupil',
    'derogatory-language',
    'breach-of-confidentiality',
    'inappropriate-images-of-staff',
    'indecent-images-or-illegal-activity',
    'posts-about-staff-by-others',
    'unauthorised-school-page-or-group',
    'contact-from-parent-or-carer',
    'other-online-concern',
  ].map((id) => [id, id]),
);

/** 100,000 concerns over five academic years, drawn with a fixed seed. */
function extractRows(): ExtractRow[] {
  let seed = 42;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const types = Object.keys(typeLabels);
  return Array.from({ length: ROWS }, () => {
    const year = 2022 + Math.floor(random() * 5);
    const month = `${year}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}`;
    const { academicYear, term } = termOf(`${month}-15`, []);
    const closed = random() < 0.6;
    return {
      month,
      academicYear,
      term,
      concernType: pick(types),
      urgency: random() < 0.2 ? 'urgent' : 'normal',
      pathway: pick([null, 'child-protection', 'allegation', 'low-level', 'early-help'] as const),
      status: closed ? 'closed' : 'open',
      outcome: closed ? pick(['resolved', 'unfounded', 'no-further-action'] as const) : null,
      referrals: random() < 0.3 ? [pick(actionTypes)] : [],
      workingDaysToFirstAction: pick([0, 0, 1, 2, 4, 7, 12, null]),
      workingDaysToClose: closed ? Math.floor(random() * 40) : null,
      clocksMet: pick([null, null, true, false]),
      reporterGroup: pick(['teaching', 'support', 'other'] as const),
      recordKey: Math.floor(random() * 256),
    };
  });
}

export interface OfficeReportSample {
  period: string;
  /** The first build (a cold start) and the median of REPEATS. */
  firstMs: number;
  medianMs: number;
  concerns: number;
}

/** Median build time of each kind of period over 100,000 rows. */
export function benchOfficeReport(): OfficeReportSample[] {
  const rows = extractRows();
  const periods: [string, PeriodChoice][] = [
    ['this term', { kind: 'this-term' }],
    ['academic year', { kind: 'academic-year' }],
    ['custom, five years', { kind: 'custom', from: '2022-01-01', to: '2026-12-31' }],
  ];
  return periods.map(([name, period]) => {
    const times: number[] = [];
    let concerns = 0;
    for (let i = 0; i < REPEATS; i++) {
      const start = performance.now();
      const report = buildReport({
        rows,
        terms: [],
        period,
        schoolName: 'Bench School',
        source: { publishedByName: 'Bench', extractProducedAt: NOW },
        typeLabels,
        now: NOW,
      });
      times.push(performance.now() - start);
      concerns = report.total.kind === 'count' ? report.total.value : 0;
    }
    const firstMs = times[0]!;
    times.sort((a, b) => a - b);
    return { period: name, firstMs, medianMs: times[Math.floor(times.length / 2)]!, concerns };
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const { period, firstMs, medianMs, concerns } of benchOfficeReport()) {
    console.log(
      `office report from ${ROWS.toLocaleString('en-GB')} rows, ${period} (${concerns.toLocaleString('en-GB')} concerns): first ${firstMs.toFixed(1)} ms, median ${medianMs.toFixed(1)} ms of ${REPEATS}`,
    );
  }
}
