/**
 * England and Wales bank holidays for any year: the regular eight (Banking and Financial Dealings
 * Act 1971 and the proclamations since 1978), their substitute weekdays, and the one-offs.
 */
import { SafeguardError } from '../../errors';
import {
  civilOf,
  dayNumberOf,
  firstWeekdayOfMonth,
  isWeekend,
  lastWeekdayOfMonth,
  toDayNumber,
  toIsoDate,
  type DayNumber,
  type IsoDate,
} from './dates';
import { easterSundayDay } from './easter';
import { oneOffHolidays } from './one-off-holidays';

/** One bank holiday, named as gov.uk names it. */
export interface BankHoliday {
  readonly date: IsoDate;
  readonly name: string;
}

interface Holiday {
  day: DayNumber;
  name: string;
}

const monday = 1;
const byYear = new Map<number, { list: readonly BankHoliday[]; days: ReadonlySet<DayNumber> }>();

/** The eight regular holidays of a year, with substitutes but before any one-off change. */
export function regularBankHolidays(year: number): readonly BankHoliday[] {
  return regularHolidays(checkedYear(year)).map(toBankHoliday);
}

/** Every England and Wales bank holiday of a year, in date order. */
export function bankHolidays(year: number): readonly BankHoliday[] {
  return holidaysOf(checkedYear(year)).list;
}

/** True if a `YYYY-MM-DD` date is an England and Wales bank holiday. */
export function isBankHoliday(date: IsoDate): boolean {
  return isBankHolidayDay(toDayNumber(date));
}

/** True if a day number is an England and Wales bank holiday. */
export function isBankHolidayDay(day: DayNumber): boolean {
  return holidaysOf(civilOf(day).year).days.has(day);
}

function holidaysOf(year: number): { list: readonly BankHoliday[]; days: ReadonlySet<DayNumber> } {
  let entry = byYear.get(year);
  if (!entry) {
    const holidays = withOneOffs(year, regularHolidays(year)).sort((a, b) => a.day - b.day);
    // Frozen: the cached list is shared by every caller.
    const list = Object.freeze(holidays.map((h) => Object.freeze(toBankHoliday(h))));
    entry = { list, days: new Set(holidays.map((h) => h.day)) };
    byYear.set(year, entry);
  }
  return entry;
}

function regularHolidays(year: number): Holiday[] {
  const easter = easterSundayDay(year);
  const [newYear, christmas] = [
    withSubstitutes([{ day: dayNumberOf(year, 1, 1), name: 'New Year’s Day' }]),
    withSubstitutes([
      { day: dayNumberOf(year, 12, 25), name: 'Christmas Day' },
      { day: dayNumberOf(year, 12, 26), name: 'Boxing Day' },
    ]),
  ];
  return [
    ...newYear,
    { day: easter - 2, name: 'Good Friday' },
    { day: easter + 1, name: 'Easter Monday' },
    { day: firstWeekdayOfMonth(year, 5, monday), name: 'Early May bank holiday' },
    { day: lastWeekdayOfMonth(year, 5, monday), name: 'Spring bank holiday' },
    { day: lastWeekdayOfMonth(year, 8, monday), name: 'Summer bank holiday' },
    ...christmas,
  ];
}

// A holiday at a weekend moves to the next weekday not already a holiday. Holidays on weekdays
// keep their date first, which is why Christmas on a Sunday is Tuesday 27 (Boxing Day has Monday).
function withSubstitutes(holidays: Holiday[]): Holiday[] {
  const taken = new Set(holidays.filter((h) => !isWeekend(h.day)).map((h) => h.day));
  return holidays.map((holiday) => {
    if (!isWeekend(holiday.day)) return holiday;
    let day = holiday.day + 1;
    while (isWeekend(day) || taken.has(day)) day += 1;
    taken.add(day);
    return { day, name: `${holiday.name} (substitute day)` };
  });
}

function withOneOffs(year: number, holidays: Holiday[]): Holiday[] {
  let result = holidays;
  for (const oneOff of oneOffHolidays) {
    if (Number(oneOff.date.slice(0, 4)) !== year) continue;
    if (oneOff.replaces !== undefined) {
      const replaced = toDayNumber(oneOff.replaces);
      if (!result.some((h) => h.day === replaced)) {
        throw new Error(
          `One-off bank holiday ${oneOff.date} replaces ${oneOff.replaces}, not a holiday.`,
        );
      }
      result = result.filter((h) => h.day !== replaced);
    }
    result = [...result, { day: toDayNumber(oneOff.date), name: oneOff.name }];
  }
  return result;
}

function toBankHoliday(holiday: Holiday): BankHoliday {
  return { date: toIsoDate(holiday.day), name: holiday.name };
}

function checkedYear(year: number): number {
  if (!Number.isInteger(year) || year < 1583 || year > 9999) {
    throw new SafeguardError('invalid-date', 'A year must be a whole number from 1583 to 9999.');
  }
  return year;
}
