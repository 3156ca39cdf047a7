/** Drafts: saved encrypted as the reporter types, resumed, deleted on submit, flagged at 7 days, gone at 30. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../src/api/dispatch';
import type { Session } from '../../src/session';
import { DraftKeyRing, getDraft, listDrafts, openStaffStore, saveDraft } from '../../src/staff';
import { UnprotectedFileKeyProvider } from '../../src/storage/key-provider';
import { contactAnswers, makeSchool, type SchoolFixture, openStaffDesk } from './support/school';

const DAY = 24 * 60 * 60 * 1000;

describe('drafts', () => {
  let school: SchoolFixture;
  let desk: Session;
  const call = async (op: string, input?: unknown) => {
    const result = await dispatch(desk.handlers, op, input);
    if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
    return result.value as Record<string, unknown> & Array<Record<string, unknown>>;
  };

  beforeAll(async () => {
    school = await makeSchool();
    desk = await openStaffDesk(school);
  });
  afterAll(async () => {
    desk.close();
    await school.cleanup();
  });

  it('saves a partial draft, lists it and resumes it with the same answers', async () => {
    const partial = { whatHappened: 'DRAFT-MARKER half written' };
    const saved = await call('drafts.save', {
      formId: 'private-online-contact-with-pupil',
      answers: partial,
    });
    expect(saved.draftId).toMatch(/^[0-9a-f-]{36}$/);
    const list = await call('drafts.list');
    expect(list).toContainEqual(
      expect.objectContaining({
        draftId: saved.draftId,
        stale: false,
        formTitle: expect.any(String) as unknown,
      }),
    );
    const resumed = await call('drafts.get', { draftId: saved.draftId });
    expect(resumed.answers).toEqual(partial);
  });

  it('keeps who the concern is about with the draft, so a resumed concern is routed the same way', async () => {
    const subjects = await call('school.subjects');
    const dsl = subjects[0]?.id;
    expect(typeof dsl).toBe('string');
    const saved = await call('drafts.save', {
      formId: 'private-online-contact-with-pupil',
      answers: { whatHappened: 'about the DSL' },
      about: dsl,
    });
    expect((await call('drafts.get', { draftId: saved.draftId })).about).toBe(dsl);
    const unanswered = await call('drafts.save', { formId: 'derogatory-language', answers: {} });
    expect((await call('drafts.get', { draftId: unanswered.draftId })).about).toBeNull();
  });

  it('updates the same draft as the reporter types', async () => {
    const first = await call('drafts.save', {
      formId: 'derogatory-language',
      answers: { whatHappened: 'a' },
    });
    await call('drafts.save', {
      draftId: first.draftId,
      formId: 'derogatory-language',
      answers: { whatHappened: 'ab' },
    });
    expect((await call('drafts.get', { draftId: first.draftId })).answers).toEqual({
      whatHappened: 'ab',
    });
  });

  it('keeps drafts encrypted at rest', async () => {
    await call('drafts.save', {
      formId: 'other-online-concern',
      answers: { whatHappened: 'PLAINTEXT-DRAFT-CANARY' },
    });
    for (const file of ['staff.db', 'staff.db-wal']) {
      const bytes = await readFile(join(school.staffHome, file)).catch(() => Buffer.alloc(0));
      expect(bytes.includes(Buffer.from('PLAINTEXT-DRAFT-CANARY'))).toBe(false);
    }
  });

  it('deletes the draft when the concern it became is filed', async () => {
    const draft = await call('drafts.save', {
      formId: 'private-online-contact-with-pupil',
      answers: contactAnswers(),
    });
    await call('concerns.submit', {
      formId: 'private-online-contact-with-pupil',
      answers: contactAnswers(),
      reporter: { name: 'Sam', role: 'Teacher' },
      draftId: draft.draftId,
    });
    expect((await call('drafts.list')).map((d) => d.draftId)).not.toContain(draft.draftId);
    const gone = await dispatch(desk.handlers, 'drafts.get', { draftId: draft.draftId });
    expect(gone).toEqual({
      ok: false,
      error: {
        code: 'no-draft',
        message: 'That draft no longer exists (filed, deleted, or older than 30 days).',
      },
    });
  });

  it('keeps the draft when filing is refused, so nothing is lost', async () => {
    const draft = await call('drafts.save', {
      formId: 'private-online-contact-with-pupil',
      answers: { whatHappened: 'x' },
    });
    const refused = await dispatch(desk.handlers, 'concerns.submit', {
      formId: 'private-online-contact-with-pupil',
      answers: { whatHappened: 'x' },
      reporter: { name: 'Sam', role: 'Teacher' },
      draftId: draft.draftId,
    });
    expect(refused.ok).toBe(false);
    expect((await call('drafts.get', { draftId: draft.draftId })).answers).toEqual({
      whatHappened: 'x',
    });
  });

  it('flags a draft after 7 days and removes it after 30', async () => {
    const store = await openStaffStore(
      school.staffHome,
      new UnprotectedFileKeyProvider(school.staffHome),
    );
    try {
      const drafts = { store, keys: new DraftKeyRing() };
      const t0 = new Date('2026-01-01T09:00:00Z');
      const { draftId } = saveDraft(
        drafts,
        { formId: 'derogatory-language', answers: { whatHappened: 'old' } },
        t0,
      );
      const at = (days: number) => new Date(t0.getTime() + days * DAY);
      expect(listDrafts(drafts, at(6)).find((d) => d.draftId === draftId)?.stale).toBe(false);
      expect(listDrafts(drafts, at(8)).find((d) => d.draftId === draftId)?.stale).toBe(true);
      expect(listDrafts(drafts, at(29)).some((d) => d.draftId === draftId)).toBe(true);
      expect(listDrafts(drafts, at(31)).some((d) => d.draftId === draftId)).toBe(false);
      await expect(getDraft(drafts, draftId, undefined, at(31))).rejects.toThrow(
        'That draft no longer exists',
      );
    } finally {
      store.close();
    }
  });

  it('refuses a draft for a form that does not exist', async () => {
    const result = await dispatch(desk.handlers, 'drafts.save', { formId: 'nope', answers: {} });
    expect(result).toMatchObject({ ok: false, error: { code: 'unknown-form' } });
  });
});
