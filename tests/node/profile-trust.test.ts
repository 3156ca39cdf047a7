/**
 * Issue requirement 2b: a staff machine pins the school root key at enrolment, shows it as a safety
 * code, and afterwards refuses a profile that is unsigned, signed by another key or older than the
 * pinned one, saying which. Through the real CLI, with real signatures, stores and folders.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  generateAgeKeyPair,
  generateSigningKeyPair,
  keyFingerprint,
  SealedFileOpener,
} from '../../src/crypto';
import { unlockLead } from '../../src/lead';
import { nextProfile, signProfile, type SchoolProfile } from '../../src/school';
import { openStaffStore } from '../../src/staff';
import { UnprotectedFileKeyProvider } from '../../src/storage/key-provider';
import { runCli, type CliResult } from './support/cli';
import {
  contactAnswers,
  makeSchool,
  PASSPHRASE,
  writeAnswers,
  reportArgs,
  type SchoolFixture,
} from './support/school';

const SAFETY_CODE = /^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/;

const REFUSALS = {
  unsigned: 'The school profile on the share is not signed; it cannot be trusted.',
  wrongKey:
    'The school profile on the share is signed by a different key from the one this machine trusts; do not use it and tell the DSL.',
  badSignature:
    'The school profile on the share has a signature that does not verify; it was altered after signing.',
  notJson: 'The school profile on the share is not valid JSON.',
  noProfile: 'There is no school profile on this share; the DSL must set the school up first.',
  notEnrolled:
    'This machine is not enrolled with a school share yet (safeguard-desk enroll --share DIR).',
  rollback: (older: number, pinned: number) =>
    `The school profile on the share is older (version ${older}) than the one this machine already trusts (version ${pinned}); it was refused.`,
  conflict: (serial: number) =>
    `The school profile on the share differs from the trusted one but has the same version (${serial}); it was refused.`,
} as const;

let school: SchoolFixture;
let rootSigningKey: string;
let goodJson: string;
let profile: SchoolProfile;
let answersFile: string;

beforeAll(async () => {
  school = await makeSchool();
  const secrets = await unlockLead(school.dslHome, PASSPHRASE);
  if (!secrets.rootSigningKey) throw new Error('the DSL should hold the school root key');
  rootSigningKey = secrets.rootSigningKey;
  goodJson = await readFile(join(school.share, 'school.json'), 'utf8');
  profile = (JSON.parse(goodJson) as { profile: SchoolProfile }).profile;
  answersFile = await writeAnswers(school.root, contactAnswers());
});

afterAll(async () => {
  await school.cleanup();
});

/** A staff machine not yet enrolled, and its own copy of the school's share. */
interface Machine {
  share: string;
  home: string;
}

async function newMachine(): Promise<Machine> {
  const root = await mkdtemp(join(school.root, 'machine-'));
  const share = join(root, 'share');
  await mkdir(join(share, 'concerns'), { recursive: true });
  await writeFile(join(share, 'school.json'), goodJson);
  return { share, home: join(root, 'staff') };
}

function enroll(m: Machine, json = true): Promise<CliResult> {
  return runCli(m.home, ['enroll', '--share', m.share, ...(json ? ['--json'] : [])]);
}

/** A new machine enrolled with the good profile (serial 1). */
async function enrolledMachine(): Promise<Machine> {
  const m = await newMachine();
  const result = await enroll(m);
  expect(result.code, result.stderr).toBe(0);
  return m;
}

function report(m: Machine): Promise<CliResult> {
  return runCli(m.home, [...reportArgs(answersFile), '--json']);
}

/** Files a concern and checks it reached the share. */
async function reportDelivered(m: Machine): Promise<void> {
  const result = await report(m);
  expect(result.code, result.stderr).toBe(0);
  expect(JSON.parse(result.stdout)).toMatchObject({ delivered: true });
}

