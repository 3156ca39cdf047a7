/**
 * The lead side of the School screen: who receives concerns, the contacts, and changes to them.
 * Every lead may look (answering `locked` / `not-a-lead` like any lead operation); only the DSL
 * who holds the school's root key may change anything, and anyone else gets `not-root`. Every
 * change is a new signed school profile that enrolled machines accept because of that key.
 */
import { z } from 'zod';
import { addableRoles, recipientRoles } from '../../school/roles';
import { contactsSchema } from '../../school/contacts';
import { none } from './shared';

export const schoolRecipientSchema = z.object({
  id: z.string(),
  name: z.string(),
  role: z.enum(recipientRoles),
  roleLabel: z.string(),
  /** Their keys as a short code (like the safety code), to compare with them face to face. */
  fingerprint: z.string(),
  /** This is the lead looking at the screen. */
  you: z.boolean(),
});

/** The school as the School screen shows it. */
export const schoolViewSchema = z.object({
  schoolName: z.string(),
  serial: z.number().int(),
  issuedAt: z.string(),
  safetyCode: z.string(),
  /** In role order: DSL, deputies, headteacher, chair, office. */
  recipients: z.array(schoolRecipientSchema),
  contacts: contactsSchema,
  /** The profile holds no contacts yet: these are the national defaults. */
  contactsAreDefaults: z.boolean(),
  /** Why a concern about the headteacher has nowhere to go in school (no chair), or null. */
  headteacherConcern: z.string().nullable(),
  /** This lead holds the school's root key and may change the school. */
  canChange: z.boolean(),
  /** Why not, in a sentence, or null. */
  readOnlyReason: z.string().nullable(),
  /** The share's copy could not be trusted: this is the one this computer trusts, with why. */
  warning: z.string().nullable(),
});

/** The school lead operations, mounted with the other lead operations. */
export const leadSchoolContract = {
  'school.show': { input: none, output: schoolViewSchema },
  /**
   * Adds a deputy, headteacher, chair or office user. Without `ageRecipient` a new identity is made,
   * sealed with a one-time passphrase: both are returned once, for the DSL to hand over in person.
   */
  'school.addRecipient': {
    input: z.strictObject({
      role: z.enum(addableRoles),
      name: z.string().trim().min(1).max(200),
      ageRecipient: z.string().trim().min(1).max(200).optional(),
    }),
    output: z.object({
      recipient: schoolRecipientSchema,
      /** The new identity file (age, passphrase-sealed) and its one-time passphrase; or null. */
      identityFile: z
        .object({ fileName: z.string(), base64: z.string(), passphrase: z.string() })
        .nullable(),
      message: z.string(),
      school: schoolViewSchema,
    }),
  },
  /** Re-signs the profile without them: nothing new is sealed to them (the message says so). */
  'school.removeRecipient': {
    input: z.strictObject({ recipientId: z.uuid() }),
    output: z.object({
      removed: z.object({ id: z.string(), name: z.string(), role: z.string() }),
      message: z.string(),
      school: schoolViewSchema,
    }),
  },
  /** Replaces the contacts (the whole set, with the date they were last checked). */
  'school.setContacts': { input: contactsSchema, output: schoolViewSchema },
} as const;
