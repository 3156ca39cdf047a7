/**
 * Where the random 256-bit raw keys of the local encrypted databases come from.
 *
 * - Electron: `main/` provides a KeyProvider backed by the OS keychain (`safeStorage`).
 * - CLI and tests: {@link UnprotectedFileKeyProvider}, a 0600 file beside the database. That is
 *   WEAKER: anyone who can read the user's files can read the key. It protects a copied database
 *   file, not a compromised account.
 */
import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { SafeguardError } from '../errors';

export interface KeyProvider {
  /** Returns the 32-byte key for `name`, creating and storing a random one the first time. */
  getOrCreateKey(name: string): Promise<Buffer>;
  /** A short description for diagnostics ("os-keychain", "unprotected-file"). */
  readonly kind: string;
}

/** Keys in 0600 files under `<dir>/keys/`: weaker than an OS keychain, see the module comment. */
export class UnprotectedFileKeyProvider implements KeyProvider {
  readonly kind = 'unprotected-file';

  constructor(private readonly dir: string) {}

  async getOrCreateKey(name: string): Promise<Buffer> {
    if (!/^[a-z0-9-]+$/.test(name)) throw new SafeguardError('bad-key-name', 'Invalid key name.');
    const file = join(this.dir, 'keys', `${name}.key`);
    const existing = await readFile(file, 'utf8').catch((error: unknown) => {
      if ((error as { code?: unknown }).code === 'ENOENT') return null;
      throw new SafeguardError(
        'bad-key-file',
        `The key file for the ${name} store cannot be read.`,
      );
    });
    if (existing !== null) {
      const hex = existing.trim();
      if (!/^[0-9a-f]{64}$/.test(hex)) {
        throw new SafeguardError('bad-key-file', `The key file for the ${name} store is damaged.`);
      }
      return Buffer.from(hex, 'hex');
    }
    const key = randomBytes(32);
    await mkdir(dirname(file), { recursive: true, mode: 0o700 });
    const tmp = `${file}.tmp-${randomBytes(6).toString('hex')}`;
    await writeFile(tmp, key.toString('hex') + '\n', { mode: 0o600, flag: 'wx' });
    await chmod(tmp, 0o600);
    await rename(tmp, file);
    return key;
  }
}
