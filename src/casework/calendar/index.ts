export {
  bankHolidays,
  isBankHoliday,
  regularBankHolidays,
  type BankHoliday,
} from './bank-holidays';
export { isIsoDate, toIsoDate, type DayNumber, type IsoDate } from './dates';
export { easterSunday } from './easter';
export { endOfLondonDay, londonDateOf, londonDayNumberOf, toEpochMs, type Instant } from './london';
export { oneOffHolidays, type OneOffHoliday } from './one-off-holidays';
export { isOverdue, workingDaysUntil, type Due } from './overdue';
export {
  emptyCalendar,
  schoolCalendar,
  type SchoolCalendar,
  type TermDates,
} from './school-calendar';
export { addSchoolDays, isSchoolDay } from './school-days';
export {
  calendarSettingsSchema,
  calendarYears,
  isoDateSchema,
  termDatesSchema,
  type CalendarSettings,
} from './settings';
export { WorkingDayCounter } from './working-day-counter';
export { addWorkingDays, endOfNextWorkingDay, isWorkingDay, nextWorkingDay } from './working-days';
