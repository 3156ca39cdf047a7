/**
 * Academic years and terms, for the extract's coarse labels and the office's periods. An academic
 * year runs from 1 September to 31 August. With the school's term dates, a day belongs to the
 * last range of term dates started on or before it in its academic year (so holidays count with
 * the term before them), named by the month that range starts in; without them, by month:
 * September–December autumn, January–March spring, April–August summer.
 */
import type { IsoDate, TermDates } from '../casework/calendar';
import type { TermName } from './extract/format';

/** "2026-27" for any day from 1 September 2026 to 31 August 2027. */
export function academicYearOf(date: IsoDate): string {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const start = month >= 9 ? year : year - 1;
  return `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
}

/** The first calendar year of an academic year: 2026 for "2026-27". */
export function academicYearStart(academicYear: string): number {
  return Number(academicYear.slice(0, 4));
}

function termByMonth(month: number): TermName {
  if (month >= 9) return 'autumn';
  if (month <= 3) return 'spring';
  return 'summer';
}

/** The academic year and term a day falls in. */
export function termOf(
  date: IsoDate,
  terms: readonly TermDates[],
): { academicYear: string; term: TermName } {
  const academicYear = academicYearOf(date);
  const inYear = terms
    .filter((t) => academicYearOf(t.start) === academicYear)
    .sort((a, b) => a.start.localeCompare(b.start));
  if (inYear.length === 0) return { academicYear, term: termByMonth(Number(date.slice(5, 7))) };
  const started = inYear.filter((t) => t.start <= date).at(-1);
  // Before the first day of the year's first term (early September): that first term.
  const range = started ?? inYear[0]!;
  return { academicYear, term: termByMonth(Number(range.start.slice(5, 7))) };
}
