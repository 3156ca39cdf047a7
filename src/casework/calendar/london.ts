/**
 * Europe/London wall-clock time, by the rule in force since 1996 (Summer Time Act 1972 as amended,
 * now the Summer Time Order 2002): BST (UTC+1) runs from 01:00 UTC on the last Sunday of March to
 * 01:00 UTC on the last Sunday of October; GMT (UTC+0) otherwise. Written out rather than taken
 * from the host's time-zone data so a deadline never depends on the machine; a test compares it
 * with the platform's Europe/London for every day of 1996–2099, so a change in the law shows up.
 */
import { SafeguardError } from '../../errors';
import {
  civilOf,
  lastWeekdayOfMonth,
  toDayNumber,
  toIsoDate,
  type DayNumber,
  type IsoDate,
} from './dates';

/** A moment in time: a `Date`, or an ISO 8601 string that names its offset (`Z` or `±hh:mm`). */
export type Instant = Date | string;

const msPerMinute = 60_000;
const msPerHour = 3_600_000;
const msPerDay = 86_400_000;

// A string without an offset would be read in the host's local zone: refused, never guessed.
const instantPattern =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})$/i;

/** Milliseconds since the epoch of an instant; throws `invalid-instant` if it names no offset. */
export function toEpochMs(instant: Instant): number {
  if (instant instanceof Date) {
    const ms = instant.getTime();
    if (Number.isNaN(ms)) throw invalidInstant();
    return ms;
  }
  const match = instantPattern.exec(instant);
  if (!match) throw invalidInstant();
  const [, y, mo, d, h, mi, s = '0', fraction = '', offset = 'Z'] = match;
  const day = toDayNumber(`${y}-${mo}-${d}`);
  const [hour, minute, second] = [Number(h), Number(mi), Number(s)];
  if (hour > 23 || minute > 59 || second > 59) throw invalidInstant();
  const ms = Number(fraction.padEnd(3, '0').slice(0, 3));
  return (
    day * msPerDay + hour * msPerHour + minute * msPerMinute + second * 1000 + ms - offsetMs(offset)
  );
}

function offsetMs(offset: string): number {
  if (offset.toUpperCase() === 'Z') return 0;
  const sign = offset.startsWith('-') ? -1 : 1;
  const [hours, minutes] = [Number(offset.slice(1, 3)), Number(offset.slice(4, 6))];
  if (hours > 23 || minutes > 59) throw invalidInstant();
  return sign * (hours * msPerHour + minutes * msPerMinute);
}

function invalidInstant(): SafeguardError {
  return new SafeguardError(
    'invalid-instant',
    'A time must be an ISO 8601 instant with its offset, such as 2027-03-25T15:00:00Z.',
  );
}

/** Start and end (epoch ms) of British Summer Time in a year. */
function summerTime(year: number): { start: number; end: number } {
  return {
    start: lastWeekdayOfMonth(year, 3, 0) * msPerDay + msPerHour,
    end: lastWeekdayOfMonth(year, 10, 0) * msPerDay + msPerHour,
  };
}

/** London's offset from UTC, in minutes (60 in BST, 0 in GMT), at an instant. */
export function londonOffsetMinutes(instant: Instant): number {
  return offsetMinutesAt(toEpochMs(instant));
}

function offsetMinutesAt(ms: number): number {
  const { start, end } = summerTime(civilOf(Math.floor(ms / msPerDay)).year);
  return ms >= start && ms < end ? 60 : 0;
}

/** The London calendar date of an instant (00:30 BST on a Friday is Friday, though UTC says Thursday). */
export function londonDateOf(instant: Instant): IsoDate {
  return toIsoDate(londonDayNumberOf(toEpochMs(instant)));
}

/** The London day number of an instant given in epoch ms. */
export function londonDayNumberOf(ms: number): DayNumber {
  return Math.floor((ms + offsetMinutesAt(ms) * msPerMinute) / msPerDay);
}

/** The last millisecond (23:59:59.999) of a London day, in epoch ms. */
export function endOfLondonDayMs(day: DayNumber): number {
  return (day + 1) * msPerDay - 1 - londonDayOffsetMinutes(day) * msPerMinute;
}

/** The last millisecond of a London day as an ISO instant with London's offset then. */
export function endOfLondonDay(date: IsoDate): string {
  const day = toDayNumber(date);
  const offset = londonDayOffsetMinutes(day) === 60 ? '+01:00' : '+00:00';
  return `${toIsoDate(day)}T23:59:59.999${offset}`;
}

// At 23:59 the clocks have long changed (they change at 01:00 UTC), so the day alone decides.
function londonDayOffsetMinutes(day: DayNumber): number {
  const { year } = civilOf(day);
  return day >= lastWeekdayOfMonth(year, 3, 0) && day < lastWeekdayOfMonth(year, 10, 0) ? 60 : 0;
}
