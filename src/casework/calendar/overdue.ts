/** Whether a deadline has passed, and how many working days are left, for badges in the inbox. */
import { isIsoDate, toDayNumber, type DayNumber } from './dates';
import { endOfLondonDayMs, londonDayNumberOf, toEpochMs, type Instant } from './london';
import type { SchoolCalendar } from './school-calendar';
import { isWorkingDayNumber } from './working-days';

/** A deadline: an instant, or a `YYYY-MM-DD` date meaning the end of that day in London. */
export type Due = Instant;

/** The deadline as epoch ms. */
export function dueMs(due: Due): number {
  return typeof due === 'string' && isIsoDate(due)
    ? endOfLondonDayMs(toDayNumber(due))
    : toEpochMs(due);
}

/** True once `now` is past the deadline (the deadline's own last millisecond is still in time). */
export function isOverdue(due: Due, now: Instant): boolean {
  return toEpochMs(now) > dueMs(due);
}

/**
 * Working days left before a deadline, counting from tomorrow (London) up to its day: 0 when due
 * today (or no working day remains), negative once overdue, and never 0 when overdue.
 */
export function workingDaysUntil(due: Due, now: Instant, calendar: SchoolCalendar): number {
  const [deadline, nowMs] = [dueMs(due), toEpochMs(now)];
  const [dueDay, today] = [londonDayNumberOf(deadline), londonDayNumberOf(nowMs)];
  if (nowMs <= deadline) return countWorkingDays(today, dueDay, calendar);
  return -Math.max(1, countWorkingDays(dueDay, today, calendar));
}

// Working days d with from < d ≤ to.
function countWorkingDays(from: DayNumber, to: DayNumber, calendar: SchoolCalendar): number {
  let count = 0;
  for (let day = from + 1; day <= to; day += 1) {
    if (isWorkingDayNumber(day, calendar)) count += 1;
  }
  return count;
}
