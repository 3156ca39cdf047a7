/**
 * Sealing with the open age format (age-encryption): X25519 recipients for concerns, scrypt
 * passphrases for lead key files. The library writes and parses headers; both stanza types are
 * unwrapped on Node's native crypto behind its `Identity` interface, the scrypt one also wrapped
 * natively (native-scrypt.ts). Protects content on the share and at rest against anyone without
 * an identity: IT staff, a stolen share, a copied key file. Errors name what failed (not age,
 * not addressed to us, tampered) and never quote content.
 */
import { Decrypter, Encrypter, generateX25519Identity, identityToRecipient } from 'age-encryption';
import { bech32 } from '@scure/base';
import { SafeguardError, type ErrorCode } from '../errors';
import { decryptAgePayload, splitAgeFile } from './age-payload';
import { NativeScryptIdentity, NativeScryptRecipient, type ScryptDerive } from './native-scrypt';
import { NativeX25519Identity } from './native-x25519-identity';

export interface AgeKeyPair {
  /** `AGE-SECRET-KEY-1…`. Secret. */
  identity: string;
  /** `age1…`: safe to publish. */
  recipient: string;
}

/** Generates a new X25519 age identity and its recipient. */
export async function generateAgeKeyPair(): Promise<AgeKeyPair> {
  const identity = await generateX25519Identity();
  return { identity, recipient: await identityToRecipient(identity) };
}

/** The recipient (`age1…`) of an identity, or a clear error when the string is not one. */
export async function recipientOf(identity: string): Promise<string> {
  try {
    return await identityToRecipient(identity);
  } catch {
    throw new SafeguardError('bad-identity', 'That is not an age identity (AGE-SECRET-KEY-1…).');
  }
}

/** True when `value` parses as an X25519 age recipient. */
export function isAgeRecipient(value: string): boolean {
  if (!/^age1[02-9ac-hj-np-z]{58}$/.test(value)) return false;
  try {
    new Encrypter().addRecipient(value);
    return true;
  } catch {
    return false;
  }
}

/** Encrypts `plaintext` to every recipient (binary age format). */
export async function sealToRecipients(
  plaintext: Uint8Array,
  recipients: readonly string[],
): Promise<Uint8Array> {
  if (recipients.length === 0) {
    throw new SafeguardError('no-recipients', 'There is nobody to seal this to.');
  }
  const encrypter = new Encrypter();
  for (const r of recipients) encrypter.addRecipient(r);
  return encrypter.encrypt(plaintext);
}

/**
 * Opens age files with one X25519 identity. Create it once per import with
 * {@link SealedFileOpener.create}: the key is imported into WebCrypto once, not once per file.
 */
export class SealedFileOpener {
  private constructor(private readonly decrypter: Decrypter) {}

  /** An opener for `identity` (`AGE-SECRET-KEY-1…`). */
  static async create(identity: string): Promise<SealedFileOpener> {
    const decrypter = new Decrypter();
    decrypter.addIdentity(await importIdentity(identity));
    return new SealedFileOpener(decrypter);
  }

  /**
   * Decrypts one age file: the library opens the header (recipients, MAC) and returns the file
   * key; the payload is decrypted natively (age-payload.ts). Failures map to specific reasons.
   */
  async open(file: Uint8Array): Promise<Uint8Array> {
    const opened = await this.openHeader(file);
    return this.openPayload(opened, file);
  }

  /**
   * Opens only the header, from the start of a file (enough bytes to hold it): throws
   * `not-addressed` when it is sealed to others, so the rest of a large file need not be read.
   */
  async openHeader(start: Uint8Array): Promise<OpenedHeader> {
    const { header } = splitAgeFile(start);
    const fileKey = await decryptMapped(
      (bytes) => this.decrypter.decryptHeader(bytes),
      header,
      'not-addressed',
      'It is not addressed to this lead.',
    );
    return { fileKey, headerLength: header.length };
  }

  /** Decrypts the payload of the whole file whose header `openHeader` opened. */
  openPayload(opened: OpenedHeader, file: Uint8Array): Uint8Array {
    return decryptAgePayload(opened.fileKey, file.subarray(opened.headerLength));
  }
}

/** An opened age header: the file key and where the payload starts. */
export interface OpenedHeader {
  fileKey: Uint8Array;
  headerLength: number;
}

async function importIdentity(identity: string): Promise<NativeX25519Identity> {
  try {
    const decoded = bech32.decodeToBytes(identity);
    if (decoded.prefix.toUpperCase() !== 'AGE-SECRET-KEY-' || decoded.bytes.length !== 32) {
      throw new Error('not an X25519 identity');
    }
    return await Promise.resolve(new NativeX25519Identity(decoded.bytes));
  } catch {
    throw new SafeguardError('bad-identity', 'That is not an age identity (AGE-SECRET-KEY-1…).');
  }
}

/**
 * Encrypts bytes under a passphrase: a standard age file with one scrypt stanza at age's default
 * work factor (2^18), derived by Node's scrypt off the event loop. `age -d` opens it.
 */
export async function sealWithPassphrase(
  plaintext: Uint8Array,
  passphrase: string,
): Promise<Uint8Array> {
  const encrypter = new Encrypter();
  encrypter.addRecipient(new NativeScryptRecipient(passphrase));
  return encrypter.encrypt(plaintext);
}

/**
 * Decrypts a passphrase-sealed file (made by this app, age-encryption or `age -p`) with Node's
 * scrypt off the event loop (or `derive`: a warm worker's); a wrong passphrase is its own error. A work factor above 2^20 or a
 * scrypt stanza beside others is refused as corrupt, as age-encryption refuses them.
 */
export async function openWithPassphrase(
  file: Uint8Array,
  passphrase: string,
  derive?: ScryptDerive,
): Promise<Uint8Array> {
  const decrypter = new Decrypter();
  decrypter.addIdentity(new NativeScryptIdentity(passphrase, derive));
  return decryptMapped(
    (bytes) => decrypter.decrypt(bytes),
    file,
    'wrong-passphrase',
    'The passphrase is wrong.',
  );
}

async function decryptMapped(
  decrypt: (bytes: Uint8Array) => Promise<Uint8Array>,
  file: Uint8Array,
  noMatchCode: ErrorCode,
  noMatchMessage: string,
): Promise<Uint8Array> {
  try {
    return await decrypt(file);
  } catch (error) {
    const message = error instanceof Error ? error.message : '';
    if (message.includes('no identity matched'))
      throw new SafeguardError(noMatchCode, noMatchMessage);
    if (/invalid (version|header(?! HMAC)|stanza)|non-ASCII|stream ended before/.test(message)) {
      throw new SafeguardError('corrupt', 'It is not a valid age file (corrupt or truncated).');
    }
    if (/header HMAC/.test(message)) {
      throw new SafeguardError('tampered', 'Its age header fails its integrity check (tampered).');
    }
    if (/tag|ciphertext|chunk/.test(message)) {
      throw new SafeguardError(
        'tampered',
        'Its encrypted payload fails its integrity check (tampered or truncated).',
      );
    }
    throw new SafeguardError('corrupt', 'It could not be decrypted (corrupt).');
  }
}
