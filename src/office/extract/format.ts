/**
 * The anonymised statistical extract, version 1: what the lead side publishes for office staff,
 * sealed (age) to the office recipients and the leads and signed by the publishing lead. Its rows
 * hold coarse fields only — no names, no free text, no references, no person ids and no date finer
 * than a month — so whoever opens it learns counts and categories, never a case. Documented in
 * docs/extract-format.md; the office side refuses anything this schema does not parse.
 */
import { z } from 'zod';
import { actionTypes, outcomes, pathways } from '../../casework/events/types';
import { termDatesSchema } from '../../casework/calendar';

export const EXTRACT_FORMAT = 'safeguard-desk/statistical-extract';
export const EXTRACT_FORMAT_VERSION = 1;

/** The three terms of an English school year. */
export const termNames = ['autumn', 'spring', 'summer'] as const;
export type TermName = (typeof termNames)[number];

/** Who reported, in three groups: never the role as typed. */
export const reporterGroups = ['teaching', 'support', 'other'] as const;
export type ReporterGroup = (typeof reporterGroups)[number];

/** An academic year such as "2026-27" (1 September to 31 August). */
export const academicYearSchema = z.string().regex(/^\d{4}-\d{2}$/);
/** A month such as "2026-11". */
export const monthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);

/** One concern, coarsened. Contact logs are not concerns and are not in the extract. */
export const extractRowSchema = z.strictObject({
  /** Month the concern was filed (London time). */
  month: monthSchema,
  /** The academic year and term it falls in (holidays count with the term before them). */
  academicYear: academicYearSchema,
  term: z.enum(termNames),
  /** The form it was filed on (its id, e.g. "inappropriate-images"): a category, not content. */
  concernType: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/),
  /** The reporter's urgency. */
  urgency: z.enum(['urgent', 'normal']),
  /** Null until triaged. */
  pathway: z.enum(pathways).nullable(),
  status: z.enum(['new', 'open', 'closed']),
  /** Null unless closed. */
  outcome: z.enum(outcomes).nullable(),
  /** External referrals made (each type once, sorted). */
  referrals: z.array(z.enum(actionTypes)).max(actionTypes.length),
  /** Working days from filing to the first action recorded; null when none yet. */
  workingDaysToFirstAction: z.number().int().min(0).max(10_000).nullable(),
  /** Working days from filing to closure; null while open. */
  workingDaysToClose: z.number().int().min(0).max(10_000).nullable(),
  /** Whether its statutory clocks (the LADO's one working day for an allegation) were met; null when none applies or is not yet due. */
  clocksMet: z.boolean().nullable(),
  reporterGroup: z.enum(reporterGroups),
  /**
   * A number 0–255, stable for this concern across this lead's extracts and meaningless outside
   * them (HMAC of the concern id under a key only the lead holds): the record key of the
   * cell-key perturbation in docs/disclosure-control.md.
   */
  recordKey: z.number().int().min(0).max(255),
});
export type ExtractRow = z.infer<typeof extractRowSchema>;

/** The extract as sealed: a signed envelope around this body. */
export const extractBodySchema = z.strictObject({
  format: z.literal(EXTRACT_FORMAT),
  formatVersion: z.literal(EXTRACT_FORMAT_VERSION),
  schoolId: z.uuid(),
  schoolName: z.string().min(1).max(200),
  /** The publishing lead's recipient id on the school profile. */
  publishedBy: z.uuid(),
  /** When it was produced, to the hour (so its time says little about any one change). */
  producedAt: z.iso.datetime(),
  /** The school's term dates, so the office can offer "this term" and "last term". */
  terms: z.array(termDatesSchema).max(200),
  rows: z.array(extractRowSchema).max(1_000_000),
});
export type ExtractBody = z.infer<typeof extractBodySchema>;
