/**
 * `extracts/<32 hex>.age`: the anonymised statistical extracts leads publish for office staff
 * (docs/extract-format.md). Each is written under a fresh random name and never replaced, so a
 * reader never sees half of one and two leads never collide; a lead removes only the files it
 * wrote itself, once a newer one is there. Every read is bounded: a regular file, at most
 * SHARE_LIMITS.extractBytes, within the share's time limit.
 */
import { randomBytes } from 'node:crypto';
import { readdir, lstat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { SafeguardError } from '../errors';
import {
  readRegularFile,
  RefusedFile,
  statRegularFile,
  syncFolder,
  writeFileAtomically,
  type BoundedRead,
} from '../files';
import { isCode, missingFile, type FolderAccess } from './folder-access';
import { SHARE_FILE_MODE, SHARE_LIMITS } from './limits';

const EXTRACT_FILE = /^[0-9a-f]{32}\.age$/;

/** True for a name an extract file may have (128 random bits, hex, `.age`). */
export function isExtractFileName(name: string): boolean {
  return EXTRACT_FILE.test(name);
}

/** Writes a sealed extract under a new random name, never replacing a file; returns the name. */
export function writeExtractFile(share: FolderAccess, sealed: Uint8Array): Promise<string> {
  return share.timed(
    'write',
    async () => {
      await share.writable();
      const dir = await share.folder('extracts', true);
      // 128 random bits: a taken name means someone planted it; another draw gets past them.
      for (let attempt = 0; attempt < 4; attempt++) {
        const name = `${randomBytes(16).toString('hex')}.age`;
        const result = await writeFileAtomically(dir, name, sealed, { mode: SHARE_FILE_MODE });
        if (result === 'written') return name;
      }
      throw new SafeguardError(
        'share-conflict',
        'The extract could not be written under a new name on the share.',
      );
    },
    sealed.length,
  );
}

/** Names of the extract files on the share, sorted (temp files and strangers are ignored). */
export function listExtractFiles(share: FolderAccess): Promise<string[]> {
  return share.timed('read', async () => {
    await share.readable();
    const dir = await share.folder('extracts', false);
    if (dir === null) return [];
    return (await readdir(dir)).filter((n) => EXTRACT_FILE.test(n)).sort();
  });
}

/** The size and time of an extract file; RefusedFile when it is not a regular file. */
export function statExtractFile(
  share: FolderAccess,
  name: string,
): Promise<{ size: number; mtimeMs: number }> {
  if (!EXTRACT_FILE.test(name)) return Promise.reject(badName());
  return share.timed('read', async () =>
    statRegularFile(join(share.root, 'extracts', name)).catch(missingFile),
  );
}

/**
 * The bytes of one extract file (or its first `headBytes`), refused unread when it is not a
 * regular file or is larger than SHARE_LIMITS.extractBytes.
 */
export function readExtractFile(
  share: FolderAccess,
  name: string,
  options: { headBytes?: number } = {},
): Promise<BoundedRead> {
  if (!EXTRACT_FILE.test(name)) return Promise.reject(badName());
  return share.timed(
    'read',
    async () =>
      readRegularFile(join(share.root, 'extracts', name), {
        maxBytes: SHARE_LIMITS.extractBytes,
        ...options,
      }).catch(missingFile),
    options.headBytes ?? SHARE_LIMITS.extractBytes,
  );
}

/**
 * Removes an extract file this computer wrote (its publisher's own, superseded). Only a regular
 * file is removed; false when it was already gone.
 */
export function removeExtractFile(share: FolderAccess, name: string): Promise<boolean> {
  if (!EXTRACT_FILE.test(name)) return Promise.reject(badName());
  return share.timed('write', async () => {
    const dir = await share.folder('extracts', false);
    if (dir === null) return false;
    const path = join(dir, name);
    try {
      const info = await lstat(path);
      if (!info.isFile()) {
        throw new RefusedFile(
          'not-a-file',
          'It is not a regular file (a link, a pipe or a device).',
        );
      }
      await unlink(path);
    } catch (error) {
      if (isCode(error, 'ENOENT')) return false;
      throw error;
    }
    await syncFolder(dir);
    return true;
  });
}

function badName(): SafeguardError {
  return new SafeguardError('bad-id', 'Invalid extract file name.');
}
