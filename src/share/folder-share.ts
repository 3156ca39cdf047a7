/**
 * The school share as a folder (local or an SMB/DFS path mapped by IT). Every file it holds is
 * signed or sealed; every file read from it is untrusted: regular files only, bounded in size,
 * read within a time limit (files/bounded-read.ts). Writes go through the one atomic-write helper
 * and never replace a concern. Sub-folders that are symlinks are refused: they would make us write
 * outside the share. Each folder's files have their own module; this class puts them together.
 */
import { lstat } from 'node:fs/promises';
import { join } from 'node:path';
import { SafeguardError } from '../errors';
import {
  readRegularFile,
  RefusedFile,
  sweepAbandonedTemps,
  writeFileAtomically,
  type BoundedRead,
} from '../files';
import { listAckFiles, readAckFile, writeAckFiles } from './ack-files';
import {
  hasConcern,
  isConcernFileName,
  listConcernFiles,
  readConcernFile,
  statConcernFile,
  writeConcern,
} from './concern-files';
import {
  isEventFileName,
  listEventFiles,
  readEventFile,
  statEventFile,
  writeEventFile,
} from './event-files';
import {
  listExtractFiles,
  readExtractFile,
  removeExtractFile,
  statExtractFile,
  writeExtractFile,
} from './extract-files';
import { FolderAccess, isCode, SHARE_FOLDERS } from './folder-access';
import { SHARE_FILE_MODE, SHARE_LIMITS } from './limits';
import { listRecoveryFiles, readRecoveryFile, writeRecoveryFile } from './recovery-files';
import type { FileMark, Share, WriteOutcome } from './share';

export { ackFileConcernId } from './ack-files';
export { isEventFileName } from './event-files';
export { isExtractFileName } from './extract-files';
export { SHARE_FOLDERS, type ShareFolder } from './folder-access';
export { recoveryFileRecipientId } from './recovery-files';

export interface FolderShareOptions {
  /** Base time limit of each operation (tests shorten it). */
  timeoutMs?: number;
}

export class FolderShare implements Share {
  private readonly access: FolderAccess;

  constructor(
    readonly root: string,
    options: FolderShareOptions = {},
  ) {
    this.access = new FolderAccess(root, options.timeoutMs ?? SHARE_LIMITS.timeoutMs);
  }

  /** Throws unless the share folder exists and can be read (enough for enrolling and importing). */
  checkReadable(): Promise<void> {
    return this.access.timed('check', () => this.access.readable());
  }

  /** Throws unless the share folder exists and can be written, naming read-only and permission. */
  checkWritable(): Promise<void> {
    return this.access.timed('check', () => this.access.writable());
  }

  /** Creates the share's folders for a new school (the share folder itself must exist). */
  prepare(): Promise<void> {
    return this.access.timed('prepare', async () => {
      await this.access.writable();
      for (const name of SHARE_FOLDERS) await this.access.folder(name, true);
    });
  }

  /** The profile file's text, or null when the share has none. */
  readProfile(): Promise<string | null> {
    return this.access.timed('read', async () => {
      await this.access.readable();
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
    return this.access.timed('write', async () => {
      await this.access.writable();
      await writeFileAtomically(this.root, 'school.json', Buffer.from(json, 'utf8'), {
        replace: true,
        mode: SHARE_FILE_MODE,
      });
    });
  }

  writeConcern(concernId: string, sealed: Uint8Array): Promise<WriteOutcome> {
    return writeConcern(this.access, concernId, sealed);
  }

  hasConcern(concernId: string): Promise<boolean> {
    return hasConcern(this.access, concernId);
  }

  listConcernFiles(): Promise<string[]> {
    return listConcernFiles(this.access);
  }

  statConcernFile(name: string): Promise<{ size: number; mtimeMs: number }> {
    return statConcernFile(this.access, name);
  }

  readConcernFile(name: string, options: { headBytes?: number } = {}): Promise<BoundedRead> {
    return readConcernFile(this.access, name, options);
  }

  listAckFiles(): Promise<string[]> {
    return listAckFiles(this.access);
  }

  readAckFile(name: string): Promise<string> {
    return readAckFile(this.access, name);
  }

  writeAckFiles(
    entries: ReadonlyArray<{ name: string; json: string }>,
  ): Promise<{ written: string[]; error: SafeguardError | null }> {
    return writeAckFiles(this.access, entries);
  }

  writeRecoveryFile(recipientId: string, sealed: Uint8Array): Promise<string> {
    return writeRecoveryFile(this.access, recipientId, sealed);
  }

  listRecoveryFiles(): Promise<string[]> {
    return listRecoveryFiles(this.access);
  }

  readRecoveryFile(name: string): Promise<Buffer> {
    return readRecoveryFile(this.access, name);
  }

  writeExtractFile(sealed: Uint8Array): Promise<string> {
    return writeExtractFile(this.access, sealed);
  }

  listExtractFiles(): Promise<string[]> {
    return listExtractFiles(this.access);
  }

  statExtractFile(name: string): Promise<{ size: number; mtimeMs: number }> {
    return statExtractFile(this.access, name);
  }

  readExtractFile(name: string, options: { headBytes?: number } = {}): Promise<BoundedRead> {
    return readExtractFile(this.access, name, options);
  }

  removeExtractFile(name: string): Promise<boolean> {
    return removeExtractFile(this.access, name);
  }

  writeEventFile(name: string, sealed: Uint8Array): Promise<WriteOutcome> {
    return writeEventFile(this.access, name, sealed);
  }

  listEventFiles(): Promise<string[]> {
    return listEventFiles(this.access);
  }

  statEventFile(name: string): Promise<{ size: number; mtimeMs: number }> {
    return statEventFile(this.access, name);
  }

  readEventFile(name: string): Promise<BoundedRead> {
    return readEventFile(this.access, name);
  }

  lookAt(folder: 'concerns' | 'events', name: string): Promise<FileMark> {
    const unknown = { size: null, mtimeMs: null };
    const valid = folder === 'concerns' ? isConcernFileName(name) : isEventFileName(name);
    if (!valid) return Promise.resolve(unknown);
    return this.access
      .timed('read', async () => {
        const info = await lstat(join(this.root, folder, name));
        return { size: info.size, mtimeMs: info.mtimeMs };
      })
      .catch(() => unknown);
  }

  /** Removes our abandoned temp files from the share's folders; returns how many. */
  sweepTemps(): Promise<number> {
    return this.access.timed('write', async () => {
      let removed = await sweepAbandonedTemps(this.root);
      for (const name of SHARE_FOLDERS) {
        const dir = await this.access.folder(name, false).catch(() => null);
        if (dir !== null) removed += await sweepAbandonedTemps(dir);
      }
      return removed;
    });
  }
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
