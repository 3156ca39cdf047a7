/**
 * KeyProvider backed by the OS keychain through Electron's `safeStorage` (async API): each local
 * database key is a random 32 bytes, stored only encrypted under the keychain in
 * `<home>/keys/<name>.safestorage`.
 *
 * Protects against: a copied database or key file (it is useless without this user's keychain).
 * Does not protect against: code running as this user while they are logged in.
 * Never logged: the key, its hex form, or the decrypted file contents.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { safeStorage } from 'electron';
import { SafeguardError } from '../src/errors';
import { writeFileAtomically } from '../src/files';
import type { KeyProvider } from '../src/storage/key-provider';

const noKeychain =
  'This computer has no usable system keychain, so Safeguard Desk cannot protect its local data. ' +
  'Ask IT to enable the keychain (on Linux: GNOME Keyring or KWallet). The command-line tool can ' +
  'keep keys in a plain file instead, but that is weaker and the desktop app will not do it.';

/** True when safeStorage would really use an OS keychain (not Linux's hard-coded "basic_text"). */
async function keychainAvailable(): Promise<boolean> {
  if (!(await safeStorage.isAsyncEncryptionAvailable())) return false;
  return process.platform !== 'linux' || safeStorage.getSelectedStorageBackend() !== 'basic_text';
}

export class SafeStorageKeyProvider implements KeyProvider {
  readonly kind = 'os-keychain';
  /** One creation per name at a time: two racing creators would leave a database unreadable. */
  private readonly pending = new Map<string, Promise<Buffer>>();

  constructor(private readonly home: string) {}

  getOrCreateKey(name: string): Promise<Buffer> {
    if (!/^[a-z0-9-]+$/.test(name)) {
      return Promise.reject(new SafeguardError('bad-key-name', 'Invalid key name.'));
    }
    const existing = this.pending.get(name);
    if (existing) return existing;
    const created = this.load(name).finally(() => this.pending.delete(name));
    this.pending.set(name, created);
    return created;
  }

  private async load(name: string): Promise<Buffer> {
    const file = join(this.home, 'keys', `${name}.safestorage`);
    let sealed: Buffer | null = null;
    try {
      sealed = await readFile(file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    if (sealed === null) return this.create(file);
    return this.unseal(name, file, sealed);
  }

  private async create(file: string): Promise<Buffer> {
    if (!(await keychainAvailable())) throw new SafeguardError('keychain-unavailable', noKeychain);
    const key = randomBytes(32);
    await mkdir(dirname(file), { recursive: true, mode: 0o700 });
    const sealed = await safeStorage.encryptStringAsync(key.toString('hex'));
    // Never replaces: when another process created the key first, that key is the one to use.
    const result = await writeFileAtomically(dirname(file), basename(file), sealed, {
      mode: 0o600,
    });
    if (result === 'written') return key;
    return this.unseal(basename(file, '.safestorage'), file, await readFile(file));
  }

  private async unseal(name: string, file: string, sealed: Buffer): Promise<Buffer> {
    let hex: string;
    let shouldReEncrypt: boolean;
    try {
      ({ result: hex, shouldReEncrypt } = await safeStorage.decryptStringAsync(sealed));
    } catch {
      // Never replace a key we cannot read: the database it opens would be lost for good.
      throw new SafeguardError(
        'key-unreadable',
        `The system keychain could not unlock the key of the ${name} store on this computer.`,
      );
    }
    if (!/^[0-9a-f]{64}$/.test(hex)) {
      throw new SafeguardError('bad-key-file', `The key file for the ${name} store is damaged.`);
    }
    if (shouldReEncrypt) {
      // The keychain rotated its own key: store ours again under the new one.
      const again = await safeStorage.encryptStringAsync(hex);
      await writeFileAtomically(dirname(file), basename(file), again, {
        replace: true,
        mode: 0o600,
      });
    }
    return Buffer.from(hex, 'hex');
  }
}
