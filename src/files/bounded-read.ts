/**
 * Reading files that someone else may have planted: only regular files (never a symlink, FIFO,
 * device or folder), never more than a stated size, without blocking on a FIFO. A share is
 * writable by anyone in the school, so every file read from it goes through here.
 */
import { constants } from 'node:fs';
import { lstat, open } from 'node:fs/promises';
import { SafeguardError } from '../errors';

// O_NOFOLLOW refuses a symlink at open; O_NONBLOCK keeps a FIFO from blocking the open. Windows
// has neither: there the lstat below is the check.
const READ_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

/** Why a file was refused before its content was read. */
export type RefusalCode = 'not-a-file' | 'too-large';

/** A file refused for its kind or size; nothing of it was read. */
export class RefusedFile extends SafeguardError {
  constructor(
    readonly refusal: RefusalCode,
    message: string,
  ) {
    super(refusal, message);
  }
}

/** What was read, with the size and time the file had when it was opened. */
export interface BoundedRead {
  bytes: Buffer;
  size: number;
  mtimeMs: number;
  /** False when only the first `headBytes` were asked for and the file is longer. */
  complete: boolean;
}

export interface BoundedReadOptions {
  /** Larger files are refused unread. */
  maxBytes: number;
  /** Read only this many bytes from the start (the whole file when it is no longer). */
  headBytes?: number;
}

/** The size and time of a regular file, or a refusal when it is anything else. */
export async function statRegularFile(path: string): Promise<{ size: number; mtimeMs: number }> {
  const info = await lstat(path);
  if (!info.isFile()) throw notAFile();
  return { size: info.size, mtimeMs: info.mtimeMs };
}

/**
 * Reads a regular file of at most `maxBytes`. Throws RefusedFile for a symlink, FIFO, device,
 * folder or oversized file; fs errors (ENOENT…) pass through for the caller to name.
 */
export async function readRegularFile(
  path: string,
  options: BoundedReadOptions,
): Promise<BoundedRead> {
  if (process.platform === 'win32') await statRegularFile(path);
  let handle;
  try {
    handle = await open(path, READ_FLAGS);
  } catch (error) {
    // ELOOP: the name is a symlink (O_NOFOLLOW). ENXIO: a socket or a FIFO with no writer side.
    const code = (error as { code?: unknown }).code;
    if (code === 'ELOOP' || code === 'ENXIO' || code === 'EISDIR') throw notAFile();
    throw error;
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw notAFile();
    if (info.size > options.maxBytes) {
      throw new RefusedFile(
        'too-large',
        `It is larger (${info.size} bytes) than the ${options.maxBytes} bytes allowed.`,
      );
    }
    const want = Math.min(info.size, options.headBytes ?? info.size);
    // Exactly what the stat promised, no more: a file that grows while read is simply cut there
    // (share files are written whole and renamed into place, so only a hostile one grows).
    const buffer = Buffer.allocUnsafe(want);
    let filled = 0;
    while (filled < want) {
      const { bytesRead } = await handle.read(buffer, filled, want - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    const bytes = buffer.subarray(0, filled);
    return {
      bytes,
      size: info.size,
      mtimeMs: info.mtimeMs,
      complete: bytes.length === info.size,
    };
  } finally {
    await handle.close();
  }
}

function notAFile(): RefusedFile {
  return new RefusedFile('not-a-file', 'It is not a regular file (a link, a pipe or a device).');
}
