/**
 * Where the random 256-bit raw keys of the local encrypted databases come from.
 *
 * - Electron: `main/` provides a KeyProvider backed by the OS keychain (`safeStorage`).
 * - CLI and tests: {@link UnprotectedFileKeyProvider}, a 0600 file beside the database. That is
 *   WEAKER: anyone who can read the user's files can read the key. It protects a copied database
 *   file, not a compromised account.
 */
import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SafeguardError } from '../errors';
import { localStorageError, writeFileAtomically } from '../files';

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
    const keys = join(this.dir, 'keys');
    const existing = await this.read(keys, name);
    if (existing !== null) return existing;
    try {
      await mkdir(keys, { recursive: true, mode: 0o700 });
      await chmod(keys, 0o700);
      // Never replaces: if another process created the key first, its key is the one to use.
      await writeFileAtomically(
        keys,
        `${name}.key`,
        Buffer.from(`${randomBytes(32).toString('hex')}\n`),
        {
          mode: 0o600,
        },
      );
    } catch (error) {
      throw localStorageError(error) ?? error;
    }
    const created = await this.read(keys, name);
    if (created === null) {
      throw new SafeguardError('bad-key-file', `The key file for the ${name} store vanished.`);
    }
    return created;
  }

  private async read(keys: string, name: string): Promise<Buffer | null> {
    const text = await readFile(join(keys, `${name}.key`), 'utf8').catch((error: unknown) => {
      if ((error as { code?: unknown }).code === 'ENOENT') return null;
      throw new SafeguardError(
        'bad-key-file',
        `The key file for the ${name} store cannot be read.`,
      );
    });
    if (text === null) return null;
    const hex = text.trim();
    if (!/^[0-9a-f]{64}$/.test(hex)) {
      throw new SafeguardError('bad-key-file', `The key file for the ${name} store is damaged.`);
    }
    return Buffer.from(hex, 'hex');
  }
}