function putProfile(m: Machine, json: string): Promise<void> {
  return writeFile(join(m.share, 'school.json'), json);
}

/** What the machine has pinned, read from its encrypted store. */
async function pinned(m: Machine) {
  const store = await openStaffStore(m.home, new UnprotectedFileKeyProvider(m.home));
  try {
    return { enrolment: store.enrolment(), outbox: store.list() };
  } finally {
    store.close();
  }
}

function concernFiles(m: Machine): Promise<string[]> {
  return readdir(join(m.share, 'concerns'));
}

/** The CLI refused with exactly this sentence: one stderr line, non-zero status, no stack. */
function expectRefused(result: CliResult, message: string): void {
  expect(result.stderr).toBe(`safeguard-desk: ${message}\n`);
  expect(result.stderr).not.toContain('    at ');
  expect(result.code).toBe(1);
  expect(result.stdout).toBe('');
}

/** The good profile's body as JSON with the signature removed. */
function unsignedProfile(): string {
  return JSON.stringify({ profile }, null, 2) + '\n';
}

function profileByAnotherKey(): string {
  const other = generateSigningKeyPair();
  return signProfile({ ...profile, rootKey: other.publicKey }, other.privateKey);
}

function alteredProfile(): string {
  const file = JSON.parse(goodJson) as { profile: SchoolProfile };
  file.profile.schoolName = 'Barnsole Primary (new address)';
  return JSON.stringify(file, null, 2) + '\n';
}

function serialTwo(change: Parameters<typeof nextProfile>[1] = {}): string {
  return signProfile(nextProfile(profile, change, new Date()), rootSigningKey);
}

describe('enrolment', () => {
  it('shows the same safety code as school init, as three groups of four characters', async () => {
    const m = await newMachine();

    const result = await enroll(m);

    expect(result.code, result.stderr).toBe(0);
    const out = JSON.parse(result.stdout) as { safetyCode: string; schoolName: string };
    expect(out).toEqual({ safetyCode: school.safetyCode, schoolName: 'Barnsole Primary' });
    expect(out.safetyCode).toMatch(SAFETY_CODE);
    expect(school.safetyCode).toMatch(SAFETY_CODE);
  });

  it('prints the safety code for comparing with the staff-room poster', async () => {
    const m = await newMachine();

    const result = await enroll(m, false);

    expect(result).toEqual({
      code: 0,
      stdout: `Enrolled with Barnsole Primary.\nSafety code: ${school.safetyCode}\nCheck it matches the code on the staff-room poster.\n`,
      stderr: '',
    });
  });

  it("pins the fingerprint of the school's root key", async () => {
    const m = await enrolledMachine();

    const { enrolment } = await pinned(m);

    expect(enrolment).toMatchObject({
      rootFingerprint: keyFingerprint(profile.rootKey),
      profileSerial: 1,
      profileJson: goodJson,
    });
  });

  it('refuses to enrol with a share that has no school profile', async () => {
    const m = await newMachine();
    await rm(join(m.share, 'school.json'));

    expectRefused(await enroll(m), REFUSALS.noProfile);
    expect((await pinned(m)).enrolment).toBeNull();
    expectRefused(await report(m), REFUSALS.notEnrolled);
  });

  it('refuses to enrol with an unsigned profile', async () => {
    const m = await newMachine();
    await putProfile(m, unsignedProfile());

    expectRefused(await enroll(m), REFUSALS.unsigned);
    expect((await pinned(m)).enrolment).toBeNull();
  });

  it('refuses to enrol with a profile altered after signing', async () => {
    const m = await newMachine();
    await putProfile(m, alteredProfile());

    expectRefused(await enroll(m), REFUSALS.badSignature);
    expect((await pinned(m)).enrolment).toBeNull();
  });

  it('refuses to re-enrol with a profile signed by another root key, keeping the pin', async () => {
    const m = await enrolledMachine();
    await putProfile(m, profileByAnotherKey());

    expectRefused(await enroll(m), REFUSALS.wrongKey);
    expect((await pinned(m)).enrolment).toMatchObject({
      rootFingerprint: keyFingerprint(profile.rootKey),
      profileJson: goodJson,
    });
  });
});

