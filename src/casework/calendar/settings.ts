/**
 * The school's calendar settings as the lead enters them (settings screen, CLI, a settings file):
 * term dates and closure days. Parsed from `unknown`; every refusal says what to change.
 */
import { z } from 'zod';
import { isIsoDate } from './dates';

/** The years term dates and closure days may fall in. */
export const calendarYears = { first: 2020, last: 2100 } as const;

/** A calendar date written `YYYY-MM-DD`, real, and within `calendarYears`. */
export const isoDateSchema = z.string().superRefine((value, ctx) => {
  const problem = dateProblem(value);
  if (problem !== undefined) ctx.addIssue({ code: 'custom', message: problem });
});

function dateProblem(value: string): string | undefined {
  // The value is echoed only once it has the date's shape: junk is never copied into a message.
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return 'Write dates as YYYY-MM-DD, such as 2026-09-03.';
  if (!isIsoDate(value)) return `${value} is not a date in the calendar.`;
  const year = Number(value.slice(0, 4));
  if (year < calendarYears.first || year > calendarYears.last) {
    return `${value} is outside the years ${calendarYears.first}–${calendarYears.last}.`;
  }
  return undefined;
}

const valid = (value: string) => dateProblem(value) === undefined;

/** One range of term dates, start and end inclusive. */
export const termDatesSchema = z
  .strictObject({ start: isoDateSchema, end: isoDateSchema })
  .superRefine(({ start, end }, ctx) => {
    if (valid(start) && valid(end) && end < start) {
      ctx.addIssue({
        code: 'custom',
        path: ['end'],
        message: `A term cannot end (${end}) before it starts (${start}).`,
      });
    }
  });

/** The school's calendar settings: term dates (no two overlapping) and closure days (no repeats). */
export const calendarSettingsSchema = z
  .strictObject({
    terms: z.array(termDatesSchema).max(100, 'At most 100 ranges of term dates.'),
    closureDays: z.array(isoDateSchema).max(1000, 'At most 1,000 closure days.'),
  })
  .superRefine(({ terms, closureDays }, ctx) => {
    const ranges = terms
      .map((term, index) => ({ ...term, index }))
      .filter((term) => valid(term.start) && valid(term.end) && term.start <= term.end)
      .sort((a, b) => a.start.localeCompare(b.start));
    for (let i = 1; i < ranges.length; i += 1) {
      const [before, after] = [ranges[i - 1], ranges[i]];
      if (before && after && after.start <= before.end) {
        ctx.addIssue({
          code: 'custom',
          path: ['terms', after.index],
          message: `The terms ${before.start} to ${before.end} and ${after.start} to ${after.end} overlap.`,
        });
      }
    }
    const seen = new Set<string>();
    closureDays.forEach((day, index) => {
      if (seen.has(day)) {
        ctx.addIssue({
          code: 'custom',
          path: ['closureDays', index],
          message: `The closure day ${day} is listed twice.`,
        });
      }
      seen.add(day);
    });
  });

/** The school's calendar settings, once parsed. */
export type CalendarSettings = z.infer<typeof calendarSettingsSchema>;
