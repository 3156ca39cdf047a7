/**
 * Counting working days between many pairs of days at once (statistics over every case): a running
 * total of working days per day, worked out once for the span asked about, so each count is one
 * subtraction rather than a walk day by day.
 */
import type { DayNumber } from './dates';
import type { SchoolCalendar } from './school-calendar';
import { isWorkingDayNumber } from './working-days';

/** Days worked out in one go beyond the span asked for, so a little past it costs nothing more. */
const MARGIN_DAYS = 366;

export class WorkingDayCounter {
  private first = 0;
  /** totals[i]: working days among the days first … first + i - 1. */
  private totals = new Int32Array(1);

  constructor(private readonly calendar: SchoolCalendar) {}

  /** Working days d with `from` < d ≤ `to` (London day numbers); 0 when `to` ≤ `from`. */
  between(from: DayNumber, to: DayNumber): number {
    if (to <= from) return 0;
    this.cover(from + 1, to);
    const start = from + 1 - this.first;
    return this.totals[to - this.first + 1]! - this.totals[start]!;
  }

  private cover(from: DayNumber, to: DayNumber): void {
    const last = this.first + this.totals.length - 2;
    if (this.totals.length > 1 && from >= this.first && to <= last) return;
    const first = Math.min(from, this.totals.length > 1 ? this.first : from) - MARGIN_DAYS;
    const end = Math.max(to, this.totals.length > 1 ? last : to) + MARGIN_DAYS;
    const totals = new Int32Array(end - first + 2);
    for (let day = first; day <= end; day += 1) {
      const i = day - first;
      totals[i + 1] = totals[i]! + (isWorkingDayNumber(day, this.calendar) ? 1 : 0);
    }
    this.first = first;
    this.totals = totals;
  }
}
