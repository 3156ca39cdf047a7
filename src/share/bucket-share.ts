/**
 * The school share as a bucket on an S3-compatible store (docs/s3-share.md): the same folders as
 * a folder share (`school.json`, `concerns/`, `acks/`, `events/`, `extracts/`, `recovery/`) as key
 * prefixes under the school's prefix, the same names, the same limits. Objects are written whole
 * (no temp files to sweep) and never replaced, except the profile and acknowledgements (fresh
 * names); every read is bounded in size and time, like a folder share's. Anyone with the school's
 * credentials can write to the bucket, so everything read from it is as untrusted as a folder's.
 */
import { randomBytes } from 'node:crypto';
import { SafeguardError } from '../errors';
import { RefusedFile, type BoundedRead } from '../files';
import { ackFileConcernId } from './ack-files';
import { BucketAccess, type BucketFolder } from './bucket-access';
import { isConcernFileName } from './concern-files';
import { isEventFileName } from './event-files';
import { isExtractFileName } from './extract-files';
import { SHARE_LIMITS } from './limits';
import type { BucketLocation } from './location';
import { recoveryFileRecipientId } from './recovery-files';
import type { FileMark, Share, WriteOutcome } from './share';

export class BucketShare implements Share {
  private readonly access: BucketAccess;

  constructor(location: BucketLocation, options: { timeoutMs?: number } = {}) {
    this.access = new BucketAccess(location, options.timeoutMs ?? SHARE_LIMITS.timeoutMs);
  }

  get root(): string {
    return this.access.root;
  }

  checkReadable(): Promise<void> {
    return this.access.timed('check', (signal) => this.access.check(signal));
  }

  /**
   * A bucket has no cheap test of writing that leaves nothing behind (staff credentials should not
   * be allowed to delete), so this checks it answers; a refused write names itself when it happens.
   */
  checkWritable(): Promise<void> {
    return this.checkReadable();
  }

  /** Folders are key prefixes: nothing to create, only the bucket to check. */
  prepare(): Promise<void> {
    return this.checkReadable();
  }

  readProfile(): Promise<string | null> {
    return this.access.timed('read', async (signal) => {
      try {
        const read = await this.access.read(
          this.access.key(null, 'school.json'),
          { maxBytes: SHARE_LIMITS.profileBytes },
          signal,
        );
        return read.bytes.toString('utf8');
      } catch (error) {
        if (error instanceof SafeguardError && error.code === 'share-file-missing') return null;
        if (error instanceof RefusedFile) {
          throw new SafeguardError(
            'profile-unreadable',
            `The school profile on the share cannot be used: ${error.message.charAt(0).toLowerCase()}${error.message.slice(1)}`,
          );
        }
        throw error;
      }
    });
  }

  writeProfile(json: string): Promise<void> {
    return this.access.timed('write', (signal) =>
      this.access.put(this.access.key(null, 'school.json'), Buffer.from(json, 'utf8'), signal),
    );
  }

  writeConcern(concernId: string, sealed: Uint8Array): Promise<WriteOutcome> {
    const name = `${concernId}.age`;
    if (!isConcernFileName(name)) return Promise.reject(badName('concern id'));
    const key = this.access.key('concerns', name);
    return this.access.timed(
      'write',
      async (signal) => {
        if ((await this.access.putNew(key, sealed, signal)) === 'written') return 'written';
        const existing = await this.access
          .read(key, { maxBytes: sealed.length }, signal)
          .catch(() => null);
        if (existing && Buffer.compare(existing.bytes, sealed) === 0) return 'already-there';
        throw new SafeguardError(
          'share-conflict',
          'A different file with this concern id is already on the share; it was left untouched.',
        );
      },
      sealed.length,
    );
  }

  hasConcern(concernId: string): Promise<boolean> {
    const name = `${concernId}.age`;
    if (!isConcernFileName(name)) return Promise.reject(badName('concern id'));
    return this.access.timed(
      'read',
      async (signal) =>
        (await this.access.stat(this.access.key('concerns', name), signal)) !== null,
    );
  }

  listConcernFiles(): Promise<string[]> {
    return this.list('concerns', isConcernFileName);
  }

  statConcernFile(name: string): Promise<{ size: number; mtimeMs: number }> {
    return this.stat('concerns', name, isConcernFileName);
  }

  readConcernFile(name: string, options: { headBytes?: number } = {}): Promise<BoundedRead> {
    return this.read('concerns', name, isConcernFileName, SHARE_LIMITS.concernBytes, options);
  }

  listAckFiles(): Promise<string[]> {
    return this.list('acks', isAckFileName);
  }

  async readAckFile(name: string): Promise<string> {
    const read = await this.read('acks', name, isAckFileName, SHARE_LIMITS.acknowledgementBytes);
    return read.bytes.toString('utf8');
  }

  /** Each acknowledgement under its fresh random name, eight at a time; stops at a failure. */
  async writeAckFiles(
    entries: ReadonlyArray<{ name: string; json: string }>,
  ): Promise<{ written: string[]; error: SafeguardError | null }> {
    const written: string[] = [];
    let error: SafeguardError | null = null;
    let next = 0;
    const worker = async () => {
      while (error === null && next < entries.length) {
        const entry = entries[next++];
        if (entry === undefined) break;
        if (!isAckFileName(entry.name)) continue;
        try {
          await this.access.timed('write', (signal) =>
            this.access.put(
              this.access.key('acks', entry.name),
              Buffer.from(entry.json, 'utf8'),
              signal,
            ),
          );
          written.push(entry.name);
        } catch (e) {
          error ??= this.access.named(e);
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(8, entries.length) }, worker));
    return { written, error };
  }

