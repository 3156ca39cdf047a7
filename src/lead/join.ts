/**
 * Joining as a lead: a deputy, headteacher, chair or office user opens the identity file the DSL
 * made for them (with its one-time passphrase), checks it is on the school profile of the share,
 * and keeps it under a passphrase of their own in their home folder, with a copy on the share
 * sealed with a new recovery key of their own; the computer is enrolled. The identity file is then
 * destroyed, so the one-time passphrase opens nothing any more (unless the file could not be
 * removed, which the result says).
 */
import { readFile, rm } from 'node:fs/promises';
import { openCaseStore } from '../casework/store';
import { SafeguardError } from '../errors';
import { destroyFile } from '../files';
import { homePaths } from '../home';
import type { RecipientRole } from '../school/profile';
import { verifyProfile } from '../school/profile';
import { openShare } from '../share';
import { enrol, openStaffStore } from '../staff';
import type { KeyProvider } from '../storage/key-provider';
import { hasLeadIdentity, leadSecretsSchema, saveLeadSecrets, type LeadSecrets } from './identity';
import {
  checkNewPassphrase,
  enteredPassphrase,
  openWithEnteredPassphrase,
  type PassphraseInput,
} from './passphrase';
import { checkSecretsOnProfile, writeRecoveryFile } from './recovery-file';
import { generateRecoveryKey } from './recovery-key';

/** Sets up a lead's home from the identity file made by `school add-recipient`. */
export async function joinAsLead(input: {
  home: string;
  keyProvider: KeyProvider;
  identityFile: string;
  sharePath: string;
  /** The one-time passphrase the identity file was sealed with; it stops opening anything. */
  passphrase: PassphraseInput;
  /** The lead's own passphrase for this computer; refused when it is the one-time one. */
  newPassphrase: PassphraseInput;
  now?: Date;
}): Promise<{
  safetyCode: string;
  recipientId: string;
  role: RecipientRole;
  /** This lead's own recovery key, to be shown once and kept away from this computer. */
  recoveryKey: string;
  /** False when the identity file could not be deleted (read-only media): destroy it by hand. */
  identityFileRemoved: boolean;
}> {
  const now = input.now ?? new Date();
  const newPassphrase = await checkNewPassphrase(input.newPassphrase);
  if (newPassphrase === enteredPassphrase(input.passphrase).value) {
    throw new SafeguardError(
      'same-passphrase',
      'Choose a passphrase of your own: it must not be the one-time passphrase you were given.',
    );
  }
  if (hasLeadIdentity(input.home)) {
    throw new SafeguardError(
      'lead-exists',
      'This home folder already holds a lead identity; it was left untouched.',
    );
  }
  let sealed: Buffer;
  try {
    sealed = await readFile(input.identityFile);
  } catch {
    throw new SafeguardError(
      'identity-file',
      `The identity file ${input.identityFile} cannot be read.`,
    );
  }
  const secrets = parseSecrets(await openWithEnteredPassphrase(sealed, input.passphrase));
  const share = openShare(input.sharePath);
  const json = await share.readProfile();
  if (json === null)
    throw new SafeguardError('no-profile', 'There is no school profile on this share.');
  const { profile } = verifyProfile(json);
  const onProfile = await checkSecretsOnProfile(secrets, profile);
  // Now that the school and the lead are known, their names count as easy guesses too.
  await checkNewPassphrase(newPassphrase, {
    schoolName: profile.schoolName,
    leadName: secrets.name,
  });
  const recoveryKey = generateRecoveryKey();
  await saveLeadSecrets(input.home, secrets, newPassphrase);
  try {
    await writeRecoveryFile(share, secrets, recoveryKey);
  } catch (error) {
    // Not joined without a recovery file: the identity file still opens, so a retry starts clean.
    await rm(homePaths(input.home).leadIdentity, { force: true });
    throw error;
  }
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
  const identityFileRemoved = await destroyFile(input.identityFile);
  return {
    safetyCode,
    recipientId: onProfile.id,
    role: onProfile.role,
    recoveryKey,
    identityFileRemoved,
  };
}

function parseSecrets(plain: Uint8Array): LeadSecrets {
  let parsed;
  try {
    parsed = leadSecretsSchema.safeParse(JSON.parse(Buffer.from(plain).toString('utf8')));
  } catch {
    parsed = null;
  }
  if (!parsed?.success) {
    throw new SafeguardError('bad-identity-file', 'That is not a Safeguard Desk identity file.');
  }
  return parsed.data;
}