describe('a pinned machine keeps filing when the profile on the share cannot be trusted', () => {
  const WARNING =
    "The school's settings on the share cannot be trusted: tell the DSL. This concern was sealed to the safeguarding leads this computer already trusts.";

  /** The receipt a report printed with --json. */
  interface JsonReceipt {
    reference: string;
    delivered: boolean;
    warning: string | null;
  }

  /**
   * With `bad` on the share, filing still keeps and delivers the concern, sealed to the pinned
   * profile (the DSL can open it; a key added to the bad profile cannot), and says "tell the DSL"
   * on the receipt and in `outbox`, naming the problem; the pin is untouched. With the good
   * profile back, the warning goes.
   */
  async function expectFiledWithWarning(bad: string, problem: string): Promise<void> {
    const m = await enrolledMachine();
    const before = (await pinned(m)).enrolment;
    await putProfile(m, bad);

    const result = await report(m);

    expect(result.code, result.stderr).toBe(0);
    const receipt = JSON.parse(result.stdout) as JsonReceipt;
    expect(receipt).toMatchObject({ delivered: true, warning: WARNING });
    const files = await concernFiles(m);
    expect(files).toHaveLength(1);
    const sealed = await readFile(join(m.share, 'concerns', files[0] ?? 'missing'));
    const dsl = await unlockLead(school.dslHome, PASSPHRASE);
    await expect(
      (await SealedFileOpener.create(dsl.ageIdentity)).open(sealed),
    ).resolves.toBeInstanceOf(Uint8Array);
    expect((await pinned(m)).enrolment).toEqual(before);
    const outbox = await runCli(m.home, ['outbox']);
    expect(outbox.stdout).toContain(
      `Warning: The school's settings on the share cannot be trusted: tell the DSL. (${problem})`,
    );
    expect(outbox.stdout).toContain(`${receipt.reference}`);
    expect(outbox.stdout).toContain('(sealed to the leads this computer trusts)');

    await putProfile(m, goodJson);
    const after = await report(m);
    expect(JSON.parse(after.stdout)).toMatchObject({ delivered: true, warning: null });
    expect((await runCli(m.home, ['outbox'])).stdout).not.toContain('Warning:');
  }

  it('keeps and delivers a concern when the profile is unsigned, with a warning', async () => {
    await expectFiledWithWarning(unsignedProfile(), REFUSALS.unsigned);
  });

  it('keeps and delivers a concern when the profile is signed by another key, with a warning', async () => {
    await expectFiledWithWarning(profileByAnotherKey(), REFUSALS.wrongKey);
  });

  it('keeps and delivers a concern when the profile was changed without re-signing, with a warning', async () => {
    await expectFiledWithWarning(alteredProfile(), REFUSALS.badSignature);
  });

  it('keeps and delivers a concern when the profile is truncated, with a warning', async () => {
    await expectFiledWithWarning('{"profile": {"schoolName": "trunc', REFUSALS.notJson);
  });

  it('keeps and delivers a concern when the profile has the same serial but other content', async () => {
    await expectFiledWithWarning(
      signProfile({ ...profile, schoolName: 'Barnsole Academy' }, rootSigningKey),
      REFUSALS.conflict(1),
    );
  });

  it('keeps and delivers a concern when the profile is missing from a reachable share', async () => {
    const m = await enrolledMachine();
    await rm(join(m.share, 'school.json'));
    const result = await report(m);
    expect(JSON.parse(result.stdout)).toMatchObject({ delivered: true, warning: WARNING });
    expect((await runCli(m.home, ['outbox'])).stdout).toContain(
      'The school profile is missing from the share.',
    );
  });

  it('never seals to a recipient added to the profile without the root key', async () => {
    const m = await enrolledMachine();
    const intruder = await generateAgeKeyPair();
    const file = JSON.parse(goodJson) as { profile: SchoolProfile };
    file.profile.recipients.push({
      id: randomUUID(),
      name: 'Someone Else',
      role: 'deputy',
      ageRecipient: intruder.recipient,
    });
    await putProfile(m, JSON.stringify(file, null, 2));

    const result = await report(m);

    expect(JSON.parse(result.stdout)).toMatchObject({ delivered: true, warning: WARNING });
    const [name] = await concernFiles(m);
    const sealed = await readFile(join(m.share, 'concerns', name ?? 'missing'));
    await expect((await SealedFileOpener.create(intruder.identity)).open(sealed)).rejects.toThrow(
      'It is not addressed to this lead.',
    );
  });

  it('keeps filing after a rollback, sealing to the newer pinned profile', async () => {
    const m = await enrolledMachine();
    const newer = serialTwo({ schoolName: 'Barnsole Primary School' });
    await putProfile(m, newer);
    await reportDelivered(m);
    expect((await pinned(m)).enrolment).toMatchObject({ profileSerial: 2, profileJson: newer });
    const before = await pinned(m);
    await putProfile(m, goodJson);

    const result = await report(m);

    expect(JSON.parse(result.stdout)).toMatchObject({ delivered: true, warning: WARNING });
    expect((await pinned(m)).enrolment).toEqual(before.enrolment);
    expectRefused(await enroll(m), REFUSALS.rollback(1, 2));
  });
});

