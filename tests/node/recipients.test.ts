/**
 * Adding recipients re-signs the profile; enrolled machines accept it; a concern about a lead or the
 * head is sealed so that person cannot open it (checked with Debian's age); a new lead joins and
 * imports; the reporter's machine sees the lead's acknowledgement.
 */
import { execFileSync } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { hasAge } from './support/age';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliJson, runCli } from './support/cli';
import {
  contactAnswers,
  leadOpens,
  makeSchool,
  oneTimePassphraseFile,
  PASSPHRASE,
  writeAnswers,
  type SchoolFixture,
} from './support/school';

describe.skipIf(!hasAge)('recipients and routing through the CLI', () => {
  let school: SchoolFixture;
  let answersFile: string;
  const identities: Record<string, string> = {};
  const homes: Record<string, string> = {};

  /** Which of the named identities can decrypt the newest concern on the share. */
  function whoCanOpen(file: string): string[] {
    const who: string[] = [];
    for (const [name, identityFile] of Object.entries(identities)) {
      try {
        execFileSync('age', ['-d', '-i', identityFile, join(school.share, 'concerns', file)], {
          stdio: 'pipe',
        });
        who.push(name);
      } catch {
        /* not addressed to this identity */
      }
    }
    return who.sort();
  }

  async function fileAbout(about: string | null): Promise<string> {
    const before = new Set(await readdir(join(school.share, 'concerns')));
    const args = [
      'report',
      '--form',
      'private-online-contact-with-pupil',
      '--answers',
      answersFile,
      '--reporter',
      'Sam Teacher',
      '--reporter-role',
      'Teacher',
    ];
    if (about !== null) args.push('--about', about);
    await cliJson(school.staffHome, args);
    const after = await readdir(join(school.share, 'concerns'));
    const added = after.filter((f) => !before.has(f));
    expect(added).toHaveLength(1);
    return added[0] ?? '';
  }

  beforeAll(async () => {
    school = await makeSchool();
    answersFile = await writeAnswers(school.root, contactAnswers());
    for (const [role, name] of [
      ['deputy', 'Dan Deputy'],
      ['headteacher', 'Hana Head'],
      ['chair', 'Chris Chair'],
    ]) {
      const oneTime = await oneTimePassphraseFile(school, role ?? '');
      const passFile = join(school.root, `${role}-pass.txt`);
      await writeFile(passFile, `${PASSPHRASE} ${role}\n`);
      const out = join(school.root, `${role}.identity.age`);
      await cliJson(school.dslHome, [
        'school',
        'add-recipient',
        '--role',
        role ?? '',
        '--name',
        name ?? '',
        '--passphrase-file',
        school.passphraseFile,
        '--new-passphrase-file',
        oneTime,
        '--identity-out',
        out,
      ]);
      homes[role ?? ''] = join(school.root, `${role}-home`);
      await cliJson(homes[role ?? ''] ?? '', [
        'lead',
        'join',
        '--identity',
        out,
        '--share',
        school.share,
        '--passphrase-file',
        oneTime,
        '--new-passphrase-file',
        passFile,
      ]);
      const exported = await runCli(homes[role ?? ''] ?? '', [
        'lead',
        'export-identity',
        '--passphrase-file',
        passFile,
      ]);
      identities[name ?? ''] = join(school.root, `${role}-identity.txt`);
      await writeFile(identities[name ?? ''] ?? '', exported.stdout);
    }
    const dsl = await runCli(school.dslHome, [
      'lead',
      'export-identity',
      '--passphrase-file',
      school.passphraseFile,
    ]);
    identities['Ellie Shea'] = join(school.root, 'dsl-identity.txt');
    await writeFile(identities['Ellie Shea'], dsl.stdout);
  });
  afterAll(async () => school.cleanup());

  it('re-signs the profile with a higher serial that the enrolled staff machine accepts', async () => {
    const profile = JSON.parse(await readFile(join(school.share, 'school.json'), 'utf8')) as {
      profile: { serial: number; recipients: Array<{ role: string }> };
    };
    expect(profile.profile.serial).toBe(4);
    expect(profile.profile.recipients.map((r) => r.role)).toEqual([
      'dsl',
      'deputy',
      'headteacher',
      'chair',
    ]);
    const enrolled = await cliJson<{ safetyCode: string }>(school.staffHome, [
      'enroll',
      '--share',
      school.share,
    ]);
    expect(enrolled.safetyCode).toBe(school.safetyCode);
  });

  it('seals an ordinary concern to the DSL and the deputy only', async () => {
    expect(whoCanOpen(await fileAbout(null))).toEqual(['Dan Deputy', 'Ellie Shea']);
  });

  it('seals a concern about the DSL so the DSL cannot open it, and the head can', async () => {
    expect(whoCanOpen(await fileAbout('Ellie Shea'))).toEqual(['Dan Deputy', 'Hana Head']);
  });

  it('seals a concern about the headteacher to the chair of governors only', async () => {
    expect(whoCanOpen(await fileAbout('hana head'))).toEqual(['Chris Chair']);
  });

  it('refuses --about for someone who is not a lead, head or chair', async () => {
    const result = await runCli(school.staffHome, [
      'report',
      '--form',
      'private-online-contact-with-pupil',
      '--answers',
      answersFile,
      '--reporter',
      'Sam',
      '--reporter-role',
      'Teacher',
      '--about',
      'Nobody Known',
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'safeguard-desk: No lead, headteacher or chair on the school profile matches --about.\n',
    );
  });

  it('lets a lead who joined import what is sealed to them, and say nothing of the rest', async () => {
    const result = await cliJson<{ imported: number; quarantined: Array<{ code: string }> }>(
      homes.chair ?? '',
      ['lead', 'import', '--passphrase-file', join(school.root, 'chair-pass.txt')],
    );
    expect(result.imported).toBe(1);
    expect(result.quarantined).toEqual([]);
  });

  it('shows the reporter a lead acknowledged the concern once the lead opened it, not before', async () => {
    const lead = { home: school.dslHome, passphraseFile: school.passphraseFile };
    await cliJson(lead.home, ['lead', 'import', '--passphrase-file', lead.passphraseFile]);
    const acknowledged = async () =>
      (
        await cliJson<Array<{ reference: string; acknowledged: boolean }>>(school.staffHome, [
          'outbox',
        ])
      )
        .filter((r) => r.acknowledged)
        .map((r) => r.reference);
    expect(await acknowledged()).toEqual([]);
    const cases = await cliJson<Array<{ reference: string }>>(lead.home, [
      'lead',
      'list',
      '--passphrase-file',
      lead.passphraseFile,
    ]);
    const opened = cases.slice(0, 2).map((c) => c.reference);
    for (const reference of opened) await leadOpens(lead, reference);
    expect((await acknowledged()).sort()).toEqual([...opened].sort());
    const acks = await readdir(join(school.share, 'acks'));
    for (const name of acks) {
      const text = await readFile(join(school.share, 'acks', name), 'utf8');
      expect(text).not.toContain('Year 6');
      expect(text).not.toContain('Sam Teacher');
    }
  });

  it('adds an office recipient by an existing age key without making an identity', async () => {
    const added = await cliJson<{ role: string; identityFile: null }>(school.dslHome, [
      'school',
      'add-recipient',
      '--role',
      'office',
      '--name',
      'Olu Office',
      '--recipient',
      'age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p',
      '--passphrase-file',
      school.passphraseFile,
    ]);
    expect(added).toMatchObject({ role: 'office', identityFile: null });
  });

  it('refuses add-recipient from a lead without the root key', async () => {
    const result = await runCli(homes.deputy ?? '', [
      'school',
      'add-recipient',
      '--role',
      'office',
      '--name',
      'X',
      '--recipient',
      'age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p',
      '--passphrase-file',
      join(school.root, 'deputy-pass.txt'),
    ]);
    expect(result.stderr).toBe(
      "safeguard-desk: Only the DSL who set the school up holds the school's root key.\n",
    );
  });
});
