/**
 * Changing who receives concerns: the DSL who holds the school's root key adds a recipient
 * (deputy, headteacher, chair, office) or removes one, and re-signs the profile with the next
 * serial; enrolled machines accept it because it is signed by the key they pinned. A new lead then
 * joins from the identity file made for them. A removed recipient is sealed nothing new; what they
 * already received stays readable to them (it was encrypted to their key), and the app says so.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { basename, dirname } from 'node:path';
import {
  generateAgeKeyPair,
  generateSigningKeyPair,
  isAgeRecipient,
  sealWithPassphrase,
} from '../crypto';
import { SafeguardError } from '../errors';
import { writeFileAtomically } from '../files';
import type { KeyProvider } from '../storage/key-provider';
import { leadSecretsSchema } from '../lead/identity';
import { checkNewPassphrase, type PassphraseInput } from '../lead/passphrase';
import { publishProfileChange, withRootHolder, type RootHolder } from './changes';
import { addableRoles, type AddableRole, type Recipient, type SchoolProfile } from './profile';

export interface AddRecipientInput {
  home: string;
  keyProvider: KeyProvider;
  /** The DSL's passphrase, to use the school root key. */
  passphrase: PassphraseInput;
  role: AddableRole;
  name: string;
  /** An existing age recipient (`age1…`); otherwise a new identity is made. */
  ageRecipient?: string | undefined;
  /** For a new identity: its own passphrase and where to write its key file. */
  newPassphrase?: PassphraseInput | undefined;
  identityOut?: string | undefined;
  now?: Date;
}

/** A recipient ready to be added, with their sealed identity file when one was made for them. */
export interface PreparedRecipient {
  recipient: Recipient;
  /** The identity file's bytes (age, sealed with the new passphrase), or null for an `age1…` key. */
  identity: Uint8Array | null;
}

/** The sentence said whenever someone is removed: plain about what removal can and cannot do. */
export function removalWords(name: string): string {
  return `Nothing new will be sealed to ${name}. What they already received stays readable to them.`;
}

/** Adds a recipient to the signed profile on the share; returns the new recipient. */
export async function addRecipient(
  input: AddRecipientInput,
): Promise<Recipient & { identityFile: string | null }> {
  const now = input.now ?? new Date();
  return withRootHolder(input, async (holder) => {
    if (input.ageRecipient === undefined) {
      if (input.newPassphrase === undefined || input.identityOut === undefined) {
        throw new SafeguardError(
          'invalid-input',
          'Without --recipient, give --new-passphrase-file and --identity-out for the new identity.',
        );
      }
    }
    const prepared = await prepareRecipient({
      role: input.role,
      name: input.name,
      ageRecipient: input.ageRecipient,
      newPassphrase: input.newPassphrase,
    });
    // The file first: if it cannot be written, nothing is published.
    if (prepared.identity !== null && input.identityOut !== undefined) {
      await writeNewFile(input.identityOut, prepared.identity);
    }
    await publishRecipient(holder, prepared.recipient, now);
    return {
      ...prepared.recipient,
      identityFile: prepared.identity === null ? null : (input.identityOut ?? null),
    };
  });
}

/**
 * Makes the recipient: from an existing `age1…` key, or a new identity (age key and signing key)
 * sealed with `newPassphrase`, for them to join with.
 */
