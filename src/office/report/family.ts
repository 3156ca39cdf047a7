/**
 * Consistent suppression across the fixed family of an academic year and its terms: every figure
 * of the year's report is the sum of the same figure in its terms' reports (a line year = autumn
 * + spring + summer), and no such line may hold exactly one withheld figure, or withheld figures
 * it pins — else subtracting the other terms from the year would give it back. Perturbation alone
 * leaves that subtraction to chance: a withheld 1 beside terms at exactly the threshold is pinned
 * whenever the year's figure draws −2 (1 time in 16). See docs/disclosure-control.md.
 *
 * Every report of the family is built with the whole family, so each withholds the same figures.
 */
import { protect, type Status } from './suppression';
import type { DraftTable } from './tables';
import type { Tally } from './tally';

/** A report's figures, each by a key naming the same cell in another period's report. */
function figuresByKey(drafts: readonly DraftTable[]): Map<string, Tally> {
  const figures = new Map<string, Tally>();
  for (const { id, rows, columns, grid } of drafts) {
    grid.interior.forEach((cells, i) =>
      cells.forEach((t, j) => figures.set(`${id}|${rows[i]!.key}|${columns[j]!.key}`, t)),
    );
    grid.rowTotals?.forEach((t, i) => figures.set(`${id}|${rows[i]!.key}|total`, t));
    grid.columnTotals?.forEach((t, j) => figures.set(`${id}|totals|${columns[j]!.key}`, t));
    if (grid.grand) figures.set(`${id}|totals|total`, grid.grand);
  }
  return figures;
}

/** The lines year = Σ terms, each [the year's figure, ...the terms' same figure]. */
export function periodLines(
  year: readonly DraftTable[],
  terms: readonly (readonly DraftTable[])[],
): Tally[][] {
  const termFigures = terms.map(figuresByKey);
  const seen = new Set<Tally>();
  const lines: Tally[][] = [];
  for (const [key, tally] of figuresByKey(year)) {
    // The period's total is one figure in several tables: one line.
    if (seen.has(tally)) continue;
    seen.add(tally);
    lines.push([tally, ...termFigures.flatMap((f) => f.get(key) ?? [])]);
  }
  return lines;
}

/**
 * Whether a line gives none of its withheld figures away, even to a reader who knows every shown
 * figure exactly: two or more withheld, and then either the year's withheld too (all can rise
 * with it) or one of them at least 2 (it can fall as another rises; each is at least 1).
 */
export function lineSafe(line: readonly Tally[], hidden: (tally: Tally) => boolean): boolean {
  const withheld = line.filter(hidden);
  if (withheld.length === 0) return true;
  if (withheld.length === 1) return false;
  return hidden(line[0]!) || withheld.some((t) => t.count >= 2);
}

/**
 * What each figure of the family's reports shows: each report protected alone (suppression.ts),
 * then, while a year = Σ terms line is unsafe, its smallest shown figure other than zero withheld
 * in its report too, and all protected again. `reports` is the year's drafts, then each term's.
 */
export function protectFamily(
  reports: readonly (readonly DraftTable[])[],
  threshold: number,
): Map<Tally, Status> {
  const [year, ...terms] = reports;
  const lines = year ? periodLines(year, terms) : [];
  const forced = new Set<Tally>();
  for (;;) {
    const status = new Map<Tally, Status>();
    for (const drafts of reports) {
      const grids = drafts.map((d) => d.grid);
      for (const [tally, state] of protect(grids, threshold, forced)) status.set(tally, state);
    }
    const hidden = (tally: Tally) => status.get(tally) !== 'shown';
    let added = false;
    for (const line of lines) {
      if (lineSafe(line, hidden)) continue;
      // Each figure is on one line, so covering each unsafe line alone covers them all.
      const next = line
        .filter((t) => t.count > 0 && !hidden(t))
        .reduce<Tally | null>((best, t) => (best && best.count <= t.count ? best : t), null);
      // None only when the year is not the sum of its terms (rows whose term label and month
      // disagree): then no reader's subtraction is exact either.
      if (next) {
        forced.add(next);
        added = true;
      }
    }
    if (!added) return status;
  }
}
