/** Working-day clocks: the LADO's "end of the next working day", working-day steps, overdue badges. */
import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  emptyCalendar,
  endOfNextWorkingDay,
  isOverdue,
  isWorkingDay,
  schoolCalendar,
  workingDaysUntil,
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

const withClosures = (...closureDays: string[]) => schoolCalendar({ closureDays, terms: [] });

describe('the LADO clock: end of the next working day, London time', () => {
  it('is due at the end of Monday for an allegation recorded on a Friday afternoon', () => {
    expect(endOfNextWorkingDay('2026-11-13T15:30:00Z', emptyCalendar)).toBe(
      '2026-11-16T23:59:59.999+00:00',
    );
  });

  it('is due at the end of Monday, in BST, for a Friday afternoon in June', () => {
    expect(endOfNextWorkingDay('2026-06-12T14:00:00+01:00', emptyCalendar)).toBe(
      '2026-06-15T23:59:59.999+01:00',
    );
  });

  it('is due on Tuesday for Maundy Thursday: Good Friday and Easter Monday are bank holidays', () => {
    // Easter 2027 is 28 March, which is also when the clocks go forward: recorded in GMT, due in BST.
    expect(endOfNextWorkingDay('2027-03-25T16:00:00Z', emptyCalendar)).toBe(
      '2027-03-30T23:59:59.999+01:00',
    );
  });

  it('is due on Tuesday for Good Friday, the Friday before the Easter Monday bank holiday', () => {
    expect(endOfNextWorkingDay('2027-03-26T10:00:00Z', emptyCalendar)).toBe(
      '2027-03-30T23:59:59.999+01:00',
    );
    expect(endOfNextWorkingDay('2026-04-03T11:00:00+01:00', emptyCalendar)).toBe(
      '2026-04-07T23:59:59.999+01:00',
    );
  });

  it('is due on Wednesday 29 December 2027 for 24 December, after the Christmas and Boxing Day substitutes', () => {
    expect(endOfNextWorkingDay('2027-12-24T15:00:00Z', emptyCalendar)).toBe(
      '2027-12-29T23:59:59.999+00:00',
    );
  });

  it('is due in GMT when the clocks go back over the weekend (Friday 29 October 2027)', () => {
    const due = endOfNextWorkingDay('2027-10-29T16:00:00+01:00', emptyCalendar);
    expect(due).toBe('2027-11-01T23:59:59.999+00:00');
    expect(new Date(due).toISOString()).toBe('2027-11-01T23:59:59.999Z');
  });

  it('names the same instant as the UTC reading of its BST offset', () => {
    const due = endOfNextWorkingDay('2027-03-25T16:00:00Z', emptyCalendar);
    expect(new Date(due).toISOString()).toBe('2027-03-30T22:59:59.999Z');
  });

  it('counts from the London date: 00:30 BST on Friday is Friday, though UTC still says Thursday', () => {
    expect(endOfNextWorkingDay('2027-06-10T23:30:00Z', emptyCalendar)).toBe(
      '2027-06-14T23:59:59.999+01:00',
    );
  });

  it('counts from the London date: 23:30 BST on Thursday is Thursday, though UTC says 22:30', () => {
    expect(endOfNextWorkingDay('2027-06-10T22:30:00Z', emptyCalendar)).toBe(
      '2027-06-11T23:59:59.999+01:00',
    );
  });

  it('is due at the end of Monday for an allegation recorded on a Saturday', () => {
    expect(endOfNextWorkingDay(new Date('2026-11-14T10:00:00Z'), emptyCalendar)).toBe(
      '2026-11-16T23:59:59.999+00:00',
    );
  });

  it('skips a closure day the school has added', () => {
    expect(endOfNextWorkingDay('2026-11-13T15:30:00Z', withClosures('2026-11-16'))).toBe(
      '2026-11-17T23:59:59.999+00:00',
    );
  });

  it('refuses a time without an offset rather than read it in the machine’s zone', () => {
    expect(codeOf(() => endOfNextWorkingDay('2026-11-13T15:30:00', emptyCalendar))).toBe(
      'invalid-instant',
    );
    expect(codeOf(() => endOfNextWorkingDay('2026-02-30T15:30:00Z', emptyCalendar))).toBe(
      'invalid-date',
    );
  });
});

