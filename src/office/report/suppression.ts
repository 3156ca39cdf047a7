/**
 * Which figures a report withholds (docs/disclosure-control.md). Primary: any figure from fewer
 * than the threshold of concerns, other than zero. Secondary: then, while a withheld figure can be
 * worked out from the figures shown, withhold the smallest non-zero figure that covers it.
 *
 * "Worked out" is checked exactly, not by counting: a table with its totals is a set of lines
 * (each row and column with its total, the totals row and column with the grand total), and a
 * withheld figure is safe when another whole-number table, with every shown figure the same and
 * every withheld figure at least 1 (zeros are shown), gives it a different value. Each figure sits
 * on at most one row line and one column line, so the tables that keep every line's sum are moves
 * along alternating cycles of withheld figures (a transportation problem): a figure is safe iff a
 * cycle through it can move it by one, which a breadth-first search finds. A line with a single
 * withheld figure has no such cycle, so "never one withheld figure alone in a line" follows.
 *
 * The period's total is in several tables (one Tally): a move of it in one table must be matched
 * in every other, and a withheld total is withheld in all of them.
 */
import { SafeguardError } from '../../errors';
import { MIN_THRESHOLD } from './model';
import type { Tally } from './tally';

export type Status = 'shown' | 'primary' | 'secondary';

/** A table's figures: a grid of tallies with its totals, as suppression sees it. */
export interface Grid {
  /** interior[row][column]. */
  interior: readonly (readonly Tally[])[];
  /** Each row's total (a two-way table's total column), or null. */
  rowTotals: readonly Tally[] | null;
  /** Each column's total (the totals row), or null. */
  columnTotals: readonly Tally[] | null;
  /** The total of the totals, when there are both. */
  grand: Tally | null;
}

/** The threshold, checked: a whole number, never below MIN_THRESHOLD. */
export function checkThreshold(threshold: number): number {
  if (!Number.isInteger(threshold) || threshold < MIN_THRESHOLD) {
    throw new SafeguardError(
      'invalid-input',
      `The threshold for showing a figure must be a whole number of at least ${MIN_THRESHOLD}: smaller counts can identify someone.`,
    );
  }
  return threshold;
}

/** Node 0 stands for every line without a total: nothing constrains it. */
const FREE = 0;

interface Edge {
  tally: Tally;
  /** The row line and column line it sits on (FREE when that line has no total). */
  row: number;
  col: number;
  /** +1 for a figure added up in both its lines; −1 for a total (it is the other side). */
  sign: 1 | -1;
}

type Direction = 'up' | 'down';

function edgesOf(grid: Grid): Edge[] {
  const { interior, rowTotals, columnTotals, grand } = grid;
  const rows = interior.length;
  const cols = interior[0]?.length ?? columnTotals?.length ?? 0;
  // Row i is node 1 + i, column j is node 1 + rows + j; the totals row and column come last.
  const rowNode = (i: number) => (rowTotals ? 1 + i : FREE);
  const colNode = (j: number) => (columnTotals ? 1 + rows + j : FREE);
  const totalsRow = grand ? 1 + rows + cols : FREE;
  const totalsCol = grand ? 2 + rows + cols : FREE;
  const edges: Edge[] = [];
  interior.forEach((cells, i) =>
    cells.forEach((tally, j) => edges.push({ tally, row: rowNode(i), col: colNode(j), sign: 1 })),
  );
  rowTotals?.forEach((tally, i) =>
    edges.push({ tally, row: rowNode(i), col: totalsCol, sign: -1 }),
  );
  columnTotals?.forEach((tally, j) =>
    edges.push({ tally, row: totalsRow, col: colNode(j), sign: -1 }),
  );
  if (grand) edges.push({ tally: grand, row: totalsRow, col: totalsCol, sign: 1 });
  return edges;
}

/** The arc a move of an edge travels: "up" on a +1 edge goes row → column. */
function arc(edge: Edge, direction: Direction): [from: number, to: number] {
  return (direction === 'up') === (edge.sign === 1) ? [edge.row, edge.col] : [edge.col, edge.row];
}

