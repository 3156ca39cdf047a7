/**
 * The whole path of issue 2 through the real CLI: school init (DSL home) → enroll (staff home) →
 * report → delivery to a temp-folder share → lead import → lead show → export identity → Debian's
 * `age -d` recovers the concern without this app.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FormRegistry } from '../../src/forms';
import { cliJson, runCli } from './support/cli';
import { hasAge } from './support/age';
import {
  contactAnswers,
  makeSchool,
  writeAnswers,
  type SchoolFixture,
  reportArgs,
} from './support/school';

describe('a sealed concern travels from a staff machine to the DSL', () => {
  let school: SchoolFixture;
  let reference: string;
  let screenshot: Buffer;

  beforeAll(async () => {
    school = await makeSchool();
    screenshot = Buffer.from('89504e470d0a1a0a' + 'ab'.repeat(2048), 'hex');
    await writeFile(join(school.root, 'post.png'), screenshot);
    const answersFile = await writeAnswers(school.root, contactAnswers({ evidence: ['post.png'] }));
    const receipt = await cliJson<{ reference: string; delivered: boolean }>(
      school.staffHome,
      reportArgs(answersFile),
    );
    expect(receipt.delivered).toBe(true);
    reference = receipt.reference;
  });

  afterAll(async () => school.cleanup());

  it('gives a reference short enough to read out over the phone', () => {
    expect(reference).toMatch(/^SG-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
  });

  it('shows the same safety code on the staff machine as the DSL got at set-up', async () => {
    const enrolled = await cliJson<{ safetyCode: string }>(school.staffHome, [
      'enroll',
      '--share',
      school.share,
    ]);
    expect(enrolled.safetyCode).toBe(school.safetyCode);
    expect(school.safetyCode).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  });

  it('delivers exactly one sealed file named by a random id, with nothing readable in it', async () => {
    const files = await readdir(join(school.share, 'concerns'));
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^[0-9a-f-]{36}\.age$/);
    const bytes = await readFile(join(school.share, 'concerns', files[0] ?? ''));
    expect(bytes.subarray(0, 21).toString()).toBe('age-encryption.org/v1');
    expect(bytes.includes(Buffer.from('Year 6'))).toBe(false);
    expect(bytes.includes(Buffer.from('Sam Teacher'))).toBe(false);
    expect(bytes.includes(Buffer.from(reference))).toBe(false);
  });

  it('lists the concern as delivered in the staff outbox, without its content', async () => {
    const outbox = await runCli(school.staffHome, ['outbox', '--json']);
    const rows = JSON.parse(outbox.stdout) as Array<Record<string, unknown>>;
    expect(rows).toEqual([expect.objectContaining({ reference, delivered: true })]);
    expect(outbox.stdout).not.toContain('Year 6');
  });

  it('imports the concern into the DSL case store, once', async () => {
    const first = await cliJson<{ imported: number; quarantined: unknown[] }>(school.dslHome, [
      'lead',
      'import',
      '--passphrase-file',
      school.passphraseFile,
    ]);
    expect(first).toMatchObject({ imported: 1, quarantined: [] });
    const second = await cliJson<{ imported: number }>(school.dslHome, [
      'lead',
      'import',
      '--passphrase-file',
      school.passphraseFile,
    ]);
    expect(second.imported).toBe(0);
    const list = await cliJson<Array<{ reference: string }>>(school.dslHome, [
      'lead',
      'list',
      '--passphrase-file',
      school.passphraseFile,
    ]);
    expect(list.map((c) => c.reference)).toEqual([reference]);
  });

  it('shows the DSL every answer, the reporter, and the attachment hash', async () => {
    const shown = await cliJson<{
      answers: Record<string, unknown>;
      reporterName: string;
      reporterRole: string;
      formId: string;
      formVersion: number;
    }>(school.dslHome, ['lead', 'show', reference, '--passphrase-file', school.passphraseFile]);
    const expected = contactAnswers();
    for (const [field, value] of Object.entries(expected))
      expect(shown.answers[field]).toEqual(value);
    expect(shown).toMatchObject({
      reporterName: 'Sam Teacher',
      reporterRole: 'Class teacher',
      formId: 'private-online-contact-with-pupil',
      formVersion: FormRegistry.builtIn().latest('private-online-contact-with-pupil')?.version,
    });
    expect(shown.answers.evidence).toEqual([
      {
        name: 'post.png',
        mediaType: 'image/png',
        size: screenshot.length,
        sha256: createHash('sha256').update(screenshot).digest('hex'),
      },
    ]);
  });

  it('keeps the local stores encrypted at rest', async () => {
    for (const file of [join(school.dslHome, 'lead.db'), join(school.staffHome, 'staff.db')]) {
      const bytes = await readFile(file);
      expect(bytes.subarray(0, 15).toString()).not.toBe('SQLite format 3');
      expect(bytes.includes(Buffer.from('Sam Teacher'))).toBe(false);
    }
  });

  it.skipIf(!hasAge)(
    'lets the DSL recover the concern with Debian age and the exported identity',
    async () => {
      const exported = await runCli(school.dslHome, [
        'lead',
        'export-identity',
        '--passphrase-file',
        school.passphraseFile,
      ]);
      expect(exported.code).toBe(0);
      expect(exported.stdout).toMatch(/^AGE-SECRET-KEY-1[0-9A-Z]+\n$/);
      const identityFile = join(school.root, 'identity.txt');
      await writeFile(identityFile, exported.stdout, { mode: 0o600 });
      const [file] = await readdir(join(school.share, 'concerns'));
      const plain = execFileSync('age', [
        '-d',
        '-i',
        identityFile,
        join(school.share, 'concerns', file ?? ''),
      ]);
      const envelope = JSON.parse(plain.toString('utf8')) as {
        format: string;
        document: { reference: string; form: { id: string }; answers: Record<string, unknown> };
        signature: { alg: string };
        attachmentContents: Array<{ sha256: string; base64: string }>;
      };
      expect(envelope.format).toBe('safeguard-desk/sealed-concern');
      expect(envelope.signature.alg).toBe('Ed25519');
      expect(envelope.document.reference).toBe(reference);
      expect(envelope.document.answers.whatHappened).toBe(contactAnswers().whatHappened);
      expect(
        Buffer.from(envelope.attachmentContents[0]?.base64 ?? '', 'base64').equals(screenshot),
      ).toBe(true);
    },
  );

  it('refuses the lead commands with a wrong passphrase, saying so', async () => {
    const wrong = join(school.root, 'wrong.txt');
    await writeFile(wrong, 'not the right passphrase\n');
    const result = await runCli(school.dslHome, ['lead', 'list', '--passphrase-file', wrong]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'safeguard-desk: The passphrase is wrong. After 4 more wrong tries, each try will have to wait.\n',
    );
    expect(result.stdout).toBe('');
  });
});
