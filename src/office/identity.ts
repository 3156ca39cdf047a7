/**
 * An office user's identity: an age identity that opens the school's statistical extracts and
 * nothing else (office users are never a concern's recipient). Kept in its own file,
 * `<home>/office/identity.age`, sealed with the office user's passphrase (age scrypt, so the
 * standard `age -d` opens it), apart from any lead identity in the same home: an office user never
 * gets the lead workspace. Protects against a copied home folder; not against malware running as
 * the user while unlocked. Errors never quote the passphrase or the key.
 */
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { z } from 'zod';
import { recipientOf, sealWithPassphrase } from '../crypto';
import { SafeguardError } from '../errors';
import { localStorageError, writeFileAtomically } from '../files';
import { homePaths } from '../home';
import { openWithEnteredPassphrase, type PassphraseInput } from '../lead/passphrase';

export const officeSecretsSchema = z.strictObject({
  format: z.literal('safeguard-desk/office-identity'),
  formatVersion: z.literal(1),
  ageIdentity: z.string().startsWith('AGE-SECRET-KEY-1'),
  /** Who they are on the school profile, when the DSL made the identity for them; else null. */
  recipientId: z.uuid().nullable(),
  name: z.string().nullable(),
  /** Kept from an identity file the DSL made (it has one); office users sign nothing. */
  signingKey: z.string().nullable(),
});
export type OfficeSecrets = z.infer<typeof officeSecretsSchema>;

/** True when this home folder holds an office identity. */
export function hasOfficeIdentity(home: string): boolean {
  return existsSync(homePaths(home).officeIdentity);
}

/** The refusal when this home already holds an office identity. */
export function officeExists(): SafeguardError {
  return new SafeguardError(
    'office-exists',
    'This home folder already holds an office identity; it was left untouched.',
  );
}

/**
 * Writes the office identity sealed with `passphrase` (already checked by `checkNewPassphrase`);
 * never replaces one, even written by another process at the same moment.
 */
export async function saveOfficeSecrets(
  home: string,
  secrets: OfficeSecrets,
  passphrase: string,
): Promise<void> {
  const file = homePaths(home).officeIdentity;
  if (existsSync(file)) throw officeExists();
  const sealed = await sealWithPassphrase(
    Buffer.from(JSON.stringify(officeSecretsSchema.parse(secrets))),
    passphrase,
  );
  let result;
  try {
    await mkdir(dirname(file), { recursive: true, mode: 0o700 });
    await chmod(dirname(file), 0o700);
    result = await writeFileAtomically(dirname(file), basename(file), sealed, { mode: 0o600 });
  } catch (error) {
    throw localStorageError(error) ?? error;
  }
  if (result === 'exists') throw officeExists();
}

/** The error for an office operation on a computer without an office identity. */
export function notOffice(): SafeguardError {
  return new SafeguardError(
    'not-office',
    'This computer holds no office identity for this user (office init, or join with the file your DSL made).',
  );
}

/** Opens the office identity with the passphrase (`wrong-passphrase` when it does not). */
export async function unlockOffice(
  home: string,
  passphrase: PassphraseInput,
): Promise<OfficeSecrets> {
  let sealed: Buffer;
  try {
    sealed = await readFile(homePaths(home).officeIdentity);
  } catch {
    throw notOffice();
  }
  const plain = await openWithEnteredPassphrase(sealed, passphrase);
  let parsed;
  try {
    parsed = officeSecretsSchema.safeParse(JSON.parse(Buffer.from(plain).toString('utf8')));
  } catch {
    parsed = null;
  }
  if (!parsed?.success) {
    throw new SafeguardError('bad-identity-file', 'The office identity file is damaged.');
  }
  return parsed.data;
}

/** The `age1…` recipient the DSL adds for this office user. */
export function officeRecipient(secrets: OfficeSecrets): Promise<string> {
  return recipientOf(secrets.ageIdentity);
}
