/**
 * The share's extracts/ folder: each extract is written under a fresh random name (the same bytes
 * twice make two files, never one replaced), with the share's file permissions; listing passes
 * over anything not named like an extract; removing (a publisher's own superseded file) takes
 * regular files only and says when one was already gone; every name is checked.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { lstat, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openShare, SHARE_FILE_MODE, type Share } from '../../../src/share';

describe('the extracts folder', () => {
  let root: string;
  let share: Share;
  const name = () => `${randomBytes(16).toString('hex')}.age`;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'sgd-extracts-'));
    share = openShare(root);
    await share.prepare();
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('writes each extract under a new random name, never replacing one', async () => {
    const bytes = Buffer.from('sealed extract');
    const first = await share.writeExtractFile(bytes);
    const second = await share.writeExtractFile(bytes);
    expect(first).not.toBe(second);
    for (const file of [first, second]) {
      expect(file).toMatch(/^[0-9a-f]{32}\.age$/);
      const info = await lstat(join(root, 'extracts', file));
      expect(info.mode & 0o777).toBe(SHARE_FILE_MODE);
      expect(await readFile(join(root, 'extracts', file))).toEqual(bytes);
    }
    await writeFile(join(root, 'extracts', 'notes.txt'), 'x');
    await writeFile(join(root, 'extracts', `${first}.bak`), 'x');
    expect(await share.listExtractFiles()).toEqual([first, second].sort());
    expect((await share.readExtractFile(first)).bytes).toEqual(bytes);
    expect(await share.statExtractFile(first)).toMatchObject({ size: bytes.length });
  });

  it('removes only regular files, and says when one was already gone', async () => {
    const file = await share.writeExtractFile(Buffer.from('old'));
    expect(await share.removeExtractFile(file)).toBe(true);
    expect(await share.removeExtractFile(file)).toBe(false);

    const target = await share.writeExtractFile(Buffer.from('kept'));
    const link = name();
    await symlink(join(root, 'extracts', target), join(root, 'extracts', link));
    await expect(share.removeExtractFile(link)).rejects.toMatchObject({ code: 'not-a-file' });
    expect((await lstat(join(root, 'extracts', link))).isSymbolicLink()).toBe(true);
    expect(await readFile(join(root, 'extracts', target), 'utf8')).toBe('kept');
  });

  it('refuses a FIFO unopened, and names that are not an extract\u2019s', async () => {
    const fifo = name();
    execFileSync('mkfifo', [join(root, 'extracts', fifo)]);
    await expect(share.statExtractFile(fifo)).rejects.toMatchObject({ code: 'not-a-file' });
    await expect(share.readExtractFile(fifo)).rejects.toMatchObject({ code: 'not-a-file' });
    for (const bad of ['../school.json', 'notes.txt', `${'a'.repeat(32)}.age/x`]) {
      await expect(share.readExtractFile(bad)).rejects.toMatchObject({ code: 'bad-id' });
      await expect(share.removeExtractFile(bad)).rejects.toMatchObject({ code: 'bad-id' });
    }
  });
});
