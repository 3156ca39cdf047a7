/**
 * The school share as a folder (local or an SMB/DFS path mapped by IT). Every file it holds is
 * signed or sealed. Writes are temp file → fsync → rename, named by a unique id, never
 * overwritten, so many writers need no lock and a reader never sees half a file.
 */
import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { access, mkdir, open, readdir, readFile, rename, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { SafeguardError } from '../errors';

const CONCERN_FILE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.age$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The result of writing a concern file. */
export type WriteOutcome = 'written' | 'already-there';

export class FolderShare {
  constructor(readonly root: string) {}

  /** Throws `share-unreachable` unless the share folder exists and can be written. */
  async ensureReachable(): Promise<void> {
    try {
      const info = await stat(this.root);
      if (!info.isDirectory()) throw new Error('not a folder');
      await access(this.root, constants.R_OK | constants.W_OK);
    } catch {
      throw unreachable(this.root);
    }
  }

  /** Creates the share's folders for a new school (the share folder itself must exist). */
  async prepare(): Promise<void> {
    await this.ensureReachable();
    try {
      await mkdir(join(this.root, 'concerns'), { recursive: true });
    } catch {
      throw new SafeguardError(
        'share-unwritable',
        `The folders of the school share cannot be created at ${this.root}.`,
      );
    }
  }

  /** The profile file's text, or null when the share has none. */
  async readProfile(): Promise<string | null> {
    await this.ensureReachable();
    try {
      return await readFile(join(this.root, 'school.json'), 'utf8');
    } catch (error) {
      if (isCode(error, 'ENOENT')) return null;
      throw unreachable(this.root);
    }
  }

  /** Writes (or replaces) the signed profile atomically. */
  async writeProfile(json: string): Promise<void> {
    await this.ensureReachable();
    await writeAtomically(this.root, 'school.json', Buffer.from(json, 'utf8'), { replace: true });
  }

  /**
   * Delivers a sealed concern as `concerns/<id>.age`. Never overwrites: when the file already
   * holds the same bytes (a delivery that was interrupted after the rename) it reports so.
   */
  async writeConcern(concernId: string, sealed: Uint8Array): Promise<WriteOutcome> {
    const name = `${concernId}.age`;
    if (!CONCERN_FILE.test(name)) throw new SafeguardError('bad-id', 'Invalid concern id.');
    await this.ensureReachable();
    const dir = join(this.root, 'concerns');
    try {
      await mkdir(dir, { recursive: true });
      const existing = await readFile(join(dir, name)).catch((e: unknown) => {
        if (isCode(e, 'ENOENT')) return null;
        throw e;
      });
      if (existing) {
        if (Buffer.compare(existing, sealed) === 0) return 'already-there';
        throw new SafeguardError(
          'share-conflict',
          'A different file with this concern id is already on the share; it was left untouched.',
        );
      }
      await writeAtomically(dir, name, sealed, { replace: false });
      return 'written';
    } catch (error) {
      if (error instanceof SafeguardError) throw error;
      throw unreachable(this.root);
    }
  }

  /** Names of the concern files on the share (temp files and strangers are ignored). */
  async listConcernFiles(): Promise<string[]> {
    await this.ensureReachable();
    try {
      const names = await readdir(join(this.root, 'concerns'));
      return names.filter((n) => CONCERN_FILE.test(n)).sort();
    } catch (error) {
      if (isCode(error, 'ENOENT')) return [];
      throw unreachable(this.root);
    }
  }

  /** The bytes of one concern file. */
  async readConcernFile(name: string): Promise<Buffer> {
    if (!CONCERN_FILE.test(name)) throw new SafeguardError('bad-id', 'Invalid concern file name.');
    return readFile(join(this.root, 'concerns', name));
  }
}

/**
 * Writes acknowledgement files beside the concerns, named by the same random ids, skipping any
 * already there. One reachability check and one listing for the batch, then a few writes at a
 * time: each is a handful of round trips, which on a network share is most of the cost.
 */
export async function writeAcknowledgements(
  share: FolderShare,
  entries: ReadonlyArray<{ concernId: string; json: string }>,
): Promise<void> {
  if (entries.length === 0) return;
  await share.ensureReachable();
  const dir = join(share.root, 'acks');
  await mkdir(dir, { recursive: true });
  const existing = new Set(await readdir(dir));
  const todo = entries.filter(
    (e) => UUID.test(e.concernId) && !existing.has(`${e.concernId}.json`),
  );
  let next = 0;
  const worker = async () => {
    while (next < todo.length) {
      const entry = todo[next++];
      if (!entry) break;
      // A courtesy, not a record: rename keeps readers from half a file, but no fsync — after a
      // power cut a lost acknowledgement only leaves the reporter seeing "delivered".
      await writeAtomically(dir, `${entry.concernId}.json`, Buffer.from(entry.json, 'utf8'), {
        replace: false,
        durable: false,
      }).catch((error: unknown) => {
        if (!(error instanceof SafeguardError && error.code === 'share-conflict')) throw error;
      });
    }
  };
  await Promise.all(Array.from({ length: Math.min(8, todo.length) }, worker));
}

/** The acknowledgement of a concern, or null when there is none (yet). */
export async function readAcknowledgement(
  share: FolderShare,
  concernId: string,
): Promise<string | null> {
  if (!UUID.test(concernId)) return null;
  try {
    const text = await readFile(join(share.root, 'acks', `${concernId}.json`), 'utf8');
    return text.length > 64 * 1024 ? null : text;
  } catch {
    return null;
  }
}

async function writeAtomically(
  dir: string,
  name: string,
  bytes: Uint8Array,
  options: { replace: boolean; durable?: boolean },
): Promise<void> {
  const durable = options.durable ?? true;
  const tmp = join(dir, `.tmp-${randomBytes(8).toString('hex')}`);
  const handle = await open(tmp, 'wx', 0o644);
  try {
    await handle.writeFile(bytes);
    if (durable) await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    if (!options.replace) {
      // rename() would replace; refuse if the target appeared meanwhile (same id = same writer).
      const exists = await stat(join(dir, name)).then(
        () => true,
        () => false,
      );
      if (exists)
        throw new SafeguardError('share-conflict', 'The file already exists on the share.');
    }
    await rename(tmp, join(dir, name));
  } catch (error) {
    await unlink(tmp).catch(() => undefined);
    throw error;
  }
  if (durable) await syncDirectory(dir);
}

async function syncDirectory(dir: string): Promise<void> {
  // Makes the rename durable on POSIX; Windows and some network filesystems refuse, harmlessly.
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

function unreachable(root: string): SafeguardError {
  return new SafeguardError(
    'share-unreachable',
    `The school share cannot be reached at ${root} (missing, not mounted, or not writable).`,
  );
}

function isCode(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === code;
}
