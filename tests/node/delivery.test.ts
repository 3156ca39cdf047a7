/**
 * Issue 2e: with the share unreachable a concern stays in the encrypted outbox and goes on the next
 * attempt; never lost, never delivered twice.
 */
import { createHash } from 'node:crypto';
import { chmod, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openShare } from '../../src/share';
import { deliverPending, openStaffStore } from '../../src/staff';
import { UnprotectedFileKeyProvider } from '../../src/storage/key-provider';
import { cliJson, runCli } from './support/cli';
import {
  contactAnswers,
  makeSchool,
  writeAnswers,
  type SchoolFixture,
  reportArgs,
} from './support/school';

describe('delivery to the school share', () => {
  let school: SchoolFixture;
  let answersFile: string;
  const hidden = () => `${school.share}-unmounted`;

  beforeEach(async () => {
    school = await makeSchool();
    answersFile = await writeAnswers(school.root, contactAnswers());
  });
  afterEach(async () => school.cleanup());

  it('keeps a concern filed while the share is unreachable in the outbox, queued', async () => {
    await rename(school.share, hidden());
    const receipt = await cliJson<{ reference: string; delivered: boolean }>(
      school.staffHome,
      reportArgs(answersFile),
    );
    expect(receipt.delivered).toBe(false);
    const outbox = await cliJson<
      Array<{ reference: string; delivered: boolean; lastError: string }>
    >(school.staffHome, ['outbox']);
    expect(outbox).toEqual([
      expect.objectContaining({
        reference: receipt.reference,
        delivered: false,
        lastError: `The school share cannot be reached at ${school.share} (missing, not mounted, or not a folder).`,
      }),
    ]);
  });

  it('tells the reporter in words that the concern is queued, not lost', async () => {
    await rename(school.share, hidden());
    const result = await runCli(school.staffHome, reportArgs(answersFile));
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      'Queued on this machine; it will be delivered when the share is reachable.',
    );
  });

  it('never creates the share folder itself when it is missing (an unmapped drive)', async () => {
    await rename(school.share, hidden());
    await runCli(school.staffHome, reportArgs(answersFile));
    await expect(readdir(school.share)).rejects.toThrow();
  });

  it('delivers the queued concern on the next attempt, exactly once', async () => {
    await rename(school.share, hidden());
    await cliJson(school.staffHome, reportArgs(answersFile));
    await cliJson(school.staffHome, reportArgs(answersFile));
    const failed = await runCli(school.staffHome, ['deliver', '--json']);
    expect(failed.code).toBe(1);
    expect(JSON.parse(failed.stdout)).toMatchObject({ delivered: 0, pending: 2 });

    await rename(hidden(), school.share);
    expect(await cliJson(school.staffHome, ['deliver'])).toEqual({
      delivered: 2,
      pending: 0,
      error: null,
    });
    expect(await cliJson(school.staffHome, ['deliver'])).toEqual({
      delivered: 0,
      pending: 0,
      error: null,
    });
    expect(await readdir(join(school.share, 'concerns'))).toHaveLength(2);
    const outbox = await cliJson<Array<{ delivered: boolean }>>(school.staffHome, ['outbox']);
    expect(outbox.map((r) => r.delivered)).toEqual([true, true]);
  });

  it('finishes a delivery interrupted after the file reached the share, without a second copy', async () => {
    await rename(school.share, hidden());
    await cliJson(school.staffHome, reportArgs(answersFile));
    await rename(hidden(), school.share);
    // Simulate a crash between the rename on the share and the outbox update: the file is there.
    const keys = new UnprotectedFileKeyProvider(school.staffHome);
    const store = await openStaffStore(school.staffHome, keys);
    try {
      const [pending] = store.pending();
      expect(pending).toBeDefined();
      await openShare(school.share).writeConcern(
        pending?.concernId ?? '',
        pending?.sealed ?? Buffer.alloc(0),
      );
      const result = await deliverPending(store, new Date());
      expect(result).toEqual({ delivered: 1, pending: 0, error: null });
      expect(await readdir(join(school.share, 'concerns'))).toEqual([`${pending?.concernId}.age`]);
    } finally {
      store.close();
    }
  });

  it('never overwrites a different file that already has the concern id, and keeps the concern', async () => {
    await rename(school.share, hidden());
    await cliJson(school.staffHome, reportArgs(answersFile));
    await rename(hidden(), school.share);
    const store = await openStaffStore(
      school.staffHome,
      new UnprotectedFileKeyProvider(school.staffHome),
    );
    const [pending] = store.pending();
    store.close();
    const squatter = join(school.share, 'concerns', `${pending?.concernId}.age`);
    await mkdir(join(school.share, 'concerns'), { recursive: true });
    await writeFile(squatter, 'someone else wrote this');
    const result = await runCli(school.staffHome, ['deliver', '--json']);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toEqual({
      delivered: 0,
      pending: 1,
      error:
        'A different file with this concern id is already on the share; it was left untouched.',
    });
    expect(await readFile(squatter, 'utf8')).toBe('someone else wrote this');
  });

  it('leaves no temp file behind on the share after delivery', async () => {
    await cliJson(school.staffHome, reportArgs(answersFile));
    const names = await readdir(join(school.share, 'concerns'));
    expect(names.filter((n) => n.startsWith('.tmp-'))).toEqual([]);
  });

  it('queues instead of failing when the share folder is read-only', async () => {
    if (process.getuid?.() === 0) {
      // root ignores permission bits; a file in place of the folder is the unwritable share here.
      await rm(school.share, { recursive: true });
      await writeFile(school.share, 'not a folder');
    } else {
      await chmod(join(school.share, 'concerns'), 0o500);
      await chmod(school.share, 0o500);
    }
    const receipt = await cliJson<{ delivered: boolean }>(
      school.staffHome,
      reportArgs(answersFile),
    );
    expect(receipt.delivered).toBe(false);
    const store = await openStaffStore(
      school.staffHome,
      new UnprotectedFileKeyProvider(school.staffHome),
    );
    try {
      const [pending] = store.pending();
      const digest = createHash('sha256')
        .update(pending?.sealed ?? Buffer.alloc(0))
        .digest('hex');
      expect(digest).toMatch(/^[0-9a-f]{64}$/);
      expect(pending?.sealed.subarray(0, 21).toString()).toBe('age-encryption.org/v1');
    } finally {
      store.close();
    }
  });
});
