/**
 * buildReport: an extract's rows to the office report, under the disclosure rules of
 * docs/disclosure-control.md — count the period's rows once, draft the tables, withhold
 * (primary, then secondary until nothing withheld can be worked out), perturb what is shown, and
 * write the summaries from the published cells alone. Pure: no clock, no files; `now` is given.
 */
import { londonDateOf, type Instant, type TermDates } from '../../casework/calendar';
import type { ExtractRow } from '../extract/format';
import { DEFAULT_THRESHOLD, type Cell, type OfficeReport } from './model';
import { disclosureNotes } from './notes';
import { inPeriod, monthsBetween, resolvePeriod, type PeriodChoice } from './periods';
import { perturbedCount } from './perturbation';
import { checkThreshold, protect } from './suppression';
import { summarise } from './summaries';
import { assemble, draftTables } from './tables';
import { tallyRows, type Tally } from './tally';

export interface BuildReportInput {
  rows: readonly ExtractRow[];
  /** The school's term dates (the extract's), for this term and last term. */
  terms: readonly TermDates[];
  period: PeriodChoice;
  /** Smallest figure shown; DEFAULT_THRESHOLD unless set, never below MIN_THRESHOLD. */
  threshold?: number;
  schoolName: string;
  source: OfficeReport['source'];
  /** Concern type ids to their titles (the built-in forms'); an unknown id is shown as itself. */
  typeLabels: Readonly<Record<string, string>>;
  /** The moment the report is made: "today" is its London date. */
  now: Instant;
}

function* rowsIn(
  rows: readonly ExtractRow[],
  period: ReturnType<typeof resolvePeriod>,
): Generator<ExtractRow> {
  for (const row of rows) if (inPeriod(row, period)) yield row;
}

/** The office report of an extract's rows for one period. */
export function buildReport(input: BuildReportInput): OfficeReport {
  const threshold = checkThreshold(input.threshold ?? DEFAULT_THRESHOLD);
  const today = londonDateOf(input.now);
  const resolved = resolvePeriod(input.period, today, input.terms);
  const months = monthsBetween(resolved.period.fromMonth, resolved.period.toMonth);
  const tallies = tallyRows(rowsIn(input.rows, resolved), months);
  const drafts = draftTables(tallies, months, input.typeLabels);
  const status = protect(
    drafts.map((d) => d.grid),
    threshold,
  );
  const cell = (tally: Tally): Cell => {
    const state = status.get(tally) ?? 'shown';
    return state === 'shown'
      ? { kind: 'count', value: perturbedCount(tally, threshold) }
      : { kind: 'suppressed', reason: state };
  };
  const total = cell(tallies.total);
  const tables = drafts.map((draft) => {
    const table = assemble(draft, cell);
    return { ...table, summary: summarise(table, total) };
  });
  return {
    schoolName: input.schoolName,
    period: resolved.period,
    producedAt: new Date(input.now).toISOString(),
    source: input.source,
    threshold,
    total,
    tables,
    notes: disclosureNotes(threshold),
  };
}
