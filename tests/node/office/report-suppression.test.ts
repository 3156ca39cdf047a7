/**
 * Primary and secondary suppression (src/office/report/suppression.ts), against randomized tables
 * drawn from seeded records: no withheld figure can be worked out from the figures shown — checked
 * line by line, and exactly, with an integer solver that is not the one suppression uses.
 */
import { describe, expect, it } from 'vitest';
import { isSafeguardError } from '../../../src/errors';
import { protect, type Grid, type Status } from '../../../src/office/report/suppression';
import type { Tally } from '../../../src/office/report/tally';
import { NO_LIMIT, notDetermined, type Bounds, type Line } from './report-attack';
import { below, seeded } from './report-support';

const tally = (count: number): Tally => ({ count, keySum: count * 7 });

const oneWay = (counts: number[], total = tally(counts.reduce((a, b) => a + b, 0))): Grid => ({
  interior: counts.map((c) => [tally(c)]),
  rowTotals: null,
  columnTotals: [total],
  grand: null,
});

/** The lines of a grid, each figure's index in `figures` (which it fills). */
function linesOf(grid: Grid, figures: Tally[]): Line[] {
  const at = (t: Tally) => {
    if (!figures.includes(t)) figures.push(t);
    return figures.indexOf(t);
  };
  const lines: Line[] = [];
  const { interior, rowTotals, columnTotals, grand } = grid;
  interior.forEach((cells, i) => {
    if (rowTotals) lines.push({ members: cells.map(at), total: at(rowTotals[i]!) });
  });
  columnTotals?.forEach((total, j) =>
    lines.push({ members: interior.map((cells) => at(cells[j]!)), total: at(total) }),
  );
  if (grand && rowTotals && columnTotals) {
    lines.push({ members: columnTotals.map(at), total: at(grand) });
    lines.push({ members: rowTotals.map(at), total: at(grand) });
  }
  // Figures on no line (a table without totals) are figures too.
  interior.flat().forEach(at);
  return lines;
}

/** What a reader knows: shown figures exactly; a withheld one is a whole number, at least 1. */
function readerBounds(figures: readonly Tally[], status: Map<Tally, Status>): Bounds[] {
  return figures.map((t) =>
    status.get(t) === 'shown' ? { lo: t.count, hi: t.count } : { lo: 1, hi: NO_LIMIT },
  );
}

/**
 * Records with four categories, tallied as the report does: a two-way table with its totals and
 * two one-way tables, all three sharing the grand total (and nothing else).
 */
function randomTables(random: () => number): Grid[] {
  const [rows, cols, other, third] = [
    2 + below(random, 5),
    2 + below(random, 3),
    2 + below(random, 5),
    1 + below(random, 7),
  ];
  const records = below(random, 60);
  const cell = () => tally(0);
  const interior = Array.from({ length: rows }, () => Array.from({ length: cols }, cell));
  const rowTotals = Array.from({ length: rows }, cell);
  const columnTotals = Array.from({ length: cols }, cell);
  const byOther = Array.from({ length: other }, cell);
  const byThird = Array.from({ length: third }, cell);
  const grand = cell();
  // Skewed categories, so small counts (and zeros) are common.
  const skewed = (n: number) => Math.min(n - 1, Math.floor(-Math.log(1 - random()) * n * 0.4));
  for (let r = 0; r < records; r++) {
    const [i, j, k, l] = [skewed(rows), skewed(cols), skewed(other), skewed(third)];
    for (const t of [
      interior[i]![j]!,
      rowTotals[i]!,
      columnTotals[j]!,
      byOther[k]!,
      byThird[l]!,
      grand,
    ]) {
      t.count += 1;
    }
  }
  return [
    { interior, rowTotals, columnTotals, grand },
    { interior: byOther.map((t) => [t]), rowTotals: null, columnTotals: [grand], grand: null },
    { interior: byThird.map((t) => [t]), rowTotals: null, columnTotals: [grand], grand: null },
  ];
}

