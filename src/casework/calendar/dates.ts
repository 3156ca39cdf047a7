/**
 * Calendar dates as `YYYY-MM-DD` and whole day numbers (days since 1970-01-01), converted by hand
 * (Howard Hinnant's civil-date algorithms) so no local time zone or `Date` quirk can creep in.
 */
import { SafeguardError } from '../../errors';

/** A calendar date `YYYY-MM-DD`: a day, not an instant. */
export type IsoDate = string;

/** Days since 1970-01-01; a plain integer makes stepping and comparing days exact. */
export type DayNumber = number;

const isoDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days in a month of the proleptic Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** The day number of a year, month (1–12) and day (1–31). */
export function dayNumberOf(year: number, month: number, day: number): DayNumber {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** The year, month (1–12) and day of a day number. */
export function civilOf(dayNumber: DayNumber): { year: number; month: number; day: number } {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36524) -
      Math.floor(dayOfEra / 146096)) /
      365,
  );
  const dayOfYear =
    dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** True for a real calendar date written `YYYY-MM-DD` (so not 2027-02-29). */
export function isIsoDate(value: string): boolean {
  const match = isoDatePattern.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** The day number of a `YYYY-MM-DD` date; throws `invalid-date` for anything else. */
export function toDayNumber(date: IsoDate): DayNumber {
  if (!isIsoDate(date)) {
    throw new SafeguardError('invalid-date', 'A date must be a real date written YYYY-MM-DD.');
  }
  return dayNumberOf(Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10)));
}

/** The `YYYY-MM-DD` date of a day number. */
export function toIsoDate(dayNumber: DayNumber): IsoDate {
  const { year, month, day } = civilOf(dayNumber);
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** Day of the week of a day number: 0 Sunday … 6 Saturday (1970-01-01 was a Thursday). */
export function weekdayOf(dayNumber: DayNumber): number {
  return (((dayNumber + 4) % 7) + 7) % 7;
}

/** True on Saturday and Sunday. */
export function isWeekend(dayNumber: DayNumber): boolean {
  const weekday = weekdayOf(dayNumber);
  return weekday === 0 || weekday === 6;
}

/** The day number of the last given weekday (0 Sunday … 6 Saturday) of a month. */
export function lastWeekdayOfMonth(year: number, month: number, weekday: number): DayNumber {
  const last = dayNumberOf(year, month, daysInMonth(year, month));
  return last - ((weekdayOf(last) - weekday + 7) % 7);
}

/** The day number of the first given weekday (0 Sunday … 6 Saturday) of a month. */
export function firstWeekdayOfMonth(year: number, month: number, weekday: number): DayNumber {
  const first = dayNumberOf(year, month, 1);
  return first + ((weekday - weekdayOf(first) + 7) % 7);
}

/**
 * The day `n` counted days after a day (`n` < 0: before), counting only days `counts` accepts;
 * `n` = 0 gives the day itself. Stepping onto a day `limit.beyond` accepts throws `limit.error()`.
 */
export function stepDays(
  day: DayNumber,
  n: number,
  counts: (day: DayNumber) => boolean,
  limit?: { beyond: (day: DayNumber) => boolean; error: () => Error },
): DayNumber {
  if (!Number.isSafeInteger(n)) throw new RangeError('A number of days must be a whole number.');
  const direction = Math.sign(n);
  let current = day;
  for (let left = Math.abs(n); left > 0;) {
    current += direction;
    if (limit?.beyond(current)) throw limit.error();
    if (counts(current)) left -= 1;
  }
  return current;
}