describe('working days', () => {
  it('is a working day on an ordinary Wednesday and not at a weekend', () => {
    expect(isWorkingDay('2026-11-18', emptyCalendar)).toBe(true);
    expect(isWorkingDay('2026-11-21', emptyCalendar)).toBe(false);
    expect(isWorkingDay('2026-11-22', emptyCalendar)).toBe(false);
  });

  it('is not a working day on a bank holiday or a closure day', () => {
    expect(isWorkingDay('2026-08-31', emptyCalendar)).toBe(false);
    expect(isWorkingDay('2026-11-18', withClosures('2026-11-18'))).toBe(false);
  });

  it('steps over Christmas 2026: five working days after Friday 18 December is Tuesday 29', () => {
    expect(addWorkingDays('2026-12-18', 5, emptyCalendar)).toBe('2026-12-29');
  });

  it('steps backwards over the 2027 substitutes', () => {
    expect(addWorkingDays('2027-12-29', -1, emptyCalendar)).toBe('2027-12-24');
  });

  it('returns the date itself for zero working days', () => {
    expect(addWorkingDays('2027-12-25', 0, emptyCalendar)).toBe('2027-12-25');
  });

  it('refuses a date that is not in the calendar', () => {
    expect(codeOf(() => addWorkingDays('2027-02-29', 1, emptyCalendar))).toBe('invalid-date');
  });
});

describe('overdue', () => {
  const due = '2026-11-16T23:59:59.999+00:00';

  it('is not overdue at the deadline’s last millisecond, and is one millisecond later', () => {
    expect(isOverdue(due, '2026-11-16T23:59:59.999Z')).toBe(false);
    expect(isOverdue(due, '2026-11-17T00:00:00.000Z')).toBe(true);
  });

  it('reads a due date alone as the end of that London day, in BST too', () => {
    expect(isOverdue('2027-06-14', '2027-06-14T22:59:59.999Z')).toBe(false);
    expect(isOverdue('2027-06-14', '2027-06-14T23:30:00Z')).toBe(true);
  });

  it('counts one working day left on Friday for a deadline at the end of Monday', () => {
    expect(workingDaysUntil(due, '2026-11-13T15:30:00Z', emptyCalendar)).toBe(1);
  });

  it('counts zero on the day it is due', () => {
    expect(workingDaysUntil(due, '2026-11-16T09:00:00Z', emptyCalendar)).toBe(0);
  });

  it('counts negative working days once overdue', () => {
    expect(workingDaysUntil(due, '2026-11-17T09:00:00Z', emptyCalendar)).toBe(-1);
    expect(workingDaysUntil(due, '2026-11-18T09:00:00Z', emptyCalendar)).toBe(-2);
    expect(workingDaysUntil(due, '2026-11-23T09:00:00Z', emptyCalendar)).toBe(-5);
  });

  it('never counts zero once overdue, even over a weekend or later the same day', () => {
    expect(workingDaysUntil('2026-11-13', '2026-11-14T10:00:00Z', emptyCalendar)).toBe(-1);
    expect(workingDaysUntil('2026-11-13T12:00:00Z', '2026-11-13T15:00:00Z', emptyCalendar)).toBe(
      -1,
    );
  });

  it('does not count bank holidays or closure days as days left', () => {
    const tuesdayAfterEaster = '2027-03-30T23:59:59.999+01:00';
    expect(workingDaysUntil(tuesdayAfterEaster, '2027-03-25T16:00:00Z', emptyCalendar)).toBe(1);
    expect(workingDaysUntil('2026-11-18', '2026-11-13T15:00:00Z', withClosures('2026-11-17'))).toBe(
      2,
    );
  });
});
