/** Every path under a folder (the share) with its kind and, for regular files, their SHA-256. */
import { createHash } from 'node:crypto';
import { lstat, readdir, readFile, readlink } from 'node:fs/promises';
import { join } from 'node:path';

/** Two equal snapshots mean nothing under `dir` was added, removed, changed or replaced. */
export async function snapshot(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const name of await readdir(dir)) {
    const path = join(dir, name);
    const info = await lstat(path);
    if (info.isDirectory()) Object.assign(out, await snapshot(path));
    else if (info.isSymbolicLink()) out[path] = `link ${await readlink(path)}`;
    else if (info.isFile()) {
      out[path] = `file ${createHash('sha256')
        .update(await readFile(path))
        .digest('hex')}`;
    } else out[path] = `other ${info.mode}`;
  }
  return out;
}
