/**
 * The staff-room poster: any enrolled computer can print it, since it shows only what the poster
 * on the wall shows (school name, safety code, the leads' names and roles, how to report).
 */
import { z } from 'zod';
import { none } from './shared';

export const posterSchema = z.object({
  /** Made from the school's name only, never from anything else. */
  fileName: z.string(),
  /** The PDF's bytes. */
  base64: z.string(),
  /** Why the leads shown may be out of date (the share could not be read or trusted), or null. */
  warning: z.string().nullable(),
});

export const posterContract = {
  'school.poster': { input: none, output: posterSchema },
} as const;
