/** Fixture factories: a temp share, a DSL home and staff homes, set up through the real CLI. */
import { mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSession, type Session, type SessionOptions } from '../../../src/session';
import { UnprotectedFileKeyProvider } from '../../../src/storage/key-provider';
import { cliJson } from './cli';

export const PASSPHRASE = 'correct horse battery staple';

export interface SchoolFixture {
  root: string;
  share: string;
  dslHome: string;
  staffHome: string;
  passphraseFile: string;
  safetyCode: string;
  /** The DSL's recovery key, as `school init --json` printed it. */
  recoveryKey: string;
  cleanup(): Promise<void>;
}

/** A temp folder with an empty share and the passphrase file. */
export async function tempWorkspace(): Promise<{
  root: string;
  share: string;
  passphraseFile: string;
}> {
  const root = await mkdtemp(join(tmpdir(), 'sgd-test-'));
  const share = join(root, 'share');
  await mkdir(share);
  const passphraseFile = join(root, 'passphrase.txt');
  await writeFile(passphraseFile, `${PASSPHRASE}\n`, { mode: 0o600 });
  return { root, share, passphraseFile };
}

/**
 * A school set up by the DSL, with one staff machine enrolled; all through the CLI. Its share is a
 * temp folder, or `options.share` (a bucket location on a test S3 server).
 */
export async function makeSchool(
  name = 'Barnsole Primary',
  options: { share?: string } = {},
): Promise<SchoolFixture> {
  const temp = await tempWorkspace();
  const ws = { ...temp, share: options.share ?? temp.share };
  const dslHome = join(ws.root, 'dsl');
  const staffHome = join(ws.root, 'staff');
  const init = await cliJson<{ safetyCode: string; recoveryKey: string }>(dslHome, [
    'school',
    'init',
    '--share',
    ws.share,
    '--school',
    name,
    '--lead-name',
    'Ellie Shea',
    '--passphrase-file',
    ws.passphraseFile,
  ]);
  await cliJson(staffHome, ['enroll', '--share', ws.share]);
  return {
    ...ws,
    dslHome,
    staffHome,
    safetyCode: init.safetyCode,
    recoveryKey: init.recoveryKey,
    cleanup: () => rm(ws.root, { recursive: true, force: true }),
  };
}

/** A valid answers object for the private-online-contact form. */
export function contactAnswers(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    whatHappened: 'Saw direct messages between a teacher and a Year 6 pupil late at night.',
    whenNoticed: '2026-11-23T16:05:00Z',
    platform: 'snapchat',
    peopleInvolved: [
      { name: 'Mr Example', role: 'staff' },
      { name: 'Pupil A', role: 'pupil', detail: 'Year 6' },
    ],
    immediateRisk: false,
    ...overrides,
  };
}

/** Writes an answers file and returns its path. */
export async function writeAnswers(
  dir: string,
  answers: unknown,
  name = 'answers.json',
): Promise<string> {
  const file = join(dir, name);
  await writeFile(file, JSON.stringify(answers));
  return file;
}

/** The staff machine's core (the API handlers) over a school fixture's staff home. */
export async function openStaffDesk(
  school: SchoolFixture,
  delivery?: SessionOptions['delivery'],
): Promise<Session> {
  return openSession({
    home: school.staffHome,
    keyProvider: new UnprotectedFileKeyProvider(school.staffHome),
    ...(delivery ? { delivery } : {}),
  });
}

/** Moves the share away, as an unmapped drive or a server down; returns how to bring it back. */
export async function unplugShare(school: SchoolFixture): Promise<() => Promise<void>> {
  const away = `${school.share}-unplugged`;
  await rename(school.share, away);
  return () => rename(away, school.share);
}

/** `report` arguments filing the private-contact form as Sam Teacher, class teacher. */
export function reportArgs(
  answersFile: string,
  form = 'private-online-contact-with-pupil',
): string[] {
  return [
    'report',
    '--form',
    form,
    '--answers',
    answersFile,
    '--reporter',
    'Sam Teacher',
    '--reporter-role',
    'Class teacher',
  ];
}

type JoinableRole = 'deputy' | 'headteacher' | 'chair' | 'office';

/** A recipient added by the DSL with their own identity, joined in a home of their own. */
export interface JoinedRecipient<R extends JoinableRole = JoinableRole> {
  home: string;
  /** Their own passphrase, chosen at `lead join`: what every lead command of theirs takes. */
  passphraseFile: string;
  /** The one-time passphrase the DSL gave with the identity file (it opens nothing now). */
  oneTimePassphraseFile: string;
  /** Where the identity file was (`lead join` deleted it). */
  identityFile: string;
  /** A lead's own recovery key; null for an office user (kept as an office identity, no key). */
  recoveryKey: R extends 'office' ? null : string;
}

/** A one-time passphrase file for an identity the DSL makes for `role`. */
export async function oneTimePassphraseFile(school: SchoolFixture, role: string): Promise<string> {
  const file = join(school.root, `${role}-one-time.txt`);
  await writeFile(file, `one-time ${PASSPHRASE} ${role}\n`);
  return file;
}

/** Adds a deputy, head, chair or office user through the real CLI and joins them. */
export async function addJoinedRecipient<R extends JoinableRole>(
  school: SchoolFixture,
  role: R,
  name: string,
): Promise<JoinedRecipient<R>> {
  const oneTime = await oneTimePassphraseFile(school, role);
  const passphraseFile = join(school.root, `${role}-pass.txt`);
  await writeFile(passphraseFile, `${PASSPHRASE} ${role}\n`);
  const identityFile = join(school.root, `${role}.identity.age`);
  await cliJson(school.dslHome, [
    'school',
    'add-recipient',
    '--role',
    role,
    '--name',
    name,
    '--passphrase-file',
    school.passphraseFile,
    '--new-passphrase-file',
    oneTime,
    '--identity-out',
    identityFile,
  ]);
  const home = join(school.root, `${role}-home`);
  const joined = await cliJson<{ recoveryKey: R extends 'office' ? null : string }>(home, [
    'lead',
    'join',
    '--identity',
    identityFile,
    '--share',
    school.share,
    '--passphrase-file',
    oneTime,
    '--new-passphrase-file',
    passphraseFile,
  ]);
  return {
    home,
    passphraseFile,
    oneTimePassphraseFile: oneTime,
    identityFile,
    recoveryKey: joined.recoveryKey,
  };
}

/**
 * A lead opens a case with `lead show`. The first opening is what tells the reporter "a
 * safeguarding lead has opened your concern": importing alone acknowledges nothing.
 */
export function leadOpens(
  lead: { home: string; passphraseFile: string },
  reference: string,
): Promise<{ reference: string }> {
  return cliJson(lead.home, ['lead', 'show', reference, '--passphrase-file', lead.passphraseFile]);
}
