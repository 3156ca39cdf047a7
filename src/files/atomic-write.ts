/**
 * The one way files are written, on the share and on this computer alike: temp file → fsync →
 * link or rename → fsync the folder. A reader never sees half a file; a file that must not be
 * replaced (a concern, a key) is never replaced, even by a writer racing us; a failure at any step
 * leaves no temp file behind.
 */
import { link, lstat, open, readdir, rename, unlink, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { isAbandonedTemp, tempName } from './temp-names';
import { systemCode } from './system-errors';

export interface AtomicWriteOptions {
  /** Replace a file already there (the school profile). Otherwise an existing name is kept. */
  replace?: boolean;
  /** fsync the file and the folder (default). Off only for courtesy files. */
  durable?: boolean;
  /** The file's permissions, whatever the process umask (default 0o640). */
  mode?: number;
}

/** `written`, or `exists` when the name was taken and `replace` was not asked for. */
export type AtomicWriteResult = 'written' | 'exists';

// Filesystems without hard links (some SMB servers, FAT) refuse link(); then an existence check
// before rename is the best that can be done.
const NO_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV', 'EMLINK']);

/** Writes `bytes` as `dir/name` atomically; see the module comment. */
export async function writeFileAtomically(
  dir: string,
  name: string,
  bytes: Uint8Array,
  options: AtomicWriteOptions = {},
): Promise<AtomicWriteResult> {
  const durable = options.durable ?? true;
  const mode = options.mode ?? 0o640;
  const tmp = join(dir, tempName());
  const target = join(dir, name);
  let tmpExists = false;
  try {
    const handle = await open(tmp, 'wx', mode);
    tmpExists = true;
    try {
      await setMode(handle, mode);
      await handle.writeFile(bytes);
      if (durable) await handle.sync();
    } finally {
      await handle.close();
    }
    let result: AtomicWriteResult = 'written';
    if (options.replace) {
      await rename(tmp, target);
      tmpExists = false;
    } else {
      result = await linkWithoutReplacing(tmp, target);
    }
    if (durable && result === 'written') await syncFolder(dir);
    return result;
  } finally {
    if (tmpExists) await unlink(tmp).catch(() => undefined);
  }
}

/**
 * Whether the process umask leaves each mode as asked, learnt from the first file created with it:
 * then later files need no chmod (one system call fewer per file, thousands in a bulk import).
 */
const umaskKeeps = new Map<number, boolean>();

async function setMode(handle: FileHandle, mode: number): Promise<void> {
  const known = umaskKeeps.get(mode);
  if (known === true) return;
  if (known === undefined) {
    const actual = (await handle.stat()).mode & 0o7777;
    umaskKeeps.set(mode, actual === mode);
    if (actual === mode) return;
  }
  await handle.chmod(mode);
}

async function linkWithoutReplacing(tmp: string, target: string): Promise<AtomicWriteResult> {
  try {
    await link(tmp, target);
    return 'written';
  } catch (error) {
    const code = systemCode(error);
    if (code === 'EEXIST') return 'exists';
    if (code === undefined || !NO_LINKS.has(code)) throw error;
  }
  const taken = await lstat(target).then(
    () => true,
    (error: unknown) => {
      if (systemCode(error) === 'ENOENT') return false;
      throw error;
    },
  );
  if (taken) return 'exists';
  await rename(tmp, target);
  return 'written';
}

/** Makes a rename durable on POSIX; Windows and some network filesystems refuse, harmlessly. */
export async function syncFolder(dir: string): Promise<void> {
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    /* not supported here */
  }
}

/**
 * Removes our abandoned temp files from a folder (see temp-names.ts): those of a process on this
 * computer that died, and anyone's older than an hour. Returns how many went.
 */
export async function sweepAbandonedTemps(dir: string, now = Date.now()): Promise<number> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return 0;
  }
  let removed = 0;
  for (const name of names) {
    if (!name.includes('.tmp-')) continue;
    try {
      const info = await lstat(join(dir, name));
      if (!info.isFile() || !isAbandonedTemp(name, info.mtimeMs, now)) continue;
      await unlink(join(dir, name));
      removed++;
    } catch {
      /* gone already, or not ours to touch */
    }
  }
  return removed;
}
