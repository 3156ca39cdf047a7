/**
 * Changing who receives concerns: the DSL who holds the school's root key adds a recipient
 * (deputy, headteacher, chair, office) and re-signs the profile with the next serial; enrolled
 * machines accept it because it is signed by the key they pinned. A new lead then joins from the
 * identity file made for them.
 */
import { randomUUID } from 'node:crypto';
import { basename, dirname } from 'node:path';
import {
  generateAgeKeyPair,
  generateSigningKeyPair,
  isAgeRecipient,
  sealWithPassphrase,
} from '../crypto';
import { SafeguardError } from '../errors';
import { writeFileAtomically } from '../files';
import { nextProfile, signProfile, type Recipient, type RecipientRole } from './profile';
import { openShare } from '../share';
import { openStaffStore, trustedProfile } from '../staff';
import type { KeyProvider } from '../storage/key-provider';
import { leadSecretsSchema, unlockLead } from '../lead/identity';
import { checkNewPassphrase, type PassphraseInput } from '../lead/passphrase';

export interface AddRecipientInput {
  home: string;
  keyProvider: KeyProvider;
  /** The DSL's passphrase, to use the school root key. */
  passphrase: PassphraseInput;
  role: Exclude<RecipientRole, 'dsl'>;
  name: string;
  /** An existing age recipient (`age1…`); otherwise a new identity is made. */
  ageRecipient?: string | undefined;
  /** For a new identity: its own passphrase and where to write its key file. */
  newPassphrase?: PassphraseInput | undefined;
  identityOut?: string | undefined;
  now?: Date;
}

/** Adds a recipient to the signed profile on the share; returns the new recipient. */
export async function addRecipient(
  input: AddRecipientInput,
): Promise<Recipient & { identityFile: string | null }> {
  const now = input.now ?? new Date();
  if (!input.name.trim()) throw new SafeguardError('invalid-input', 'The name is required.');
  const dsl = await unlockLead(input.home, input.passphrase);
  if (!dsl.rootSigningKey) {
    throw new SafeguardError(
      'not-root',
      "Only the DSL who set the school up holds the school's root key.",
    );
  }
  let recipient: Recipient;
  let identityFile: string | null = null;
  if (input.ageRecipient !== undefined) {
    if (!isAgeRecipient(input.ageRecipient)) {
      throw new SafeguardError('bad-recipient', 'That is not an age recipient (age1…).');
    }
    recipient = {
      id: randomUUID(),
      name: input.name.trim(),
      role: input.role,
      ageRecipient: input.ageRecipient,
    };
  } else {
    if (input.newPassphrase === undefined || input.identityOut === undefined) {
      throw new SafeguardError(
        'invalid-input',
        'Without --recipient, give --new-passphrase-file and --identity-out for the new identity.',
      );
    }
    const newPassphrase = checkNewPassphrase(input.newPassphrase, { leadName: input.name });
    const age = await generateAgeKeyPair();
    const signing = generateSigningKeyPair();
    recipient = {
      id: randomUUID(),
      name: input.name.trim(),
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
    const sealed = await sealWithPassphrase(Buffer.from(JSON.stringify(secrets)), newPassphrase);
    await writeNewFile(input.identityOut, sealed);
    identityFile = input.identityOut;
  }

  const staff = await openStaffStore(input.home, input.keyProvider);
  try {
    const { profile: current } = await trustedProfile(staff, now);
    const updated = nextProfile(current, { recipients: [...current.recipients, recipient] }, now);
    const share = openShare(staff.enrolment()?.sharePath ?? '');
    await share.writeProfile(signProfile(updated, dsl.rootSigningKey));
    await trustedProfile(staff, now); // this machine's pin moves to the new version too
  } finally {
    staff.close();
  }
  return { ...recipient, identityFile };
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
