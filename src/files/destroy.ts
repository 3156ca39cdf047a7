/**
 * Destroying a file that held a secret (a lead's one-time identity file once joined): overwrite it
 * with zeros, sync, then unlink. The overwrite is best effort — on SSDs, copy-on-write and
 * journalling filesystems, or a USB stick's wear levelling, old blocks may survive it — so the
 * unlink is what counts, and a file that cannot be removed is reported, never silently kept.
 */
import { constants } from 'node:fs';
import { lstat, open, unlink } from 'node:fs/promises';
import { systemCode } from './system-errors';

const WRITE_FLAGS = constants.O_WRONLY | (constants.O_NOFOLLOW ?? 0);

/**
 * Overwrites and removes a regular file; true when it is gone, false when it could not be removed
 * (read-only media, no permission, or a link or other non-file, which is left alone).
 */
export async function destroyFile(path: string): Promise<boolean> {
  let size: number;
  try {
    const info = await lstat(path);
    if (!info.isFile()) return false;
    size = info.size;
  } catch (error) {
    return systemCode(error) === 'ENOENT';
  }
  try {
    const handle = await open(path, WRITE_FLAGS);
    try {
      await handle.write(Buffer.alloc(size), 0, size, 0);
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // A read-only file in a writable folder can still be unlinked below.
  }
  try {
    await unlink(path);
    return true;
  } catch (error) {
    return systemCode(error) === 'ENOENT';
  }
}
