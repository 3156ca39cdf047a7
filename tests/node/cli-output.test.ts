/**
 * Issue 6, points 10 and 22 (CLI half): what the command line prints for people. Values from a
 * reporter, the share or the command line never reach the terminal with a control code in them;
 * times are local and British; `lead show` reads as text, not JSON. All through the real CLI, run
 * with TZ=Europe/London.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliResult } from './support/cli';
import {
  contactAnswers,
  makeSchool,
  writeAnswers,
  type SchoolFixture,
  reportArgs,
} from './support/school';

const LONDON = { TZ: 'Europe/London' };
// What may not reach a terminal raw; LF only as the CLI's own line ends.
const RAW_CONTROL =
  // eslint-disable-next-line no-control-regex -- looking for control characters is the test
  /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/u;

const FORGED_NAME = 'Sam\u001b[2K\rDr Trusted';
const FORGED_ROLE = 'Teacher\u0085\u202e';
const SCREENSHOT = Buffer.alloc(5000, 7);
const FORGED_FACTS = 'Saw messages late at night.\nWhere did the contact happen?: Forged\u001b[1A';

/** The local time of an ISO instant in London, as the CLI should print it. */
function london(iso: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(iso));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('day')}/${part('month')}/${part('year')} ${part('hour')}:${part('minute')}`;
}

function expectNoRawControl(result: CliResult): void {
  expect(result.code).toBe(0);
  expect(result.stdout).not.toMatch(RAW_CONTROL);
  expect(result.stderr).toBe('');
}

describe('what the command line prints for people', () => {
  let school: SchoolFixture;
  let reference: string;
  const lead = (args: string[]) =>
    runCli(school.dslHome, [...args, '--passphrase-file', school.passphraseFile], LONDON);

  beforeAll(async () => {
    school = await makeSchool('Barnsole\u001b[2J Primary');
    await writeFile(join(school.root, 'post.png'), SCREENSHOT);
    const answers = contactAnswers({
      whatHappened: FORGED_FACTS,
      whenHappened: '2026-06-22',
      whenNoticed: '2026-06-23T16:05:00Z',
      linkOrHandle: 'handle\u2028\u2066x\u007f',
      evidence: ['post.png'],
    });
    const file = await writeAnswers(school.root, answers);
    const args = reportArgs(file).map((a) =>
      a === 'Sam Teacher' ? FORGED_NAME : a === 'Class teacher' ? FORGED_ROLE : a,
    );
    const filed = await runCli(school.staffHome, [...args, '--json']);
    expect(filed.code).toBe(0);
    reference = (JSON.parse(filed.stdout) as { reference: string }).reference;
    expect((await lead(['lead', 'import'])).code).toBe(0);
  });
  afterAll(async () => school.cleanup());

  it('shows control codes in a reporter name as visible escapes in lead list', async () => {
    const listed = await lead(['lead', 'list']);
    expectNoRawControl(listed);
    expect(listed.stdout).toContain('Sam\\x1b[2K\\x0dDr Trusted (Teacher\\x85\\u202e)');
  });

  it('prints each line of a multi-line answer indented, so it cannot pass for a question', async () => {
    const shown = await lead(['lead', 'show', reference]);
    expectNoRawControl(shown);
    const lines = shown.stdout.split('\n');
    expect(lines).toContain('What did you see or hear? Facts only:');
    expect(lines).toContain('  Saw messages late at night.');
    expect(lines).toContain('  Where did the contact happen?: Forged\\x1b[1A');
    expect(lines.filter((l) => l.startsWith('Where did the contact happen?:'))).toEqual([
      'Where did the contact happen?: Snapchat',
    ]);
    expect(shown.stdout).toContain('Reported by Sam\\x1b[2K\\x0dDr Trusted (Teacher\\x85\\u202e)');
    expect(lines).toContain('Account name or link, if you know it: handle\\u2028\\u2066x\\x7f');
  });

  it('shows answers as text: people, option labels, Yes/No, British dates, attachments', async () => {
    const shown = await lead(['lead', 'show', reference]);
    const lines = shown.stdout.split('\n');
    expect(lines).toContain('Who is involved?: Mr Example (staff); Pupil A (pupil, Year 6)');
    expect(lines).toContain('When did it happen?: 22/06/2026');
    // 16:05 UTC is 17:05 in London in June (BST).
    expect(lines).toContain('When did you notice it?: 23/06/2026 17:05');
    expect(lines).toContain('Is a child at immediate risk of harm?: No');
    const sha256 = createHash('sha256').update(SCREENSHOT).digest('hex');
    expect(lines).toContain('Screenshots you already have:');
    expect(lines).toContain(`  post.png, 4.9 KiB (5,000 bytes), SHA-256 ${sha256}`);
    expect(shown.stdout).not.toContain('{"name"');
  });

  it('prints times in lead list and lead show as local British time, and keeps ISO in JSON', async () => {
    const json = await lead(['lead', 'list', '--json']);
    const [listed] = JSON.parse(json.stdout) as Array<{ filedAt: string }>;
    const filedAt = listed?.filedAt ?? '';
    expect(filedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);
    expect((await lead(['lead', 'list'])).stdout).toContain(`  ${reference}  ${london(filedAt)}  `);
    expect((await lead(['lead', 'show', reference])).stdout).toContain(
      `(Teacher\\x85\\u202e) at ${london(filedAt)}\n`,
    );
  });

  it('prints the outbox with local British times', async () => {
    const json = await runCli(school.staffHome, ['outbox', '--json']);
    const [row] = JSON.parse(json.stdout) as Array<{ createdAt: string }>;
    const text = await runCli(school.staffHome, ['outbox'], LONDON);
    // The lead imported it earlier in this file, so a lead's acknowledgement is on the share.
    expect(text.stdout).toBe(`${reference}  ${london(row?.createdAt ?? '')}  acknowledged\n`);
  });

  it('escapes DEL, C1, bidi controls and U+2028 in --json output, which parses to the same value', async () => {
    const json = await lead(['lead', 'show', reference, '--json']);
    expect(json.stdout).not.toMatch(RAW_CONTROL);
    expect(json.stdout).toContain('"reporterRole": "Teacher\\u0085\\u202e"');
    expect(json.stdout).toContain('"linkOrHandle": "handle\\u2028\\u2066x\\u007f"');
    const parsed = JSON.parse(json.stdout) as {
      reporterName: string;
      reporterRole: string;
      answers: Record<string, unknown>;
    };
    expect(parsed.reporterName).toBe(FORGED_NAME);
    expect(parsed.reporterRole).toBe(FORGED_ROLE);
    expect(parsed.answers.whatHappened).toBe(FORGED_FACTS);
    expect(parsed.answers.linkOrHandle).toBe('handle\u2028\u2066x\u007f');
  });

  it('shows a school name from the share with its control codes escaped at enrolment', async () => {
    const enrolled = await runCli(school.staffHome, ['enroll', '--share', school.share]);
    expectNoRawControl(enrolled);
    expect(enrolled.stdout).toContain('Enrolled with Barnsole\\x1b[2J Primary.\n');
  });

  it('escapes control codes in the title of a school’s own form in forms list and show', async () => {
    const builtin = JSON.parse(
      await readFile('forms/private-online-contact-with-pupil.v1.json', 'utf8'),
    ) as Record<string, unknown>;
    await mkdir(join(school.staffHome, 'forms'), { recursive: true });
    await writeFile(
      join(school.staffHome, 'forms', 'school-own-form.v1.json'),
      JSON.stringify({ ...builtin, id: 'school-own-form', title: 'Own\u009b2J \u202eform' }),
    );
    const listed = await runCli(school.staffHome, ['forms', 'list']);
    expectNoRawControl(listed);
    expect(listed.stdout).toContain('school-own-form (v1)  Own\\x9b2J \\u202eform\n');
    const shown = await runCli(school.staffHome, ['forms', 'show', 'school-own-form']);
    expectNoRawControl(shown);
    expect(shown.stdout).toContain('"title": "Own\\u009b2J \\u202eform"');
  });

  it('escapes control codes in a path quoted by a one-line error', async () => {
    const missing = join(school.root, 'gone\u001b[2K\r.json');
    const result = await runCli(school.staffHome, reportArgs(missing));
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `safeguard-desk: The answers file ${join(school.root, 'gone\\x1b[2K\\x0d.json')} cannot be read.\n`,
    );
  });
});
