/**
 * School days: weekdays inside the school's term dates that are neither bank holidays nor closure
 * days. Clocks such as "child protection file transferred within 5 school days" run on them.
 */
import { SafeguardError } from '../../errors';
import { isBankHolidayDay } from './bank-holidays';
import { isWeekend, stepDays, toDayNumber, toIsoDate, type DayNumber, type IsoDate } from './dates';
import type { SchoolCalendar } from './school-calendar';

/** True on a weekday within the term dates that is neither a bank holiday nor a closure day. */
export function isSchoolDay(date: IsoDate, calendar: SchoolCalendar): boolean {
  return isSchoolDayNumber(toDayNumber(date), calendar);
}

function isSchoolDayNumber(day: DayNumber, calendar: SchoolCalendar): boolean {
  if (isWeekend(day) || isBankHolidayDay(day)) return false;
  const date = toIsoDate(day);
  // Same-width YYYY-MM-DD strings compare in date order.
  const inTerm = calendar.terms.some((term) => term.start <= date && date <= term.end);
  return inTerm && !calendar.closureDays.has(date);
}

/**
 * The date `n` school days after a date (`n` < 0: before); `n` = 0 gives the date itself. Throws
 * `outside-term-dates` when the term dates run out first, rather than guess the next term.
 */
export function addSchoolDays(date: IsoDate, n: number, calendar: SchoolCalendar): IsoDate {
  const starts = calendar.terms.map((term) => toDayNumber(term.start));
  const ends = calendar.terms.map((term) => toDayNumber(term.end));
  const [first, last] = [Math.min(...starts), Math.max(...ends)];
  const counts = (day: DayNumber) => isSchoolDayNumber(day, calendar);
  const limit = {
    beyond: (day: DayNumber) => (n > 0 ? day > last : day < first),
    error: () =>
      new SafeguardError(
        'outside-term-dates',
        calendar.terms.length === 0
          ? 'The school has no term dates yet: the lead sets them in the calendar settings.'
          : `The school's term dates run out before ${Math.abs(n)} school days: add the next term's dates.`,
      ),
  };
  return toIsoDate(stepDays(toDayNumber(date), n, counts, limit));
}
