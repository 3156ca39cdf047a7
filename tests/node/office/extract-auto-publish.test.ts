/**
 * Issue 9 §1: while the lead is unlocked in the app, the extract is published a while after the
 * last change — one extract for a run of changes — and on demand (`lead.publishExtract`, the
 * app's button). A publication that fails (no office user yet, the share's extracts folder
 * unusable) loses no casework: the change stands, the lead's status says why, and the next change
 * tries again. The delay is shortened here; the app waits two minutes.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, rename, rm, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../../src/api/dispatch';
import { openCaseStore } from '../../../src/casework';
import { generateAgeKeyPair, type AgeKeyPair } from '../../../src/crypto';
import { readExtracts } from '../../../src/office/extract';
import { addRecipient } from '../../../src/school';
import { currentProfile } from '../../../src/school/changes';
import { openSession, type Session } from '../../../src/session';
import { openShare } from '../../../src/share';
import { openStaffStore } from '../../../src/staff';
import { UnprotectedFileKeyProvider } from '../../../src/storage/key-provider';
import { cliJson } from '../support/cli';
import {
  contactAnswers,
  makeSchool,
  PASSPHRASE,
  reportArgs,
  writeAnswers,
  type SchoolFixture,
} from '../support/school';

const DELAY_MS = 1_500;

interface ExtractStatus {
  lastPublishedAt: string | null;
  rows: number | null;
  pending: boolean;
  problem: { code: string; message: string } | null;
}

describe('publishing the extract from the app', () => {
  let school: SchoolFixture;
  let dsl: Session;
  let office: AgeKeyPair;
  let reference: string;
  const keys = () => new UnprotectedFileKeyProvider(school.dslHome);

  const call = async <T>(operation: string, input?: unknown): Promise<T> => {
    const answer = await dispatch(dsl.handlers, operation, input);
    if (!answer.ok) throw Object.assign(new Error(answer.error.message), answer.error);
    return answer.value as T;
  };
  const status = async () => (await call<{ extract: ExtractStatus | null }>('lead.status')).extract;
  /** How many extracts the lead has published (its store's record of them). */
  const published = async () => {
    const store = await openCaseStore(school.dslHome, keys());
    try {
      return store.db.prepare('SELECT count(*) FROM published_extracts').pluck().get() as number;
    } finally {
      store.close();
    }
  };
  /** Waits until the pending publication has run (or `ms` pass). */
  const settled = async (ms = 30_000) => {
    const until = Date.now() + ms;
    while (Date.now() < until) {
      if ((await status())?.pending === false) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('The publication did not run.');
  };
  const note = (text: string) => call('lead.note', { reference, text, kind: 'fact' as const });

  beforeAll(async () => {
    school = await makeSchool('Larkrise Primary');
    const file = await writeAnswers(school.root, contactAnswers());
    ({ reference } = await cliJson<{ reference: string }>(school.staffHome, reportArgs(file)));
    dsl = await openSession({
      home: school.dslHome,
      keyProvider: keys(),
      machineFile: null,
      publishAfterMs: DELAY_MS,
    });
  });
  afterAll(async () => {
    dsl?.close();
    await school?.cleanup();
  });

  it('says, after unlocking, that nothing is published while there is no office user', async () => {
    await call('lead.unlock', { passphrase: PASSPHRASE });
    await call('lead.import');
    expect(await status()).toMatchObject({ pending: true, problem: null, lastPublishedAt: null });
    await settled();
    expect(await status()).toMatchObject({
      pending: false,
      lastPublishedAt: null,
      problem: { code: 'no-office-recipient' },
    });
    await expect(call('lead.publishExtract')).rejects.toMatchObject({
      code: 'no-office-recipient',
    });
    expect(await published()).toBe(0);
  });

  it('publishes one extract a while after a run of changes', async () => {
    office = await generateAgeKeyPair();
    await addRecipient({
      home: school.dslHome,
      keyProvider: keys(),
      passphrase: PASSPHRASE,
      role: 'office',
      name: 'Olive Office',
      ageRecipient: office.recipient,
    });
    await call('lead.case', { reference });
    await call('lead.triage', {
      reference,
      pathway: 'child-protection',
      priority: 'high',
      assignedTo: null,
      reason: null,
      harmThreshold: null,
    });
    await note('First note.');
    await note('Second note.');
    expect((await status())?.pending).toBe(true);
    expect(await published()).toBe(0);
    await settled();
    expect(await published()).toBe(1);
    expect(await status()).toMatchObject({ pending: false, rows: 1, problem: null });

    const profile = await currentProfileOf(school);
    const reading = await readExtracts({
      identity: office.identity,
      share: openShare(school.share),
      profile,
    });
    expect(reading.chosen?.body.rows).toMatchObject([
      { pathway: 'child-protection', status: 'open' },
    ]);
  });

  it('keeps the change and says why when a publication fails, and tries again after the next change', async () => {
    const extracts = join(school.share, 'extracts');
    const away = `${extracts}-away-${randomUUID()}`;
    await rename(extracts, away);
    await mkdir(`${away}-elsewhere`);
    await symlink(`${away}-elsewhere`, extracts);
    await note('A note while the share is wrong.');
    await settled();
    expect(await status()).toMatchObject({ problem: { code: 'share-symlink' } });
    expect(await published()).toBe(1);
    const view = await call<{ state: { notes: unknown[] } }>('lead.case', { reference });
    expect(view.state.notes).toHaveLength(3);

    await rm(extracts);
    await rename(away, extracts);
    await note('A note once it is right again.');
    await settled();
    expect(await status()).toMatchObject({ problem: null, rows: 1 });
    expect(await published()).toBe(2);
  });

  it('publishes at once when the lead asks, naming how many concerns and to whom', async () => {
    const answer = await call<{ rows: number; file: string; sealedTo: object }>(
      'lead.publishExtract',
    );
    expect(answer).toMatchObject({ rows: 1, sealedTo: { office: 1, leads: 1 } });
    expect(answer.file).toMatch(/^[0-9a-f]{32}\.age$/);
    expect(await published()).toBe(3);
  });
});

async function currentProfileOf(school: SchoolFixture) {
  const staff = await openStaffStore(
    school.dslHome,
    new UnprotectedFileKeyProvider(school.dslHome),
  );
  try {
    return await currentProfile(staff, new Date());
  } finally {
    staff.close();
  }
}
