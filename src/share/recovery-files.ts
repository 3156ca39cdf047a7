/**
 * `recovery/<recipient id>[.<16 hex>].age`: each lead's secrets sealed to their recovery key.
 * Never replaced; a name already taken (an earlier key, or a planted file) gets a random suffix.
 */
import { randomBytes } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { SafeguardError } from '../errors';
import { readRegularFile, writeFileAtomically } from '../files';
import { missingFile, type FolderAccess } from './folder-access';
import { SHARE_FILE_MODE, SHARE_LIMITS } from './limits';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
/** `<recipient id>.age`, or `<recipient id>.<16 hex>.age` when that name was taken. */
const RECOVERY_FILE = new RegExp(`^(${UUID})(\\.[0-9a-f]{16})?\\.age$`);

/** The recipient id a recovery file name is for, or null for any other name. */
export function recoveryFileRecipientId(name: string): string | null {
  return RECOVERY_FILE.exec(name)?.[1] ?? null;
}

/**
 * Writes a lead's sealed recovery file as `recovery/<recipient id>.age`, or, when that name is
 * taken, under a new name `<recipient id>.<16 hex>.age`. Never replaces a file. Returns the name.
 */
export function writeRecoveryFile(
  share: FolderAccess,
  recipientId: string,
  sealed: Uint8Array,
): Promise<string> {
  const first = `${recipientId}.age`;
  if (!RECOVERY_FILE.test(first)) {
    return Promise.reject(new SafeguardError('bad-id', 'Invalid recipient id.'));
  }
  return share.timed('write', async () => {
    await share.writable();
    const dir = await share.folder('recovery', true);
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
export function listRecoveryFiles(share: FolderAccess): Promise<string[]> {
  return share.timed('read', async () => {
    await share.readable();
    const dir = await share.folder('recovery', false);
    if (dir === null) return [];
    return (await readdir(dir)).filter((n) => RECOVERY_FILE.test(n)).sort();
  });
}

/** One recovery file's bytes; RefusedFile when it is not a small regular file. */
export function readRecoveryFile(share: FolderAccess, name: string): Promise<Buffer> {
  if (!RECOVERY_FILE.test(name)) {
    return Promise.reject(new SafeguardError('bad-id', 'Invalid recovery file name.'));
  }
  return share.timed('read', async () => {
    const read = await readRegularFile(join(share.root, 'recovery', name), {
      maxBytes: SHARE_LIMITS.recoveryBytes,
    }).catch(missingFile);
    return read.bytes;
  });
}
