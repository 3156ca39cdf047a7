/**
 * buildReport: an extract's rows to the office report, under the disclosure rules of
 * docs/disclosure-control.md — count the period's rows once, draft the tables, withhold
 * (primary, then secondary until nothing withheld can be worked out, consistently across an
 * academic year and its terms), perturb what is shown, and write the summaries from the published
 * cells alone. Pure: no clock, no files; `now` is given.
 */
import { londonDateOf, type Instant, type TermDates } from '../../casework/calendar';
import type { ExtractRow } from '../extract/format';
import { academicYearOf } from '../terms';
import { protectFamily } from './family';
import { DEFAULT_THRESHOLD, type Cell, type OfficeReport } from './model';
import { disclosureNotes } from './notes';
import {
  familyOf,
  inPeriod,
  monthsBetween,
  resolvePeriod,
  type PeriodChoice,
  type ResolvedPeriod,
} from './periods';
import { perturbedCount } from './perturbation';
import { checkThreshold, protect, type Status } from './suppression';
import { summarise } from './summaries';
import { assemble, draftTables, type DraftTable } from './tables';
import { tallyRows, type Tallies, type Tally } from './tally';

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

interface Drafted {
  tallies: Tallies;
  drafts: DraftTable[];
}

function* rowsIn(rows: readonly ExtractRow[], period: ResolvedPeriod): Generator<ExtractRow> {
  for (const row of rows) if (inPeriod(row, period)) yield row;
}

function drafted(input: BuildReportInput, resolved: ResolvedPeriod): Drafted {
  const months = monthsBetween(resolved.period.fromMonth, resolved.period.toMonth);
  const tallies = tallyRows(rowsIn(input.rows, resolved), months);
  return { tallies, drafts: draftTables(tallies, months, input.typeLabels) };
}

const sameConcerns = (a: Tallies, b: Tallies) =>
  a.total.count === b.total.count && a.total.keySum === b.total.keySum;

/**
 * The drafts of the requested period and what each figure shows. A term or an academic year is
 * protected with its whole family; so are custom dates that select exactly a member's concerns
 * (in the same months, so the same rows), else they would show what the member withholds.
 */
function protectedDrafts(
  input: BuildReportInput,
  requested: ResolvedPeriod,
  today: string,
  threshold: number,
): Drafted & { status: Map<Tally, Status> } {
  const { fromMonth, toMonth } = requested.period;
  const year = requested.academicYear ?? academicYearOf(`${fromMonth}-01`);
  const own = requested.academicYear === null ? drafted(input, requested) : null;
  if (academicYearOf(`${toMonth}-01`) === year) {
    const members = familyOf(year, today, input.terms);
    const family = members.map((m) => drafted(input, m));
    const index = members.findIndex((m, i) =>
      own
        ? m.period.fromMonth === fromMonth &&
          m.period.toMonth === toMonth &&
          sameConcerns(family[i]!.tallies, own.tallies)
        : m.term === requested.term,
    );
    if (index >= 0) {
      const status = protectFamily(
        family.map((f) => f.drafts),
        threshold,
      );
      return { ...family[index]!, status };
    }
  }
  const alone = own ?? drafted(input, requested);
  return {
    ...alone,
    status: protect(
      alone.drafts.map((d) => d.grid),
      threshold,
    ),
  };
}

/** The office report of an extract's rows for one period. */
export function buildReport(input: BuildReportInput): OfficeReport {
  const threshold = checkThreshold(input.threshold ?? DEFAULT_THRESHOLD);
  const today = londonDateOf(input.now);
  const requested = resolvePeriod(input.period, today, input.terms);
  const { tallies, drafts, status } = protectedDrafts(input, requested, today, threshold);
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
    period: requested.period,
    producedAt: new Date(input.now).toISOString(),
    source: input.source,
    threshold,
    total,
    tables,
    notes: disclosureNotes(threshold),
  };
}
