/**
 * Issue 8 §1: the first-run operations over the real core — set a school up, connect a computer
 * (the safety code shown first, pinned only on "Yes"), the strength meter — and the session
 * starting to use the new state without a restart. Once set up, every `setup.*` is refused.
 */
import { mkdir, mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../src/api/dispatch';
import { openSession, type Session } from '../../src/session';
import { UnprotectedFileKeyProvider } from '../../src/storage/key-provider';
import { cliJson } from './support/cli';
import { contactAnswers, makeSchool, PASSPHRASE, type SchoolFixture } from './support/school';

const QUICK = { backoffMs: [200, 400], recheckMs: 500, idleMs: 1_000 } as const;

let root: string;
let school: SchoolFixture;
const open: Session[] = [];

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'sgd-setup-'));
  school = await makeSchool();
});

afterEach(() => {
  for (const desk of open.splice(0)) desk.close();
});

afterAll(async () => {
  await school.cleanup();
  await rm(root, { recursive: true, force: true });
});

let homes = 0;

/** A session over a new, empty home, as the app opens it on a computer with nothing set up. */
async function emptyDesk(options: { pickFolder?: () => Promise<string | null> } = {}) {
  homes += 1;
  const home = join(root, `home-${homes}`);
  const desk = await openSession({
    home,
    keyProvider: new UnprotectedFileKeyProvider(home),
    delivery: QUICK,
    ...options,
  });
  open.push(desk);
  const call = (op: string, input?: unknown) => dispatch(desk.handlers, op, input);
  const value = async <T>(op: string, input?: unknown): Promise<T> => {
    const result = await call(op, input);
    if (!result.ok) throw new Error(`${op}: [${result.error.code}] ${result.error.message}`);
    return result.value as T;
  };
  const refusal = async (op: string, input?: unknown) => {
    const result = await call(op, input);
    if (result.ok) throw new Error(`${op} was not refused`);
    return result.error;
  };
  return { home, desk, call, value, refusal };
}

const newSchool = (share: unknown = { kind: 'this-computer' }) => ({
  schoolName: 'Hillside Primary',
  leadName: 'Ellie Shea',
  passphrase: PASSPHRASE,
  share,
});

describe('a computer with nothing set up', () => {
  it('says so in app.status, and offers the local folder and no folder dialog in the web host', async () => {
    const { home, value, refusal } = await emptyDesk();
    expect(await value('app.status')).toMatchObject({ setUp: 'nothing', enrolled: false });
    expect(await value('setup.options')).toEqual({
      localShare: join(home, 'local-share'),
      canPickFolder: false,
      suggestedShare: null,
    });
    expect(await refusal('setup.pickFolder')).toEqual({
      code: 'unsupported',
      message: "A folder cannot be chosen from a dialog here: type the folder's full path instead.",
    });
  });

  it("answers setup.pickFolder with the app's folder dialog when there is one", async () => {
    const { value } = await emptyDesk({ pickFolder: () => Promise.resolve('/mnt/school') });
    expect(await value('setup.options')).toMatchObject({ canPickFolder: true });
    expect(await value('setup.pickFolder')).toEqual({ path: '/mnt/school' });
  });

  it('rates a passphrase for the meter, with the refusal set-up would give', async () => {
    const { value } = await emptyDesk();
    expect(
      await value('setup.passphraseStrength', {
        passphrase: 'Hillside Primary 2026',
        context: { schoolName: 'Hillside Primary', leadName: 'Ellie Shea' },
      }),
    ).toEqual({
      score: 1,
      acceptable: false,
      warning: "It uses the school's name or your own, which many people know.",
      suggestions: ['More words, and less common ones, make it harder to guess.'],
      refusal:
        "This passphrase would be too easy to guess: it uses the school's name or your own, which many people know. Try four or five unrelated words.",
    });
    expect(await value('setup.passphraseStrength', { passphrase: PASSPHRASE })).toMatchObject({
      score: 4,
      acceptable: true,
      refusal: null,
    });
    expect(await value('setup.passphraseStrength', { passphrase: `${PASSPHRASE} ` })).toMatchObject(
      {
        acceptable: false,
        refusal:
          'The passphrase ends with a space or other blank, which is easily lost when typed again: remove it.',
      },
    );
  });
});

