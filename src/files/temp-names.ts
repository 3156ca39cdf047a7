/**
 * Names of our temporary files: `.tmp-<host>-<pid>-<random>`. The host tag and pid let a sweep
 * remove a temp file left by a process of ours that died (kill -9, power cut) at once, and ones
 * from other computers on a shared folder only once they are old: a write never takes an hour.
 */
import { createHash, randomBytes } from 'node:crypto';
import { hostname } from 'node:os';

const HOST_TAG = createHash('sha256').update(hostname()).digest('hex').slice(0, 8);
const TEMP_NAME = /^\.tmp-([0-9a-f]{8})-(\d{1,10})-[0-9a-f]{16}$/;
/** Temp names written before the host and pid were in them. */
const OLD_TEMP_NAME = /^(\.tmp-[0-9a-f]{16}|.+\.tmp-[0-9a-f]{12})$/;

/** After this, a temp file of ours from any computer is abandoned. */
export const STALE_TEMP_MS = 60 * 60 * 1000;

/** A fresh temp file name for this process. */
export function tempName(): string {
  return `.tmp-${HOST_TAG}-${process.pid}-${randomBytes(8).toString('hex')}`;
}

/**
 * Whether a file name is one of our temp files that nobody will finish: its process on this
 * computer is gone, or it is older than an hour. Other names (and live writers') are never ours
 * to remove.
 */
export function isAbandonedTemp(name: string, mtimeMs: number, now: number): boolean {
  const match = TEMP_NAME.exec(name);
  if (match === null) return OLD_TEMP_NAME.test(name) && now - mtimeMs > STALE_TEMP_MS;
  if (now - mtimeMs > STALE_TEMP_MS) return true;
  const [, host, pid] = match;
  return host === HOST_TAG && Number(pid) !== process.pid && !processIsAlive(Number(pid));
}

/** True when a process with this id exists on this computer. */
export function processIsAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as { code?: unknown }).code === 'EPERM';
  }
}
