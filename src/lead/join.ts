/**
 * Joining as a lead: a deputy, headteacher, chair or office user opens the identity file the DSL
 * made for them (with its one-time passphrase), checks it is on the school profile of the share,
 * and keeps it under a passphrase of their own in their home folder; the computer is enrolled.
 */
import { readFile } from 'node:fs/promises';
import { openCaseStore } from '../casework/store';
import { recipientOf } from '../crypto';
import { SafeguardError } from '../errors';
import type { RecipientRole } from '../school/profile';
import { verifyProfile } from '../school/profile';
import { openShare } from '../share';
import { enrol, openStaffStore } from '../staff';
import type { KeyProvider } from '../storage/key-provider';
import { leadSecretsSchema, saveLeadSecrets } from './identity';
import { checkNewPassphrase, openWithEnteredPassphrase, type PassphraseInput } from './passphrase';

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
  const json = await openShare(input.sharePath).readProfile();
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
    cases.settings.save({
      sharePath: input.sharePath,
      schoolId: profile.schoolId,
      recipientId: onProfile.id,
    });
  } finally {
    cases.close();
  }
  return { safetyCode, recipientId: onProfile.id, role: onProfile.role };
}
