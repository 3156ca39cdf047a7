/**
 * One-off changes to England and Wales bank holidays, made by royal proclamation. Source: gov.uk,
 * "UK bank holidays" (https://www.gov.uk/bank-holidays, also published as bank-holidays.json).
 * A new one is one line: `replaces` names the regular holiday it moves, if it moves one.
 * Earlier one-offs (1995, 1999, 2002, 2011, 2012) are not listed: no clock reaches back that far.
 */
import type { IsoDate } from './dates';

/** A bank holiday added by proclamation, possibly in place of a regular one. */
export interface OneOffHoliday {
  readonly date: IsoDate;
  readonly name: string;
  readonly replaces?: IsoDate;
}

export const oneOffHolidays: readonly OneOffHoliday[] = [
  { date: '2020-05-08', name: 'Early May bank holiday (VE day)', replaces: '2020-05-04' },
  { date: '2022-06-02', name: 'Spring bank holiday', replaces: '2022-05-30' },
  { date: '2022-06-03', name: 'Platinum Jubilee bank holiday' },
  { date: '2022-09-19', name: 'Bank holiday for the State Funeral of Queen Elizabeth II' },
  { date: '2023-05-08', name: 'Bank holiday for the coronation of King Charles III' },
];
