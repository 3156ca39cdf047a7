/**
 * Issue 6 A6: full disks. A full local disk names the cause and loses nothing (the reporter's
 * words stay with them: the API answers with a code the UI shows on the review step); a full share
 * names the cause, keeps the concern queued, and leaves no temp file behind. Abandoned temp files
 * of ours are swept. Real tmpfs filesystems of a few megabytes.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, open, readdir, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../src/api/dispatch';
import { openSession } from '../../../src/session';
import { UnprotectedFileKeyProvider } from '../../../src/storage/key-provider';
import { cliJson, runCli } from '../support/cli';
import { mountsUnavailable, mountTmpfs, unmount } from '../support/mounts';
import { contactAnswers, PASSPHRASE, reportArgs, writeAnswers } from '../support/school';

const mounted: string[] = [];
const roots: string[] = [];

afterEach(async () => {
  for (const dir of mounted.splice(0).reverse()) unmount(dir);
  for (const dir of roots.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function tmpfs(size: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'sgd-tmpfs-'));
  roots.push(dir);
  mountTmpfs(dir, size);
  mounted.push(dir);
  return dir;
}

/** Fills the filesystem holding `dir` to the last byte; returns the filler's path. */
async function fill(dir: string): Promise<string> {
  const path = join(dir, 'filler.bin');
  const handle = await open(path, 'w');
  try {
    for (const size of [65_536, 4_096, 512, 1]) {
      const chunk = Buffer.alloc(size, 1);
      for (;;) {
        try {
          await handle.write(chunk);
        } catch {
          break;
        }
      }
    }
  } finally {
    await handle.close().catch(() => undefined);
  }
  return path;
}

/** A school set up on `share` by a DSL home in `root`, and a staff home `staffHome` enrolled. */
async function school(share: string, staffHome: string) {
  const root = await mkdtemp(join(tmpdir(), 'sgd-full-'));
  roots.push(root);
  const passphraseFile = join(root, 'passphrase.txt');
  await writeFile(passphraseFile, `${PASSPHRASE}\n`);
  await cliJson(join(root, 'dsl'), [
    'school',
    'init',
    '--share',
    share,
    '--school',
    'Barnsole Primary',
    '--lead-name',
    'Ellie Shea',
    '--passphrase-file',
    passphraseFile,
  ]);
  await cliJson(staffHome, ['enroll', '--share', share]);
  return { root, answers: await writeAnswers(root, contactAnswers()) };
}

async function tempFiles(dir: string): Promise<string[]> {
  return (await readdir(dir).catch(() => [])).filter((n) => n.includes('.tmp-'));
}

describe.skipIf(mountsUnavailable !== null)('full disks', () => {
  it('says the local disk is full, in one line, when a concern cannot be saved, and files once there is room', async () => {
    const disk = await tmpfs('8m');
    const share = await mkdtemp(join(tmpdir(), 'sgd-share-'));
    roots.push(share);
    const home = join(disk, 'staff');
    const { answers } = await school(share, home);
    const filler = await fill(disk);

    const refused = await runCli(home, reportArgs(answers));

    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe(
      "safeguard-desk: This computer's disk is full, so nothing could be saved. Free some space or tell IT, then try again.\n",
    );
    expect(await readdir(join(share, 'concerns'))).toEqual([]);

    await rm(filler);
    const filed = await cliJson<{ delivered: boolean }>(home, reportArgs(answers));
    expect(filed.delivered).toBe(true);
  });

  it('answers the UI with the code disk-full, so the review step keeps the answers and says why', async () => {
    const disk = await tmpfs('8m');
    const share = await mkdtemp(join(tmpdir(), 'sgd-share-'));
    roots.push(share);
    const home = join(disk, 'staff');
    await school(share, home);
    const desk = await openSession({ home, keyProvider: new UnprotectedFileKeyProvider(home) });
    try {
      await fill(disk);
      const result = await dispatch(desk.handlers, 'concerns.submit', {
        formId: 'private-online-contact-with-pupil',
        answers: contactAnswers({ whatHappened: 'x'.repeat(20_000) }),
        reporter: { name: 'Sam Teacher', role: 'Class teacher' },
      });
      expect(result).toEqual({
        ok: false,
        error: {
          code: 'disk-full',
          message:
            "This computer's disk is full, so nothing could be saved. Free some space or tell IT, then try again.",
        },
      });
    } finally {
      desk.close();
    }
  });

  it('keeps a concern queued when the share is full, says so, and leaves no temp file on the share', async () => {
    const shareDisk = await tmpfs('2m');
    const share = join(shareDisk, 'share');
    await mkdir(share);
    const home = join(await mkdtemp(join(tmpdir(), 'sgd-staff-')), 'staff');
    roots.push(join(home, '..'));
    const { answers } = await school(share, home);
    const filler = await fill(shareDisk);

    for (let attempt = 0; attempt < 3; attempt++) {
      const result = await runCli(home, reportArgs(answers));
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout, result.stdout).toContain(
        'Saved on this computer — waiting to reach the school.',
      );
      expect(result.stdout).toContain(`The school share at ${share} is full. Tell IT.`);
    }
    expect(await tempFiles(join(share, 'concerns'))).toEqual([]);
    expect(await tempFiles(share)).toEqual([]);
    const outbox = await cliJson<Array<{ delivered: boolean; lastError: string }>>(home, [
      'outbox',
    ]);
    expect(outbox).toHaveLength(3);
    expect(outbox.every((r) => !r.delivered)).toBe(true);
    expect(outbox[0]?.lastError).toBe(`The school share at ${share} is full. Tell IT.`);

    await rm(filler);
    expect(await cliJson(home, ['deliver'])).toEqual({ delivered: 3, pending: 0, error: null });
    expect((await readdir(join(share, 'concerns'))).filter((n) => n.endsWith('.age'))).toHaveLength(
      3,
    );
  });
});

describe('abandoned temp files', () => {
  it('are swept from the share when this computer delivers, sparing live writers and other computers', async () => {
    const root = await mkdtemp(join(tmpdir(), 'sgd-sweep-'));
    roots.push(root);
    const share = join(root, 'share');
    await mkdir(share);
    const home = join(root, 'staff');
    const { answers } = await school(share, home);
    const concerns = join(share, 'concerns');
    const host = createHash('sha256').update(hostname()).digest('hex').slice(0, 8);
    const deadPid = spawnSync(process.execPath, ['-e', '0']).pid ?? 999_999;
    const hex = () => createHash('sha256').update(String(Math.random())).digest('hex').slice(0, 16);
    const dead = `.tmp-${host}-${deadPid}-${hex()}`;
    const live = `.tmp-${host}-${process.pid}-${hex()}`;
    const otherComputer = `.tmp-0badc0de-${deadPid}-${hex()}`;
    const oldOtherComputer = `.tmp-0badc0de-${deadPid}-${hex()}`;
    for (const name of [dead, live, otherComputer, oldOtherComputer]) {
      await writeFile(join(concerns, name), 'half a concern');
    }
    const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
    await utimes(join(concerns, oldOtherComputer), twoHoursAgo, twoHoursAgo);
    const hidden = `${share}-away`;
    execFileSync('mv', [share, hidden]);
    await runCli(home, reportArgs(answers)); // queued: something to deliver
    execFileSync('mv', [hidden, share]);

    expect(await cliJson(home, ['deliver'])).toMatchObject({ delivered: 1, pending: 0 });

    expect((await tempFiles(concerns)).sort()).toEqual([live, otherComputer].sort());
    await expect(stat(join(concerns, dead))).rejects.toThrow();
  });
});
