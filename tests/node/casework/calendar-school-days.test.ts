/** School days from the lead's term dates, and the settings schema that guards them. */
import { describe, expect, it } from 'vitest';
import {
  addSchoolDays,
  calendarSettingsSchema,
  isSchoolDay,
  schoolCalendar,
  type CalendarSettings,
} from '../../../src/casework/calendar';
import { isSafeguardError } from '../../../src/errors';

/** The code of the SafeguardError an action throws, or what it did instead. */
function codeOf(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    return isSafeguardError(error) ? error.code : 'another error';
  }
  return 'no error';
}

function settings(overrides: Partial<CalendarSettings> = {}): CalendarSettings {
  return {
    terms: [
      { start: '2026-09-03', end: '2026-10-23' },
      { start: '2026-11-02', end: '2026-12-18' },
      { start: '2027-01-05', end: '2027-02-12' },
      { start: '2027-04-12', end: '2027-05-28' },
    ],
    closureDays: ['2026-11-13'],
    ...overrides,
  };
}

const calendar = schoolCalendar(settings());

function refusals(input: unknown): { path: string; message: string }[] {
  const result = calendarSettingsSchema.safeParse(input);
  if (result.success) return [];
  return result.error.issues.map((issue) => ({
    path: issue.path.join('.'),
    message: issue.message,
  }));
}

describe('school days', () => {
  it('is a school day on a weekday in term', () => {
    expect(isSchoolDay('2026-10-23', calendar)).toBe(true);
    expect(isSchoolDay('2026-11-02', calendar)).toBe(true);
  });

  it('is not a school day at half-term, at a weekend, on a closure day or on a bank holiday in term', () => {
    expect(isSchoolDay('2026-10-26', calendar)).toBe(false);
    expect(isSchoolDay('2026-09-05', calendar)).toBe(false);
    expect(isSchoolDay('2026-11-13', calendar)).toBe(false);
    expect(isSchoolDay('2027-05-03', calendar)).toBe(false);
  });

  it('skips half-term: five school days after Wednesday 21 October is Wednesday 4 November', () => {
    expect(addSchoolDays('2026-10-21', 5, calendar)).toBe('2026-11-04');
  });

  it('skips a closure day: five school days after Tuesday 10 November is Wednesday 18 November', () => {
    expect(addSchoolDays('2026-11-10', 5, calendar)).toBe('2026-11-18');
  });

  it('skips the Christmas holidays and a bank holiday inside a term', () => {
    expect(addSchoolDays('2026-12-16', 5, calendar)).toBe('2027-01-07');
    expect(addSchoolDays('2027-04-30', 1, calendar)).toBe('2027-05-04');
  });

  it('counts from the first school day when the clock starts in a holiday', () => {
    expect(addSchoolDays('2026-10-27', 1, calendar)).toBe('2026-11-02');
  });

  it('steps backwards over half-term', () => {
    expect(addSchoolDays('2026-11-04', -5, calendar)).toBe('2026-10-21');
  });

  it('refuses to guess once the term dates run out', () => {
    expect(codeOf(() => addSchoolDays('2027-05-26', 5, calendar))).toBe('outside-term-dates');
    expect(() =>
      addSchoolDays('2026-11-10', 5, schoolCalendar({ terms: [], closureDays: [] })),
    ).toThrow(/no term dates yet/);
  });
});

describe('calendar settings schema', () => {
  it('accepts term dates in any order and closure days', () => {
    const input = settings({ terms: [...settings().terms].reverse() });
    expect(calendarSettingsSchema.parse(input)).toEqual(input);
  });

  it('refuses a term that ends before it starts, pointing at its end', () => {
    expect(refusals(settings({ terms: [{ start: '2026-10-20', end: '2026-10-01' }] }))).toEqual([
      {
        path: 'terms.0.end',
        message: 'A term cannot end (2026-10-01) before it starts (2026-10-20).',
      },
    ]);
  });

  it('refuses a date that is not in the calendar, and a date not written YYYY-MM-DD', () => {
    expect(refusals(settings({ closureDays: ['2027-02-29', '13/11/2026'] }))).toEqual([
      { path: 'closureDays.0', message: '2027-02-29 is not a date in the calendar.' },
      { path: 'closureDays.1', message: 'Write dates as YYYY-MM-DD, such as 2026-09-03.' },
    ]);
  });

  it('refuses years outside 2020–2100', () => {
    expect(
      refusals(settings({ terms: [{ start: '2019-09-03', end: '2101-07-20' }], closureDays: [] })),
    ).toEqual([
      { path: 'terms.0.start', message: '2019-09-03 is outside the years 2020–2100.' },
      { path: 'terms.0.end', message: '2101-07-20 is outside the years 2020–2100.' },
    ]);
  });

  it('refuses overlapping terms, naming both', () => {
    const terms = [
      { start: '2026-11-02', end: '2026-12-18' },
      { start: '2026-09-03', end: '2026-11-02' },
    ];
    expect(refusals(settings({ terms }))).toEqual([
      {
        path: 'terms.0',
        message: 'The terms 2026-09-03 to 2026-11-02 and 2026-11-02 to 2026-12-18 overlap.',
      },
    ]);
  });

  it('refuses a closure day listed twice', () => {
    expect(refusals(settings({ closureDays: ['2026-11-13', '2026-11-13'] }))).toEqual([
      { path: 'closureDays.1', message: 'The closure day 2026-11-13 is listed twice.' },
    ]);
  });

  it('refuses unknown fields and missing lists', () => {
    expect(refusals({ ...settings(), holidays: [] }).map((r) => r.path)).toEqual(['']);
    expect(refusals({ terms: [] }).map((r) => r.path)).toEqual(['closureDays']);
  });

  it('never copies a long junk value into its message', () => {
    const junk = 'x'.repeat(10_000);
    const [refusal] = refusals(settings({ closureDays: [junk] }));
    expect(refusal?.message).toBe('Write dates as YYYY-MM-DD, such as 2026-09-03.');
  });
});
