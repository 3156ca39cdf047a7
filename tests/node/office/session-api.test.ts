/**
 * Issue 9, the office role through the API both transports use: mounted when the home holds an
 * office identity, `not-office` elsewhere, `locked` before unlock; wrong passphrases counted with
 * the lead's waits; an office user the DSL has not added yet is told so, with the key to give.
 * Real session, real crypto, real files.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../../src/api/dispatch';
import { openSession, type Session } from '../../../src/session';
import { UnprotectedFileKeyProvider } from '../../../src/storage/key-provider';
import { cliJson } from '../support/cli';
import { makeSchool, PASSPHRASE, type SchoolFixture } from '../support/school';

const OWN = 'pebble 62 osprey candle meadow';
const ALL_BUT_STATUS = [
  ['office.periods', undefined],
  ['office.report', { period: { kind: 'this-term' } }],
  ['office.export', { period: { kind: 'academic-year' }, format: 'csv' }],
] as const;

let school: SchoolFixture;
let officeHome: string;
let passFile: string;
let recipient: string;
let office: Session;
let dsl: Session;

const open = (home: string) =>
  openSession({ home, keyProvider: new UnprotectedFileKeyProvider(home), machineFile: null });

const call = async (session: Session, operation: string, input?: unknown) => {
  const answer = await dispatch(session.handlers, operation, input);
  return answer.ok ? { ok: true as const, value: answer.value } : answer.error;
};

beforeAll(async () => {
  school = await makeSchool();
  officeHome = join(school.root, 'office-home');
  passFile = join(school.root, 'office-own.txt');
  await writeFile(passFile, `${OWN}\n`);
  ({ recipient } = await cliJson<{ recipient: string }>(officeHome, [
    'office',
    'init',
    '--share',
    school.share,
    '--passphrase-file',
    passFile,
  ]));
  office = await open(officeHome);
  dsl = await open(school.dslHome);
});
afterAll(async () => {
  office?.close();
  dsl?.close();
  await school?.cleanup();
});

describe('the office role', () => {
  it('is absent on a computer without an office identity: not-office, and a lead is not office', async () => {
    expect(await call(dsl, 'office.status')).toEqual({
      ok: true,
      value: { isOffice: false, unlocked: false, recipient: null },
    });
    for (const [operation, input] of ALL_BUT_STATUS) {
      expect(await call(dsl, operation, input)).toMatchObject({ code: 'not-office' });
    }
    expect(await call(dsl, 'office.unlock', { passphrase: PASSPHRASE })).toMatchObject({
      code: 'not-office',
    });
  });

  it('is mounted, locked, on the office user’s computer; the app says it is set up as office', async () => {
    expect(await call(office, 'office.status')).toEqual({
      ok: true,
      value: { isOffice: true, unlocked: false, recipient: null },
    });
    expect(await call(office, 'app.status')).toMatchObject({
      ok: true,
      value: { setUp: 'office', enrolled: true },
    });
    for (const [operation, input] of ALL_BUT_STATUS) {
      expect(await call(office, operation, input)).toMatchObject({ code: 'locked' });
    }
    // The office user is no lead: the safeguarding area is not theirs.
    expect(await call(office, 'lead.status')).toMatchObject({ ok: true, value: { isLead: false } });
    expect(await call(office, 'lead.inbox', {})).toMatchObject({ code: 'not-a-lead' });
  });

  it('refuses a threshold under 3 before anything is read', async () => {
    expect(
      await call(office, 'office.report', { period: { kind: 'this-term' }, threshold: 2 }),
    ).toMatchObject({ code: 'invalid-input' });
    expect(
      await call(office, 'office.report', {
        period: { kind: 'custom', from: '2026-12-01', to: '2026-09-01' },
      }),
    ).toMatchObject({ code: 'invalid-input' });
  });

  it('counts wrong passphrases, then makes each try wait, as the lead’s unlock does', async () => {
    // A computer of its own, so the waits do not hold up the tests after this one.
    const home = join(school.root, 'office-tries-home');
    await cliJson(home, ['office', 'init', '--share', school.share, '--passphrase-file', passFile]);
    let tries = await open(home);
    try {
      const answers = [];
      for (let i = 0; i < 5; i += 1) {
        answers.push(await call(tries, 'office.unlock', { passphrase: `not it ${i}` }));
      }
      expect(answers[0]).toMatchObject({
        code: 'wrong-passphrase',
        message: 'The passphrase is wrong. After 4 more wrong tries, each try will have to wait.',
      });
      expect(answers[4]).toMatchObject({
        code: 'wrong-passphrase',
        message: expect.stringMatching(/^The passphrase is wrong\. Wait 30 seconds/) as unknown,
      });
      // Even the right one waits now, and the count is kept on this computer across sessions.
      tries.close();
      tries = await open(home);
      expect(await call(tries, 'office.unlock', { passphrase: OWN })).toMatchObject({
        code: 'unlock-wait',
      });
    } finally {
      tries.close();
    }
  }, 240_000);

  it('unlocks with the right passphrase and shows the key', async () => {
    expect(await call(office, 'office.unlock', { passphrase: OWN })).toEqual({
      ok: true,
      value: { isOffice: true, unlocked: true, recipient },
    });
  });

  it('tells an office user the DSL has not added yet, with the key to give them', async () => {
    const answer = await call(office, 'office.periods');
    expect(answer).toMatchObject({ code: 'office-not-added' });
    expect((answer as { message: string }).message).toContain(recipient);
  });

  it('says no figures are published yet once the DSL has added them', async () => {
    await cliJson(school.dslHome, [
      'school',
      'add-recipient',
      '--role',
      'office',
      '--name',
      'Olu Office',
      '--recipient',
      recipient,
      '--passphrase-file',
      school.passphraseFile,
    ]);
    expect(await call(office, 'office.periods')).toMatchObject({
      code: 'no-extract',
      message: 'No figures have been published for office staff yet: ask your DSL to publish them.',
    });
  });

  it('says why none of the files on the share could be used, and what to do', async () => {
    // A file planted where extracts go, under an extract's kind of name: not one of the school's.
    await mkdir(join(school.share, 'extracts'), { recursive: true });
    await writeFile(join(school.share, 'extracts', `${'ab'.repeat(16)}.age`), 'not an extract');
    const answer = await call(office, 'office.periods');
    expect(answer).toMatchObject({ code: 'extract-unusable' });
    expect((answer as { message: string }).message).toMatch(
      /^The one file of published figures on the share could not be used \(1 file: .+\)\. Tell your DSL\.$/,
    );
  });

  it('locks: the identity is forgotten and every office operation answers locked again', async () => {
    expect(await call(office, 'office.lock')).toEqual({
      ok: true,
      value: { isOffice: true, unlocked: false, recipient: null },
    });
    expect(await call(office, 'office.periods')).toMatchObject({ code: 'locked' });
  });
});
