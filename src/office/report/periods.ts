/**
 * The periods a report can cover: this term, last term, an academic year, or custom dates. Terms
 * and years select rows by the extract's labels (so a holiday counts with the term before it, as
 * the lead side labelled it); custom dates select by month, widened to whole months because the
 * extract holds no finer date. A period that contains today stops at today's month.
 */
import { SafeguardError } from '../../errors';
import {
  isIsoDate,
  londonDateOf,
  type Instant,
  type IsoDate,
  type TermDates,
} from '../../casework/calendar';
import type { ExtractRow, TermName } from '../extract/format';
import { academicYearOf, academicYearStart, termOf } from '../terms';
import type { ReportPeriod } from './model';
import { monthName, termLabel } from './words';

/** What the person asked for; resolved against today and the school's term dates. */
export type PeriodChoice =
  | { kind: 'this-term' }
  | { kind: 'last-term' }
  /** The academic year containing today, or the one named ("2025-26"). */
  | { kind: 'academic-year'; academicYear?: string }
  /** Inclusive calendar dates, widened to the whole months they fall in. */
  | { kind: 'custom'; from: IsoDate; to: IsoDate };

/** A period with the rule that selects its rows. */
export interface ResolvedPeriod {
  period: ReportPeriod;
  /** Rows labelled with this academic year (and term), or null to select by month alone. */
  academicYear: string | null;
  term: TermName | null;
}

/** One term of an academic year: its days (holidays after it included) and their months. */
export interface TermSpan {
  academicYear: string;
  term: TermName;
  /** Its first day, and the first day after it (the next term's start, or 1 September). */
  start: IsoDate;
  until: IsoDate;
  fromMonth: string;
  toMonth: string;
}

const academicYearPattern = /^\d{4}-\d{2}$/;

/** The terms of an academic year in order, as termOf names the days of that year. */
export function termsOfYear(academicYear: string, terms: readonly TermDates[]): TermSpan[] {
  const start = academicYearStart(academicYear);
  const next = String(start + 1);
  const inYear = terms
    .filter((t) => academicYearOf(t.start) === academicYear)
    .sort((a, b) => a.start.localeCompare(b.start));
  // Consecutive ranges with the same name (half terms) make one term, starting at its first.
  const starts: { term: TermName; start: IsoDate }[] = [];
  if (inYear.length === 0) {
    starts.push({ term: 'autumn', start: `${start}-09-01` });
    starts.push({ term: 'spring', start: `${next}-01-01` });
    starts.push({ term: 'summer', start: `${next}-04-01` });
  }
  for (const range of inYear) {
    const term = termOf(range.start, terms).term;
    if (starts.at(-1)?.term !== term) starts.push({ term, start: range.start });
  }
  return starts.map((s, i) => {
    // Days before the first term starts belong to it (termOf); the last runs to 31 August.
    const from = i === 0 ? `${start}-09-01` : s.start;
    const until = starts[i + 1]?.start ?? `${next}-09-01`;
    return {
      academicYear,
      term: s.term,
      start: from,
      until,
      fromMonth: from.slice(0, 7),
      toMonth: monthBefore(until),
    };
  });
}

/** The month of the day before a date. */
function monthBefore(date: IsoDate): string {
  return date.endsWith('-01') ? addMonths(date.slice(0, 7), -1) : date.slice(0, 7);
}

/** "2026-11" plus n months. */
export function addMonths(month: string, n: number): string {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + n;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** Every month from one to another, inclusive. */
export function monthsBetween(fromMonth: string, toMonth: string): string[] {
  const months: string[] = [];
  for (let m = fromMonth; m <= toMonth; m = addMonths(m, 1)) months.push(m);
  return months;
}

function termAt(today: IsoDate, terms: readonly TermDates[]): { index: number; spans: TermSpan[] } {
  const { academicYear, term } = termOf(today, terms);
  const spans = termsOfYear(academicYear, terms);
  return { index: spans.findIndex((s) => s.term === term), spans };
}

function previousTerm(today: IsoDate, terms: readonly TermDates[]): TermSpan {
  const { index, spans } = termAt(today, terms);
  const before = spans[index - 1];
  if (before) return before;
  const lastYear = academicYearOf(`${academicYearStart(spans[0]!.academicYear) - 1}-09-01`);
  return termsOfYear(lastYear, terms).at(-1)!;
}

/** A period that has not ended stops at today's month: months to come would read as "none". */
function toDate(period: ReportPeriod, today: IsoDate, ongoing: boolean): ReportPeriod {
  if (!ongoing) return period;
  return { ...period, label: `${period.label} (to date)`, toMonth: today.slice(0, 7) };
}

function ofTerm(kind: ReportPeriod['kind'], span: TermSpan, today: IsoDate): ResolvedPeriod {
  const period = toDate(
    {
      kind,
      label: termLabel(span.academicYear, span.term),
      fromMonth: span.fromMonth,
      toMonth: span.toMonth,
    },
    today,
    span.start <= today && today < span.until,
  );
  return { period, academicYear: span.academicYear, term: span.term };
}

function ofYear(academicYear: string, today: IsoDate): ResolvedPeriod {
  if (!academicYearPattern.test(academicYear)) {
    throw new SafeguardError('invalid-input', 'An academic year is written like 2026-27.');
  }
  const start = academicYearStart(academicYear);
  if (academicYearOf(`${start}-09-01`) !== academicYear) {
    throw new SafeguardError(
      'invalid-input',
      'An academic year is two years in a row, like 2026-27.',
    );
  }
  const period = toDate(
    {
      kind: 'academic-year',
      label: `Academic year ${academicYear}`,
      fromMonth: `${start}-09`,
      toMonth: `${start + 1}-08`,
    },
    today,
    academicYearOf(today) === academicYear,
  );
  return { period, academicYear, term: null };
}

function lastDayOf(month: string): number {
  return new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).getUTCDate();
}

