/**
 * The age passphrase recipient type (age-encryption.org/v1, "scrypt" stanza) on Node's native
 * crypto, plugged into age-encryption through its documented `Identity` and `Recipient`
 * interfaces. The library still writes and parses the header, checks its MAC and handles the
 * payload, so the file stays standard age and Debian's `age -d` opens it. Why: the library's
 * pure-JS scrypt holds the event loop (the Electron main process) for the whole unlock; Node's runs
 * on the libuv thread pool, and is faster.
 *
 * Protects a lead's key file against anyone without the passphrase, as far as scrypt at the file's
 * work factor and the passphrase's strength resist offline guessing. Checks mirror age-encryption's
 * own scrypt identity, with its error messages: the stanza must be alone in the header (age spec:
 * only someone who knows the passphrase can then have made the file), its salt canonical, and its
 * work factor at most 2^20 so a crafted file cannot demand gigabytes and minutes. Nothing is
 * logged; errors are fixed strings and never carry the passphrase, the salt or a key.
 */
import { randomBytes, scrypt } from 'node:crypto';
import { Stanza } from 'age-encryption';
import type { Identity, Recipient } from 'age-encryption';
import { chachaOpen, chachaSeal } from './aead';

const LABEL = Buffer.from('age-encryption.org/v1/scrypt');
const SALT_SIZE = 16;
const FILE_KEY_SIZE = 16;
const TAG_SIZE = 16;
const ZERO_NONCE = Buffer.alloc(12);
// Fixed by the age spec: r = 8, p = 1, a 32-byte ChaCha20-Poly1305 wrap key.
const R = 8;
const P = 1;
const KEY_SIZE = 32;

/** age's default work factor (2^18), used by age-encryption and Debian's `age -p`. */
export const DEFAULT_SCRYPT_WORK_FACTOR = 18;
/** The highest work factor opened: age-encryption's own limit (2^20 needs 1 GiB). */
export const MAX_SCRYPT_WORK_FACTOR = 20;

/**
 * scrypt(secret, salt, N = 2^logN, r = 8, p = 1) to a 32-byte key, off the event loop: Node's own
 * (`nodeScrypt`) or a warm worker's (warm-scrypt.ts). Both give the same bytes.
 */
export type ScryptDerive = (secret: Buffer, salt: Buffer, logN: number) => Promise<Buffer>;

/** Opens the one `scrypt` stanza of a passphrase-sealed age file with a passphrase. */
export class NativeScryptIdentity implements Identity {
  constructor(
    private readonly passphrase: string,
    private readonly derive: ScryptDerive = nodeScrypt,
  ) {}

  async unwrapFileKey(stanzas: Stanza[]): Promise<Uint8Array | null> {
    for (const stanza of stanzas) {
      if (stanza.args[0] !== 'scrypt') continue;
      if (stanzas.length !== 1)
        throw new Error('scrypt recipient is not the only one in the header');
      const [, saltArg, logNArg] = stanza.args;
      if (stanza.args.length !== 3 || saltArg === undefined || logNArg === undefined) {
        throw new Error('invalid scrypt stanza');
      }
      if (!/^[1-9][0-9]*$/.test(logNArg)) throw new Error('invalid scrypt stanza');
      const salt = decodeSalt(saltArg);
      if (salt === null) throw new Error('invalid scrypt stanza');
      const logN = Number(logNArg);
      if (logN > MAX_SCRYPT_WORK_FACTOR) throw new Error('scrypt work factor is too high');
      // Checked before the costly derivation; the library checks it after, with this message.
      if (stanza.body.length !== FILE_KEY_SIZE + TAG_SIZE) throw new Error('invalid stanza');
      const key = await deriveWrapKey(this.derive, this.passphrase, salt, logN);
      const fileKey = openFileKey(key, stanza.body);
      key.fill(0);
      if (fileKey !== null) return fileKey;
    }
    return null;
  }
}

/** Wraps a file key under a passphrase as one `scrypt` stanza (fresh 16-byte salt each time). */
export class NativeScryptRecipient implements Recipient {
  constructor(
    private readonly passphrase: string,
    private readonly logN: number = DEFAULT_SCRYPT_WORK_FACTOR,
  ) {
    if (!Number.isInteger(logN) || logN < 1 || logN > MAX_SCRYPT_WORK_FACTOR) {
      throw new RangeError(`scrypt work factor must be 1..${MAX_SCRYPT_WORK_FACTOR}`);
    }
  }

  async wrapFileKey(fileKey: Uint8Array): Promise<Stanza[]> {
    const salt = randomBytes(SALT_SIZE);
    const key = await deriveWrapKey(nodeScrypt, this.passphrase, salt, this.logN);
    const body = chachaSeal(key, ZERO_NONCE, fileKey);
    key.fill(0);
    const saltArg = salt.toString('base64').replace(/=+$/, '');
    return [new Stanza(['scrypt', saltArg, String(this.logN)], new Uint8Array(body))];
  }
}

/** The wrap key: scrypt(passphrase, label || salt) at the stanza's work factor. */
async function deriveWrapKey(
  derive: ScryptDerive,
  passphrase: string,
  salt: Buffer,
  logN: number,
): Promise<Buffer> {
  const secret = Buffer.from(passphrase, 'utf8');
  try {
    return await derive(secret, Buffer.concat([LABEL, salt]), logN);
  } finally {
    secret.fill(0);
  }
}

/** Node's scrypt on the libuv pool, at age's parameters (r = 8, p = 1, 32 bytes). */
export function nodeScrypt(secret: Buffer, salt: Buffer, logN: number): Promise<Buffer> {
  const n = 2 ** logN;
  return new Promise((resolve, reject) => {
    // OpenSSL needs 128·r·(N + p + 2) bytes and BoringSSL (Electron) 128·r·(N + p + 1); the
    // default limit (32 MiB) is below the 256 MiB that age's default work factor needs.
    const options = { N: n, r: R, p: P, maxmem: 128 * R * (n + P + 2) };
    scrypt(secret, salt, KEY_SIZE, options, (error, key) => {
      if (error) reject(error);
      else resolve(key);
    });
  });
}

/** The file key, or null when the tag does not verify (a wrong passphrase). */
function openFileKey(key: Buffer, body: Uint8Array): Buffer | null {
  return chachaOpen(key, ZERO_NONCE, body);
}

function decodeSalt(arg: string): Buffer | null {
  // Canonical unpadded standard base64 of exactly 16 bytes, as age requires.
  if (!/^[A-Za-z0-9+/]{22}$/.test(arg)) return null;
  const bytes = Buffer.from(arg, 'base64');
  return bytes.length === SALT_SIZE && bytes.toString('base64').replace(/=+$/, '') === arg
    ? bytes
    : null;
}
