/**
 * What every folder operation of the share needs: the share's root, a time limit per operation,
 * and its sub-folders checked to be real folders (a sub-folder that is a symlink would make us
 * read or write outside the share). Each kind of file (concerns, acks, recovery, extracts) has its
 * own module that works through this.
 */
import { constants } from 'node:fs';
import { access, chmod, lstat, mkdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { SafeguardError } from '../errors';
import { shareError, shareUnreachable, withDeadline } from '../files';
import { SHARE_FOLDER_MODE, SHARE_LIMITS } from './limits';

/** The share's folders, by what they hold. */
export const SHARE_FOLDERS = ['concerns', 'acks', 'events', 'extracts', 'recovery'] as const;
export type ShareFolder = (typeof SHARE_FOLDERS)[number];

export class FolderAccess {
  constructor(
    readonly root: string,
    private readonly timeoutMs: number,
  ) {}

  /** Throws unless the share folder exists and can be read. */
  readable(): Promise<void> {
    return this.requireAccess(constants.R_OK | constants.X_OK);
  }

  /** Throws unless the share folder exists and can be written. */
  writable(): Promise<void> {
    return this.requireAccess(constants.R_OK | constants.W_OK | constants.X_OK);
  }

  /**
   * The path of a share folder after checking it is a real folder, not a symlink to somewhere
   * else; created (with explicit permissions) when `create` and missing, else null when missing.
   */
  async folder(name: ShareFolder, create: true): Promise<string>;
  async folder(name: ShareFolder, create: boolean): Promise<string | null>;
  async folder(name: ShareFolder, create: boolean): Promise<string | null> {
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

  /** Runs one share operation within its time limit, naming any failure by its cause. */
  async timed<T>(kind: string, work: () => Promise<T>, bytes = 0): Promise<T> {
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
}

/** A file that went between listing and reading: its own error, not "share unreachable". */
export function missingFile(error: unknown): never {
  if (isCode(error, 'ENOENT')) {
    throw new SafeguardError('share-file-missing', 'The file is no longer on the share.');
  }
  throw error;
}

export function isCode(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === code;
}
