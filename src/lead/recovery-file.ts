/**
 * A lead's recovery file on the share, `recovery/<recipient id>.age`: the same secrets JSON as the
 * home's identity file, sealed with the lead's recovery key as an age scrypt passphrase, so a lead
 * whose computer dies (or who forgets the passphrase) can start again on any computer, and the
 * DSL's copy keeps the school's root key. The share is writable by anyone and protects nothing but
 * availability: the file is read bounded, its header must be one scrypt stanza at age's default work
 * factor (a planted file cannot demand more), and what opens is trusted only once its keys match
 * the recipient on the verified school profile. Errors never quote the key or the secrets.
 */
import { recipientOf, publicKeyOf, openWithPassphrase, sealWithPassphrase } from '../crypto';
import { splitAgeFile } from '../crypto/age-payload';
import { DEFAULT_SCRYPT_WORK_FACTOR } from '../crypto/native-scrypt';
import { SafeguardError } from '../errors';
import type { Recipient, SchoolProfile } from '../school/profile';
import type { Share } from '../share';
import { leadSecretsSchema, type LeadSecrets } from './identity';

/** Seals the lead's secrets with the recovery key (written form) and writes them to the share. */
export async function writeRecoveryFile(
  share: Share,
  secrets: LeadSecrets,
  recoveryKey: string,
): Promise<string> {
  const sealed = await sealWithPassphrase(
    Buffer.from(JSON.stringify(leadSecretsSchema.parse(secrets))),
    recoveryKey,
  );
  return share.writeRecoveryFile(secrets.recipientId, sealed);
}

/**
 * Opens a recovery file's bytes with a recovery key (written form). Throws `wrong-recovery-key`
 * when the key does not open it, `corrupt` when it is not a recovery file as written here, and
 * `tampered` or `recovery-damaged` when the key opened it but what is inside is damaged.
 */
export async function openRecoveryFile(
  bytes: Uint8Array,
  recoveryKey: string,
): Promise<LeadSecrets> {
  checkHeader(bytes);
  let plain: Uint8Array;
  try {
    plain = await openWithPassphrase(bytes, recoveryKey);
  } catch (error) {
    if (error instanceof SafeguardError && error.code === 'wrong-passphrase') {
      throw new SafeguardError('wrong-recovery-key', 'That recovery key does not open it.');
    }
    throw error;
  }
  let parsed;
  try {
    parsed = leadSecretsSchema.safeParse(JSON.parse(Buffer.from(plain).toString('utf8')));
  } catch {
    parsed = null;
  }
  if (!parsed?.success) {
    throw new SafeguardError('recovery-damaged', 'What it holds is not a lead identity.');
  }
  return parsed.data;
}

/**
 * Checks opened secrets against the verified school profile: their recipient is on it with the
 * same age recipient and verify key, and a root key among them is the profile's. Returns that
 * recipient; throws `not-on-profile` otherwise.
 */
export async function checkSecretsOnProfile(
  secrets: LeadSecrets,
  profile: SchoolProfile,
): Promise<Recipient> {
  const onProfile = profile.recipients.find((r) => r.id === secrets.recipientId);
  const matches =
    onProfile !== undefined &&
    onProfile.ageRecipient === (await recipientOf(secrets.ageIdentity).catch(() => null)) &&
    (onProfile.verifyKey === undefined ||
      onProfile.verifyKey === publicKeyOr(secrets.signingKey)) &&
    (secrets.rootSigningKey === null || publicKeyOr(secrets.rootSigningKey) === profile.rootKey);
  if (!matches) {
    throw new SafeguardError(
      'not-on-profile',
      'This identity is not a recipient on the school profile of that share.',
    );
  }
  return onProfile;
}

function publicKeyOr(privateKey: string): string | null {
  try {
    return publicKeyOf(privateKey);
  } catch {
    return null;
  }
}

/** One scrypt stanza, at most age's default work factor: each try then costs what ours cost. */
function checkHeader(bytes: Uint8Array): void {
  const notOurs = () =>
    new SafeguardError('corrupt', 'It is not a recovery file written by Safeguard Desk.');
  let header: string;
  try {
    header = Buffer.from(splitAgeFile(bytes).header).toString('latin1');
  } catch {
    throw notOurs();
  }
  const stanzas = header.split('\n').filter((line) => line.startsWith('-> '));
  const args = stanzas[0]?.split(' ') ?? [];
  const logN = Number(args[3] ?? 'NaN');
  if (
    stanzas.length !== 1 ||
    args.length !== 4 ||
    args[1] !== 'scrypt' ||
    !Number.isInteger(logN) ||
    logN > DEFAULT_SCRYPT_WORK_FACTOR
  ) {
    throw notOurs();
  }
}
