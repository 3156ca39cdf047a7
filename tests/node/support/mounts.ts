/**
 * Real small filesystems for tests that need a full disk or a read-only share: a tmpfs of a given
 * size, or a read-only bind mount. They need root with mount rights (CI and this sandbox have
 * them); elsewhere the tests that use them are skipped and say why.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Null when mounting works here, else why it does not. */
export const mountsUnavailable: string | null = (() => {
  const probe = mkdtempSync(join(tmpdir(), 'sgd-mount-probe-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe], { stdio: 'pipe' });
    execFileSync('umount', [probe], { stdio: 'pipe' });
    return null;
  } catch {
    return 'skipped: this machine does not let tests mount a tmpfs (needs root with mount rights)';
  } finally {
    rmSync(probe, { recursive: true, force: true });
  }
})();

if (mountsUnavailable !== null) process.stderr.write(`${mountsUnavailable}\n`);

/** Mounts a tmpfs of `size` (e.g. "2m") on `dir`. */
export function mountTmpfs(dir: string, size: string): void {
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size},mode=0755`, 'tmpfs', dir], {
    stdio: 'pipe',
  });
}

/** Makes `dir` read-only in place (a read-only bind mount of itself). */
export function mountReadOnly(dir: string): void {
  execFileSync('mount', ['--bind', dir, dir], { stdio: 'pipe' });
  execFileSync('mount', ['-o', 'remount,bind,ro', dir], { stdio: 'pipe' });
}

/** Unmounts, lazily if busy; never throws. */
export function unmount(dir: string): void {
  try {
    execFileSync('umount', [dir], { stdio: 'pipe' });
  } catch {
    try {
      execFileSync('umount', ['-l', dir], { stdio: 'pipe' });
    } catch {
      /* already gone */
    }
  }
}
