/**
 * Recovering a lead with their recovery key, after a forgotten passphrase or a lost computer: the
 * lead's recovery file on the share is opened with the key, checked against the school profile,
 * and the identity written under a new passphrase, replacing this computer's or setting a fresh
 * home up as joining does. The DSL's file holds the school's root key, so this also recovers that.
 *
 * Cost: each recovery file tried is one scrypt derivation (about 1.3 s here). A computer that knows
 * its lead (the case store's settings) tries only that lead's file; a new computer tries the file
 * of each recipient on the profile in turn, so a school with five leads may take up to 7 s, and no
 * more than SHARE_LIMITS.recoveryFilesTried files are ever tried (a share writer could plant many).
 * Nothing is changed, on this computer or the share, until a file opens and matches the profile.
 */
import { existsSync } from 'node:fs';
import { openCaseStore } from '../casework/store';
import { safetyCode as safetyCodeOf } from '../crypto';
import { SafeguardError } from '../errors';
import { RefusedFile } from '../files';
import { homePaths } from '../home';
import { verifyProfile, type RecipientRole, type SchoolProfile } from '../school/profile';
import { openShare, recoveryFileRecipientId, SHARE_LIMITS, type Share } from '../share';
import { enrol, openStaffStore, trustedProfile } from '../staff';
import type { KeyProvider } from '../storage/key-provider';
import {
  hasLeadIdentity,
  replaceLeadSecrets,
  saveLeadSecrets,
  withIdentityLock,
  type LeadSecrets,
} from './identity';
import { checkNewPassphrase, type PassphraseInput } from './passphrase';
import { checkSecretsOnProfile, openRecoveryFile } from './recovery-file';
import { parseRecoveryKey } from './recovery-key';

export interface RecoverLeadInput {
  home: string;
  keyProvider: KeyProvider;
  /** As typed: any case, spaces or dashes. */
  recoveryKey: string;
  newPassphrase: PassphraseInput;
  /** The school share; needed only on a computer that has not been connected to it. */
  sharePath?: string | undefined;
  now?: Date;
}

/** A recovery file passed over, and why (its name is a recipient id; never secret). */
export interface SkippedRecoveryFile {
  file: string;
  reason: string;
}

export interface RecoverLeadResult {
  recipientId: string;
  name: string;
  role: RecipientRole;
  safetyCode: string;
  /** `replaced`: this computer's identity was re-sealed; `set-up`: a new home was set up. */
  outcome: 'replaced' | 'set-up';
  /** The recovery file that opened. */
  recoveryFile: string;
  skipped: SkippedRecoveryFile[];
}

/** Recovers a lead's identity under a new passphrase with their recovery key; see the module. */
export async function recoverLead(input: RecoverLeadInput): Promise<RecoverLeadResult> {
  const now = input.now ?? new Date();
  const recoveryKey = parseRecoveryKey(input.recoveryKey);
  const passphrase = await checkNewPassphrase(input.newPassphrase);
  const here = await whatThisComputerKnows(input.home, input.keyProvider, now);
  const sharePath = input.sharePath ?? here.sharePath;
  if (sharePath === null) {
    throw new SafeguardError(
      'invalid-input',
      'Say which school share holds your recovery file (--share DIR): this computer is not connected to one.',
    );
  }
  const share = openShare(sharePath);
  const profile = here.profile ?? (await profileOnShare(share));
  if (here.schoolId !== null && profile.schoolId !== here.schoolId) {
    throw new SafeguardError(
      'wrong-school',
      `The share at ${sharePath} belongs to another school than this computer's safeguarding area: nothing was changed.`,
    );
  }

  const found = await findRecoveryFile(share, profile, recoveryKey, here.recipientId);
  const { secrets, recipient } = found;
  const outcome = await withIdentityLock(input.home, async () => {
    if (hasLeadIdentity(input.home)) {
      await replaceLeadSecrets(input.home, secrets, passphrase);
      return 'replaced' as const;
    }
    await saveLeadSecrets(input.home, secrets, passphrase);
    return 'set-up' as const;
  });

  const staff = await openStaffStore(input.home, input.keyProvider);
  let safetyCode: string;
  try {
    const enrolment = staff.enrolment();
    safetyCode =
      enrolment === null
        ? (await enrol(staff, sharePath, now)).safetyCode
        : safetyCodeOf(enrolment.rootFingerprint);
  } finally {
    staff.close();
  }
  const cases = await openCaseStore(input.home, input.keyProvider);
  try {
    if (cases.settings.get() === null) {
      cases.settings.save({ sharePath, schoolId: profile.schoolId, recipientId: recipient.id });
    }
    // The lead proved who they are: earlier wrong passphrases no longer make them wait.
    cases.unlockAttempts.succeeded();
  } finally {
    cases.close();
  }
  return {
    recipientId: recipient.id,
    name: recipient.name,
    role: recipient.role,
    safetyCode,
    outcome,
    recoveryFile: found.file,
    skipped: found.skipped,
  };
}

