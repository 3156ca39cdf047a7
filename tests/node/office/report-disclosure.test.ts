/**
 * Disclosure control end to end, on reports built from seeded extracts: within a report no
 * withheld figure can be worked out from the figures shown (all tables at once, the period's total
 * shared); across periods the same concerns show the same figure, and subtracting the other terms
 * from the year leaves a withheld termly figure uncertain (docs/disclosure-control.md).
 */
import { describe, expect, it } from 'vitest';
import type { ExtractRow } from '../../../src/office/extract/format';
import {
  buildReport,
  MAX_PERTURBATION,
  type Cell,
  type OfficeReport,
  type PeriodChoice,
} from '../../../src/office/report';
import { NO_LIMIT, notDetermined, type Bounds, type Line } from './report-attack';
import { below, row, rows, seeded, typeLabels } from './report-support';

const YEAR = ['09', '10', '11', '12', '01', '02', '03', '04', '05', '06', '07', '08'].map(
  (m, i) => `${i < 4 ? 2026 : 2027}-${m}`,
);

function build(data: ExtractRow[], period: PeriodChoice, now: string, threshold = 5): OfficeReport {
  return buildReport({
    rows: data,
    terms: [],
    period,
    threshold,
    schoolName: 'Northfield Academy',
    source: { publishedByName: 'A. Lead', extractProducedAt: now },
    typeLabels,
    now,
  });
}

/** Random concerns over the 2026-27 year, in small categories. */
function randomYear(random: () => number, n: number): ExtractRow[] {
  const pick = <T>(items: readonly T[]): T => items[below(random, items.length)]!;
  return Array.from({ length: n }, () =>
    row({
      month: pick(YEAR),
      concernType: pick(Object.keys(typeLabels)),
      urgency: random() < 0.3 ? 'urgent' : 'normal',
      pathway: pick([null, 'allegation', 'early-help', 'child-protection', 'low-level'] as const),
      status: random() < 0.4 ? 'closed' : 'open',
      outcome: null,
      workingDaysToFirstAction: pick([0, 1, 3, 8, 20, null]),
      clocksMet: pick([null, null, true, false]),
      reporterGroup: pick(['teaching', 'support', 'other'] as const),
      recordKey: below(random, 256),
    }),
  ).map((r) =>
    r.status === 'closed' ? { ...r, outcome: pick(['resolved', 'unfounded'] as const) } : r,
  );
}

function band(days: number | null): string {
  if (days === null) return 'none';
  return days === 0
    ? 'same-day'
    : days === 1
      ? 'one'
      : days <= 5
        ? 'two-to-five'
        : days <= 10
          ? 'six-to-ten'
          : 'over-ten';
}

/** Each row's place in each table, counted here apart from the report's own tallies. */
const placeOf: Record<string, (r: ExtractRow) => [row: string, column: string][]> = {
  'by-month': (r) => [[r.month, 'concerns']],
  'by-type': (r) => [
    [r.concernType, r.urgency],
    [r.concernType, 'total'],
  ],
  pathways: (r) => [[r.pathway ?? 'not-yet-triaged', 'concerns']],
  outcomes: (r) => (r.status === 'closed' && r.outcome ? [[r.outcome, 'concerns']] : []),
  referrals: (r) => r.referrals.map((k) => [k, 'concerns']),
  'first-action': (r) => [[band(r.workingDaysToFirstAction), 'concerns']],
  clocks: (r) => (r.clocksMet === null ? [] : [[r.clocksMet ? 'met' : 'not-met', 'concerns']]),
  reporters: (r) => [[r.reporterGroup, 'concerns']],
};

/** Tables whose totals row counts every concern in the period: one figure, "all". */
const totalsAll: Record<string, string> = {
  'by-month': 'concerns',
  pathways: 'concerns',
  'first-action': 'concerns',
  reporters: 'concerns',
  'by-type': 'total',
};

interface Figure {
  name: string;
  truth: number;
  cell: Cell;
}

/**
 * Every count of a report as a figure with its true value (counted from `data`, the report's own
 * rows), and the lines a reader can write; added to `figures`, named with `prefix`.
 */