describe('setting a school up through the API', () => {
  it('refuses a weak passphrase before making anything, even the local folder', async () => {
    const { home, refusal } = await emptyDesk();
    expect(
      await refusal('setup.createSchool', { ...newSchool(), passphrase: 'Summer2026!' }),
    ).toEqual({
      code: 'weak-passphrase',
      message:
        'This passphrase would be too easy to guess: a capital letter only at the start does not help much. Try four or five unrelated words.',
    });
    expect(await readdir(home)).not.toContain('local-share');
    expect(await readdir(home)).not.toContain('lead');
  });

  it('refuses a chosen folder that is missing, not a full path, or in use, creating nothing', async () => {
    const { refusal } = await emptyDesk();
    const missing = join(root, 'not-made-yet');
    expect(
      await refusal('setup.createSchool', newSchool({ kind: 'folder', path: missing })),
    ).toEqual({
      code: 'share-unreachable',
      message: `The school share cannot be reached at ${missing} (missing, not mounted, or not a folder).`,
    });
    await expect(readdir(missing)).rejects.toMatchObject({ code: 'ENOENT' });

    expect(
      (await refusal('setup.createSchool', newSchool({ kind: 'folder', path: 'safeguarding' })))
        .code,
    ).toBe('share-not-absolute');

    const used = join(root, 'documents');
    await mkdir(used);
    await writeFile(join(used, 'minutes.docx'), 'not ours');
    expect(await refusal('setup.createSchool', newSchool({ kind: 'folder', path: used }))).toEqual({
      code: 'share-not-empty',
      message: `The folder ${used} already holds other files. Choose an empty folder made for Safeguard Desk, or ask IT to make one.`,
    });
    expect(await readdir(used)).toEqual(['minutes.docx']);
  });

  it('sets the school up in the local folder; the session is a lead and enrolled at once; set-up is then refused', async () => {
    const { home, value, refusal } = await emptyDesk();
    const made = await value<{
      safetyCode: string;
      sharePath: string;
      schoolName: string;
      recoveryKey: string;
    }>('setup.createSchool', newSchool());
    expect(made).toMatchObject({
      schoolName: 'Hillside Primary',
      sharePath: join(home, 'local-share'),
    });
    expect(made.safetyCode).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(made.recoveryKey).toMatch(/^[0-9A-Z]{5}(-[0-9A-Z]{5}){5}$/);
    expect(await readdir(made.sharePath)).toContain('school.json');
    expect(await value('app.status')).toMatchObject({
      setUp: 'lead',
      enrolled: true,
      schoolName: 'Hillside Primary',
      safetyCode: made.safetyCode,
    });
    expect(await value('lead.status')).toMatchObject({ isLead: true, unlocked: false });
    expect(await value('lead.unlock', { passphrase: PASSPHRASE })).toMatchObject({
      unlocked: true,
      name: 'Ellie Shea',
      role: 'dsl',
    });

    for (const op of ['setup.options', 'setup.pickFolder']) {
      expect(await refusal(op)).toEqual({
        code: 'already-set-up',
        message: 'This computer is already set up, so it cannot be set up again from here.',
      });
    }
    expect((await refusal('setup.createSchool', newSchool())).code).toBe('already-set-up');
    expect((await refusal('setup.passphraseStrength', { passphrase: PASSPHRASE })).code).toBe(
      'already-set-up',
    );
  });

  it('sets a school up once when asked twice at the same moment', async () => {
    const { call } = await emptyDesk();
    const [first, second] = await Promise.all([
      call('setup.createSchool', newSchool()),
      call('setup.createSchool', newSchool()),
    ]);
    expect(first.ok).toBe(true);
    expect(second).toMatchObject({ ok: false, error: { code: 'already-set-up' } });
  });
});

