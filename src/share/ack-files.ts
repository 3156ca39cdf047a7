/**
 * `acks/<concern id>.<16 hex>.json`: a lead's signed, content-free acknowledgement of a concern,
 * under a random name nobody can squat. Small, and read bounded.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { SafeguardError } from '../errors';
import { readRegularFile, shareError, writeFileAtomically } from '../files';
import { missingFile, type FolderAccess } from './folder-access';
import { SHARE_FILE_MODE, SHARE_LIMITS } from './limits';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
/** `<concern id>.json` (first release) or `<concern id>.<16 hex>.json`. */
const ACK_FILE = new RegExp(`^(${UUID})(\\.[0-9a-f]{16})?\\.json$`);

/** The concern id an acknowledgement file name is for, or null for any other name. */
export function ackFileConcernId(name: string): string | null {
  return ACK_FILE.exec(name)?.[1] ?? null;
}

/** Names of the acknowledgement files on the share. */
export function listAckFiles(share: FolderAccess): Promise<string[]> {
  return share.timed('read', async () => {
    await share.readable();
    const dir = await share.folder('acks', false);
    if (dir === null) return [];
    return (await readdir(dir)).filter((n) => ACK_FILE.test(n));
  });
}

/** One acknowledgement file's text; RefusedFile when it is not a small regular file. */
export function readAckFile(share: FolderAccess, name: string): Promise<string> {
  if (!ACK_FILE.test(name)) {
    return Promise.reject(new SafeguardError('bad-id', 'Invalid acknowledgement name.'));
  }
  return share.timed('read', async () => {
    const read = await readRegularFile(join(share.root, 'acks', name), {
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
export async function writeAckFiles(
  share: FolderAccess,
  entries: ReadonlyArray<{ name: string; json: string }>,
): Promise<{ written: string[]; error: SafeguardError | null }> {
  const written: string[] = [];
  let error: SafeguardError | null = null;
  if (entries.length === 0) return { written, error };
  let dir: string;
  try {
    dir = await share.timed('write', () => share.folder('acks', true));
  } catch (e) {
    return { written, error: e instanceof SafeguardError ? e : shareError(e, share.root) };
  }
  let next = 0;
  const worker = async () => {
    while (error === null && next < entries.length) {
      const entry = entries[next++];
      if (entry === undefined) break;
      if (!ACK_FILE.test(entry.name)) continue;
      try {
        await share.timed('write', () =>
          writeFileAtomically(dir, entry.name, Buffer.from(entry.json, 'utf8'), {
            replace: true,
            durable: false,
            mode: SHARE_FILE_MODE,
          }),
        );
        written.push(entry.name);
      } catch (e) {
        error ??= e instanceof SafeguardError ? e : shareError(e, share.root);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(8, entries.length) }, worker));
  return { written, error };
}