function readerView(
  report: OfficeReport,
  data: readonly ExtractRow[],
  prefix = '',
  figures: Figure[] = [],
): { figures: Figure[]; lines: Line[] } {
  const truth = new Map<string, number>();
  const bump = (name: string) => truth.set(name, (truth.get(name) ?? 0) + 1);
  for (const r of data) {
    bump('all');
    for (const [id, place] of Object.entries(placeOf)) {
      for (const [key, col] of place(r)) {
        bump(`${id}|${key}|${col}`);
        bump(`${id}|totals|${col}`);
      }
    }
  }
  // Figures of several reports share one list, told apart by the prefix.
  const figure = (name: string, cell: Cell) => {
    let i = figures.findIndex((f) => f.name === prefix + name);
    if (i < 0) {
      i = figures.length;
      figures.push({ name: prefix + name, truth: truth.get(name) ?? 0, cell });
    }
    return i;
  };
  const lines: Line[] = [];
  for (const t of report.tables) {
    const counts = t.columns.flatMap((c, i) => (c.unit === 'count' ? [[c.key, i] as const] : []));
    const named = (key: string, col: string) =>
      key === 'totals' && totalsAll[t.id] === col ? 'all' : `${t.id}|${key}|${col}`;
    const at = (key: string, col: string, cell: Cell) => figure(named(key, col), cell);
    const parts = counts.filter(([key]) => key !== 'total');
    for (const r of t.rows) {
      const ids = counts.map(([key, i]) => at(r.key, key, r.cells[i]!));
      if (counts.length > parts.length)
        lines.push({ members: ids.slice(0, -1), total: ids.at(-1)! });
    }
    if (t.totals) {
      for (const [key, i] of counts) {
        lines.push({
          members: t.rows.map((r) => at(r.key, key, r.cells[i]!)),
          total: at('totals', key, t.totals[i]!),
        });
      }
      if (counts.length > parts.length) {
        const ids = counts.map(([key, i]) => at('totals', key, t.totals![i]!));
        lines.push({ members: ids.slice(0, -1), total: ids.at(-1)! });
      }
    }
  }
  return { figures, lines };
}

/** Checks one seeded report; returns how many withheld figures it checked. */
function checkReport(seed: number): number {
  const random = seeded(1000 + seed);
  const threshold = 3 + below(random, 5);
  const data = randomYear(random, 10 + below(random, 120));
  const report = build(
    data,
    { kind: 'academic-year', academicYear: '2026-27' },
    '2027-09-20T12:00:00Z',
    threshold,
  );
  const { figures, lines } = readerView(report, data);
  for (const f of figures) {
    if (f.cell.kind === 'suppressed') continue;
    // Shown figures are the truth moved by at most 2, never below the threshold.
    expect(f.cell.value === 0, `${f.name} (seed ${seed})`).toBe(f.truth === 0);
    expect(Math.abs(f.cell.value - f.truth), f.name).toBeLessThanOrEqual(MAX_PERTURBATION);
    if (f.truth > 0) expect(f.cell.value).toBeGreaterThanOrEqual(threshold);
  }
  // The strongest reader: every shown figure's true value known exactly (no noise at all).
  const bounds: Bounds[] = figures.map((f) =>
    f.cell.kind === 'suppressed' ? { lo: 1, hi: NO_LIMIT } : { lo: f.truth, hi: f.truth },
  );
  let checked = 0;
  figures.forEach((f, i) => {
    if (f.cell.kind !== 'suppressed') return;
    const where = `${f.name} = ${f.truth} (seed ${seed})`;
    expect(f.truth > 0 && f.truth < threshold, where).toBe(f.cell.reason === 'primary');
    expect(notDetermined(bounds, lines, i, f.truth), where).toBe(true);
    checked += 1;
  });
  return checked;
}

describe('within a report', () => {
  it('leaves no withheld figure that the rest of the report determines (80 seeded extracts)', () => {
    let checked = 0;
    for (let seed = 1; seed <= 80; seed++) checked += checkReport(seed);
    expect(checked).toBeGreaterThan(500);
  });
});

