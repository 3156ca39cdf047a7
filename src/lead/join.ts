/**
 * Joining as a lead: a deputy, headteacher, chair or office user opens the identity file the DSL
 * made for them (with its one-time passphrase), checks it is on the school profile of the share,
 * and keeps it under a passphrase of their own in their home folder; the computer is enrolled.
 */
import { readFile, rm } from 'node:fs/promises';
import { openCaseStore } from '../casework/store';
import { SafeguardError } from '../errors';
import { homePaths } from '../home';
import type { RecipientRole } from '../school/profile';
import { verifyProfile } from '../school/profile';
import { openShare } from '../share';
import { enrol, openStaffStore } from '../staff';
import type { KeyProvider } from '../storage/key-provider';
import { leadSecretsSchema, saveLeadSecrets } from './identity';
import { checkNewPassphrase, openWithEnteredPassphrase, type PassphraseInput } from './passphrase';
import { checkSecretsOnProfile, writeRecoveryFile } from './recovery-file';
import { generateRecoveryKey } from './recovery-key';

/** Sets up a lead's home from the identity file made by `school add-recipient`. */
export async function joinAsLead(input: {
  home: string;
  keyProvider: KeyProvider;
  identityFile: string;
  sharePath: string;
  /** The passphrase the identity file was sealed with; it becomes this lead's own unless… */
  passphrase: PassphraseInput;
  /** …they choose their own (the app asks for one): then the one-time passphrase opens nothing here. */
  newPassphrase?: PassphraseInput;
  now?: Date;
}): Promise<{
  safetyCode: string;
  recipientId: string;
  role: RecipientRole;
  /** This lead's own recovery key, to be shown once and kept away from this computer. */
  recoveryKey: string;
}> {
  const now = input.now ?? new Date();
  const passphrase = checkNewPassphrase(input.newPassphrase ?? input.passphrase);
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
  const share = openShare(input.sharePath);
  const json = await share.readProfile();
  if (json === null)
    throw new SafeguardError('no-profile', 'There is no school profile on this share.');
  const { profile } = verifyProfile(json);
  const onProfile = await checkSecretsOnProfile(secrets.data, profile);
  // Now that the school and the lead are known, their names count as easy guesses too.
  checkNewPassphrase(passphrase, { schoolName: profile.schoolName, leadName: secrets.data.name });
  const recoveryKey = generateRecoveryKey();
  await saveLeadSecrets(input.home, secrets.data, passphrase);
  try {
    await writeRecoveryFile(share, secrets.data, recoveryKey);
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
  return { safetyCode, recipientId: onProfile.id, role: onProfile.role, recoveryKey };
}
