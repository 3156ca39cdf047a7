/**
 * The office report's periods (src/office/report/periods.ts): this term and last term on the
 * boundaries and in the holidays, academic years, custom dates widened to whole months, which
 * rows each selects, and the periods offered to the picker.
 */
import { describe, expect, it } from 'vitest';
import { isSafeguardError } from '../../../src/errors';
import {
  familyOf,
  inPeriod,
  periodOptions,
  resolvePeriod,
  termsOfYear,
  type PeriodChoice,
} from '../../../src/office/report/periods';
import { row } from './report-support';

/** A school's 2026-27 term dates, in half terms. */
const terms = [
  { start: '2026-09-03', end: '2026-10-23' },
  { start: '2026-11-02', end: '2026-12-18' },
  { start: '2027-01-05', end: '2027-02-12' },
  { start: '2027-02-22', end: '2027-03-26' },
  { start: '2027-04-12', end: '2027-05-28' },
  { start: '2027-06-07', end: '2027-07-21' },
];

const period = (choice: PeriodChoice, today: string, withTerms = terms) =>
  resolvePeriod(choice, today, withTerms).period;

function refusal(run: () => unknown): { code: string; message: string } | null {
  try {
    run();
    return null;
  } catch (error) {
    return isSafeguardError(error) ? { code: error.code, message: error.message } : null;
  }
}

describe('terms of an academic year', () => {
  it('joins half terms into terms, each running to the day before the next starts', () => {
    expect(termsOfYear('2026-27', terms).map((t) => [t.term, t.start, t.until])).toEqual([
      ['autumn', '2026-09-01', '2027-01-05'],
      ['spring', '2027-01-05', '2027-04-12'],
      ['summer', '2027-04-12', '2027-09-01'],
    ]);
  });

  it('falls back to months without term dates: September–December, January–March, April–August', () => {
    expect(termsOfYear('2026-27', []).map((t) => [t.term, t.fromMonth, t.toMonth])).toEqual([
      ['autumn', '2026-09', '2026-12'],
      ['spring', '2027-01', '2027-03'],
      ['summer', '2027-04', '2027-08'],
    ]);
  });
});

describe('this term and last term', () => {
  it('names this term by its start and stops it at today’s month', () => {
    expect(period({ kind: 'this-term' }, '2026-11-30')).toEqual({
      kind: 'this-term',
      label: 'Autumn term 2026 (to date)',
      fromMonth: '2026-09',
      toMonth: '2026-11',
    });
  });

  it('counts the days before the first term starts as that term', () => {
    expect(period({ kind: 'this-term' }, '2026-09-01').label).toBe('Autumn term 2026 (to date)');
  });

  it('counts the Christmas holiday, up to the day before spring starts, as autumn', () => {
    expect(period({ kind: 'this-term' }, '2026-12-28').label).toBe('Autumn term 2026 (to date)');
    const lastDay = period({ kind: 'this-term' }, '2027-01-04');
    expect([lastDay.label, lastDay.toMonth]).toEqual(['Autumn term 2026 (to date)', '2027-01']);
  });

  it('turns to spring on its first day, with autumn then last term and whole', () => {
    expect(period({ kind: 'this-term' }, '2027-01-05')).toMatchObject({
      label: 'Spring term 2027 (to date)',
      fromMonth: '2027-01',
      toMonth: '2027-01',
    });
    expect(period({ kind: 'last-term' }, '2027-01-05')).toEqual({
      kind: 'last-term',
      label: 'Autumn term 2026',
      fromMonth: '2026-09',
      toMonth: '2027-01',
    });
  });

  it('gives spring the April its Easter holiday runs into, shared with summer', () => {
    const spring = period({ kind: 'last-term' }, '2027-04-20');
    expect([spring.label, spring.fromMonth, spring.toMonth]).toEqual([
      'Spring term 2027',
      '2027-01',
      '2027-04',
    ]);
  });

  it('takes last term from the previous academic year in the autumn, through August', () => {
    expect(period({ kind: 'last-term' }, '2026-10-01')).toEqual({
      kind: 'last-term',
      label: 'Summer term 2026',
      fromMonth: '2026-04',
      toMonth: '2026-08',
    });
  });

  it('uses the months alone when the school has no term dates', () => {
    expect(period({ kind: 'this-term' }, '2027-04-01', []).label).toBe(
      'Summer term 2027 (to date)',
    );
    expect(period({ kind: 'last-term' }, '2027-04-01', [])).toMatchObject({
      label: 'Spring term 2027',
      fromMonth: '2027-01',
      toMonth: '2027-03',
    });
  });
});

describe('academic years', () => {
  it('stops the current year at today’s month', () => {
    expect(period({ kind: 'academic-year' }, '2026-11-30')).toEqual({
      kind: 'academic-year',
      label: 'Academic year 2026-27 (to date)',
      fromMonth: '2026-09',
      toMonth: '2026-11',
    });
  });

  it('gives a named past year whole, September to August', () => {
    expect(period({ kind: 'academic-year', academicYear: '2025-26' }, '2026-11-30')).toEqual({
      kind: 'academic-year',
      label: 'Academic year 2025-26',
      fromMonth: '2025-09',
      toMonth: '2026-08',
    });
  });

  it.each(['2026-28', '2026', 'last year'])('refuses the year %j', (academicYear) => {
    expect(
      refusal(() => resolvePeriod({ kind: 'academic-year', academicYear }, '2026-11-30', terms)),
    ).toMatchObject({ code: 'invalid-input' });
  });
});

