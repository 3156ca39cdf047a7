/**
 * A lead's secrets: age identity (opens concerns), Ed25519 signing key, and — for the DSL who set
 * the school up — the school root key. Kept in one age file sealed with the lead's passphrase
 * (scrypt), so the standard `age` tool can open it too. Protects against a copied home folder;
 * not against malware running as the lead while unlocked.
 */
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { z } from 'zod';
import { sealWithPassphrase, type ScryptDerive } from '../crypto';
import { SafeguardError } from '../errors';
import { localStorageError, withProcessLock, writeFileAtomically } from '../files';
import { homePaths } from '../home';
import {
  checkNewPassphrase,
  enteredPassphrase,
  openWithEnteredPassphrase,
  type PassphraseInput,
} from './passphrase';

export const leadSecretsSchema = z.strictObject({
  format: z.literal('safeguard-desk/lead-identity'),
  formatVersion: z.literal(1),
  recipientId: z.uuid(),
  name: z.string(),
  role: z.string(),
  ageIdentity: z.string().startsWith('AGE-SECRET-KEY-1'),
  signingKey: z.string(),
  rootSigningKey: z.string().nullable(),
});
export type LeadSecrets = z.infer<typeof leadSecretsSchema>;

/** Writes the lead's secrets sealed with the passphrase; never overwrites an existing identity. */
export async function saveLeadSecrets(
  home: string,
  secrets: LeadSecrets,
  newPassphrase: PassphraseInput,
): Promise<void> {
  const passphrase = await checkNewPassphrase(newPassphrase);
  const file = homePaths(home).leadIdentity;
  if (existsSync(file)) {
    throw new SafeguardError(
      'lead-exists',
      'This home folder already holds a lead identity; it was left untouched.',
    );
  }
  const sealed = await sealWithPassphrase(
    Buffer.from(JSON.stringify(leadSecretsSchema.parse(secrets))),
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
  // Another process got there first: its identity stays, this one is not written.
  if (result === 'exists') {
    throw new SafeguardError(
      'lead-exists',
      'This home folder already holds a lead identity; it was left untouched.',
    );
  }
}

/** True when this home folder holds a lead identity. */
export function hasLeadIdentity(home: string): boolean {
  return existsSync(homePaths(home).leadIdentity);
}

/** Opens the lead's secrets with the passphrase (scrypt by `derive` when given: a warm worker). */
export async function unlockLead(
  home: string,
  passphrase: PassphraseInput,
  derive?: ScryptDerive,
): Promise<LeadSecrets> {
  const file = homePaths(home).leadIdentity;
  let sealed: Buffer;
  try {
    sealed = await readFile(file);
  } catch {
    throw new SafeguardError(
      'not-a-lead',
      'This home folder holds no lead identity (set the school up first).',
    );
  }
  const plain = await openWithEnteredPassphrase(sealed, passphrase, derive);
  const parsed = leadSecretsSchema.safeParse(JSON.parse(Buffer.from(plain).toString('utf8')));
  if (!parsed.success)
    throw new SafeguardError('bad-identity-file', 'The lead identity file is damaged.');
  return parsed.data;
}

/**
 * Re-seals the lead's identity under a new passphrase, replacing the file atomically (temp file,
 * fsync, rename over it, fsync the folder): at every moment the file opens with the old passphrase
 * or the new one. A wrong current passphrase is refused as at unlock, and changes nothing.
 */
export async function changeLeadPassphrase(
  home: string,
  current: PassphraseInput,
  next: PassphraseInput,
): Promise<void> {
  const passphrase = await checkNewPassphrase(next);
  if (passphrase === enteredPassphrase(current).value) {
    throw new SafeguardError(
      'same-passphrase',
      'The new passphrase is the one you have now: choose another. Nothing was changed.',
    );
  }
  await withIdentityLock(home, async () => {
    const secrets = await unlockLead(home, current);
    await replaceLeadSecrets(home, secrets, passphrase);
  });
}

/**
 * Writes the lead's secrets sealed with `passphrase` over the identity file (or as a new one),
 * atomically. `passphrase` must already have passed `checkNewPassphrase`.
 */
export async function replaceLeadSecrets(
  home: string,
  secrets: LeadSecrets,
  passphrase: string,
): Promise<void> {
  const file = homePaths(home).leadIdentity;
  const sealed = await sealWithPassphrase(
    Buffer.from(JSON.stringify(leadSecretsSchema.parse(secrets))),
    passphrase,
  );
  try {
    await mkdir(dirname(file), { recursive: true, mode: 0o700 });
    await writeFileAtomically(dirname(file), basename(file), sealed, {
      replace: true,
      mode: 0o600,
    });
  } catch (error) {
    throw localStorageError(error) ?? error;
  }
}

/**
 * Runs `work` while no other process re-seals this home's identity (a passphrase change and a
 * recovery at once would otherwise leave one passphrase silently lost).
 */
export function withIdentityLock<T>(home: string, work: () => Promise<T>): Promise<T> {
  return withProcessLock(
    join(dirname(homePaths(home).leadIdentity), '.identity.lock'),
    {
      waitMs: 30_000,
      busy: () =>
        new SafeguardError(
          'store-busy',
          'The passphrase is being changed by another window or command: try again in a moment.',
        ),
    },
    work,
  );
}
