/**
 * The school share as a folder (local or an SMB/DFS path mapped by IT). Every file it holds is
 * signed or sealed; every file read from it is untrusted: regular files only, bounded in size,
 * read within a time limit (files/bounded-read.ts). Writes go through the one atomic-write helper
 * and never replace a concern. Sub-folders that are symlinks are refused: they would make us write
 * outside the share.
 */
import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { access, lstat, mkdir, readdir, chmod, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { SafeguardError } from '../errors';
import {
  readRegularFile,
  RefusedFile,
  shareError,
  shareUnreachable,
  statRegularFile,
  sweepAbandonedTemps,
  withDeadline,
  writeFileAtomically,
  type BoundedRead,
} from '../files';
import { SHARE_FILE_MODE, SHARE_FOLDER_MODE, SHARE_LIMITS } from './limits';
import type { Share, WriteOutcome } from './share';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const CONCERN_FILE = new RegExp(`^${UUID}\\.age$`);
/** `<concern id>.json` (first release) or `<concern id>.<16 hex>.json`. */
const ACK_FILE = new RegExp(`^(${UUID})(\\.[0-9a-f]{16})?\\.json$`);
/** `<recipient id>.age`, or `<recipient id>.<16 hex>.age` when that name was taken. */
const RECOVERY_FILE = new RegExp(`^(${UUID})(\\.[0-9a-f]{16})?\\.age$`);

/** The share's folders, by what they hold. */
export const SHARE_FOLDERS = ['concerns', 'acks', 'events', 'extracts', 'recovery'] as const;
export type ShareFolder = (typeof SHARE_FOLDERS)[number];

export interface FolderShareOptions {
  /** Base time limit of each operation (tests shorten it). */
  timeoutMs?: number;
}

/** The concern id an acknowledgement file name is for, or null for any other name. */
export function ackFileConcernId(name: string): string | null {
  return ACK_FILE.exec(name)?.[1] ?? null;
}

/** The recipient id a recovery file name is for, or null for any other name. */
export function recoveryFileRecipientId(name: string): string | null {
  return RECOVERY_FILE.exec(name)?.[1] ?? null;
}

export class FolderShare implements Share {
  private readonly timeoutMs: number;

  constructor(
    readonly root: string,
    options: FolderShareOptions = {},
  ) {
    this.timeoutMs = options.timeoutMs ?? SHARE_LIMITS.timeoutMs;
  }

  /** Throws unless the share folder exists and can be read (enough for enrolling and importing). */
  checkReadable(): Promise<void> {
    return this.timed('check', async () => this.requireAccess(constants.R_OK | constants.X_OK));
  }

  /** Throws unless the share folder exists and can be written, naming read-only and permission. */
  checkWritable(): Promise<void> {
    return this.timed('check', async () =>
      this.requireAccess(constants.R_OK | constants.W_OK | constants.X_OK),
    );
  }

  /** Creates the share's folders for a new school (the share folder itself must exist). */
  prepare(): Promise<void> {
    return this.timed('prepare', async () => {
      await this.requireAccess(constants.R_OK | constants.W_OK | constants.X_OK);
      for (const name of SHARE_FOLDERS) await this.folder(name, true);
    });
  }

  /** The profile file's text, or null when the share has none. */
  readProfile(): Promise<string | null> {
    return this.timed('read', async () => {
      await this.requireAccess(constants.R_OK | constants.X_OK);
      try {
        const read = await readRegularFile(join(this.root, 'school.json'), {
          maxBytes: SHARE_LIMITS.profileBytes,
        });
        return read.bytes.toString('utf8');
      } catch (error) {
        if (error instanceof RefusedFile) {
          throw new SafeguardError(
            'profile-unreadable',
            `The school profile on the share cannot be used: ${lowerFirst(error.message)}`,
          );
        }
        if (isCode(error, 'ENOENT')) return null;
        throw error;
      }
    });
  }

  /** Writes (or replaces) the signed profile atomically. */
  writeProfile(json: string): Promise<void> {
    return this.timed('write', async () => {
      await this.requireAccess(constants.R_OK | constants.W_OK | constants.X_OK);
      await writeFileAtomically(this.root, 'school.json', Buffer.from(json, 'utf8'), {
        replace: true,
        mode: SHARE_FILE_MODE,
      });
    });
  }

  /**
   * Delivers a sealed concern as `concerns/<id>.age`. Never overwrites: when the file already
   * holds the same bytes (a delivery interrupted after the rename, or a re-delivery) it says so.
   */
  writeConcern(concernId: string, sealed: Uint8Array): Promise<WriteOutcome> {
    const name = concernFileName(concernId);
    return this.timed(
      'write',
      async () => {
        await this.requireAccess(constants.R_OK | constants.W_OK | constants.X_OK);
        const dir = await this.folder('concerns', true);
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
  hasConcern(concernId: string): Promise<boolean> {
    const name = concernFileName(concernId);
    return this.timed('read', async () => {
      await this.requireAccess(constants.R_OK | constants.X_OK);
      const dir = await this.folder('concerns', false);
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
  listConcernFiles(): Promise<string[]> {
    return this.timed('read', async () => {
      await this.requireAccess(constants.R_OK | constants.X_OK);
      const dir = await this.folder('concerns', false);
      if (dir === null) return [];
      return (await readdir(dir)).filter((n) => CONCERN_FILE.test(n)).sort();
    });
  }

  /** The size and time of a concern file; RefusedFile when it is not a regular file. */
  statConcernFile(name: string): Promise<{ size: number; mtimeMs: number }> {
    checkConcernFileName(name);
    return this.timed('read', async () =>
      statRegularFile(join(this.root, 'concerns', name)).catch(missingFile),
    );
  }

  /**
   * The bytes of one concern file (or its first `headBytes`), refused unread when it is not a
   * regular file or is over the limit.
   */
  readConcernFile(name: string, options: { headBytes?: number } = {}): Promise<BoundedRead> {
    checkConcernFileName(name);
    return this.timed(
      'read',
      async () =>
        readRegularFile(join(this.root, 'concerns', name), {
          maxBytes: SHARE_LIMITS.concernBytes,
          ...options,
        }).catch(missingFile),
      options.headBytes ?? SHARE_LIMITS.concernBytes,
    );
  }

  /** Names of the acknowledgement files on the share. */
  listAckFiles(): Promise<string[]> {
    return this.timed('read', async () => {
      await this.requireAccess(constants.R_OK | constants.X_OK);
      const dir = await this.folder('acks', false);
      if (dir === null) return [];
      return (await readdir(dir)).filter((n) => ACK_FILE.test(n));
    });
  }

  /** One acknowledgement file's text; RefusedFile when it is not a small regular file. */
  readAckFile(name: string): Promise<string> {
    if (!ACK_FILE.test(name)) throw new SafeguardError('bad-id', 'Invalid acknowledgement name.');
    return this.timed('read', async () => {
      const read = await readRegularFile(join(this.root, 'acks', name), {
        maxBytes: SHARE_LIMITS.acknowledgementBytes,
      }).catch(missingFile);
      return read.bytes.toString('utf8');
    });
  }

  /**
   * Writes acknowledgements, a few at a time, each under its new random name (nobody can have
   * taken it, so a rename is enough). Without fsync: a lost one only leaves the reporter seeing
   * "delivered", and is written again. Stops at the first failure; returns the names written and
   * that failure.
   */
  async writeAckFiles(
    entries: ReadonlyArray<{ name: string; json: string }>,
  ): Promise<{ written: string[]; error: SafeguardError | null }> {
    const written: string[] = [];
    let error: SafeguardError | null = null;
    if (entries.length === 0) return { written, error };
    let dir: string;
    try {
      dir = await this.timed('write', () => this.folder('acks', true));
    } catch (e) {
      return { written, error: e instanceof SafeguardError ? e : shareError(e, this.root) };
    }
    let next = 0;
    const worker = async () => {
      while (error === null && next < entries.length) {
        const entry = entries[next++];
        if (entry === undefined) break;
        if (!ACK_FILE.test(entry.name)) continue;
        try {
          await this.timed('write', () =>
            writeFileAtomically(dir, entry.name, Buffer.from(entry.json, 'utf8'), {
              replace: true,
              durable: false,
              mode: SHARE_FILE_MODE,
            }),
          );
          written.push(entry.name);
        } catch (e) {
          error ??= e instanceof SafeguardError ? e : shareError(e, this.root);
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(8, entries.length) }, worker));
    return { written, error };
  }

  /**
   * Writes a lead's sealed recovery file as `recovery/<recipient id>.age`, or, when that name is
   * taken (an earlier key, or a file someone planted to get in the way), under a new name
   * `<recipient id>.<16 hex>.age`. Never replaces a file. Returns the name written.
   */
  writeRecoveryFile(recipientId: string, sealed: Uint8Array): Promise<string> {
    const first = `${recipientId}.age`;
    if (!RECOVERY_FILE.test(first)) {
      return Promise.reject(new SafeguardError('bad-id', 'Invalid recipient id.'));
    }
    return this.timed('write', async () => {
      await this.requireAccess(constants.R_OK | constants.W_OK | constants.X_OK);
      const dir = await this.folder('recovery', true);
      let name = first;
      for (let attempt = 0; attempt < 4; attempt++) {
        const result = await writeFileAtomically(dir, name, sealed, { mode: SHARE_FILE_MODE });
        if (result === 'written') return name;
        name = `${recipientId}.${randomBytes(8).toString('hex')}.age`;
      }
      throw new SafeguardError(
        'share-conflict',
        'The recovery file could not be written under a new name on the share.',
      );
    });
  }

  /** Names of the recovery files on the share, sorted (temp files and strangers are ignored). */
  listRecoveryFiles(): Promise<string[]> {
    return this.timed('read', async () => {
      await this.requireAccess(constants.R_OK | constants.X_OK);
      const dir = await this.folder('recovery', false);
      if (dir === null) return [];
      return (await readdir(dir)).filter((n) => RECOVERY_FILE.test(n)).sort();
    });
  }

  /** One recovery file's bytes; RefusedFile when it is not a small regular file. */
  readRecoveryFile(name: string): Promise<Buffer> {
    if (!RECOVERY_FILE.test(name)) {
      return Promise.reject(new SafeguardError('bad-id', 'Invalid recovery file name.'));
    }
    return this.timed('read', async () => {
      const read = await readRegularFile(join(this.root, 'recovery', name), {
        maxBytes: SHARE_LIMITS.recoveryBytes,
      }).catch(missingFile);
      return read.bytes;
    });
  }

  /** Removes our abandoned temp files from the share's folders; returns how many. */
  sweepTemps(): Promise<number> {
    return this.timed('write', async () => {
      let removed = await sweepAbandonedTemps(this.root);
      for (const name of SHARE_FOLDERS) {
        const dir = await this.folder(name, false).catch(() => null);
        if (dir !== null) removed += await sweepAbandonedTemps(dir);
      }
      return removed;
    });
  }

  /**
   * The path of a share folder after checking it is a real folder, not a symlink to somewhere
   * else; created (with explicit permissions) when `create` and missing, else null when missing.
   */
  private async folder(name: ShareFolder, create: true): Promise<string>;
  private async folder(name: ShareFolder, create: boolean): Promise<string | null>;
  private async folder(name: ShareFolder, create: boolean): Promise<string | null> {
    const dir = join(this.root, name);
    let info;
    try {
      info = await lstat(dir);
    } catch (error) {
      if (!isCode(error, 'ENOENT')) throw error;
      if (!create) return null;
      try {
        await mkdir(dir, { mode: SHARE_FOLDER_MODE });
        await chmod(dir, SHARE_FOLDER_MODE);
      } catch (mkdirError) {
        if (!isCode(mkdirError, 'EEXIST')) throw mkdirError;
      }
      info = await lstat(dir);
    }
    if (info.isSymbolicLink()) {
      throw new SafeguardError(
        'share-symlink',
        `The "${name}" folder on the school share at ${this.root} is a link to somewhere else, so it was not used. Tell IT: it must be a real folder.`,
      );
    }
    if (!info.isDirectory()) {
      throw new SafeguardError(
        'share-not-folder',
        `"${name}" on the school share at ${this.root} is not a folder, so it was not used. Tell IT.`,
      );
    }
    return dir;
  }

  private async requireAccess(mode: number): Promise<void> {
    let info;
    try {
      info = await stat(this.root);
    } catch {
      throw shareUnreachable(this.root);
    }
    if (!info.isDirectory()) throw shareUnreachable(this.root);
    await access(this.root, mode);
  }

  /** Runs one share operation within its time limit, naming any failure by its cause. */
  private async timed<T>(kind: string, work: () => Promise<T>, bytes = 0): Promise<T> {
    const ms = this.timeoutMs + Math.ceil(bytes / (1024 * 1024)) * SHARE_LIMITS.timeoutMsPerMiB;
    try {
      return await withDeadline(
        work(),
        ms,
        () =>
          new SafeguardError(
            'share-timeout',
            `The school share at ${this.root} did not answer within ${Math.round(ms / 1000)} seconds (${kind}).`,
          ),
      );
    } catch (error) {
      if (error instanceof SafeguardError) throw error;
      throw shareError(error, this.root);
    }
  }
}

function concernFileName(concernId: string): string {
  const name = `${concernId}.age`;
  if (!CONCERN_FILE.test(name)) throw new SafeguardError('bad-id', 'Invalid concern id.');
  return name;
}

function checkConcernFileName(name: string): void {
  if (!CONCERN_FILE.test(name)) throw new SafeguardError('bad-id', 'Invalid concern file name.');
}

/** A file that went between listing and reading: its own error, not "share unreachable". */
function missingFile(error: unknown): never {
  if (isCode(error, 'ENOENT')) {
    throw new SafeguardError('share-file-missing', 'The file is no longer on the share.');
  }
  throw error;
}

function isCode(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === code;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