class Protection {
  readonly status = new Map<Tally, Status>();
  private readonly grids: Edge[][];
  /** The grids each figure is in, and its edge there: more than one grid makes it shared. */
  private readonly homes = new Map<Tally, Map<number, Edge>>();
  private localCache = new Map<Edge, Partial<Record<Direction, boolean>>>();

  constructor(grids: readonly Grid[], threshold: number, forced: ReadonlySet<Tally>) {
    this.grids = grids.map(edgesOf);
    for (const [g, edges] of this.grids.entries()) {
      for (const edge of edges) {
        const home = this.homes.get(edge.tally) ?? new Map<number, Edge>();
        if (home.has(g)) throw new Error('A figure may appear only once in a table.');
        this.homes.set(edge.tally, home.set(g, edge));
        const { count } = edge.tally;
        const small = count > 0 && count < threshold;
        const asked = count > 0 && forced.has(edge.tally);
        this.status.set(edge.tally, small ? 'primary' : asked ? 'secondary' : 'shown');
      }
    }
    // A shared figure's move is matched in each other table with nothing else shared moving
    // (othersAllow); that keeps those moves apart only with one shared figure per table.
    for (const edges of this.grids) {
      if (edges.filter((e) => this.shared(e.tally)).length > 1) {
        throw new Error('A table may share only one figure with other tables.');
      }
    }
  }

  private hidden(tally: Tally): boolean {
    return this.status.get(tally) !== 'shown';
  }

  private shared(tally: Tally): boolean {
    return (this.homes.get(tally)?.size ?? 0) > 1;
  }

  private homesOf(tally: Tally): [g: number, edge: Edge][] {
    return [...(this.homes.get(tally) ?? [])];
  }

  /** Moving down keeps a withheld figure at 1 or more; up is always open. */
  private canMove(edge: Edge, direction: Direction): boolean {
    return direction === 'up' || edge.tally.count >= 2;
  }

  /**
   * Whether `start` can move in `direction` within grid g, along withheld figures; the shared
   * figure's arcs are used only in directions `sharedOk` allows.
   */
  private cycle(
    g: number,
    start: Edge,
    direction: Direction,
    sharedOk: (tally: Tally, direction: Direction) => boolean,
  ): boolean {
    if (!this.canMove(start, direction)) return false;
    const [from, to] = arc(start, direction);
    if (from === to) return true;
    const next = new Map<number, number[]>();
    for (const edge of this.grids[g]!) {
      if (edge === start || !this.hidden(edge.tally)) continue;
      for (const d of ['up', 'down'] as const) {
        if (!this.canMove(edge, d)) continue;
        if (this.shared(edge.tally) && !sharedOk(edge.tally, d)) continue;
        const [a, b] = arc(edge, d);
        next.set(a, [...(next.get(a) ?? []), b]);
      }
    }
    const visited = new Set([to]);
    const queue = [to];
    for (let node = queue.shift(); node !== undefined; node = queue.shift()) {
      for (const b of next.get(node) ?? []) {
        if (b === from) return true;
        if (!visited.has(b)) {
          visited.add(b);
          queue.push(b);
        }
      }
    }
    return false;
  }

  /** Whether grid g alone lets a shared figure move (other shared figures held still). */
  private local(g: number, edge: Edge, direction: Direction): boolean {
    const cached = this.localCache.get(edge) ?? {};
    cached[direction] ??= this.cycle(g, edge, direction, () => false);
    this.localCache.set(edge, cached);
    return cached[direction];
  }

  /** Every other grid holding this shared figure can match a move of it. */
  private othersAllow(tally: Tally, direction: Direction, g: number): boolean {
    return this.homesOf(tally).every(
      ([other, e]) => other === g || this.local(other, e, direction),
    );
  }

