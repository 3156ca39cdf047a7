/**
 * England and Wales bank holidays against the lists gov.uk publishes (https://www.gov.uk/bank-holidays),
 * and Easter Sunday against published Easter dates.
 */
import { describe, expect, it } from 'vitest';
import {
  bankHolidays,
  easterSunday,
  isBankHoliday,
  oneOffHolidays,
  regularBankHolidays,
} from '../../../src/casework/calendar';

const datesOf = (year: number) => bankHolidays(year).map((h) => h.date);
const weekdayOf = (date: string) => new Date(`${date}T12:00:00Z`).getUTCDay();

describe('bank holidays match the published gov.uk lists', () => {
  const published: Record<number, string[]> = {
    // VE day: the early May holiday moved to Friday 8 May; Christmas on a Friday, Boxing Day Monday 28.
    2020: ['01-01', '04-10', '04-13', '05-08', '05-25', '08-31', '12-25', '12-28'],
    // Christmas on a Saturday: substitutes Monday 27 and Tuesday 28.
    2021: ['01-01', '04-02', '04-05', '05-03', '05-31', '08-30', '12-27', '12-28'],
    // New Year on a Saturday; Platinum Jubilee; the State Funeral; Christmas on a Sunday.
    2022: [
      '01-03',
      '04-15',
      '04-18',
      '05-02',
      '06-02',
      '06-03',
      '08-29',
      '09-19',
      '12-26',
      '12-27',
    ],
    // New Year on a Sunday; the Coronation.
    2023: ['01-02', '04-07', '04-10', '05-01', '05-08', '05-29', '08-28', '12-25', '12-26'],
    2024: ['01-01', '03-29', '04-01', '05-06', '05-27', '08-26', '12-25', '12-26'],
    2025: ['01-01', '04-18', '04-21', '05-05', '05-26', '08-25', '12-25', '12-26'],
    // Boxing Day on a Saturday: Monday 28.
    2026: ['01-01', '04-03', '04-06', '05-04', '05-25', '08-31', '12-25', '12-28'],
    2027: ['01-01', '03-26', '03-29', '05-03', '05-31', '08-30', '12-27', '12-28'],
    // Not yet published when written: from the rules (New Year on a Saturday: Monday 3).
    2028: ['01-03', '04-14', '04-17', '05-01', '05-29', '08-28', '12-25', '12-26'],
    2029: ['01-01', '03-30', '04-02', '05-07', '05-28', '08-27', '12-25', '12-26'],
    2030: ['01-01', '04-19', '04-22', '05-06', '05-27', '08-26', '12-25', '12-26'],
  };
  for (const [year, days] of Object.entries(published)) {
    it(`lists exactly the ${year} bank holidays, in date order`, () => {
      expect(datesOf(Number(year))).toEqual(days.map((day) => `${year}-${day}`));
    });
  }
});

describe('bank holidays are named as gov.uk names them', () => {
  it('names the substitute days of Christmas on a Saturday (2021)', () => {
    expect(bankHolidays(2021).slice(-2)).toEqual([
      { date: '2021-12-27', name: 'Christmas Day (substitute day)' },
      { date: '2021-12-28', name: 'Boxing Day (substitute day)' },
    ]);
  });

  it('keeps Boxing Day on Monday 26 and moves Christmas to Tuesday 27 when Christmas is a Sunday (2022)', () => {
    expect(bankHolidays(2022).slice(-2)).toEqual([
      { date: '2022-12-26', name: 'Boxing Day' },
      { date: '2022-12-27', name: 'Christmas Day (substitute day)' },
    ]);
  });

  it('moves only Boxing Day when it alone falls at a weekend (2026)', () => {
    expect(bankHolidays(2026).slice(-2)).toEqual([
      { date: '2026-12-25', name: 'Christmas Day' },
      { date: '2026-12-28', name: 'Boxing Day (substitute day)' },
    ]);
  });

  it('names the 2022 and 2023 one-offs', () => {
    const names = [...bankHolidays(2022), ...bankHolidays(2023)].map((h) => h.name);
    expect(names).toContain('Platinum Jubilee bank holiday');
    expect(names).toContain('Bank holiday for the State Funeral of Queen Elizabeth II');
    expect(names).toContain('Bank holiday for the coronation of King Charles III');
  });
});

describe('one-off changes', () => {
  it('removes the regular day a one-off replaces (4 May 2020, 30 May 2022)', () => {
    expect(isBankHoliday('2020-05-04')).toBe(false);
    expect(isBankHoliday('2022-05-30')).toBe(false);
    expect(isBankHoliday('2020-05-08')).toBe(true);
  });

  it('replaces, in every entry of the table, a day the regular rules make a holiday', () => {
    for (const oneOff of oneOffHolidays) {
      if (oneOff.replaces === undefined) continue;
      const year = Number(oneOff.replaces.slice(0, 4));
      expect(regularBankHolidays(year).map((h) => h.date)).toContain(oneOff.replaces);
    }
  });
});

describe('Easter Sunday (anonymous Gregorian algorithm)', () => {
  const easters: Record<number, string> = {
    1818: '1818-03-22', // the earliest possible date
    1943: '1943-04-25', // the latest possible date
    2000: '2000-04-23',
    2008: '2008-03-23',
    2011: '2011-04-24',
    2019: '2019-04-21',
    2024: '2024-03-31',
    2025: '2025-04-20',
    2027: '2027-03-28',
    2038: '2038-04-25',
  };
  for (const [year, date] of Object.entries(easters)) {
    it(`falls on ${date} in ${year}`, () => {
      expect(easterSunday(Number(year))).toBe(date);
    });
  }
});

describe('every year from 1990 to 2100', () => {
  const years = Array.from({ length: 111 }, (_, i) => 1990 + i);

  it('has eight regular bank holidays, each on a weekday and on a different day', () => {
    for (const year of years) {
      const dates = regularBankHolidays(year).map((h) => h.date);
      expect(dates, String(year)).toHaveLength(8);
      expect(new Set(dates).size, String(year)).toBe(8);
      expect(
        dates.filter((d) => [0, 6].includes(weekdayOf(d))),
        String(year),
      ).toEqual([]);
      expect(
        dates.every((d) => d.startsWith(`${year}-`)),
        String(year),
      ).toBe(true);
    }
  });

  it('has no bank holiday at a weekend, one-offs included', () => {
    const weekendHolidays = years
      .flatMap((year) => datesOf(year))
      .filter((d) => [0, 6].includes(weekdayOf(d)));
    expect(weekendHolidays).toEqual([]);
  });

  it('puts Good Friday on a Friday and Easter Monday on a Monday, between 20 March and 26 April', () => {
    for (const year of years) {
      const dateNamed = (name: string) =>
        regularBankHolidays(year).find((h) => h.name === name)?.date ?? 'missing';
      const [goodFriday, easterMonday] = [dateNamed('Good Friday'), dateNamed('Easter Monday')];
      expect([weekdayOf(goodFriday), weekdayOf(easterMonday)], String(year)).toEqual([5, 1]);
      expect(goodFriday >= `${year}-03-20` && easterMonday <= `${year}-04-26`, String(year)).toBe(
        true,
      );
    }
  });
});