describe('connecting a computer through the API', () => {
  it("shows the share's school and safety code, pinning nothing", async () => {
    const { value } = await emptyDesk();
    expect(await value('setup.previewShare', { share: school.share })).toEqual({
      schoolName: 'Barnsole Primary',
      safetyCode: school.safetyCode,
    });
    expect(await value('app.status')).toMatchObject({ setUp: 'nothing', enrolled: false });
  });

  it('refuses a share with no school on it', async () => {
    const { refusal } = await emptyDesk();
    const empty = await mkdtemp(join(root, 'empty-'));
    expect(await refusal('setup.previewShare', { share: empty })).toEqual({
      code: 'no-profile',
      message: 'There is no school profile on this share; the DSL must set the school up first.',
    });
  });

  it('does not connect when the code on the share is not the one that was shown', async () => {
    const { value, refusal } = await emptyDesk();
    expect(
      await refusal('setup.connect', { share: school.share, safetyCode: 'AAAA-BBBB-CCCC' }),
    ).toEqual({
      code: 'safety-code-changed',
      message:
        "The school's safety code on the share is no longer the one shown, so this computer was not connected. Tell your safeguarding lead.",
    });
    expect(await value('app.status')).toMatchObject({ setUp: 'nothing', enrolled: false });
  });

  it('connects with the code that was shown, and delivers in the background from then on', async () => {
    const { value, refusal } = await emptyDesk();
    const shown = await value<{ safetyCode: string }>('setup.previewShare', {
      share: school.share,
    });
    expect(
      await value('setup.connect', { share: school.share, safetyCode: shown.safetyCode }),
    ).toEqual({ schoolName: 'Barnsole Primary', safetyCode: school.safetyCode });
    expect(await value('app.status')).toMatchObject({
      setUp: 'staff',
      enrolled: true,
      safetyCode: school.safetyCode,
    });
    expect((await refusal('setup.previewShare', { share: school.share })).code).toBe(
      'already-set-up',
    );

    // Filed while the share is away, it goes by itself once the share is back: the
    // background delivery started when this computer was connected, with no restart.
    const away = `${school.share}-away`;
    await rename(school.share, away);
    const receipt = await value<{ reference: string; delivered: boolean }>('concerns.submit', {
      formId: 'private-online-contact-with-pupil',
      answers: contactAnswers(),
      reporter: { name: 'Sam Teacher', role: 'Class teacher' },
    });
    expect(receipt.delivered).toBe(false);
    await rename(away, school.share);
    const deadline = Date.now() + 15_000;
    for (;;) {
      const status = await value<{ status: string }>('receipts.status', {
        reference: receipt.reference,
      });
      if (status.status !== 'queued') break;
      if (Date.now() > deadline) throw new Error('the concern was never delivered by itself');
      await sleep(100);
    }
  });
});

describe('joining as a lead through the API', () => {
  const ONE_TIME = `${PASSPHRASE} deputy`;
  const OWN = 'purple elephant kettle monday';
  let identity: { name: string; base64: string };

  beforeAll(async () => {
    const oneTimeFile = join(school.root, 'deputy-one-time.txt');
    await writeFile(oneTimeFile, `${ONE_TIME}\n`);
    const identityFile = join(school.root, 'deputy.identity.age');
    await cliJson(school.dslHome, [
      'school',
      'add-recipient',
      '--role',
      'deputy',
      '--name',
      'Dev Deputy',
      '--passphrase-file',
      school.passphraseFile,
      '--new-passphrase-file',
      oneTimeFile,
      '--identity-out',
      identityFile,
    ]);
    identity = {
      name: 'deputy.identity.age',
      base64: (await readFile(identityFile)).toString('base64'),
    };
  });

  const join_ = (newPassphrase: string) => ({
    identityFile: identity,
    passphrase: ONE_TIME,
    share: school.share,
    newPassphrase,
  });

  it('refuses a weak passphrase of their own, naming the school as an easy guess', async () => {
    const { home, refusal } = await emptyDesk();
    expect(await refusal('setup.joinAsLead', join_('Barnsole Primary 2026'))).toEqual({
      code: 'weak-passphrase',
      message:
        "This passphrase would be too easy to guess: it uses the school's name or your own, which many people know. Try four or five unrelated words.",
    });
    expect(await readdir(home)).not.toContain('lead');
  });

  it('refuses a file far larger than an identity file', async () => {
    const { refusal } = await emptyDesk();
    const big = Buffer.alloc(70 * 1024, 1).toString('base64');
    expect(
      (
        await refusal('setup.joinAsLead', {
          ...join_(OWN),
          identityFile: { name: 'x', base64: big },
        })
      ).code,
    ).toBe('invalid-input');
  });

  it('joins with a passphrase of their own, which alone unlocks, and gives a recovery key', async () => {
    const { home, value, refusal } = await emptyDesk();
    const joined = await value<Record<string, unknown>>('setup.joinAsLead', join_(OWN));
    expect(joined).toMatchObject({
      schoolName: 'Barnsole Primary',
      safetyCode: school.safetyCode,
      name: 'Dev Deputy',
      role: 'deputy',
      roleLabel: 'Deputy Safeguarding Lead',
    });
    expect(joined.recoveryKey).toMatch(/^[0-9A-Z]{5}(-[0-9A-Z]{5}){5}$/);
    expect(await readdir(home)).not.toContain(expect.stringMatching(/^\.joining-/));
    expect(await value('app.status')).toMatchObject({ setUp: 'lead', enrolled: true });
    expect((await refusal('lead.unlock', { passphrase: ONE_TIME })).code).toBe('wrong-passphrase');
    expect(await value('lead.unlock', { passphrase: OWN })).toMatchObject({
      unlocked: true,
      role: 'deputy',
    });
    expect((await refusal('setup.joinAsLead', join_(OWN))).code).toBe('already-set-up');
  });
});
