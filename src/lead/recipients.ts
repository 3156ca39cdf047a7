/**
 * Changing who receives concerns: the DSL who holds the school's root key adds a recipient
 * (deputy, headteacher, chair, office) and re-signs the profile with the next serial; enrolled
 * machines accept it because it is signed by the key they pinned. A new lead then joins from the
 * identity file made for them.
 */
import { randomUUID } from 'node:crypto';
import { open, readFile } from 'node:fs/promises';
import {
  generateAgeKeyPair,
  generateSigningKeyPair,
  isAgeRecipient,
  recipientOf,
  sealWithPassphrase,
} from '../crypto';
import { SafeguardError } from '../errors';
import {
  nextProfile,
  signProfile,
  verifyProfile,
  type Recipient,
  type RecipientRole,
} from '../school';
import { FolderShare } from '../share';
import { enrol, openStaffStore, trustedProfile } from '../staff';
import type { KeyProvider } from '../storage/key-provider';
import { openCaseStore } from './case-store';
import { leadSecretsSchema, saveLeadSecrets, unlockLead } from './identity';
import { checkNewPassphrase, openWithEnteredPassphrase, type PassphraseInput } from './passphrase';

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
    const newPassphrase = checkNewPassphrase(input.newPassphrase);
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
    const share = new FolderShare(staff.enrolment()?.sharePath ?? '');
    await share.writeProfile(signProfile(updated, dsl.rootSigningKey));
    await trustedProfile(staff, now); // this machine's pin moves to the new version too
  } finally {
    staff.close();
  }
  return { ...recipient, identityFile };
}

/** Sets up a lead's home from the identity file made by `school add-recipient`. */
export async function joinAsLead(input: {
  home: string;
  keyProvider: KeyProvider;
  identityFile: string;
  sharePath: string;
  /** The passphrase the identity file was sealed with; it becomes this lead's own. */
  passphrase: PassphraseInput;
  now?: Date;
}): Promise<{ safetyCode: string; recipientId: string; role: RecipientRole }> {
  const now = input.now ?? new Date();
  const passphrase = checkNewPassphrase(input.passphrase);
  let sealed: Buffer;
  try {
    sealed = await readFile(input.identityFile);
  } catch {
    throw new SafeguardError(
      'identity-file',
      `The identity file ${input.identityFile} cannot be read.`,
    );
  }
  const plain = await openWithEnteredPassphrase(sealed, input.passphrase);
  const secrets = leadSecretsSchema.safeParse(JSON.parse(Buffer.from(plain).toString('utf8')));
  if (!secrets.success)
    throw new SafeguardError('bad-identity-file', 'That is not a Safeguard Desk identity file.');
  const json = await new FolderShare(input.sharePath).readProfile();
  if (json === null)
    throw new SafeguardError('no-profile', 'There is no school profile on this share.');
  const { profile } = verifyProfile(json);
  const onProfile = profile.recipients.find((r) => r.id === secrets.data.recipientId);
  if (!onProfile || onProfile.ageRecipient !== (await recipientOf(secrets.data.ageIdentity))) {
    throw new SafeguardError(
      'not-on-profile',
      'This identity is not a recipient on the school profile of that share.',
    );
  }
  await saveLeadSecrets(input.home, secrets.data, passphrase);
  const staff = await openStaffStore(input.home, input.keyProvider);
  let safetyCode: string;
  try {
    safetyCode = (await enrol(staff, input.sharePath, now)).safetyCode;
  } finally {
    staff.close();
  }
  const cases = await openCaseStore(input.home, input.keyProvider);
  try {
    cases.saveSettings({
      sharePath: input.sharePath,
      schoolId: profile.schoolId,
      recipientId: onProfile.id,
    });
  } finally {
    cases.close();
  }
  return { safetyCode, recipientId: onProfile.id, role: onProfile.role };
}

async function writeNewFile(path: string, bytes: Uint8Array): Promise<void> {
  let handle;
  try {
    handle = await open(path, 'wx', 0o600);
  } catch {
    throw new SafeguardError(
      'identity-file',
      `Cannot create ${path} (it may already exist): nothing was changed.`,
    );
  }
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
}
