/**
 * The working-day counter used for statistics agrees, for any pair of days, with counting day by
 * day: weekends, bank holidays (Christmas, Easter, the May and August Mondays) and the school's
 * closure days are not working days, and a count never goes below zero.
 */
import { describe, expect, it } from 'vitest';
import {
  isWorkingDay,
  schoolCalendar,
  toIsoDate,
  WorkingDayCounter,
} from '../../../src/casework/calendar';
import { toDayNumber } from '../../../src/casework/calendar/dates';

const calendar = schoolCalendar({
  terms: [],
  closureDays: ['2026-11-13', '2027-01-04', '2027-06-01'],
});

function dayByDay(from: number, to: number): number {
  let n = 0;
  for (let day = from + 1; day <= to; day++) if (isWorkingDay(toIsoDate(day), calendar)) n++;
  return n;
}

describe('counting working days', () => {
  it('counts Friday to Tuesday over a bank holiday Monday as one, and a closure day as none', () => {
    const counter = new WorkingDayCounter(calendar);
    expect(counter.between(toDayNumber('2026-05-01'), toDayNumber('2026-05-05'))).toBe(1);
    expect(counter.between(toDayNumber('2026-11-11'), toDayNumber('2026-11-16'))).toBe(2);
    expect(counter.between(toDayNumber('2026-12-24'), toDayNumber('2026-12-29'))).toBe(1);
    expect(counter.between(toDayNumber('2026-05-05'), toDayNumber('2026-05-05'))).toBe(0);
    expect(counter.between(toDayNumber('2026-05-05'), toDayNumber('2026-05-01'))).toBe(0);
  });

  it('agrees with counting day by day for pairs years apart, asked in any order', () => {
    const counter = new WorkingDayCounter(calendar);
    let seed = 7;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const start = toDayNumber('2024-01-01');
    for (let i = 0; i < 400; i++) {
      const from = start + Math.floor(next() * 2500);
      const to = from + Math.floor(next() * 900) - 100;
      expect(counter.between(from, to), `${toIsoDate(from)} → ${toIsoDate(to)}`).toBe(
        Math.max(0, dayByDay(from, to)),
      );
    }
  });
});
