/**
 * Issue 8 §2: the school's contacts live on the signed profile. They round-trip through
 * `school set-contacts` and `school show` to an enrolled staff machine; a profile from before
 * contacts existed still verifies (national defaults shown); changed contacts without the root
 * key's signature are refused by enrolled machines; and until a chair of governors is named,
 * `school show` says a concern about the headteacher has nowhere to go in school.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  canonicalBytes,
  generateSigningKeyPair,
  keyFingerprint,
  signBytes,
} from '../../src/crypto';
import {
  defaultContacts,
  signProfile,
  verifyProfile,
  type SchoolContacts,
  type SchoolProfile,
} from '../../src/school';
import { cliJson, runCli } from './support/cli';
import { addJoinedRecipient, makeSchool, type SchoolFixture } from './support/school';

interface ShowJson {
  schoolName: string;
  safetyCode: string;
  serial: number;
  recipients: Array<{ id: string; name: string; role: string; fingerprint: string }>;
  contacts: SchoolContacts;
  contactsAreDefaults: boolean;
  headteacherConcern: string | null;
  warning: string | null;
}

const NO_CHAIR =
  'No chair of governors is named yet, so a concern about the headteacher has nowhere to go within the school.';

let school: SchoolFixture;

const profileFile = () => join(school.share, 'school.json');
const readSigned = async () =>
  JSON.parse(await readFile(profileFile(), 'utf8')) as {
    profile: SchoolProfile;
    signature: { alg: string; keyFingerprint: string; value: string };
  };
const show = (home: string) => cliJson<ShowJson>(home, ['school', 'show']);

async function writeContactsFile(name: string, contacts: unknown): Promise<string> {
  const file = join(school.root, name);
  await writeFile(file, JSON.stringify(contacts));
  return file;
}

const setContacts = (file: string) =>
  runCli(school.dslHome, [
    'school',
    'set-contacts',
    '--file',
    file,
    '--passphrase-file',
    school.passphraseFile,
  ]);

beforeAll(async () => {
  school = await makeSchool();
});
afterAll(async () => school?.cleanup());

describe('a profile from before contacts were kept', () => {
  it('verifies as it is, and shows the national defaults with empty local contacts', async () => {
    const signed = await readSigned();
    expect(Object.keys(signed.profile)).not.toContain('contacts');
    expect(() => verifyProfile(JSON.stringify(signed))).not.toThrow();
    const shown = await show(school.staffHome);
    expect(shown.contactsAreDefaults).toBe(true);
    expect(shown.contacts).toEqual(defaultContacts);
    expect(shown.contacts.nspccWhistleblowing.phone).toBe('0800 028 0285');
    expect(shown.contacts.lado).toEqual({ name: '', phone: '', web: '' });
  });

  it('still verifies when signed byte for byte as version 1 was, without the field', () => {
    const root = generateSigningKeyPair();
    const body = {
      format: 'safeguard-desk/school-profile',
      formatVersion: 1,
      schoolId: '6f1c1a8e-3c55-4d3b-9c55-0d6c8a7c2f11',
      schoolName: 'Old School',
      serial: 3,
      issuedAt: '2025-01-06T09:00:00.000Z',
      rootKey: root.publicKey,
      recipients: [
        {
          id: '0b8f3a0e-1a1d-4c7e-8f7d-2c1d9e5b6a77',
          name: 'Ellie Shea',
          role: 'dsl',
          ageRecipient: 'age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p',
        },
      ],
      routing: { default: 'all-leads' },
    };
    const json = JSON.stringify({
      profile: body,
      signature: {
        alg: 'Ed25519',
        keyFingerprint: keyFingerprint(root.publicKey),
        value: signBytes(root.privateKey, canonicalBytes(body)),
      },
    });
    expect(verifyProfile(json).profile.contacts).toBeUndefined();
  });
});

describe('the school with no chair of governors', () => {
  it('says in school show, in words and in JSON, that a concern about the head has nowhere to go', async () => {
    const shown = await show(school.dslHome);
    expect(shown.headteacherConcern).toContain(NO_CHAIR);
    expect(shown.headteacherConcern).toContain('0800 028 0285');
    expect(shown.recipients.map((r) => [r.name, r.role])).toEqual([['Ellie Shea', 'dsl']]);
    expect(shown.recipients[0]?.fingerprint).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);

    const text = await runCli(school.staffHome, ['school', 'show']);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('Barnsole Primary');
    expect(text.stdout).toContain(`Safety code: ${school.safetyCode}`);
    expect(text.stdout).toContain(`Warning: ${NO_CHAIR}`);
    expect(text.stdout).toContain(
      "the local authority's LADO (the school has not recorded their number yet)",
    );
    expect(text.stdout).toMatch(/Chair of governors\n {4}none named/);
    expect(text.stdout).toContain(
      'NSPCC Whistleblowing Advice Line: NSPCC Whistleblowing Advice Line, 0800 028 0285',
    );
  });
});

describe('contacts set by the DSL', () => {
  const lado = { name: 'Jo Bloggs, Barnsole LADO', phone: '01632 960000', web: '' };

  it('round-trip through set-contacts to the enrolled staff machine, the rest kept', async () => {
    const file = await writeContactsFile('contacts.json', {
      lastChecked: '2026-09-01',
      lado,
      socialCareFrontDoor: { name: 'Barnsole MASH', phone: '01632 960111', web: '' },
    });
    const result = await setContacts(file);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Contacts saved and the school profile re-signed (version 2)');

    const shown = await show(school.staffHome);
    expect(shown.serial).toBe(2);
    expect(shown.contactsAreDefaults).toBe(false);
    expect(shown.contacts.lastChecked).toBe('2026-09-01');
    expect(shown.contacts.lado).toEqual(lado);
    expect(shown.contacts.socialCareFrontDoor.phone).toBe('01632 960111');
    expect(shown.contacts.ceop).toEqual(defaultContacts.ceop);
    // The headteacher sentence now gives the LADO's number.
    expect(shown.headteacherConcern).toContain('contact the LADO on 01632 960000');

    const text = await runCli(school.staffHome, ['school', 'show']);
    expect(text.stdout).toContain('Contacts (last checked 01/09/2026):');
    expect(text.stdout).toContain(
      'LADO (Local Authority Designated Officer): Jo Bloggs, Barnsole LADO, 01632 960000',
    );
  });

  it('accepts school show --json contacts back as a whole file', async () => {
    const { contacts } = await show(school.dslHome);
    const file = await writeContactsFile('whole.json', { ...contacts, lastChecked: '2026-09-02' });
    expect((await setContacts(file)).code).toBe(0);
    expect((await show(school.staffHome)).contacts).toEqual({
      ...contacts,
      lastChecked: '2026-09-02',
    });
  });

  it('refuses a file with a bad date, an unknown contact or a long text, changing nothing', async () => {
    const before = await readFile(profileFile(), 'utf8');
    const cases: Array<[unknown, string]> = [
      [{ lastChecked: '01/09/2026' }, 'lastChecked: a date written YYYY-MM-DD'],
      [{ lado: { name: 'x', phone: '1' } }, 'lado.web'],
      [{ ladoo: lado }, 'Unrecognized key'],
      [{ lado: { ...lado, phone: '0'.repeat(51) } }, 'lado.phone: at most 50 characters'],
      [{ lado: { ...lado, name: 'two\nlines' } }, 'lado.name: one line of text'],
    ];
    for (const [contacts, words] of cases) {
      const result = await setContacts(await writeContactsFile('bad.json', contacts));
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/^safeguard-desk: The contacts were not changed: /);
      expect(result.stderr).toContain(words);
    }
    const notJson = join(school.root, 'not.json');
    await writeFile(notJson, '{"lado": ');
    const result = await setContacts(notJson);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('The contacts file is not JSON');
    expect(await readFile(profileFile(), 'utf8')).toBe(before);
  });

  it('are refused by an enrolled machine when changed on the share without the root signature', async () => {
    const good = await readFile(profileFile(), 'utf8');
    const signed = await readSigned();
    const forgedLado = { name: 'Not the LADO', phone: '09098 790000', web: '' };

    // 1. The same signature over changed contacts (and a higher serial).
    const altered = {
      ...signed,
      profile: {
        ...signed.profile,
        serial: signed.profile.serial + 1,
        contacts: { ...signed.profile.contacts, lado: forgedLado },
      },
    };
    await writeFile(profileFile(), JSON.stringify(altered));
    let shown = await show(school.staffHome);
    expect(shown.contacts.lado).toEqual(lado);
    expect(shown.serial).toBe(signed.profile.serial);
    expect(shown.warning).toContain('does not verify');

    // 2. Properly signed — by a key that is not the school's.
    const other = generateSigningKeyPair();
    const resigned = signProfile(
      { ...altered.profile, rootKey: other.publicKey } as SchoolProfile,
      other.privateKey,
    );
    await writeFile(profileFile(), resigned);
    shown = await show(school.staffHome);
    expect(shown.contacts.lado).toEqual(lado);
    const text = await runCli(school.staffHome, ['school', 'show']);
    expect(text.stdout).toMatch(/^Warning: .*signed by a different key/);

    await writeFile(profileFile(), good);
    shown = await show(school.staffHome);
    expect(shown.contacts.lado).toEqual(lado);
    expect(shown.warning).toBeNull();
  });
});

describe('naming a chair of governors', () => {
  it('takes the headteacher warning away from school show', async () => {
    await addJoinedRecipient(school, 'chair', 'Chris Chair');
    const shown = await show(school.staffHome);
    expect(shown.headteacherConcern).toBeNull();
    expect(shown.recipients.map((r) => r.role)).toEqual(['dsl', 'chair']);
    const text = await runCli(school.staffHome, ['school', 'show']);
    expect(text.stdout).not.toContain('Warning:');
    expect(text.stdout).toContain('Chris Chair  fingerprint ');
  });
});
