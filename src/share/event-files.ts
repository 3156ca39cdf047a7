/**
 * `events/<32 hex>.age`: casework events a lead recorded, sealed to the leads of their case
 * (docs/event-sync.md). The name is the author's keyed hash of the events it carries, so writing
 * the same batch again (after a crash between writing and noting it) finds it already there and
 * never makes a second copy; a name says nothing about the case or the people. A file is never
 * replaced or removed. Every read is bounded: a regular file, at most SHARE_LIMITS.eventBytes,
 * within the share's time limit.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { SafeguardError } from '../errors';
import { readRegularFile, statRegularFile, writeFileAtomically, type BoundedRead } from '../files';
import { missingFile, type FolderAccess } from './folder-access';
import { SHARE_FILE_MODE, SHARE_LIMITS } from './limits';
import type { WriteOutcome } from './share';

const EVENT_FILE = /^[0-9a-f]{32}\.age$/;

/** True for a name an event file may have (128 bits, hex, `.age`). */
export function isEventFileName(name: string): boolean {
  return EVENT_FILE.test(name);
}

/** Writes a sealed batch of events under its name, never replacing a file already there. */
export function writeEventFile(
  share: FolderAccess,
  name: string,
  sealed: Uint8Array,
): Promise<WriteOutcome> {
  if (!EVENT_FILE.test(name)) return Promise.reject(badName());
  if (sealed.length > SHARE_LIMITS.eventBytes) {
    return Promise.reject(
      new SafeguardError('too-large', 'These events are too large for one file on the share.'),
    );
  }
  return share.timed(
    'write',
    async () => {
      await share.writable();
      const dir = await share.folder('events', true);
      const result = await writeFileAtomically(dir, name, sealed, { mode: SHARE_FILE_MODE });
      // The name is a keyed hash of the events (unguessable before it is written): a file there
      // already is this batch, written before a crash stopped us noting it.
      return result === 'written' ? 'written' : 'already-there';
    },
    sealed.length,
  );
}

/** Names of the event files on the share, sorted (temp files and strangers are ignored). */
export function listEventFiles(share: FolderAccess): Promise<string[]> {
  return share.timed('read', async () => {
    await share.readable();
    const dir = await share.folder('events', false);
    if (dir === null) return [];
    return (await readdir(dir)).filter((n) => EVENT_FILE.test(n)).sort();
  });
}

/** The size and time of an event file; RefusedFile when it is not a regular file. */
export function statEventFile(
  share: FolderAccess,
  name: string,
): Promise<{ size: number; mtimeMs: number }> {
  if (!EVENT_FILE.test(name)) return Promise.reject(badName());
  return share.timed('read', async () =>
    statRegularFile(join(share.root, 'events', name)).catch(missingFile),
  );
}

/** The bytes of one event file, refused unread when not a regular file or over the limit. */
export function readEventFile(share: FolderAccess, name: string): Promise<BoundedRead> {
  if (!EVENT_FILE.test(name)) return Promise.reject(badName());
  return share.timed(
    'read',
    async () =>
      readRegularFile(join(share.root, 'events', name), {
        maxBytes: SHARE_LIMITS.eventBytes,
      }).catch(missingFile),
    SHARE_LIMITS.eventBytes,
  );
}

function badName(): SafeguardError {
  return new SafeguardError('bad-id', 'Invalid event file name.');
}
