/**
 * Working days: weekdays that are neither England and Wales bank holidays nor the school's closure
 * days. Statutory clocks run on them, such as the LADO's "within one working day".
 */
import { isBankHolidayDay } from './bank-holidays';
import { isWeekend, stepDays, toDayNumber, toIsoDate, type DayNumber, type IsoDate } from './dates';
import { endOfLondonDay, londonDayNumberOf, toEpochMs, type Instant } from './london';
import type { SchoolCalendar } from './school-calendar';

/** True on a weekday that is neither a bank holiday nor one of the school's closure days. */
export function isWorkingDay(date: IsoDate, calendar: SchoolCalendar): boolean {
  return isWorkingDayNumber(toDayNumber(date), calendar);
}

/** `isWorkingDay` for a day number. */
export function isWorkingDayNumber(day: DayNumber, calendar: SchoolCalendar): boolean {
  return !isWeekend(day) && !isBankHolidayDay(day) && !calendar.closureDays.has(toIsoDate(day));
}

/** The date `n` working days after a date (`n` < 0: before); `n` = 0 gives the date itself. */
export function addWorkingDays(date: IsoDate, n: number, calendar: SchoolCalendar): IsoDate {
  const counts = (day: DayNumber) => isWorkingDayNumber(day, calendar);
  return toIsoDate(stepDays(toDayNumber(date), n, counts));
}

/** The first working day after a date. */
export function nextWorkingDay(date: IsoDate, calendar: SchoolCalendar): IsoDate {
  return addWorkingDays(date, 1, calendar);
}

/**
 * The "within one working day" deadline for something that happened at an instant: 23:59:59.999
 * London time at the end of the next working day after that day (Friday afternoon → end of Monday).
 */
export function endOfNextWorkingDay(instant: Instant, calendar: SchoolCalendar): string {
  const today = toIsoDate(londonDayNumberOf(toEpochMs(instant)));
  return endOfLondonDay(nextWorkingDay(today, calendar));
}
