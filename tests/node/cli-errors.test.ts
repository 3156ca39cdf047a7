/**
 * §3: every bad input to the CLI gets one clear line on stderr and a non-zero exit status — no
 * stack trace, nothing on stdout, nothing half-written.
 */
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
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

function expectOneLineError(result: CliResult, code: number, message: string): void {
  expect(result.stderr).toBe(`safeguard-desk: ${message}\n`);
  expect(result.code).toBe(code);
  expect(result.stdout).toBe('');
}

describe('the command line refuses bad input clearly', () => {
  let school: SchoolFixture;
  let strangerHome: string;
  const report = (home: string, answersFile: string, form?: string) =>
    runCli(home, reportArgs(answersFile, form));

  beforeAll(async () => {
    school = await makeSchool();
    strangerHome = await mkdtemp(join(tmpdir(), 'sgd-stranger-'));
  });
  afterAll(async () => school.cleanup());

  it('rejects an unknown command with usage status 2', async () => {
    expectOneLineError(
      await runCli(school.staffHome, ['frobnicate']),
      2,
      'Unknown command "frobnicate"; see --help.',
    );
  });

  it('rejects an unknown option with usage status 2', async () => {
    const result = await runCli(school.staffHome, ['outbox', '--bogus']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^safeguard-desk: Unknown option '--bogus'\..*\n$/);
  });

  it('names a missing required option', async () => {
    expectOneLineError(await runCli(school.staffHome, ['enroll']), 2, '--share is required.');
  });

  it('prints usage on stderr with status 2 when no command is given', async () => {
    const result = await runCli(school.staffHome, []);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Usage: safeguard-desk <command>');
  });

  it('refuses to report from a machine that is not enrolled', async () => {
    const answers = await writeAnswers(school.root, contactAnswers(), 'ok.json');
    expectOneLineError(
      await report(strangerHome, answers),
      1,
      'This machine is not enrolled with a school share yet (safeguard-desk enroll --share DIR).',
    );
  });

  it('refuses an unknown form', async () => {
    const answers = await writeAnswers(school.root, contactAnswers(), 'ok2.json');
    expectOneLineError(
      await report(school.staffHome, answers, 'no-such-form'),
      1,
      'There is no form called "no-such-form".',
    );
  });

  it('refuses an answers file that cannot be read', async () => {
    const missing = join(school.root, 'missing.json');
    expectOneLineError(
      await report(school.staffHome, missing),
      1,
      `The answers file ${missing} cannot be read.`,
    );
  });

  it('refuses an answers file that is not JSON', async () => {
    const file = join(school.root, 'broken.json');
    await writeFile(file, '{"whatHappened": "unterminated');
    expectOneLineError(
      await report(school.staffHome, file),
      1,
      `The answers file ${file} is not valid JSON.`,
    );
  });

  it('refuses an answers file that is not an object', async () => {
    const file = await writeAnswers(school.root, ['a', 'b'], 'array.json');
    expectOneLineError(
      await report(school.staffHome, file),
      1,
      `The answers file ${file} must hold a JSON object of {fieldId: value}.`,
    );
  });

  it('names a missing required answer without echoing any answer', async () => {
    const answers = contactAnswers({ whatHappened: undefined, linkOrHandle: 'SECRET-HANDLE-42' });
    const file = await writeAnswers(school.root, answers, 'missing-field.json');
    const result = await report(school.staffHome, file);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^safeguard-desk: .*\(whatHappened\): required\n$/);
    expect(result.stderr).not.toContain('SECRET-HANDLE-42');
  });

  it('refuses a malformed answer (a choice that is not an option) without echoing it', async () => {
    const file = await writeAnswers(
      school.root,
      contactAnswers({ platform: 'SECRET-PLATFORM' }),
      'bad-choice.json',
    );
    const result = await report(school.staffHome, file);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^safeguard-desk: .*\(platform\): .*\n$/);
    expect(result.stderr).not.toContain('SECRET-PLATFORM');
  });

  it('refuses an attachment file that does not exist', async () => {
    const file = await writeAnswers(
      school.root,
      contactAnswers({ evidence: ['nothere.png'] }),
      'att.json',
    );
    expectOneLineError(
      await report(school.staffHome, file),
      1,
      'The attachment nothere.png cannot be read.',
    );
  });

  it('files nothing when the answers are refused', async () => {
    const file = await writeAnswers(
      school.root,
      contactAnswers({ immediateRisk: 'maybe' }),
      'nothing.json',
    );
    expect((await report(school.staffHome, file)).code).toBe(1);
    expect(await readdir(join(school.share, 'concerns'))).toEqual([]);
    const outbox = await runCli(school.staffHome, ['outbox', '--json']);
    expect(JSON.parse(outbox.stdout)).toEqual([]);
  });

  it('asks for --passphrase-file when there is no terminal to prompt on', async () => {
    expectOneLineError(
      await runCli(school.dslHome, ['lead', 'list']),
      2,
      'A passphrase is needed: pass --passphrase-file FILE (no terminal to prompt on).',
    );
  });

  it('refuses a passphrase file that cannot be read', async () => {
    const missing = join(school.root, 'nope.txt');
    expectOneLineError(
      await runCli(school.dslHome, ['lead', 'list', '--passphrase-file', missing]),
      1,
      `The passphrase file ${missing} cannot be read.`,
    );
  });

  it('refuses lead commands on a machine without a lead identity', async () => {
    expectOneLineError(
      await runCli(school.staffHome, [
        'lead',
        'import',
        '--passphrase-file',
        school.passphraseFile,
      ]),
      1,
      'This home folder holds no lead identity (set the school up first).',
    );
  });

  it('says when no concern has a reference', async () => {
    expectOneLineError(
      await runCli(school.dslHome, [
        'lead',
        'show',
        'SG-0000-0000',
        '--passphrase-file',
        school.passphraseFile,
      ]),
      1,
      'No concern has the reference SG-0000-0000.',
    );
  });

  it('refuses to set up a school on a share that already has one, leaving it untouched', async () => {
    const result = await runCli(join(school.root, 'second-dsl'), [
      'school',
      'init',
      '--share',
      school.share,
      '--school',
      'Impostor',
      '--lead-name',
      'Mallory',
      '--passphrase-file',
      school.passphraseFile,
    ]);
    expectOneLineError(
      result,
      1,
      'This share already has a school profile; it was left untouched.',
    );
  });

  it('refuses a passphrase shorter than 12 characters at set-up', async () => {
    const short = join(school.root, 'short.txt');
    // Hard to guess, so it is the length that is refused.
    await writeFile(short, 'Zq8#kL2!wP\n');
    const ws = await mkdtemp(join(tmpdir(), 'sgd-share-'));
    const result = await runCli(join(school.root, 'weak-dsl'), [
      'school',
      'init',
      '--share',
      ws,
      '--school',
      'X',
      '--lead-name',
      'Y',
      '--passphrase-file',
      short,
    ]);
    expectOneLineError(result, 1, 'The passphrase must be at least 12 characters long.');
    expect(await readdir(ws)).toEqual([]);
  });

  it('refuses to set up a school on a share folder that does not exist', async () => {
    const missing = join(school.root, 'no-share-here');
    const result = await runCli(join(school.root, 'dsl-3'), [
      'school',
      'init',
      '--share',
      missing,
      '--school',
      'X',
      '--lead-name',
      'Y',
      '--passphrase-file',
      school.passphraseFile,
    ]);
    expectOneLineError(
      result,
      1,
      `The school share cannot be reached at ${missing} (missing, not mounted, or not a folder).`,
    );
  });

  it('leaves no key file behind when set-up cannot write the share, so a retry works', async () => {
    const share = await mkdtemp(join(tmpdir(), 'sgd-blocked-'));
    await writeFile(join(share, 'concerns'), 'a file where the folder must go');
    const home = join(school.root, 'dsl-retry');
    const args = [
      'school',
      'init',
      '--share',
      share,
      '--school',
      'X',
      '--lead-name',
      'Y',
      '--passphrase-file',
      school.passphraseFile,
    ];
    expectOneLineError(
      await runCli(home, args),
      1,
      `"concerns" on the school share at ${share} is not a folder, so it was not used. Tell IT.`,
    );
    await expect(readdir(join(home, 'lead'))).resolves.toEqual([]);
    await rm(join(share, 'concerns'));
    const retried = await runCli(home, [...args, '--json']);
    expect(retried.code).toBe(0);
  });

  it('refuses to enrol with a share that has no school profile', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'sgd-empty-'));
    expectOneLineError(
      await runCli(strangerHome, ['enroll', '--share', empty]),
      1,
      'There is no school profile on this share; the DSL must set the school up first.',
    );
  });

  it('lists forms as JSON with id, version and title', async () => {
    const result = await runCli(school.staffHome, ['forms', 'list', '--json']);
    const forms = JSON.parse(result.stdout) as Array<Record<string, unknown>>;
    expect(forms).toContainEqual({
      id: 'private-online-contact-with-pupil',
      version: 2,
      title: expect.any(String) as unknown,
    });
    for (const f of forms) expect(Object.keys(f).sort()).toEqual(['id', 'title', 'version']);
  });

  it('shows a form definition as JSON, and refuses an unknown one', async () => {
    const shown = await runCli(school.staffHome, [
      'forms',
      'show',
      'professional-online-contact-log',
      '--json',
    ]);
    expect(JSON.parse(shown.stdout)).toMatchObject({
      id: 'professional-online-contact-log',
      version: 1,
    });
    expectOneLineError(
      await runCli(school.staffHome, ['forms', 'show', 'nope', '--json']),
      1,
      'There is no form called "nope".',
    );
  });
});
