/**
 * The first-run side of the contract: what the welcome screen of a computer with nothing set up
 * may do — set a school up (the DSL), connect this computer to a school (staff), join as a lead.
 * Every operation here answers `already-set-up` once this computer is enrolled or holds a lead
 * identity, so a computer that is set up cannot be set up again through the API.
 */
import { z } from 'zod';
import { none } from './shared';

/** A folder path as a person types or picks it (a network path, a mapped drive, a local folder). */
const folderPathSchema = z.string().trim().min(1).max(1_000);
/** Passphrases cross only to be checked or sealed with; never stored or echoed back. */
const passphraseSchema = z.string().min(1).max(1_000);
const nameSchema = z.string().trim().min(1).max(200);

/** The largest identity file accepted (a real one is about 1 KB). */
export const MAX_IDENTITY_FILE_BYTES = 64 * 1024;

export const setupOptionsSchema = z.object({
  /** The folder used when the school is kept on this computer only (created at set-up). */
  localShare: z.string(),
  /** A folder dialog can be opened (the app); otherwise only a typed path (the web host). */
  canPickFolder: z.boolean(),
  /** The share IT configured for this computer, to fill in for staff, or null. */
  suggestedShare: z.string().nullable(),
});

export const passphraseStrengthInputSchema = z.object({
  passphrase: passphraseSchema,
  /** Names that make easy guesses: the school's, and the person's own. */
  context: z
    .object({
      schoolName: z.string().max(200).optional(),
      leadName: z.string().max(200).optional(),
    })
    .optional(),
});

export const passphraseStrengthSchema = z.object({
  /** zxcvbn's score: 0 (guessed at once) to 4 (very hard to guess); 3 or more is accepted. */
  score: z.number().int().min(0).max(4),
  /** Set-up would accept it. */
  acceptable: z.boolean(),
  /** What makes it easy to guess, as a sentence, or null. */
  warning: z.string().nullable(),
  suggestions: z.array(z.string()),
  /** The sentence set-up would refuse it with (too easy to guess, too short, a blank at the end…). */
  refusal: z.string().nullable(),
});

/** Where a new school keeps its share: on this computer only, or a folder that already exists. */
export const newShareSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('this-computer') }),
  z.object({ kind: z.literal('folder'), path: folderPathSchema }),
]);

export const createSchoolInputSchema = z.object({
  schoolName: nameSchema,
  leadName: nameSchema,
  passphrase: passphraseSchema,
  share: newShareSchema,
});

export const createSchoolOutputSchema = z.object({
  schoolName: z.string(),
  sharePath: z.string(),
  /** For the staff-room poster: every computer that connects shows the same code. */
  safetyCode: z.string(),
  /** Shown once: it opens the lead's identity if the passphrase is lost. */
  recoveryKey: z.string(),
});

export const sharePreviewSchema = z.object({
  schoolName: z.string(),
  safetyCode: z.string(),
});

export const identityFileSchema = z.object({
  name: z.string().max(1_000),
  base64: z.base64().max(Math.ceil(MAX_IDENTITY_FILE_BYTES / 3) * 4),
});

export const joinAsLeadInputSchema = z.object({
  identityFile: identityFileSchema,
  /** The one-time passphrase the DSL gave with the identity file. */
  passphrase: passphraseSchema,
  share: folderPathSchema,
  /** The lead's own passphrase from now on. */
  newPassphrase: passphraseSchema,
});

export const joinAsLeadOutputSchema = z.object({
  schoolName: z.string(),
  safetyCode: z.string(),
  name: z.string(),
  role: z.string(),
  /** "Deputy DSL", "Chair of governors"… */
  roleLabel: z.string(),
  /** What this lead will receive, in words. */
  receives: z.string(),
  /** This lead's own recovery key, shown once; null for an office user (the DSL can add them again). */
  recoveryKey: z.string().nullable(),
});

/** The first-run operations, for a computer with nothing set up. */
export const setupContract = {
  'setup.options': { input: none, output: setupOptionsSchema },
  /** For the strength meter as a passphrase is typed; the renderer never bundles the estimator. */
  'setup.passphraseStrength': {
    input: passphraseStrengthInputSchema,
    output: passphraseStrengthSchema,
  },
  /** Opens the app's folder dialog; `unsupported` in the web host. Null when cancelled. */
  'setup.pickFolder': { input: none, output: z.object({ path: z.string().nullable() }) },
  /** The DSL sets the school up: keys, the signed profile on the share, this computer enrolled. */
  'setup.createSchool': { input: createSchoolInputSchema, output: createSchoolOutputSchema },
  /** Reads and checks the school profile on a share, pinning nothing, to show its safety code. */
  'setup.previewShare': {
    input: z.object({ share: folderPathSchema }),
    output: sharePreviewSchema,
  },
  /** Enrols this computer, only if the share's safety code is still the one that was shown. */
  'setup.connect': {
    input: z.object({ share: folderPathSchema, safetyCode: z.string().min(1).max(40) }),
    output: sharePreviewSchema,
  },
  /**
   * A deputy, headteacher, chair or office user joins with the file the DSL made for them; an
   * office user's is kept as their office identity, never as a lead's.
   */
  'setup.joinAsLead': { input: joinAsLeadInputSchema, output: joinAsLeadOutputSchema },
} as const;