export async function prepareRecipient(input: {
  role: AddableRole;
  name: string;
  ageRecipient?: string | undefined;
  newPassphrase?: PassphraseInput | undefined;
}): Promise<PreparedRecipient> {
  const name = input.name.trim();
  if (!name) throw new SafeguardError('invalid-input', 'The name is required.');
  if (name.length > 200) {
    throw new SafeguardError('invalid-input', 'The name must be at most 200 characters.');
  }
  if (!(addableRoles as readonly string[]).includes(input.role)) {
    throw new SafeguardError(
      'invalid-input',
      `The role must be one of ${addableRoles.join(', ')}.`,
    );
  }
  if (input.ageRecipient !== undefined) {
    const ageRecipient = input.ageRecipient.trim();
    if (!isAgeRecipient(ageRecipient)) {
      throw new SafeguardError('bad-recipient', 'That is not an age recipient (age1…).');
    }
    return {
      recipient: { id: randomUUID(), name, role: input.role, ageRecipient },
      identity: null,
    };
  }
  if (input.newPassphrase === undefined) {
    throw new SafeguardError(
      'invalid-input',
      'A new identity needs a passphrase to seal it with, or give an existing age recipient.',
    );
  }
  const newPassphrase = await checkNewPassphrase(input.newPassphrase, { leadName: name });
  const age = await generateAgeKeyPair();
  const signing = generateSigningKeyPair();
  const recipient: Recipient = {
    id: randomUUID(),
    name,
    role: input.role,
    ageRecipient: age.recipient,
    verifyKey: signing.publicKey,
  };
  const secrets = leadSecretsSchema.parse({
    format: 'safeguard-desk/lead-identity',
    formatVersion: 1,
    recipientId: recipient.id,
    name: recipient.name,
    role: recipient.role,
    ageIdentity: age.identity,
    signingKey: signing.privateKey,
    rootSigningKey: null,
  });
  const identity = await sealWithPassphrase(Buffer.from(JSON.stringify(secrets)), newPassphrase);
  return { recipient, identity };
}

/** Re-signs the profile with `recipient` added. */
export async function publishRecipient(
  holder: RootHolder,
  recipient: Recipient,
  now: Date,
): Promise<SchoolProfile> {
  return publishProfileChange(
    holder,
    (current) => {
      if (current.recipients.some((r) => r.ageRecipient === recipient.ageRecipient)) {
        throw new SafeguardError(
          'bad-recipient',
          'That age recipient is already on the school profile.',
        );
      }
      return { recipients: [...current.recipients, recipient] };
    },
    now,
  );
}

/**
 * Re-signs the profile without the recipient `recipientId`; refuses the DSL who holds the root
 * key (they would lock every enrolled machine out of changes). Returns who was removed.
 */
export async function removeRecipientWith(
  holder: RootHolder,
  recipientId: string,
  now: Date,
): Promise<{ removed: Recipient; profile: SchoolProfile }> {
  let removed: Recipient | undefined;
  const profile = await publishProfileChange(
    holder,
    (current) => {
      removed = current.recipients.find((r) => r.id === recipientId);
      if (removed === undefined) {
        throw new SafeguardError('not-on-profile', 'Nobody with that id is on the school profile.');
      }
      if (removed.id === holder.secrets.recipientId || removed.role === 'dsl') {
        throw new SafeguardError(
          'root-holder',
          "The DSL who holds the school's root key cannot be removed: they sign every change to the school.",
        );
      }
      return { recipients: current.recipients.filter((r) => r.id !== recipientId) };
    },
    now,
  );
  if (removed === undefined) throw new Error('unreachable: the change ran');
  return { removed, profile };
}

/** Removes a recipient from the signed profile on the share, with the DSL's passphrase. */
export async function removeRecipient(input: {
  home: string;
  keyProvider: KeyProvider;
  passphrase: PassphraseInput;
  recipientId: string;
  now?: Date;
}): Promise<{ removed: Recipient; profile: SchoolProfile }> {
  const now = input.now ?? new Date();
  return withRootHolder(input, (holder) => removeRecipientWith(holder, input.recipientId, now));
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * A passphrase for a new lead's identity file, to give them in person with the file: 25 Crockford
 * base32 characters (125 bits) in groups of five, e.g. `7KQ2M-9XD4H-…`. They replace it on joining.
 */
export function oneTimePassphrase(): string {
  const bytes = randomBytes(25);
  const chars = [...bytes].map((b) => CROCKFORD[b & 31] ?? '0').join('');
  return chars.match(/.{5}/g)?.join('-') ?? chars;
}

/** Writes a new identity file (never replacing one), through the one atomic-write helper. */
async function writeNewFile(path: string, bytes: Uint8Array): Promise<void> {
  const refused = () =>
    new SafeguardError(
      'identity-file',
      `Cannot create ${path} (it may already exist): nothing was changed.`,
    );
  const result = await writeFileAtomically(dirname(path), basename(path), bytes, {
    mode: 0o600,
  }).catch(() => {
    throw refused();
  });
  if (result === 'exists') throw refused();
}
