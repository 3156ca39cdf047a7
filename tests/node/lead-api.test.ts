/**
 * Issue 7 §0: the session mounts the lead's operations for a user who holds a lead identity.
 * Until the lead unlocks they answer a typed `locked` error; on a machine without a lead identity,
 * `not-a-lead` — through the same dispatcher both transports use. Then the calendar operations
 * over a real unlocked workspace: bad settings refused in words, good ones kept across a lock.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../src/api/dispatch';
import type { Session } from '../../src/session';
import { openSession } from '../../src/session';
import { UnprotectedFileKeyProvider } from '../../src/storage/key-provider';
import { makeSchool, openStaffDesk, PASSPHRASE, type SchoolFixture } from './support/school';

/** A valid input for each lead operation tried, so only the session can refuse it. */
const CALLS: Array<[string, unknown]> = [
  ['lead.inbox', {}],
  ['lead.import', undefined],
  ['lead.case', { reference: 'SG-AAAA-AAAA' }],
  ['lead.search', { query: 'trampoline' }],
  ['lead.people', { name: 'Example' }],
  ['lead.calendar', undefined],
  ['lead.setCalendar', { terms: [], closureDays: [] }],
  ['lead.verify', undefined],
];

let school: SchoolFixture;
let staff: Session;
let dsl: Session;

beforeAll(async () => {
  school = await makeSchool();
  staff = await openStaffDesk(school);
  dsl = await openSession({
    home: school.dslHome,
    keyProvider: new UnprotectedFileKeyProvider(school.dslHome),
  });
});
afterAll(async () => {
  staff?.close();
  dsl?.close();
  await school?.cleanup();
});

async function codes(session: Session): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const [operation, input] of CALLS) {
    const answer = await dispatch(session.handlers, operation, input);
    result[operation] = answer.ok ? 'ok' : answer.error.code;
  }
  return result;
}

describe('lead operations through the session', () => {
  it('answer not-a-lead on a staff machine, even to an unlock', async () => {
    expect(Object.values(await codes(staff))).toEqual(CALLS.map(() => 'not-a-lead'));
    const unlock = await dispatch(staff.handlers, 'lead.unlock', { passphrase: PASSPHRASE });
    expect(unlock.ok ? 'ok' : unlock.error.code).toBe('not-a-lead');
  });

  it('answer locked on the lead’s machine until the lead unlocks, and again after a lock', async () => {
    expect(Object.values(await codes(dsl))).toEqual(CALLS.map(() => 'locked'));
    const wrong = await dispatch(dsl.handlers, 'lead.unlock', { passphrase: 'not it' });
    expect(wrong.ok ? 'ok' : wrong.error.code).toBe('wrong-passphrase');
    expect((await dispatch(dsl.handlers, 'lead.calendar', undefined)).ok).toBe(false);

    expect((await dispatch(dsl.handlers, 'lead.unlock', { passphrase: PASSPHRASE })).ok).toBe(true);
    expect(await dispatch(dsl.handlers, 'lead.calendar', undefined)).toEqual({
      ok: true,
      value: { terms: [], closureDays: [] },
    });

    await dispatch(dsl.handlers, 'lead.lock', undefined);
    expect(Object.values(await codes(dsl))).toEqual(CALLS.map(() => 'locked'));
  });

  it('refuses a calendar with a term ending before it starts, in words, and keeps a good one', async () => {
    expect((await dispatch(dsl.handlers, 'lead.unlock', { passphrase: PASSPHRASE })).ok).toBe(true);
    const bad = await dispatch(dsl.handlers, 'lead.setCalendar', {
      terms: [{ start: '2027-01-05', end: '2026-12-18' }],
      closureDays: [],
    });
    expect(bad).toMatchObject({
      ok: false,
      error: {
        code: 'invalid-input',
        message:
          'The school calendar was not changed: A term cannot end (2026-12-18) before it starts (2027-01-05).',
      },
    });
    const good = {
      terms: [{ start: '2027-01-05', end: '2027-02-12' }],
      closureDays: ['2027-01-04'],
    };
    expect(await dispatch(dsl.handlers, 'lead.setCalendar', good)).toEqual({
      ok: true,
      value: good,
    });
    await dispatch(dsl.handlers, 'lead.lock', undefined);
    await dispatch(dsl.handlers, 'lead.unlock', { passphrase: PASSPHRASE });
    expect(await dispatch(dsl.handlers, 'lead.calendar', undefined)).toEqual({
      ok: true,
      value: good,
    });
  });
});