interface ThisComputer {
  sharePath: string | null;
  schoolId: string | null;
  recipientId: string | null;
  /** The profile this computer trusts (pinned at enrolment), when it is enrolled. */
  profile: SchoolProfile | null;
}

/** What the home already knows, read without creating anything on a fresh home. */
async function whatThisComputerKnows(
  home: string,
  keyProvider: KeyProvider,
  now: Date,
): Promise<ThisComputer> {
  const paths = homePaths(home);
  const known: ThisComputer = { sharePath: null, schoolId: null, recipientId: null, profile: null };
  if (existsSync(paths.leadDb)) {
    const cases = await openCaseStore(home, keyProvider);
    try {
      const settings = cases.settings.get();
      if (settings !== null) {
        known.sharePath = settings.sharePath;
        known.schoolId = settings.schoolId;
        known.recipientId = settings.recipientId;
      }
    } finally {
      cases.close();
    }
  }
  if (existsSync(paths.staffDb)) {
    const staff = await openStaffStore(home, keyProvider);
    try {
      const enrolment = staff.enrolment();
      if (enrolment !== null) {
        known.sharePath ??= enrolment.sharePath;
        known.profile = (await trustedProfile(staff, now)).profile;
      }
    } finally {
      staff.close();
    }
  }
  return known;
}

async function profileOnShare(share: Share): Promise<SchoolProfile> {
  const json = await share.readProfile();
  if (json === null) {
    throw new SafeguardError('no-profile', 'There is no school profile on this share.');
  }
  return verifyProfile(json).profile;
}

interface Found {
  file: string;
  secrets: LeadSecrets;
  recipient: SchoolProfile['recipients'][number];
  skipped: SkippedRecoveryFile[];
}

/**
 * Tries the recovery files of recipients on the profile (only `recipientId`'s when known), the
 * first-written name of each first, until one opens with the key and matches the profile.
 */
async function findRecoveryFile(
  share: Share,
  profile: SchoolProfile,
  recoveryKey: string,
  recipientId: string | null,
): Promise<Found> {
  const onProfile = new Set(profile.recipients.map((r) => r.id));
  const candidates = (await share.listRecoveryFiles())
    .filter((name) => {
      const id = recoveryFileRecipientId(name);
      return id !== null && onProfile.has(id) && (recipientId === null || id === recipientId);
    })
    .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  if (candidates.length === 0) {
    throw new SafeguardError(
      'no-recovery-file',
      recipientId === null
        ? `There is no recovery file for anyone on the school profile on the share at ${share.root}: nothing was changed.`
        : `There is no recovery file for you on the share at ${share.root}: nothing was changed.`,
    );
  }
  const skipped: SkippedRecoveryFile[] = [];
  const opened: SkippedRecoveryFile[] = [];
  const tried = candidates.slice(0, SHARE_LIMITS.recoveryFilesTried);
  for (const name of candidates.slice(tried.length)) {
    skipped.push({ file: name, reason: 'Not tried: the share holds too many recovery files.' });
  }
  for (const file of tried) {
    let bytes: Buffer;
    try {
      bytes = await share.readRecoveryFile(file);
    } catch (error) {
      if (error instanceof RefusedFile || isCode(error, 'share-file-missing')) {
        skipped.push({ file, reason: (error as SafeguardError).message });
        continue;
      }
      throw error;
    }
    let secrets: LeadSecrets;
    try {
      secrets = await openRecoveryFile(bytes, recoveryKey);
    } catch (error) {
      if (!(error instanceof SafeguardError)) throw error;
      if (error.code === 'wrong-recovery-key') continue; // another lead's, or another key's
      // `tampered` and `recovery-damaged` mean the key did open it: it is this lead's, damaged.
      const entry = { file, reason: error.message };
      skipped.push(entry);
      if (error.code !== 'corrupt') opened.push(entry);
      continue;
    }
    try {
      if (secrets.recipientId !== recoveryFileRecipientId(file)) throw new Error('misnamed');
      const recipient = await checkSecretsOnProfile(secrets, profile);
      return { file, secrets, recipient, skipped };
    } catch {
      const entry = { file, reason: 'Its keys do not match the school profile.' };
      skipped.push(entry);
      opened.push(entry);
    }
  }
  const damaged = opened[0];
  if (damaged !== undefined) {
    throw new SafeguardError(
      'recovery-damaged',
      `The recovery key opens ${damaged.file} on the share, but it cannot be used (${lowerFirst(damaged.reason).replace(/\.$/, '')}): nothing was changed. Ask IT to restore the share's recovery folder from a backup.`,
    );
  }
  throw new SafeguardError(
    'wrong-recovery-key',
    `That recovery key does not open ${recipientId === null ? 'any recovery file' : 'your recovery file'} on the share at ${share.root}: check it for a typing mistake. Nothing was changed.`,
  );
}

/** `<id>.age` (the name first written) before `<id>.<random>.age`. */
function rank(name: string): number {
  return /^[^.]+\.age$/.test(name) ? 0 : 1;
}

function isCode(error: unknown, code: string): boolean {
  return error instanceof SafeguardError && error.code === code;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
