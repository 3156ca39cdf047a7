/** Turning zod issues into short problem lists that name where, never what was submitted. */
import type { z } from 'zod';

/** At most this many problems go into one message; the rest are counted. */
const MAX_PROBLEMS = 5;

/** A key someone else chose may be long; keep only enough of it to find it. */
export function shortKey(key: PropertyKey): string {
  const text = String(key);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/** Joins up to five problems with '; ', counting any left over. */
export function joinProblems(problems: readonly string[]): string {
  const shown = problems.slice(0, MAX_PROBLEMS);
  const rest = problems.length - shown.length;
  return rest > 0 ? `${shown.join('; ')}; and ${rest} more` : shown.join('; ');
}

/** One problem per issue, and one per unknown key, located by `where(path)`. */
export function describeIssues(
  issues: readonly z.core.$ZodIssue[],
  where: (path: readonly PropertyKey[]) => string,
): string[] {
  return issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => `${where([...issue.path, shortKey(key)])}: unknown property`)
      : [`${where(issue.path)}: ${issue.message}`],
  );
}
