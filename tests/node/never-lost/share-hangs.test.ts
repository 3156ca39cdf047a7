/**
 * Issue 6 A2: a share that stops answering never hangs filing. Every share operation has a time
 * limit (files/deadline.ts); what cannot be read without blocking (a FIFO planted as a file or a
 * folder) is refused at once. Either way the concern is kept, and the reporter told.
 */
import { execFileSync } from 'node:child_process';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SafeguardError } from '../../../src/errors';
import { withDeadline } from '../../../src/files';
import { cliJson, runCli } from '../support/cli';
import {
  contactAnswers,
  makeSchool,
  reportArgs,
  writeAnswers,
  type SchoolFixture,
} from '../support/school';

describe('the time limit of a share operation', () => {
  it('gives control back with its own error when the operation never answers', async () => {
    const never = new Promise<string>(() => undefined);
    const started = Date.now();
    await expect(
      withDeadline(never, 200, () => new SafeguardError('share-timeout', 'no answer')),
    ).rejects.toMatchObject({ code: 'share-timeout', message: 'no answer' });
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('drops a late failure without an unhandled rejection, and passes a prompt answer through', async () => {
    const late = new Promise<string>((_, reject) =>
      setTimeout(() => reject(new Error('late')), 50),
    );
    await expect(
      withDeadline(late, 10, () => new SafeguardError('share-timeout', 'no answer')),
    ).rejects.toMatchObject({ code: 'share-timeout' });
    await new Promise((resolve) => setTimeout(resolve, 100));
    await expect(
      withDeadline(Promise.resolve('ok'), 1_000, () => new SafeguardError('share-timeout', 'x')),
    ).resolves.toBe('ok');
  });
});

describe('a share with pipes where files and folders should be', () => {
  let school: SchoolFixture;
  let answers: string;

  beforeAll(async () => {
    school = await makeSchool();
    answers = await writeAnswers(school.root, contactAnswers());
  });
  afterAll(async () => school.cleanup());

  it('files within seconds when school.json is a FIFO, keeping and delivering the concern', async () => {
    const profile = join(school.share, 'school.json');
    const good = await readFile(profile);
    await rm(profile);
    execFileSync('mkfifo', [profile]);
    try {
      const started = Date.now();
      const result = await cliJson<{ delivered: boolean; warning: string }>(
        school.staffHome,
        reportArgs(answers),
      );
      expect(Date.now() - started).toBeLessThan(15_000);
      expect(result.delivered).toBe(true);
      expect(result.warning).toContain('tell the DSL');
    } finally {
      await rm(profile);
      await writeFile(profile, good);
    }
  });

  it('keeps the concern queued and tells the reporter when concerns/ is a FIFO', async () => {
    const concerns = join(school.share, 'concerns');
    await rm(concerns, { recursive: true });
    execFileSync('mkfifo', [concerns]);
    try {
      const started = Date.now();
      const result = await runCli(school.staffHome, reportArgs(answers));
      expect(Date.now() - started).toBeLessThan(15_000);
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toContain('Saved on this computer — waiting to reach the school.');
      expect(result.stdout).toContain(
        `"concerns" on the school share at ${school.share} is not a folder, so it was not used. Tell IT.`,
      );
    } finally {
      await rm(concerns);
    }
    expect(await cliJson(school.staffHome, ['deliver'])).toMatchObject({ pending: 0, error: null });
  });
});