  private safe(g: number, edge: Edge): boolean {
    if (this.shared(edge.tally)) {
      const homes = this.homesOf(edge.tally);
      return (['up', 'down'] as const).some((d) => homes.every(([h, e]) => this.local(h, e, d)));
    }
    const sharedOk = (tally: Tally, d: Direction) => this.othersAllow(tally, d, g);
    return (['up', 'down'] as const).some((d) => this.cycle(g, edge, d, sharedOk));
  }

  /** The first withheld figure that can be worked out, in table order, or null. */
  private exposed(): { g: number; edge: Edge } | null {
    this.localCache = new Map();
    for (const [g, edges] of this.grids.entries()) {
      for (const edge of edges) {
        if (this.hidden(edge.tally) && !this.safe(g, edge)) return { g, edge };
      }
    }
    return null;
  }

  /** The shown figures other than zero among these edges, smallest first (then in order). */
  private candidates(edges: readonly Edge[]): Tally[] {
    const seen = new Set<Tally>();
    const found: Tally[] = [];
    for (const { tally } of edges) {
      if (tally.count > 0 && !this.hidden(tally) && !seen.has(tally)) found.push(tally);
      seen.add(tally);
    }
    return found.sort((a, b) => a.count - b.count);
  }

  /** Whether withholding `tally` as well would make the exposed edge safe. */
  private wouldCover(tally: Tally, g: number, edge: Edge): boolean {
    this.status.set(tally, 'secondary');
    this.localCache = new Map();
    const covered = this.safe(g, edge);
    this.status.set(tally, 'shown');
    this.localCache = new Map();
    return covered;
  }

  private onLines(g: number, edge: Edge): Edge[] {
    const lines = [edge.row, edge.col].filter((node) => node !== FREE);
    return this.grids[g]!.filter((e) => lines.includes(e.row) || lines.includes(e.col));
  }

  /** The grids that share a figure with any of these, these included. */
  private linkedTo(gs: readonly number[]): number[] {
    const linked = new Set(gs);
    for (const g of gs) {
      for (const edge of this.grids[g]!) for (const [h] of this.homesOf(edge.tally)) linked.add(h);
    }
    return [...linked].sort((a, b) => a - b);
  }

  /**
   * What to withhold next for an exposed figure: the smallest figure that alone makes it safe,
   * looked for beside it, then in its table, then in the tables linked to it; failing that, the
   * smallest beside it (or nearest), and the search goes on from there.
   */
  private nextToWithhold(g: number, edge: Edge): Tally {
    // A shared figure is fixed by the tables that cannot move it up; with all withheld, all can.
    const where: [number, Edge][] = this.shared(edge.tally)
      ? this.homesOf(edge.tally).filter(([h, e]) => !this.local(h, e, 'up'))
      : [[g, edge]];
    const levels = [
      this.candidates(where.flatMap(([h, e]) => this.onLines(h, e))),
      this.candidates(where.flatMap(([h]) => this.grids[h]!)),
      this.candidates(this.linkedTo(where.map(([h]) => h)).flatMap((h) => this.grids[h]!)),
    ];
    for (const level of levels) {
      const cover = level.find((tally) => this.wouldCover(tally, g, edge));
      if (cover) return cover;
    }
    const choice = levels.find((level) => level.length > 0)?.[0];
    if (!choice) throw new Error('Suppression found no figure left to withhold.');
    return choice;
  }

  run(): void {
    for (let found = this.exposed(); found; found = this.exposed()) {
      this.status.set(this.nextToWithhold(found.g, found.edge), 'secondary');
    }
  }
}

/**
 * What each figure of these tables shows: 'shown', or withheld ('primary' under the threshold,
 * 'secondary' to protect one that is). A tally in several grids is one figure, shown or withheld
 * in all of them. `forced` figures (other than zeros) are withheld from the start: those another
 * report of the same family withholds (family.ts).
 */
export function protect(
  grids: readonly Grid[],
  threshold: number,
  forced: ReadonlySet<Tally> = new Set(),
): Map<Tally, Status> {
  const protection = new Protection(grids, checkThreshold(threshold), forced);
  protection.run();
  return protection.status;
}