describe('primary suppression', () => {
  it('withholds a figure of threshold − 1 and shows one of the threshold', () => {
    const grid = oneWay([4, 5, 20]);
    const status = protect([grid], 5);
    expect(status.get(grid.interior[0]![0]!)).toBe('primary');
    expect(status.get(grid.interior[1]![0]!)).not.toBe('primary');
  });

  it('shows zeros, and never withholds one to protect another figure', () => {
    const grid = oneWay([0, 2, 0, 0, 30]);
    const status = protect([grid], 5);
    expect(status.get(grid.interior[0]![0]!)).toBe('shown');
    expect(status.get(grid.interior[2]![0]!)).toBe('shown');
    expect(status.get(grid.interior[3]![0]!)).toBe('shown');
    expect(status.get(grid.interior[1]![0]!)).toBe('primary');
  });

  it('takes a configurable threshold: 7 withholds a 6, 3 shows a 3', () => {
    const grid = oneWay([6, 3, 40]);
    expect(protect([grid], 7).get(grid.interior[0]![0]!)).toBe('primary');
    const at3 = protect([grid], 3);
    expect(at3.get(grid.interior[1]![0]!)).not.toBe('primary');
    expect(at3.get(grid.interior[0]![0]!)).toBe('shown');
  });

  it.each([2, 1, 0, -5, 4.5, Number.NaN])('refuses a threshold of %s with a clear reason', (t) => {
    let error: unknown;
    try {
      protect([oneWay([1, 2])], t);
    } catch (e) {
      error = e;
    }
    expect(isSafeguardError(error) && error.code).toBe('invalid-input');
    expect((error as Error).message).toMatch(/whole number of at least 3/);
  });
});

describe('secondary suppression', () => {
  it('withholds the next smallest figure of a column whose total is shown', () => {
    const grid = oneWay([2, 9, 7, 30]);
    const status = protect([grid], 5);
    expect(grid.interior.map(([t]) => status.get(t!))).toEqual([
      'primary',
      'shown',
      'secondary',
      'shown',
    ]);
  });

  it('withholds a third figure when two withheld 1s would each be 1 (the sum is known)', () => {
    // 1 + 1 + 10 = 12 with 10 and 12 shown: two withheld figures of at least 1 summing to 2.
    const grid = oneWay([1, 1, 10]);
    const status = protect([grid], 5);
    const hidden = [...grid.interior.map(([t]) => t!), grid.columnTotals![0]!].filter(
      (t) => status.get(t) !== 'shown',
    );
    expect(hidden.length).toBeGreaterThanOrEqual(3);
  });

  it('withholds the total when every other figure in the column is already withheld', () => {
    const grid = oneWay([1, 1, 1, 1, 1]);
    const status = protect([grid], 5);
    expect(status.get(grid.columnTotals![0]!)).toBe('secondary');
  });

  it('withholds a shared total in every table once one table withholds it', () => {
    const total = tally(5);
    const a = oneWay([1, 1, 1, 1, 1], total);
    const b = oneWay([5, 0], total);
    const status = protect([a, b], 5);
    expect(status.get(total)).toBe('secondary');
    // Alone beside a withheld total, b's 5 would be the total itself: it is withheld too.
    expect(status.get(b.interior[0]![0]!)).toBe('secondary');
  });

  for (let seed = 1; seed <= 300; seed++) {
    it(`leaves no withheld figure alone in a line, or worked out exactly (seed ${seed})`, () => {
      const random = seeded(seed);
      const threshold = 3 + below(random, 5);
      const grids = randomTables(random);
      const status = protect(grids, threshold);
      const figures: Tally[] = [];
      const lines = grids.flatMap((g) => linesOf(g, figures));

      for (const figure of figures) {
        const small = figure.count > 0 && figure.count < threshold;
        if (small) expect(status.get(figure)).toBe('primary');
        if (figure.count === 0) expect(status.get(figure)).toBe('shown');
      }
      for (const { members, total } of lines) {
        const hidden = [...members, total].filter((i) => status.get(figures[i]!) !== 'shown');
        expect([0, 1].includes(hidden.length) ? hidden.length : 2).not.toBe(1);
      }
      const bounds = readerBounds(figures, status);
      figures.forEach((figure, i) => {
        if (status.get(figure) !== 'shown') {
          expect(
            notDetermined(bounds, lines, i, figure.count),
            `figure ${i} of ${figure.count}`,
          ).toBe(true);
        }
      });
    });
  }
});