const value = (cell: Cell | undefined) => (cell?.kind === 'count' ? cell.value : null);

function cellsOf(report: OfficeReport): Map<string, Cell> {
  const cells = new Map<string, Cell>();
  for (const t of report.tables) {
    for (const [i, c] of t.columns.entries()) {
      if (c.unit !== 'count') continue;
      for (const r of t.rows) cells.set(`${t.id}|${r.key}|${c.key}`, r.cells[i]!);
      if (t.totals) cells.set(`${t.id}|totals|${c.key}`, t.totals[i]!);
    }
  }
  return cells;
}

const NOW = '2027-09-15T12:00:00Z';
const termMonths = [YEAR.slice(0, 4), YEAR.slice(4, 7), YEAR.slice(7)];
/** Autumn and spring as custom dates (months alone: no term dates, so the same concerns). */
const termChoices: PeriodChoice[] = [
  { kind: 'custom', from: '2026-09-01', to: '2026-12-31' },
  { kind: 'custom', from: '2027-01-01', to: '2027-03-31' },
  { kind: 'last-term' },
];

/** The year's report and its three terms', all built on one day from one extract. */
function together(data: ExtractRow[], threshold = 5) {
  return {
    year: build(data, { kind: 'academic-year', academicYear: '2026-27' }, NOW, threshold),
    terms: termChoices.map((choice) => build(data, choice, NOW, threshold)),
  };
}

const inTerm = (data: readonly ExtractRow[], t: number) =>
  data.filter((r) => termMonths[t]!.includes(r.month));

/** All four reports as one reader's system: each report's lines, and year = Σ terms for each figure. */
function familyView(data: ExtractRow[], threshold: number) {
  const { year, terms } = together(data, threshold);
  const figures: Figure[] = [];
  const lines = readerView(year, data, 'Y:', figures).lines;
  terms.forEach((report, t) =>
    lines.push(...readerView(report, inTerm(data, t), `${t}:`, figures).lines),
  );
  const yearFigures = figures.filter((f) => f.name.startsWith('Y:'));
  for (const f of yearFigures) {
    const name = f.name.slice(2);
    const members = [0, 1, 2].flatMap((t) => {
      const i = figures.findIndex((g) => g.name === `${t}:${name}`);
      return i < 0 ? [] : [i];
    });
    lines.push({ members, total: figures.indexOf(f) });
  }
  return { figures, lines };
}

