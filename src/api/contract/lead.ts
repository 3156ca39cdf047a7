/**
 * The safeguarding lead's side of the contract. Every operation here but `lead.status` answers
 * `not-a-lead` on a computer whose user holds no lead identity, and `locked` until `lead.unlock`.
 */
import { z } from 'zod';
import { none } from './shared';

export const leadStatusSchema = z.object({
  /** This user holds a lead identity on this computer. */
  isLead: z.boolean(),
  /** The lead has unlocked it in this session. */
  unlocked: z.boolean(),
  /** Who they are on the school profile, once unlocked. */
  name: z.string().nullable(),
  role: z.string().nullable(),
});

/** One case as the inbox lists it: no answers, no names of people beyond the reporter. */
export const inboxEntrySchema = z.object({
  reference: z.string(),
  kind: z.enum(['concern', 'contact-log']),
  formId: z.string(),
  formTitle: z.string(),
  urgency: z.enum(['urgent', 'normal']),
  filedAt: z.string(),
  importedAt: z.string(),
});

/** The lead operations. */
export const leadContract = {
  'lead.status': { input: none, output: leadStatusSchema },
  /** Opens the lead identity with the passphrase; a wrong one waits longer after five tries. */
  'lead.unlock': {
    input: z.object({ passphrase: z.string().min(1).max(1_000) }),
    output: leadStatusSchema,
  },
  /** Forgets the unlocked identity and closes the case store. */
  'lead.lock': { input: none, output: leadStatusSchema },
  'lead.inbox': { input: none, output: z.array(inboxEntrySchema) },
} as const;
