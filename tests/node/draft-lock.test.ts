/**
 * Draft secrets and limits, over the real core and its encrypted store: answers sealed with a
 * per-draft key, a PIN needed after `app.lock`, wrong PINs counted across restarts, drafts without
 * a PIN discard-only after a lock, and drafts capped in size and number.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch, type DispatchResult } from '../../src/api/dispatch';
import type { Session } from '../../src/session';
import {
  DraftKeyRing,
  MAX_DRAFTS,
  getDraft,
  openStaffStore,
  saveDraft,
  type StaffStore,
} from '../../src/staff';
import { UnprotectedFileKeyProvider } from '../../src/storage/key-provider';
import { makeSchool, openStaffDesk, type SchoolFixture } from './support/school';

const FORM = 'private-online-contact-with-pupil';
const PIN = '482915';
const DAY = 24 * 60 * 60 * 1000;

describe('draft secrets', () => {
  let school: SchoolFixture;
  let desk: Session;
  const send = (op: string, input?: unknown): Promise<DispatchResult> =>
    dispatch(desk.handlers, op, input);
  const call = async (op: string, input?: unknown) => {
    const result = await send(op, input);
    if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
    return result.value as Record<string, unknown> & Array<Record<string, unknown>>;
  };
  const summaryOf = async (draftId: unknown) =>
    (await call('drafts.list')).find((d) => d.draftId === draftId);
  /** A saved draft with a PIN, its key still held by this session. */
  const protectedDraft = async (whatHappened: string) => {
    const { draftId } = await call('drafts.save', { formId: FORM, answers: { whatHappened } });
    await call('drafts.protect', { draftId, pin: PIN });
    return draftId as string;
  };
  const withStore = async <T>(use: (store: StaffStore) => T | Promise<T>): Promise<T> => {
    const store = await openStaffStore(
      school.staffHome,
      new UnprotectedFileKeyProvider(school.staffHome),
    );
    try {
      return await use(store);
    } finally {
      store.close();
    }
  };
  const deleteAll = async () => {
    for (const d of await call('drafts.list')) await call('drafts.delete', { draftId: d.draftId });
  };

  beforeAll(async () => {
    school = await makeSchool();
    desk = await openStaffDesk(school);
  });
  afterAll(async () => {
    desk.close();
    await school.cleanup();
  });

  it('keeps no answer and no "about" in plaintext in any column of the drafts table', async () => {
    const subjects = await call('school.subjects');
    const about = subjects[0]?.id as string;
    const canary = 'COLUMN-CANARY the whole answer in one string';
    const { draftId } = await call('drafts.save', {
      formId: FORM,
      answers: { whatHappened: canary, peopleInvolved: [{ name: 'PERSON-CANARY' }] },
      about,
    });
    await call('drafts.protect', { draftId, pin: PIN });
    const rows = await withStore(
      (store) =>
        store.db.prepare('SELECT * FROM drafts WHERE draft_id = ?').all(draftId) as Array<
          Record<string, unknown>
        >,
    );
    expect(rows).toHaveLength(1);
    const cells = Object.values(rows[0]!).map((v) =>
      Buffer.isBuffer(v) ? v : Buffer.from(String(v)),
    );
    for (const secret of [canary, 'COLUMN-CANARY', 'PERSON-CANARY', about]) {
      for (const cell of cells) expect(cell.includes(Buffer.from(secret))).toBe(false);
    }
    expect((await call('drafts.get', { draftId })).answers).toMatchObject({ whatHappened: canary });
  });

  it('after app.lock, opens a protected draft only with its PIN', async () => {
    const draftId = await protectedDraft('needs its PIN');
    expect(await summaryOf(draftId)).toMatchObject({ protected: true, needsPin: false });
    expect(await call('app.lock')).toMatchObject({ draftsLocked: expect.any(Number) as unknown });
    expect(await summaryOf(draftId)).toMatchObject({
      protected: true,
      needsPin: true,
      discardOnly: false,
    });
    expect(await send('drafts.get', { draftId })).toEqual({
      ok: false,
      error: {
        code: 'draft-locked',
        message: 'This draft is locked: enter its draft PIN to open it.',
      },
    });
    expect(await send('drafts.get', { draftId, pin: '000111' })).toEqual({
      ok: false,
      error: {
        code: 'wrong-pin',
        message: 'That PIN is not right. 4 more tries before you must wait.',
      },
    });
    const opened = await call('drafts.get', { draftId, pin: PIN });
    expect(opened.answers).toEqual({ whatHappened: 'needs its PIN' });
    expect(opened.protected).toBe(true);
    // Opened again in this session: no PIN until the next lock.
    expect(await summaryOf(draftId)).toMatchObject({ needsPin: false });
    expect((await call('drafts.get', { draftId })).answers).toEqual({
      whatHappened: 'needs its PIN',
    });
  });

  it('refuses to save over a locked draft, and saves again once opened with its PIN', async () => {
    const draftId = await protectedDraft('before the lock');
    await call('app.lock');
    const refused = await send('drafts.save', {
      draftId,
      formId: FORM,
      answers: { whatHappened: 'written by whoever found the app locked' },
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'draft-locked' } });
    await call('drafts.get', { draftId, pin: PIN });
    await call('drafts.save', { draftId, formId: FORM, answers: { whatHappened: 'after' } });
    expect((await call('drafts.get', { draftId })).answers).toEqual({ whatHappened: 'after' });
  });

  it('after 5 wrong PINs makes the next try wait, and the wait survives reopening the desk', async () => {
    const draftId = await protectedDraft('guarded');
    await call('app.lock');
    const messages: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      const result = await send('drafts.get', { draftId, pin: '13579' });
      if (!result.ok && result.error.code === 'wrong-pin') messages.push(result.error.message);
    }
    expect(messages).toHaveLength(5);
    expect(messages[3]).toBe('That PIN is not right. 1 more try before you must wait.');
    expect(messages[4]).toBe('That PIN is not right. Wait 30 seconds before trying again.');
    // Even the right PIN waits.
    const waiting = await send('drafts.get', { draftId, pin: PIN });
    expect(waiting).toMatchObject({ ok: false, error: { code: 'pin-wait' } });
    if (!waiting.ok) expect(waiting.error.message).toMatch(/try again in \d+ seconds\.$/);

    desk.close();
    desk = await openStaffDesk(school);
    expect(await send('drafts.get', { draftId, pin: PIN })).toMatchObject({
      ok: false,
      error: { code: 'pin-wait' },
    });
    const summary = await summaryOf(draftId);
    expect(summary).toMatchObject({ needsPin: true });
    const retryAfter = Date.parse(summary?.retryAfter as string);
    expect(retryAfter - Date.now()).toBeGreaterThan(20_000);

    // Once the wait is over, a 6th wrong PIN doubles it; the right one opens and resets the count.
    await withStore(async (store) => {
      const drafts = { store, keys: new DraftKeyRing() };
      const later = new Date(retryAfter + 1_000);
      await expect(getDraft(drafts, draftId, '97531', later)).rejects.toThrow(
        'Wait 1 minute before trying again.',
      );
      const evenLater = new Date(later.getTime() + 61_000);
      const opened = await getDraft(drafts, draftId, PIN, evenLater);
      expect(opened.answers).toEqual({ whatHappened: 'guarded' });
      expect(
        store.db
          .prepare('SELECT wrong_pins, retry_after FROM drafts WHERE draft_id = ?')
          .get(draftId),
      ).toEqual({ wrong_pins: 0, retry_after: null });
    });
  });

  it('after a lock, a draft without a PIN can be deleted but never read', async () => {
    const { draftId } = await call('drafts.save', {
      formId: FORM,
      answers: { whatHappened: 'never protected' },
    });
    expect(await summaryOf(draftId)).toMatchObject({ protected: false, discardOnly: false });
    await call('app.lock');
    expect(await summaryOf(draftId)).toMatchObject({
      protected: false,
      needsPin: false,
      discardOnly: true,
    });
    for (const input of [{ draftId }, { draftId, pin: PIN }]) {
      expect(await send('drafts.get', input)).toEqual({
        ok: false,
        error: {
          code: 'draft-locked',
          message:
            'This draft was locked without a draft PIN, so it cannot be opened again: it can only be discarded.',
        },
      });
    }
    expect(await send('drafts.protect', { draftId, pin: PIN })).toMatchObject({
      ok: false,
      error: { code: 'draft-locked' },
    });
    expect(await call('drafts.delete', { draftId })).toEqual({ deleted: true });
    expect(await summaryOf(draftId)).toBeUndefined();
  });

  it('refuses a PIN that is easy to guess', async () => {
    const { draftId } = await call('drafts.save', { formId: FORM, answers: { whatHappened: 'x' } });
    for (const pin of ['1111', '1234', '98765', '00000000']) {
      expect(await send('drafts.protect', { draftId, pin })).toMatchObject({
        ok: false,
        error: { code: 'weak-pin' },
      });
    }
    for (const pin of ['123', '123456789', '12a4']) {
      expect(await send('drafts.protect', { draftId, pin })).toMatchObject({
        ok: false,
        error: { code: 'invalid-input' },
      });
    }
    expect(await call('drafts.protect', { draftId, pin: '2580' })).toEqual({ protected: true });
  });

  it('refuses a draft over 16 MiB with a clear message, and keeps one just under', async () => {
    const file = (bytes: number) => [{ name: 'shot.png', base64: 'A'.repeat(bytes) }];
    const over = await send('drafts.save', {
      formId: FORM,
      answers: { whatHappened: 'big', evidence: file(16 * 1024 * 1024) },
    });
    expect(over).toEqual({
      ok: false,
      error: {
        code: 'draft-too-large',
        message: 'The draft is larger than 16 MB with its files, so it cannot be kept.',
      },
    });
    const under = await call('drafts.save', {
      formId: FORM,
      answers: { whatHappened: 'big', evidence: file(16 * 1024 * 1024 - 1024) },
    });
    await call('drafts.delete', { draftId: under.draftId });
  });

  it('keeps at most 20 drafts, removing expired ones first, and refuses the 21st clearly', async () => {
    await deleteAll();
    await withStore((store) => {
      const old = new Date(Date.now() - 31 * DAY);
      saveDraft({ store, keys: new DraftKeyRing() }, { formId: FORM, answers: {} }, old);
    });
    for (let i = 0; i < MAX_DRAFTS; i += 1) {
      await call('drafts.save', { formId: FORM, answers: { whatHappened: `draft ${i}` } });
    }
    expect(await call('drafts.list')).toHaveLength(MAX_DRAFTS);
    expect(await send('drafts.save', { formId: FORM, answers: { whatHappened: '21st' } })).toEqual({
      ok: false,
      error: {
        code: 'too-many-drafts',
        message: 'This computer already keeps 20 drafts. Continue or discard one from Home first.',
      },
    });
    // Saving an existing draft again is not a new one.
    const first = (await call('drafts.list'))[0]!;
    await call('drafts.save', { draftId: first.draftId, formId: FORM, answers: {} });
    await deleteAll();
  });

  it('bounds the input of drafts.save before it reaches the core', async () => {
    const many = Object.fromEntries(Array.from({ length: 201 }, (_, i) => [`q${i}`, 'a']));
    const cases: unknown[] = [
      { formId: FORM, answers: many },
      { formId: FORM, answers: { whatHappened: 'x'.repeat(100_001) } },
      { formId: FORM, answers: { whatHappened: { nested: { deep: 'object' } } } },
      { formId: FORM, answers: { people: Array.from({ length: 101 }, () => 'x') } },
      { formId: FORM, answers: {}, draftId: '../../etc/passwd' },
      { formId: 'f'.repeat(101), answers: {} },
    ];
    for (const input of cases) {
      expect(await send('drafts.save', input)).toMatchObject({
        ok: false,
        error: { code: 'invalid-input' },
      });
    }
  });
});
