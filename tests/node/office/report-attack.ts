/**
 * What a reader of a report can work out, for the disclosure tests: a small integer solver over
 * "these figures add up to that total" lines, by interval propagation and branching. Written apart
 * from suppression.ts (which searches cycles) so the tests check it with a different method.
 */

export interface Bounds {
  lo: number;
  hi: number;
}

/** Σ members = total, by index into the variables. */
export interface Line {
  members: number[];
  total: number;
}

/** "No upper bound" in these small tables (true figures stay far below it): a tighter attacker. */
export const NO_LIMIT = 1_000;

/** Narrows the bounds by every line until nothing changes; false if they cannot all hold. */
function propagate(bounds: Bounds[], lines: readonly Line[]): boolean {
  for (let changed = true; changed;) {
    changed = false;
    for (const { members, total } of lines) {
      const t = bounds[total]!;
      const lo = members.reduce((s, m) => s + bounds[m]!.lo, 0);
      const hi = members.reduce((s, m) => s + bounds[m]!.hi, 0);
      if (lo > t.lo) [t.lo, changed] = [lo, true];
      if (hi < t.hi) [t.hi, changed] = [hi, true];
      for (const m of members) {
        const b = bounds[m]!;
        const mLo = t.lo - (hi - b.hi);
        const mHi = t.hi - (lo - b.lo);
        if (mLo > b.lo) [b.lo, changed] = [mLo, true];
        if (mHi < b.hi) [b.hi, changed] = [mHi, true];
      }
      if (t.lo > t.hi || members.some((m) => bounds[m]!.lo > bounds[m]!.hi)) return false;
    }
  }
  return true;
}

/** Whether some whole-number assignment within the bounds satisfies every line. */
export function feasible(start: readonly Bounds[], lines: readonly Line[]): boolean {
  const bounds = start.map((b) => ({ ...b }));
  if (!propagate(bounds, lines)) return false;
  let pick = -1;
  for (const [i, b] of bounds.entries()) {
    if (b.lo < b.hi && (pick < 0 || b.hi - b.lo < bounds[pick]!.hi - bounds[pick]!.lo)) pick = i;
  }
  if (pick < 0) return true;
  const { lo, hi } = bounds[pick]!;
  const mid = Math.floor((lo + hi) / 2);
  const low = bounds.map((b, i) => (i === pick ? { lo, hi: mid } : b));
  const high = bounds.map((b, i) => (i === pick ? { lo: mid + 1, hi } : b));
  return feasible(low, lines) || feasible(high, lines);
}

/** The values variable `v` can take; exact, by bisection on feasibility. */
export function range(bounds: readonly Bounds[], lines: readonly Line[], v: number): Bounds | null {
  if (!feasible(bounds, lines)) return null;
  const at = (lo: number, hi: number) =>
    feasible(
      bounds.map((b, i) => (i === v ? { lo, hi } : b)),
      lines,
    );
  let [a, b] = [bounds[v]!.lo, bounds[v]!.hi];
  while (a < b) {
    const mid = Math.floor((a + b) / 2);
    if (at(bounds[v]!.lo, mid)) b = mid;
    else a = mid + 1;
  }
  const min = a;
  [a, b] = [min, bounds[v]!.hi];
  while (a < b) {
    const mid = Math.ceil((a + b) / 2);
    if (at(mid, bounds[v]!.hi)) a = mid;
    else b = mid - 1;
  }
  return { lo: min, hi: a };
}

/** Whether variable `v` can take a value other than `value` (so it is not disclosed). */
export function notDetermined(
  bounds: readonly Bounds[],
  lines: readonly Line[],
  v: number,
  value: number,
): boolean {
  const other = (lo: number, hi: number) =>
    lo <= hi &&
    feasible(
      bounds.map((b, i) => (i === v ? { lo, hi } : b)),
      lines,
    );
  return other(bounds[v]!.lo, value - 1) || other(value + 1, bounds[v]!.hi);
}
