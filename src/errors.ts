/**
 * Errors the core raises on purpose. The message is one sentence for a person, and never carries
 * concern content, personal data or secrets: it may be shown, logged and sent across the boundary.
 * Every code is listed here: a new one is a decision, and the UI can switch on them.
 */

/** Codes the UI may receive through the API (apiErrorSchema is a z.enum of these). */
export const publicErrorCodes = [
  // the API itself
  'internal',
  'invalid-input',
  'unknown-operation',
  'locked',
  'not-a-lead',
  'not-office',
  'desk-unavailable',
  // this computer's storage
  'bad-key-file',
  'bad-key-name',
  'disk-error',
  'disk-full',
  'key-unreadable',
  'keychain-unavailable',
  'local-permission',
  'local-read-only',
  'store-busy',
  'store-too-new',
  'store-unreadable',
  // the share
  'bad-id',
  'share-conflict',
  'share-file-missing',
  'share-full',
  'share-not-folder',
  'share-permission',
  'share-read-only',
  'share-symlink',
  'share-timeout',
  'share-unreachable',
  'share-bad-location',
  'not-a-file',
  'too-large',
  // the school profile and enrolment
  'no-profile',
  'not-enrolled',
  'profile-bad-signature',
  'profile-conflict',
  'profile-corrupt',
  'profile-missing',
  'profile-rollback',
  'profile-unreadable',
  'profile-unsigned',
  'profile-wrong-key',
  'safety-code-mismatch',
  'school-exists',
  'safety-code-changed',
  // first run: setting this computer up
  'already-set-up',
  'share-not-absolute',
  'share-not-empty',
  'unsupported',
  // forms and filing
  'attachments-forbidden',
  'bad-attachment',
  'bad-form',
  'concern-too-large',
  'invalid-answers',
  'invalid-reporter',
  'no-recipients',
  'unknown-form',
  'unknown-reference',
  'unknown-subject',
  // drafts
  'bad-pin',
  'draft-damaged',
  'draft-locked',
  'draft-too-large',
  'no-draft',
  'pin-wait',
  'too-many-drafts',
  'weak-pin',
  'wrong-pin',
  // sealed files, identities and passphrases
  'bad-identity',
  'bad-identity-file',
  'bad-recipient',
  'bad-signature',
  'bad-signing-key',
  'corrupt',
  'identity-file',
  'lead-exists',
  'office-exists',
  'not-a-concern',
  'not-addressed',
  'not-canonical',
  'not-on-profile',
  'not-root',
  'root-holder',
  'passphrase-encoding',
  'tampered',
  'unusable-passphrase',
  'weak-passphrase',
  'wrong-passphrase',
  // changing a passphrase, and recovery keys
  'bad-recovery-key',
  'no-recovery-file',
  'recovery-damaged',
  'same-passphrase',
  'wrong-recovery-key',
  // casework: events, people and the record
  'bad-event',
  'case-closed',
  'case-not-closed',
  'not-a-recipient',
  'not-triaged',
  'reason-required',
  'share-required',
  'unknown-event',
  'unknown-person',
  'wrong-outcome',
  'audit-broken',
  'unlock-wait',
  // casework travelling between leads through the share
  'event-unknown-version',
  'not-an-event-file',
  'event-replay',
  'event-packer-not-on-profile',
  'event-case-not-held',
  'event-wrong-case',
  // casework: calendars and clocks
  'invalid-date',
  'invalid-instant',
  'outside-term-dates',
  // office summaries: the anonymised statistical extract
  'extract-unknown-version',
  'no-office-recipient',
  'not-an-extract',
  'not-signed-by-a-lead',
  // import and the case store
  'duplicate-reference',
  'import-busy',
  'misnamed',
  'store-refused',
  'unexpected',
  'wrong-school',
  // office summaries: what the office user can be shown
  'office-not-added',
  'no-extract',
  'extract-unusable',
] as const;

/** Codes only the command line and its hosts raise (never through the API). */
export const commandLineErrorCodes = [
  'usage',
  'answers-file',
  'attachment-missing',
  'attachment-too-large',
  'passphrase-file',
  'poster-file',
  'not-loopback',
  'machine-settings',
  'export-file',
] as const;

export type PublicErrorCode = (typeof publicErrorCodes)[number];
export type ErrorCode = PublicErrorCode | (typeof commandLineErrorCodes)[number];

export class SafeguardError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'SafeguardError';
  }
}

/** Type guard for the core's own errors. */
export function isSafeguardError(error: unknown): error is SafeguardError {
  return error instanceof SafeguardError;
}

/** True when `code` may cross the API boundary. */
export function isPublicErrorCode(code: string): code is PublicErrorCode {
  return (publicErrorCodes as readonly string[]).includes(code);
}