/** "1 September to 30 November 2026, whole months". */
function customLabel(fromMonth: string, toMonth: string): string {
  const [fromYear, toYear] = [fromMonth.slice(0, 4), toMonth.slice(0, 4)];
  const end = `${lastDayOf(toMonth)} ${monthName(toMonth)} ${toYear}`;
  const start =
    fromMonth === toMonth
      ? '1'
      : fromYear === toYear
        ? `1 ${monthName(fromMonth)}`
        : `1 ${monthName(fromMonth)} ${fromYear}`;
  return `${start} to ${end}, whole months`;
}

function ofDates(from: IsoDate, to: IsoDate): ResolvedPeriod {
  if (!isIsoDate(from) || !isIsoDate(to)) {
    throw new SafeguardError('invalid-date', 'Custom dates must be real dates written YYYY-MM-DD.');
  }
  if (to < from) {
    throw new SafeguardError(
      'invalid-date',
      `The period cannot end (${to}) before it starts (${from}).`,
    );
  }
  const [fromMonth, toMonth] = [from.slice(0, 7), to.slice(0, 7)];
  return {
    period: { kind: 'custom', label: customLabel(fromMonth, toMonth), fromMonth, toMonth },
    academicYear: null,
    term: null,
  };
}

/** The period a choice names, on `today` (a London date) with the school's term dates. */
export function resolvePeriod(
  choice: PeriodChoice,
  today: IsoDate,
  terms: readonly TermDates[],
): ResolvedPeriod {
  switch (choice.kind) {
    case 'this-term': {
      const { index, spans } = termAt(today, terms);
      return ofTerm('this-term', spans[index]!, today);
    }
    case 'last-term':
      return ofTerm('last-term', previousTerm(today, terms), today);
    case 'academic-year':
      return ofYear(choice.academicYear ?? academicYearOf(today), today);
    case 'custom':
      return ofDates(choice.from, choice.to);
  }
}

/**
 * An academic year and each of its terms, as resolved today: the fixed family of periods whose
 * reports withhold figures consistently (family.ts). The year comes first.
 */
export function familyOf(
  academicYear: string,
  today: IsoDate,
  terms: readonly TermDates[],
): ResolvedPeriod[] {
  const year = ofYear(academicYear, today);
  const end = year.period.toMonth;
  // Terms stop where the year does (today's month), so the year is the sum of its terms.
  return [
    year,
    ...termsOfYear(academicYear, terms).map((span) => {
      const term = ofTerm('last-term', span, today);
      const toMonth = term.period.toMonth < end ? term.period.toMonth : end;
      return { ...term, period: { ...term.period, toMonth } };
    }),
  ];
}

/** True when a row counts in the period: its labels (terms, years) and its month. */
export function inPeriod(row: ExtractRow, resolved: ResolvedPeriod): boolean {
  const { period, academicYear, term } = resolved;
  if (row.month < period.fromMonth || row.month > period.toMonth) return false;
  if (academicYear !== null && row.academicYear !== academicYear) return false;
  return term === null || row.term === term;
}

/** A period the office picker offers, resolved so the picker can show its label. */
export interface PeriodOption {
  choice: PeriodChoice;
  period: ReportPeriod;
}

/**
 * The periods to offer: this term, last term, this academic year, then each earlier academic
 * year the extract has concerns in, newest first. Custom dates are the picker's own inputs.
 */
export function periodOptions(input: {
  /** The moment asked: "today" is its London date, as in buildReport. */
  now: Instant;
  terms: readonly TermDates[];
  rows: readonly ExtractRow[];
}): PeriodOption[] {
  const { terms } = input;
  const today = londonDateOf(input.now);
  const current = academicYearOf(today);
  const fixed: PeriodChoice[] = [
    { kind: 'this-term' },
    { kind: 'last-term' },
    { kind: 'academic-year' },
  ];
  const years = new Set<string>();
  for (const row of input.rows) if (row.academicYear < current) years.add(row.academicYear);
  const earlier = [...years]
    .sort()
    .reverse()
    .map((academicYear): PeriodChoice => ({ kind: 'academic-year', academicYear }));
  return [...fixed, ...earlier].map((choice) => ({
    choice,
    period: resolvePeriod(choice, today, terms).period,
  }));
}
