/** The API contract and its dispatch, over the real core (a real staff store and share). */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiContract } from '../../src/api/contract';
import { dispatch } from '../../src/api/dispatch';
import { operationNames } from '../../src/api/operations';
import type { Session } from '../../src/session';
import { contactAnswers, makeSchool, type SchoolFixture, openStaffDesk } from './support/school';

describe('the API contract', () => {
  let school: SchoolFixture;
  let desk: Session;

  beforeAll(async () => {
    school = await makeSchool();
    desk = await openStaffDesk(school);
  });
  afterAll(async () => {
    desk.close();
    await school.cleanup();
  });

  it('exposes to the preload exactly the operations the contract declares', () => {
    expect([...operationNames].sort()).toEqual(Object.keys(apiContract).sort());
  });

  it('rejects an operation that is not in the contract', async () => {
    expect(await dispatch(desk.handlers, 'db.dump', undefined)).toEqual({
      ok: false,
      error: { code: 'unknown-operation', message: 'Unknown operation.' },
    });
  });

  it('rejects malformed input before it reaches the core, naming where', async () => {
    const result = await dispatch(desk.handlers, 'concerns.submit', {
      formId: 'x',
      answers: {},
      reporter: { name: '' },
    });
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'invalid-input',
        message: 'The request for concerns.submit is malformed at "reporter.name".',
      },
    });
  });

  it('reports the enrolment status with the school name and safety code', async () => {
    expect(await dispatch(desk.handlers, 'app.status', undefined)).toEqual({
      ok: true,
      value: {
        setUp: 'staff',
        enrolled: true,
        schoolName: 'Barnsole Primary',
        safetyCode: school.safetyCode,
        sharePath: school.share,
        warning: null,
        waiting: 0,
        machineSetting: null,
      },
    });
  });

  it('files a concern with an attachment sent as base64 and delivers it', async () => {
    const result = await dispatch(desk.handlers, 'concerns.submit', {
      formId: 'private-online-contact-with-pupil',
      answers: {
        ...contactAnswers(),
        evidence: [{ name: 'shot.png', base64: Buffer.from('png').toString('base64') }],
      },
      reporter: { name: 'Sam Teacher', role: 'Teacher' },
    });
    expect(result).toMatchObject({ ok: true, value: { delivered: true } });
    expect(await readdir(join(school.share, 'concerns'))).toHaveLength(1);
    const receipts = await dispatch(desk.handlers, 'receipts.list', undefined);
    expect(receipts).toMatchObject({
      ok: true,
      value: [{ formId: 'private-online-contact-with-pupil', status: 'delivered' }],
    });
  });

  it('validates answers in the core, whatever the UI sent, without echoing them', async () => {
    const result = await dispatch(desk.handlers, 'concerns.submit', {
      formId: 'private-online-contact-with-pupil',
      answers: contactAnswers({ platform: 'SECRET-VALUE' }),
      reporter: { name: 'Sam Teacher', role: 'Teacher' },
    });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('invalid-answers');
      expect(result.error.message).toContain('(platform)');
      expect(result.error.message).not.toContain('SECRET-VALUE');
    }
  });

  it('refuses files on a form that takes no attachments', async () => {
    const result = await dispatch(desk.handlers, 'concerns.submit', {
      formId: 'professional-online-contact-log',
      answers: { notes: [{ name: 'a.png', base64: 'AAAA' }] },
      reporter: { name: 'Sam Teacher', role: 'Teacher' },
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'attachments-forbidden' } });
  });

  it('lists the forms with their titles', async () => {
    const result = await dispatch(desk.handlers, 'forms.list', undefined);
    expect(result.ok && Array.isArray(result.value) && result.value.length).toBeGreaterThanOrEqual(
      2,
    );
  });

  it('lists each form with its search words, so the home screen can search them', async () => {
    const result = await dispatch(desk.handlers, 'forms.list', undefined);
    const listed = result.ok ? (result.value as Array<{ id: string; searchWords: string[] }>) : [];
    const images = listed.find((form) => form.id === 'indecent-images-or-illegal-activity');
    expect(images?.searchWords).toEqual(expect.arrayContaining(['nudes', 'sexting']));
  });
});
