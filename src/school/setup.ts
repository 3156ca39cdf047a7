/**
 * School set-up by the DSL: creates the root signing key and the DSL's identity, signs the first
 * school profile onto the share, seals the secrets with the DSL's passphrase, writes them to the
 * share sealed with a new recovery key too (so neither a lost computer nor a forgotten passphrase
 * loses the root key), prepares the case store, and enrols this machine so the DSL can file
 * concerns too.
 */
import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { generateAgeKeyPair, generateSigningKeyPair, keyFingerprint, safetyCode } from '../crypto';
import { SafeguardError } from '../errors';
import { homePaths } from '../home';
import { newProfile, signProfile } from './profile';
import { openShare } from '../share';
import { enrol } from '../staff/enrolment';
import { openStaffStore } from '../staff/store';
import type { KeyProvider } from '../storage/key-provider';
import { openCaseStore } from '../casework/store';
import { hasLeadIdentity, saveLeadSecrets, type LeadSecrets } from '../lead/identity';
import { generateRecoveryKey } from '../lead/recovery-key';
import { writeRecoveryFile } from '../lead/recovery-file';
import { checkNewPassphrase, type PassphraseInput } from '../lead/passphrase';

export interface SchoolInitInput {
  home: string;
  keyProvider: KeyProvider;
  sharePath: string;
  schoolName: string;
  leadName: string;
  /** The DSL's new passphrase; refused unless it can be typed again and is hard to guess. */
  passphrase: PassphraseInput;
  now?: Date;
}

/**
 * Sets a school up on an empty share; returns the safety code for the staff-room poster and the
 * DSL's recovery key, to be shown once and kept away from this computer.
 */
export async function initSchool(
  input: SchoolInitInput,
): Promise<{ safetyCode: string; schoolId: string; recoveryKey: string }> {
  const now = input.now ?? new Date();
  const passphrase = await checkNewPassphrase(input.passphrase, {
    schoolName: input.schoolName,
    leadName: input.leadName,
  });
  if (!input.schoolName.trim())
    throw new SafeguardError('invalid-input', 'The school name is required.');
  if (!input.leadName.trim())
    throw new SafeguardError('invalid-input', "The lead's name is required.");
  if (hasLeadIdentity(input.home)) {
    throw new SafeguardError(
      'lead-exists',
      'This home folder already holds a lead identity; it was left untouched.',
    );
  }
  const share = openShare(input.sharePath);
  await share.checkWritable();
  if ((await share.readProfile()) !== null) {
    throw new SafeguardError(
      'school-exists',
      'This share already has a school profile; it was left untouched.',
    );
  }

  const root = generateSigningKeyPair();
  const leadSigning = generateSigningKeyPair();
  const leadAge = await generateAgeKeyPair();
  const recipientId = randomUUID();
  const profile = newProfile({
    schoolName: input.schoolName.trim(),
    rootKey: root.publicKey,
    recipients: [
      {
        id: recipientId,
        name: input.leadName.trim(),
        role: 'dsl',
        ageRecipient: leadAge.recipient,
        verifyKey: leadSigning.publicKey,
      },
    ],
    now,
  });

  const secrets: LeadSecrets = {
    format: 'safeguard-desk/lead-identity',
    formatVersion: 1,
    recipientId,
    name: input.leadName.trim(),
    role: 'dsl',
    ageIdentity: leadAge.identity,
    signingKey: leadSigning.privateKey,
    rootSigningKey: root.privateKey,
  };
  const recoveryKey = generateRecoveryKey();
  // Secrets first: if anything later fails, the DSL still holds the keys of what was published.
  await saveLeadSecrets(input.home, secrets, passphrase);
  try {
    await share.prepare();
    // The recovery file before the profile: a published school always has its root key recoverable.
    await writeRecoveryFile(share, secrets, recoveryKey);
    await share.writeProfile(signProfile(profile, root.privateKey));
  } catch (error) {
    // Nothing was published, so these keys protect nothing: remove them, and a retry can start clean.
    await rm(homePaths(input.home).leadIdentity, { force: true });
    throw error;
  }

  const cases = await openCaseStore(input.home, input.keyProvider);
  try {
    cases.settings.save({ sharePath: input.sharePath, schoolId: profile.schoolId, recipientId });
  } finally {
    cases.close();
  }
  const staff = await openStaffStore(input.home, input.keyProvider);
  try {
    await enrol(staff, input.sharePath, now);
  } finally {
    staff.close();
  }
  return {
    safetyCode: safetyCode(keyFingerprint(root.publicKey)),
    schoolId: profile.schoolId,
    recoveryKey,
  };
}