describe('across a year and its terms built together', () => {
  it('leaves no year = autumn + spring + summer line with a withheld figure it gives away, even with exact figures', () => {
    let checked = 0;
    for (let seed = 1; seed <= 25; seed++) {
      const random = seeded(2000 + seed);
      const threshold = 3 + below(random, 4);
      const { figures, lines } = familyView(randomYear(random, 20 + below(random, 100)), threshold);
      const exact: Bounds[] = figures.map((f) =>
        f.cell.kind === 'suppressed' ? { lo: 1, hi: NO_LIMIT } : { lo: f.truth, hi: f.truth },
      );
      for (const line of lines.filter((l) => figures[l.total]!.name.startsWith('Y:'))) {
        const all = [...line.members, line.total];
        const hidden = all.filter((i) => figures[i]!.cell.kind === 'suppressed');
        expect(hidden.length, `seed ${seed}`).not.toBe(1);
        // The line alone, as its own system.
        const local = all.map((i) => exact[i]!);
        const alone: Line = { members: line.members.map((_, k) => k), total: line.members.length };
        for (const i of hidden) {
          const f = figures[i]!;
          expect(
            notDetermined(local, [alone], all.indexOf(i), f.truth),
            `${f.name} (seed ${seed})`,
          ).toBe(true);
          checked += 1;
        }
      }
    }
    expect(checked).toBeGreaterThan(300);
  });

  it('gives no withheld figure away to a reader who knows the published bound, all four reports at once (seeded study)', () => {
    let checked = 0;
    for (let seed = 1; seed <= 12; seed++) {
      const random = seeded(2000 + seed);
      const threshold = 3 + below(random, 4);
      const { figures, lines } = familyView(randomYear(random, 20 + below(random, 100)), threshold);
      // Nothing exceeds the year's total; shown figures are known only to within the bound.
      const yearTotal = figures.find((f) => f.name === 'Y:all')!.cell;
      const cap = yearTotal.kind === 'count' ? yearTotal.value + MAX_PERTURBATION : NO_LIMIT;
      const bounds: Bounds[] = figures.map((f) =>
        f.cell.kind === 'suppressed' ? { lo: 1, hi: cap } : noisy(f.cell.value, threshold),
      );
      figures.forEach((f, i) => {
        if (f.cell.kind !== 'suppressed') return;
        expect(
          notDetermined(bounds, lines, i, f.truth),
          `${f.name} = ${f.truth} (seed ${seed})`,
        ).toBe(true);
        checked += 1;
      });
    }
    expect(checked).toBeGreaterThan(150);
  });

  it('gives custom dates that select exactly a term’s concerns the term’s own report', () => {
    const data = randomYear(seeded(5), 40);
    const now = '2027-01-20T12:00:00Z';
    const autumn = build(data, { kind: 'last-term' }, now);
    const custom = build(data, { kind: 'custom', from: '2026-09-01', to: '2026-12-31' }, now);
    expect(custom.period.label).toBe('1 September to 31 December 2026, whole months');
    expect(custom.tables).toEqual(autumn.tables);
    expect(
      custom.tables.some((t) => t.rows.some((r) => r.cells.some((c) => c.kind === 'suppressed'))),
    ).toBe(true);
  });

  it('withholds a second figure beside a withheld termly one, so the year minus the other terms leaves two values or more', () => {
    // Allegations: 2 in autumn (withheld), 10 in spring, 12 in summer.
    const data = [
      ...rows(40, { month: '2026-10' }),
      ...rows(2, { month: '2026-10', pathway: 'allegation' }),
      ...rows(10, { month: '2027-02', pathway: 'allegation' }),
      ...rows(12, { month: '2027-05', pathway: 'allegation' }),
    ];
    const { year, terms } = together(data);
    const key = 'pathways|allegation|concerns';
    const cells = [year, ...terms].map((r) => cellsOf(r).get(key)!);
    expect(cells[1]).toEqual({ kind: 'suppressed', reason: 'primary' });
    expect(cells.filter((c) => c.kind === 'suppressed').length).toBeGreaterThanOrEqual(2);
    // Exact figures for what is shown: the withheld ones share what is left, each at least 1.
    const truths = [24, 2, 10, 12];
    const left =
      truths[0]! -
      [1, 2, 3].reduce((s, i) => s + (cells[i]!.kind === 'suppressed' ? 0 : truths[i]!), 0);
    const hiddenTerms = [1, 2, 3].filter((i) => cells[i]!.kind === 'suppressed').length;
    if (cells[0]!.kind !== 'suppressed') expect(left - (hiddenTerms - 1)).toBeGreaterThanOrEqual(2);
  });
});

/** The extract as published on a day: the concerns filed by then. */
const asOf = (data: readonly ExtractRow[], month: string) => data.filter((r) => r.month <= month);

