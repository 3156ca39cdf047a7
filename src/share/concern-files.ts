/**
 * `concerns/<concern id>.age`: sealed concerns, delivered once and never replaced. Reads are
 * bounded by SHARE_LIMITS.concernBytes; a file that is not a regular file is refused unread.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { SafeguardError } from '../errors';
import {
  readRegularFile,
  RefusedFile,
  statRegularFile,
  writeFileAtomically,
  type BoundedRead,
} from '../files';
import { isCode, missingFile, type FolderAccess } from './folder-access';
import { SHARE_FILE_MODE, SHARE_LIMITS } from './limits';
import type { WriteOutcome } from './share';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const CONCERN_FILE = new RegExp(`^${UUID}\\.age$`);

/** True for a name a concern file may have (`<concern id>.age`). */
export function isConcernFileName(name: string): boolean {
  return CONCERN_FILE.test(name);
}

/**
 * Delivers a sealed concern as `concerns/<id>.age`. Never overwrites: when the file already holds
 * the same bytes (a delivery interrupted after the rename, or a re-delivery) it says so.
 */
export function writeConcern(
  share: FolderAccess,
  concernId: string,
  sealed: Uint8Array,
): Promise<WriteOutcome> {
  const name = `${concernId}.age`;
  if (!CONCERN_FILE.test(name)) return Promise.reject(badConcernId());
  return share.timed(
    'write',
    async () => {
      await share.writable();
      const dir = await share.folder('concerns', true);
      const result = await writeFileAtomically(dir, name, sealed, { mode: SHARE_FILE_MODE });
      if (result === 'written') return 'written';
      const existing = await readRegularFile(join(dir, name), {
        maxBytes: sealed.length,
      }).catch(() => null);
      if (existing && Buffer.compare(existing.bytes, sealed) === 0) return 'already-there';
      throw new SafeguardError(
        'share-conflict',
        'A different file with this concern id is already on the share; it was left untouched.',
      );
    },
    sealed.length,
  );
}

/** True when `concerns/<id>.age` is on the share as a regular file. */
export function hasConcern(share: FolderAccess, concernId: string): Promise<boolean> {
  const name = `${concernId}.age`;
  if (!CONCERN_FILE.test(name)) return Promise.reject(badConcernId());
  return share.timed('read', async () => {
    await share.readable();
    const dir = await share.folder('concerns', false);
    if (dir === null) return false;
    return statRegularFile(join(dir, name)).then(
      () => true,
      (error: unknown) => {
        if (isCode(error, 'ENOENT') || error instanceof RefusedFile) return false;
        throw error;
      },
    );
  });
}

/** Names of the concern files on the share, sorted (temp files and strangers are ignored). */
export function listConcernFiles(share: FolderAccess): Promise<string[]> {
  return share.timed('read', async () => {
    await share.readable();
    const dir = await share.folder('concerns', false);
    if (dir === null) return [];
    return (await readdir(dir)).filter((n) => CONCERN_FILE.test(n)).sort();
  });
}

/** The size and time of a concern file; RefusedFile when it is not a regular file. */
export function statConcernFile(
  share: FolderAccess,
  name: string,
): Promise<{ size: number; mtimeMs: number }> {
  if (!CONCERN_FILE.test(name)) return Promise.reject(badFileName());
  return share.timed('read', async () =>
    statRegularFile(join(share.root, 'concerns', name)).catch(missingFile),
  );
}

/**
 * The bytes of one concern file (or its first `headBytes`), refused unread when it is not a
 * regular file or is over the limit.
 */
export function readConcernFile(
  share: FolderAccess,
  name: string,
  options: { headBytes?: number } = {},
): Promise<BoundedRead> {
  if (!CONCERN_FILE.test(name)) return Promise.reject(badFileName());
  return share.timed(
    'read',
    async () =>
      readRegularFile(join(share.root, 'concerns', name), {
        maxBytes: SHARE_LIMITS.concernBytes,
        ...options,
      }).catch(missingFile),
    options.headBytes ?? SHARE_LIMITS.concernBytes,
  );
}

function badConcernId(): SafeguardError {
  return new SafeguardError('bad-id', 'Invalid concern id.');
}

function badFileName(): SafeguardError {
  return new SafeguardError('bad-id', 'Invalid concern file name.');
}