  writeRecoveryFile(recipientId: string, sealed: Uint8Array): Promise<string> {
    const first = `${recipientId}.age`;
    if (recoveryFileRecipientId(first) === null) {
      return Promise.reject(badName('recipient id'));
    }
    return this.access.timed('write', async (signal) => {
      let name = first;
      for (let attempt = 0; attempt < 4; attempt++) {
        const key = this.access.key('recovery', name);
        if ((await this.access.putNew(key, sealed, signal)) === 'written') return name;
        name = `${recipientId}.${randomBytes(8).toString('hex')}.age`;
      }
      throw new SafeguardError(
        'share-conflict',
        'The recovery file could not be written under a new name on the share.',
      );
    });
  }

  listRecoveryFiles(): Promise<string[]> {
    return this.list('recovery', isRecoveryFileName);
  }

  async readRecoveryFile(name: string): Promise<Buffer> {
    const read = await this.read('recovery', name, isRecoveryFileName, SHARE_LIMITS.recoveryBytes);
    return read.bytes;
  }

  writeExtractFile(sealed: Uint8Array): Promise<string> {
    return this.access.timed(
      'write',
      async (signal) => {
        // 128 random bits: a taken name means someone planted it; another draw gets past them.
        for (let attempt = 0; attempt < 4; attempt++) {
          const name = `${randomBytes(16).toString('hex')}.age`;
          const key = this.access.key('extracts', name);
          if ((await this.access.putNew(key, sealed, signal)) === 'written') return name;
        }
        throw new SafeguardError(
          'share-conflict',
          'The extract could not be written under a new name on the share.',
        );
      },
      sealed.length,
    );
  }

  listExtractFiles(): Promise<string[]> {
    return this.list('extracts', isExtractFileName);
  }

  statExtractFile(name: string): Promise<{ size: number; mtimeMs: number }> {
    return this.stat('extracts', name, isExtractFileName);
  }

  readExtractFile(name: string, options: { headBytes?: number } = {}): Promise<BoundedRead> {
    return this.read('extracts', name, isExtractFileName, SHARE_LIMITS.extractBytes, options);
  }

  removeExtractFile(name: string): Promise<boolean> {
    if (!isExtractFileName(name)) return Promise.reject(badName('extract file name'));
    return this.access.timed('write', (signal) =>
      this.access.remove(this.access.key('extracts', name), signal),
    );
  }

  writeEventFile(name: string, sealed: Uint8Array): Promise<WriteOutcome> {
    if (!isEventFileName(name)) return Promise.reject(badName('event file name'));
    if (sealed.length > SHARE_LIMITS.eventBytes) {
      return Promise.reject(
        new SafeguardError('too-large', 'These events are too large for one file on the share.'),
      );
    }
    return this.access.timed(
      'write',
      async (signal) => {
        const result = await this.access.putNew(this.access.key('events', name), sealed, signal);
        // The name is a keyed hash of the events: one there already is this batch.
        return result === 'written' ? 'written' : 'already-there';
      },
      sealed.length,
    );
  }

  listEventFiles(): Promise<string[]> {
    return this.list('events', isEventFileName);
  }

  statEventFile(name: string): Promise<{ size: number; mtimeMs: number }> {
    return this.stat('events', name, isEventFileName);
  }

  readEventFile(name: string): Promise<BoundedRead> {
    return this.read('events', name, isEventFileName, SHARE_LIMITS.eventBytes);
  }

  /** An object has no link of its own: its size and time, as the bucket lists them. */
  lookAt(folder: 'concerns' | 'events', name: string): Promise<FileMark> {
    const accept = folder === 'concerns' ? isConcernFileName : isEventFileName;
    return this.stat(folder, name, accept).catch(() => ({ size: null, mtimeMs: null }));
  }

  /** Objects are written whole: there are no temp files to sweep. */
  sweepTemps(): Promise<number> {
    return Promise.resolve(0);
  }

  private list(folder: BucketFolder, accept: (name: string) => boolean): Promise<string[]> {
    return this.access.timed('read', (signal) => this.access.list(folder, accept, signal));
  }

  private stat(
    folder: BucketFolder,
    name: string,
    accept: (name: string) => boolean,
  ): Promise<{ size: number; mtimeMs: number }> {
    if (!accept(name)) return Promise.reject(badName('file name'));
    return this.access.timed('read', async (signal) => {
      const info = await this.access.stat(this.access.key(folder, name), signal);
      if (info === null) {
        throw new SafeguardError('share-file-missing', 'The file is no longer on the share.');
      }
      return info;
    });
  }

  private read(
    folder: BucketFolder,
    name: string,
    accept: (name: string) => boolean,
    maxBytes: number,
    options: { headBytes?: number } = {},
  ): Promise<BoundedRead> {
    if (!accept(name)) return Promise.reject(badName('file name'));
    return this.access.timed(
      'read',
      (signal) => this.access.read(this.access.key(folder, name), { maxBytes, ...options }, signal),
      options.headBytes ?? maxBytes,
    );
  }
}

function isAckFileName(name: string): boolean {
  return ackFileConcernId(name) !== null;
}

function isRecoveryFileName(name: string): boolean {
  return recoveryFileRecipientId(name) !== null;
}

function badName(what: string): SafeguardError {
  return new SafeguardError('bad-id', `Invalid ${what}.`);
}