describe('across reports built on different days', () => {
  it('shows the same concerns as the same figure: autumn in January and the year in September', () => {
    const random = seeded(99);
    const data = randomYear(random, 150);
    const autumn = build(asOf(data, '2027-01'), { kind: 'last-term' }, '2027-01-20T12:00:00Z');
    const year = build(data, { kind: 'academic-year', academicYear: '2026-27' }, NOW);
    const custom = build(data, { kind: 'custom', from: '2026-11-03', to: '2026-11-20' }, NOW);
    const [a, y, c] = [cellsOf(autumn), cellsOf(year), cellsOf(custom)];
    let same = 0;
    for (const month of YEAR.slice(0, 4)) {
      const key = `by-month|${month}|concerns`;
      const shown = [a, y].map((cells) => value(cells.get(key)));
      if (shown.every((v) => v !== null)) {
        expect(shown[0]).toBe(shown[1]);
        same += 1;
      }
    }
    expect(same).toBeGreaterThan(0);
    // November alone, as custom dates: the same concerns as November's row of the year.
    const november = value(y.get('by-month|2026-11|concerns'));
    expect(november).not.toBeNull();
    expect(value(c.get('by-month|totals|concerns'))).toBe(november);
  });

  it('pins a withheld termly figure by subtraction from the year only rarely, and only a true 1 (seeded study)', () => {
    let [attacks, ones, pinned] = [0, 0, 0];
    for (let seed = 1; seed <= 150; seed++) {
      const random = seeded(seed);
      const threshold = 3 + below(random, 4);
      const data = randomYear(random, 20 + below(random, 150));
      // Each term's report at the start of the next, the year's in September.
      const terms = [
        build(asOf(data, '2027-01'), { kind: 'last-term' }, '2027-01-20T12:00:00Z', threshold),
        build(asOf(data, '2027-04'), { kind: 'last-term' }, '2027-04-20T12:00:00Z', threshold),
        build(data, { kind: 'last-term' }, NOW, threshold),
      ].map(cellsOf);
      const year = build(data, { kind: 'academic-year', academicYear: '2026-27' }, NOW, threshold);
      for (const [key, cell] of cellsOf(year)) {
        const y = value(cell);
        if (y === null || key.startsWith('by-month')) continue;
        for (let hidden = 0; hidden < 3; hidden++) {
          if (terms[hidden]!.get(key)?.kind !== 'suppressed') continue;
          const others = [0, 1, 2]
            .filter((t) => t !== hidden)
            .map((t) => value(terms[t]!.get(key)));
          if (others.some((o) => o === null)) continue;
          const feasible = subtraction(y, others as number[], threshold);
          const actual = truthIn(data, hidden, key);
          attacks += 1;
          if (actual === 1) ones += 1;
          expect(feasible.lo <= actual && actual <= feasible.hi, key).toBe(true);
          if (feasible.hi === feasible.lo) {
            pinned += 1;
            expect(actual).toBe(1);
          }
        }
      }
    }
    expect(attacks).toBeGreaterThan(1000);
    expect(ones).toBeGreaterThan(30);
    // docs/disclosure-control.md: at worst 1 in 16, for a 1 beside terms at the threshold.
    expect(pinned / ones).toBeLessThan(1 / 16);
  });
});

/** What a reader knows of a shown figure: its truth is within the bound, never below the threshold. */
function noisy(shown: number, threshold: number): Bounds {
  return shown === 0
    ? { lo: 0, hi: 0 }
    : { lo: Math.max(threshold, shown - MAX_PERTURBATION), hi: shown + MAX_PERTURBATION };
}

/**
 * What a reader learns of a withheld termly figure from the year's figure and the other terms',
 * knowing only the published bound: each shown figure is its truth moved by at most 2, never below
 * the threshold, zeros exact; and a withheld figure is at least 1.
 */
function subtraction(year: number, others: readonly number[], threshold: number): Bounds {
  const lo = (x: number) => (x === 0 ? 0 : Math.max(threshold, x - MAX_PERTURBATION));
  const hi = (x: number) => (x === 0 ? 0 : x + MAX_PERTURBATION);
  return {
    lo: Math.max(1, lo(year) - others.reduce((s, o) => s + hi(o), 0)),
    hi: hi(year) - others.reduce((s, o) => s + lo(o), 0),
  };
}

/** The true count of a cell in term t (0 autumn, 1 spring, 2 summer), counted here. */
function truthIn(data: readonly ExtractRow[], t: number, key: string): number {
  const [id, rowKey, col] = key.split('|') as [string, string, string];
  let n = 0;
  for (const r of inTerm(data, t)) {
    for (const [k, c] of placeOf[id]!(r))
      if ((rowKey === 'totals' || k === rowKey) && c === col) n += 1;
  }
  return n;
}
