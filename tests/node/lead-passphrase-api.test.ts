/**
 * Issue 8 §3 through the API both transports use: `lead.changePassphrase` while unlocked (a wrong
 * current passphrase counts as a wrong unlock) and `lead.recover` while locked, with the recovery
 * key `school init` printed. Real session, real crypto, real files.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../src/api/dispatch';
import { openCaseStore } from '../../src/casework/store';
import { generateRecoveryKey } from '../../src/lead';
import { openSession, type Session } from '../../src/session';
import { UnprotectedFileKeyProvider } from '../../src/storage/key-provider';
import { makeSchool, openStaffDesk, PASSPHRASE, type SchoolFixture } from './support/school';

const NEXT = 'winter 41 heron lattice plum';
const RECOVERED = 'amber 19 walrus quarry sonnet';

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

const call = async (session: Session, operation: string, input: unknown) => {
  const answer = await dispatch(session.handlers, operation, input);
  return answer.ok ? { ok: true as const, value: answer.value } : answer.error;
};

describe('the passphrase operations', () => {
  it('answer not-a-lead on a staff machine', async () => {
    expect(
      await call(staff, 'lead.changePassphrase', { current: PASSPHRASE, next: NEXT }),
    ).toMatchObject({ code: 'not-a-lead' });
    expect(
      await call(staff, 'lead.recover', {
        recoveryKey: school.recoveryKey,
        newPassphrase: RECOVERED,
      }),
    ).toMatchObject({ code: 'not-a-lead' });
  });

  it('change the passphrase only once unlocked', async () => {
    expect(
      await call(dsl, 'lead.changePassphrase', { current: PASSPHRASE, next: NEXT }),
    ).toMatchObject({ code: 'locked' });
  });

  it('count a wrong current passphrase as a wrong unlock, and change nothing', async () => {
    expect(await call(dsl, 'lead.unlock', { passphrase: PASSPHRASE })).toMatchObject({ ok: true });
    expect(
      await call(dsl, 'lead.changePassphrase', { current: 'not the passphrase', next: NEXT }),
    ).toEqual({
      code: 'wrong-passphrase',
      message: 'The passphrase is wrong. After 4 more wrong tries, each try will have to wait.',
    });
    await call(dsl, 'lead.lock', undefined);
    expect(await call(dsl, 'lead.unlock', { passphrase: PASSPHRASE })).toMatchObject({ ok: true });
  });

  it('change it: the area stays unlocked, the old passphrase is refused and the new one unlocks', async () => {
    const changed = await call(dsl, 'lead.changePassphrase', { current: PASSPHRASE, next: NEXT });
    expect(changed).toMatchObject({ ok: true, value: { unlocked: true, name: 'Ellie Shea' } });
    await call(dsl, 'lead.lock', undefined);
    // The change is on the lead's audit chain (what was done, never the passphrase).
    const store = await openCaseStore(
      school.dslHome,
      new UnprotectedFileKeyProvider(school.dslHome),
    );
    try {
      const last = store.audit.all().at(-1);
      expect(last).toMatchObject({ kind: 'passphrase-changed', detailJson: '{}' });
    } finally {
      store.close();
    }
    expect(await call(dsl, 'lead.unlock', { passphrase: PASSPHRASE })).toMatchObject({
      code: 'wrong-passphrase',
    });
    expect(await call(dsl, 'lead.unlock', { passphrase: NEXT })).toMatchObject({ ok: true });
    await call(dsl, 'lead.lock', undefined);
  });

  it('refuse a wrong recovery key in one sentence, changing nothing', async () => {
    expect(
      await call(dsl, 'lead.recover', {
        recoveryKey: generateRecoveryKey(),
        newPassphrase: RECOVERED,
      }),
    ).toEqual({
      code: 'wrong-recovery-key',
      message: `That recovery key does not open your recovery file on the share at ${school.share}: check it for a typing mistake. Nothing was changed.`,
    });
    expect(await call(dsl, 'lead.unlock', { passphrase: NEXT })).toMatchObject({ ok: true });
    await call(dsl, 'lead.lock', undefined);
  });

  it('recover with the recovery key while locked, then unlock with the new passphrase', async () => {
    expect(
      await call(dsl, 'lead.recover', {
        recoveryKey: school.recoveryKey.toLowerCase(),
        newPassphrase: RECOVERED,
      }),
    ).toEqual({ ok: true, value: { name: 'Ellie Shea', role: 'dsl' } });
    expect(await call(dsl, 'lead.status', undefined)).toMatchObject({
      ok: true,
      value: { unlocked: false },
    });
    expect(await call(dsl, 'lead.unlock', { passphrase: NEXT })).toMatchObject({
      code: 'wrong-passphrase',
    });
    expect(await call(dsl, 'lead.unlock', { passphrase: RECOVERED })).toMatchObject({ ok: true });
  });
});