describe('custom dates', () => {
  it('widens the dates to whole months and says so', () => {
    expect(period({ kind: 'custom', from: '2026-09-15', to: '2026-11-03' }, '2027-01-01')).toEqual({
      kind: 'custom',
      label: '1 September to 30 November 2026, whole months',
      fromMonth: '2026-09',
      toMonth: '2026-11',
    });
  });

  it('names both years across a new year, and the leap day', () => {
    expect(
      period({ kind: 'custom', from: '2027-12-10', to: '2028-02-01' }, '2028-03-01').label,
    ).toBe('1 December 2027 to 29 February 2028, whole months');
  });

  it('says a single month once', () => {
    expect(
      period({ kind: 'custom', from: '2026-11-05', to: '2026-11-06' }, '2027-01-01').label,
    ).toBe('1 to 30 November 2026, whole months');
  });

  it('refuses an end before the start, and a date that is not real', () => {
    expect(
      refusal(() =>
        resolvePeriod({ kind: 'custom', from: '2026-11-05', to: '2026-11-04' }, '2027-01-01', []),
      ),
    ).toEqual({
      code: 'invalid-date',
      message: 'The period cannot end (2026-11-04) before it starts (2026-11-05).',
    });
    expect(
      refusal(() =>
        resolvePeriod({ kind: 'custom', from: '2027-02-29', to: '2027-03-01' }, '2027-04-01', []),
      ),
    ).toMatchObject({ code: 'invalid-date' });
  });
});

describe('the family of an academic year', () => {
  it('is the year then its terms, the terms stopping where the year does today', () => {
    const family = familyOf('2026-27', '2026-11-30', terms);
    expect(family.map((m) => [m.term, m.period.fromMonth, m.period.toMonth])).toEqual([
      [null, '2026-09', '2026-11'],
      ['autumn', '2026-09', '2026-11'],
      // Terms still to come select nothing yet: their last month is before their first.
      ['spring', '2027-01', '2026-11'],
      ['summer', '2027-04', '2026-11'],
    ]);
  });

  it('is whole once the year is over', () => {
    const family = familyOf('2026-27', '2027-09-10', terms);
    expect(family.map((m) => m.period.toMonth)).toEqual([
      '2027-08',
      '2027-01',
      '2027-04',
      '2027-08',
    ]);
  });
});

describe('which rows a period selects', () => {
  const april = (term: 'spring' | 'summer') =>
    row({ month: '2027-04', academicYear: '2026-27', term });

  it('selects a term by its label, so an April of the spring term is not the summer’s', () => {
    const spring = resolvePeriod({ kind: 'last-term' }, '2027-05-01', terms);
    const summer = resolvePeriod({ kind: 'this-term' }, '2027-05-01', terms);
    expect([inPeriod(april('spring'), spring), inPeriod(april('spring'), summer)]).toEqual([
      true,
      false,
    ]);
    expect([inPeriod(april('summer'), spring), inPeriod(april('summer'), summer)]).toEqual([
      false,
      true,
    ]);
  });

  it('selects custom dates by month, whatever the labels', () => {
    const custom = resolvePeriod(
      { kind: 'custom', from: '2027-04-30', to: '2027-04-30' },
      '2027-06-01',
      [],
    );
    expect([inPeriod(april('spring'), custom), inPeriod(april('summer'), custom)]).toEqual([
      true,
      true,
    ]);
    expect(inPeriod(row({ month: '2027-05' }), custom)).toBe(false);
  });

  it('selects an academic year by its label', () => {
    const year = resolvePeriod(
      { kind: 'academic-year', academicYear: '2026-27' },
      '2027-09-10',
      terms,
    );
    expect(inPeriod(april('summer'), year)).toBe(true);
    expect(inPeriod(row({ month: '2026-08', academicYear: '2025-26', term: 'summer' }), year)).toBe(
      false,
    );
  });
});

describe('the periods offered', () => {
  it('offers this term, last term, this year, then each earlier year with concerns, newest first', () => {
    const rows = [
      row({ month: '2024-10', academicYear: '2024-25', term: 'autumn' }),
      row({ month: '2026-03', academicYear: '2025-26', term: 'spring' }),
      row({ month: '2026-10', academicYear: '2026-27', term: 'autumn' }),
    ];
    const offered = periodOptions({ now: '2026-11-30T23:30:00Z', terms, rows });
    expect(offered.map((o) => o.period.label)).toEqual([
      'Autumn term 2026 (to date)',
      'Summer term 2026',
      'Academic year 2026-27 (to date)',
      'Academic year 2025-26',
      'Academic year 2024-25',
    ]);
    expect(offered[3]!.choice).toEqual({ kind: 'academic-year', academicYear: '2025-26' });
  });
});