describe('a pinned machine follows the school', () => {
  it('accepts a newer profile signed by the pinned root, seals to its recipients and keeps the safety code', async () => {
    const m = await enrolledMachine();
    const deputy = await generateAgeKeyPair();
    const newer = serialTwo({
      schoolName: 'Barnsole Primary School',
      recipients: [
        ...profile.recipients,
        {
          id: randomUUID(),
          name: 'Dev Deputy',
          role: 'deputy',
          ageRecipient: deputy.recipient,
          verifyKey: generateSigningKeyPair().publicKey,
        },
      ],
    });
    await putProfile(m, newer);

    await reportDelivered(m);

    expect((await pinned(m)).enrolment).toMatchObject({ profileSerial: 2, profileJson: newer });
    const [file] = await concernFiles(m);
    const sealed = await readFile(join(m.share, 'concerns', file ?? 'missing'));
    await expect(
      (await SealedFileOpener.create(deputy.identity)).open(sealed),
    ).resolves.toBeInstanceOf(Uint8Array);
    const again = await enroll(m);
    expect(JSON.parse(again.stdout)).toEqual({
      safetyCode: school.safetyCode,
      schoolName: 'Barnsole Primary School',
    });
  });

  it('seals with the pinned profile while the share is unreachable, and delivers once it is back', async () => {
    const m = await enrolledMachine();
    const away = `${m.share}-unplugged`;
    await rename(m.share, away);

    const queued = await report(m);

    expect(queued.code, queued.stderr).toBe(0);
    const receipt = JSON.parse(queued.stdout) as { reference: string; delivered: boolean };
    expect(receipt.delivered).toBe(false);
    expect((await pinned(m)).outbox).toEqual([
      expect.objectContaining({ reference: receipt.reference, deliveredAt: null }),
    ]);

    await rename(away, m.share);
    const delivered = await runCli(m.home, ['deliver', '--json']);

    expect(delivered.code, delivered.stderr).toBe(0);
    expect(JSON.parse(delivered.stdout)).toEqual({ delivered: 1, pending: 0, error: null });
    expect(await concernFiles(m)).toHaveLength(1);
    const [row] = (await pinned(m)).outbox;
    expect(row?.deliveredAt).not.toBeNull();
  });
});
