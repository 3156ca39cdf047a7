/**
 * Issue 8 §2 through the API both transports use: the School operations answer `not-a-lead` on a
 * staff machine, `locked` before unlock, `not-root` to a lead without the school's root key; the
 * DSL adds a deputy (an identity file and one-time passphrase come back, and the deputy joins
 * with them), sets the contacts (staff see them, with the no-chair sentence until a chair is
 * named), and removes the deputy (the sentence says what that means; the assign list follows).
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OperationOutput } from '../../src/api/contract';
import { dispatch } from '../../src/api/dispatch';
import { defaultContacts } from '../../src/school';
import { openSession, type Session } from '../../src/session';
import { UnprotectedFileKeyProvider } from '../../src/storage/key-provider';
import { cliJson } from './support/cli';
import {
  addJoinedRecipient,
  makeSchool,
  openStaffDesk,
  PASSPHRASE,
  type JoinedRecipient,
  type SchoolFixture,
} from './support/school';

type SchoolView = OperationOutput<'school.show'>;

const CHANGES: Array<[string, unknown]> = [
  ['school.addRecipient', { role: 'deputy', name: 'Someone' }],
  ['school.removeRecipient', { recipientId: '2b7c1d9e-0000-4000-8000-000000000000' }],
  ['school.setContacts', defaultContacts],
];

let school: SchoolFixture;
let staff: Session;
let dsl: Session;
let head: JoinedRecipient;

const sessionFor = (home: string) =>
  openSession({ home, keyProvider: new UnprotectedFileKeyProvider(home), machineFile: null });

async function call<T = unknown>(session: Session, name: string, input?: unknown): Promise<T> {
  const answer = await dispatch(session.handlers, name, input);
  if (!answer.ok) throw new Error(`${name}: [${answer.error.code}] ${answer.error.message}`);
  return answer.value as T;
}

async function code(session: Session, name: string, input?: unknown): Promise<string> {
  const answer = await dispatch(session.handlers, name, input);
  return answer.ok ? 'ok' : answer.error.code;
}

beforeAll(async () => {
  school = await makeSchool();
  head = await addJoinedRecipient(school, 'headteacher', 'Hana Head');
  staff = await openStaffDesk(school);
  dsl = await sessionFor(school.dslHome);
});
afterAll(async () => {
  staff?.close();
  dsl?.close();
  await school?.cleanup();
});

describe('who may use the School operations', () => {
  it('answers not-a-lead on a staff machine, and locked until the DSL unlocks', async () => {
    for (const [name, input] of [['school.show', undefined] as const, ...CHANGES]) {
      expect(await code(staff, name, input)).toBe('not-a-lead');
      expect(await code(dsl, name, input)).toBe('locked');
    }
  });

  it('shows a lead without the root key the school read-only, saying why, and refuses changes', async () => {
    const session = await sessionFor(head.home);
    try {
      await call(session, 'lead.unlock', { passphrase: `${PASSPHRASE} headteacher` });
      const view = await call<SchoolView>(session, 'school.show');
      expect(view).toMatchObject({ canChange: false, schoolName: 'Barnsole Primary' });
      expect(view.readOnlyReason).toBe(
        "Only the DSL who set the school up (Ellie Shea) can change these settings: every change is signed with the school's key, which only they hold.",
      );
      expect(view.recipients.find((r) => r.you)?.name).toBe('Hana Head');
      for (const [name, input] of CHANGES)
        expect(await code(session, name, input)).toBe('not-root');
    } finally {
      session.close();
    }
  });
});

describe('the DSL manages the school', () => {
  let deputyId = '';

  beforeAll(async () => {
    await call(dsl, 'lead.unlock', { passphrase: PASSPHRASE });
  });

  it('shows recipients by role with fingerprints, the safety code and the no-chair sentence', async () => {
    const view = await call<SchoolView>(dsl, 'school.show');
    expect(view).toMatchObject({
      canChange: true,
      readOnlyReason: null,
      safetyCode: school.safetyCode,
      contactsAreDefaults: true,
      warning: null,
    });
    expect(view.recipients.map((r) => [r.name, r.role, r.you])).toEqual([
      ['Ellie Shea', 'dsl', true],
      ['Hana Head', 'headteacher', false],
    ]);
    expect(view.recipients[1]?.fingerprint).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(view.headteacherConcern).toMatch(/^No chair of governors is named yet/);
  });

  it('adds a deputy with a new identity file and one-time passphrase they can join with', async () => {
    const added = await call<OperationOutput<'school.addRecipient'>>(dsl, 'school.addRecipient', {
      role: 'deputy',
      name: ' Dan Deputy ',
    });
    expect(added.message).toBe(
      'Dan Deputy was added as Deputy Safeguarding Lead: they will receive every concern, except one about them or about the headteacher.',
    );
    expect(added.identityFile?.fileName).toBe('safeguard-desk-deputy-identity.age');
    expect(added.identityFile?.passphrase).toMatch(
      /^([0-9A-HJKMNP-TV-Z]{5}-){4}[0-9A-HJKMNP-TV-Z]{5}$/,
    );
    expect(added.school.serial).toBe(3);
    deputyId = added.recipient.id;

    const file = join(school.root, added.identityFile?.fileName ?? '');
    await writeFile(file, Buffer.from(added.identityFile?.base64 ?? '', 'base64'));
    expect(
      Buffer.from(added.identityFile?.base64 ?? '', 'base64')
        .subarray(0, 21)
        .toString(),
    ).toBe('age-encryption.org/v1');
    const passFile = join(school.root, 'one-time.txt');
    await writeFile(passFile, `${added.identityFile?.passphrase}\n`);
    const ownFile = join(school.root, 'dan-own.txt');
    await writeFile(ownFile, 'hedgehog lantern quarry violet\n');
    const joined = await cliJson<{ role: string; recipientId: string }>(
      join(school.root, 'dan-home'),
      [
        'lead',
        'join',
        '--identity',
        file,
        '--share',
        school.share,
        '--passphrase-file',
        passFile,
        '--new-passphrase-file',
        ownFile,
      ],
    );
    expect(joined).toMatchObject({ role: 'deputy', recipientId: deputyId });

    // The assign list of the open safeguarding area follows at once.
    const leads = await call<Array<{ name: string }>>(dsl, 'lead.recipients');
    expect(leads.map((r) => r.name)).toContain('Dan Deputy');
  });

  it('adds a chair by an existing age recipient, without a file; the headteacher sentence goes', async () => {
    const added = await call<OperationOutput<'school.addRecipient'>>(dsl, 'school.addRecipient', {
      role: 'chair',
      name: 'Chris Chair',
      ageRecipient: 'age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p',
    });
    expect(added.identityFile).toBeNull();
    expect(added.school.headteacherConcern).toBeNull();
    const staffSees = await call<OperationOutput<'school.contacts'>>(staff, 'school.contacts');
    expect(staffSees.headteacherConcern).toBeNull();
    const bad = await dispatch(dsl.handlers, 'school.addRecipient', {
      role: 'office',
      name: 'Olu',
      ageRecipient: 'age1notarecipient',
    });
    expect(bad).toMatchObject({ ok: false, error: { code: 'bad-recipient' } });
    const dslRole = await dispatch(dsl.handlers, 'school.addRecipient', { role: 'dsl', name: 'X' });
    expect(dslRole).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('sets the contacts, which staff then see beside the form', async () => {
    const before = await call<OperationOutput<'school.contacts'>>(staff, 'school.contacts');
    expect(before.contacts.map((c) => c.key)).not.toContain('lado');
    const contacts = {
      ...defaultContacts,
      lastChecked: '2026-09-01',
      lado: { name: 'Jo Bloggs', phone: '01632 960000', web: '' },
    };
    const view = await call<SchoolView>(dsl, 'school.setContacts', contacts);
    expect(view.contacts).toEqual(contacts);
    expect(view.contactsAreDefaults).toBe(false);
    const after = await call<OperationOutput<'school.contacts'>>(staff, 'school.contacts');
    expect(after.lastChecked).toBe('2026-09-01');
    expect(after.contacts[0]).toEqual({
      key: 'lado',
      label: 'LADO (Local Authority Designated Officer)',
      name: 'Jo Bloggs',
      phone: '01632 960000',
      web: '',
    });
    const bad = await dispatch(dsl.handlers, 'school.setContacts', {
      ...contacts,
      lastChecked: '2026-02-30',
    });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('removes the deputy, saying plainly what that means, and refuses to remove the DSL', async () => {
    const removed = await call<OperationOutput<'school.removeRecipient'>>(
      dsl,
      'school.removeRecipient',
      { recipientId: deputyId },
    );
    expect(removed.message).toBe(
      'Nothing new will be sealed to Dan Deputy. What they already received stays readable to them.',
    );
    expect(removed.school.recipients.map((r) => r.name)).not.toContain('Dan Deputy');
    const leads = await call<Array<{ name: string }>>(dsl, 'lead.recipients');
    expect(leads.map((r) => r.name)).not.toContain('Dan Deputy');
    const me = removed.school.recipients.find((r) => r.you)?.id;
    expect(await code(dsl, 'school.removeRecipient', { recipientId: me })).toBe('root-holder');
  });
});

describe('staff on a school with no chair', () => {
  it('get the national contacts and the headteacher sentence before anything is filed', async () => {
    const other = await makeSchool('Other Primary');
    const desk = await openStaffDesk(other);
    try {
      const seen = await call<OperationOutput<'school.contacts'>>(desk, 'school.contacts');
      expect(seen.lastChecked).toBeNull();
      expect(seen.contacts.map((c) => c.key)).toEqual([
        'policeEmergency',
        'policeNonEmergency',
        'ceop',
        'iwf',
        'nspccHelpline',
        'nspccWhistleblowing',
      ]);
      expect(seen.headteacherConcern).toContain('0800 028 0285');
    } finally {
      desk.close();
      await other.cleanup();
    }
  });
});
