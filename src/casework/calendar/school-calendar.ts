/** The school's own calendar: closure days and term dates, as the clocks consult them. */
import type { IsoDate } from './dates';

/** An inclusive range of term dates, such as an autumn first half-term. */
export interface TermDates {
  readonly start: IsoDate;
  readonly end: IsoDate;
}

/** What the lead sets: days the school closes (INSET, snow) and the term dates. */
export interface SchoolCalendar {
  readonly closureDays: ReadonlySet<IsoDate>;
  readonly terms: readonly TermDates[];
}

/** A calendar with no closure days and no term dates: bank holidays and weekends only. */
export const emptyCalendar: SchoolCalendar = { closureDays: new Set(), terms: [] };

/** Builds the calendar the clocks use from parsed settings (see `calendarSettingsSchema`). */
export function schoolCalendar(settings: {
  readonly closureDays: readonly IsoDate[];
  readonly terms: readonly TermDates[];
}): SchoolCalendar {
  return {
    closureDays: new Set(settings.closureDays),
    terms: [...settings.terms].sort((a, b) => a.start.localeCompare(b.start)),
  };
}
