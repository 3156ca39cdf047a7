/**
 * buildReport (src/office/report/build.ts): the tables a report holds, the one total they share,
 * percentages from published figures, summaries that carry no withheld figure, the threshold, and
 * the same report from the same extract.
 */
import { describe, expect, it } from 'vitest';
import type { ExtractRow } from '../../../src/office/extract/format';
import { isSafeguardError } from '../../../src/errors';
import {
  buildReport,
  type BuildReportInput,
  type Cell,
  type OfficeReport,
  type StatTable,
} from '../../../src/office/report';
import { below, row, rows, seeded, typeLabels } from './report-support';

const NOW = '2026-12-15T12:00:00Z';

function build(data: ExtractRow[], more: Partial<BuildReportInput> = {}): OfficeReport {
  return buildReport({
    rows: data,
    terms: [],
    period: { kind: 'this-term' },
    schoolName: 'Northfield Academy',
    source: { publishedByName: 'A. Lead', extractProducedAt: '2026-12-15T11:00:00Z' },
    typeLabels,
    now: NOW,
    ...more,
  });
}

const table = (report: OfficeReport, id: string): StatTable =>
  report.tables.find((t) => t.id === id)!;

const value = (cell: Cell | undefined): number | 'c' | undefined =>
  cell === undefined ? undefined : cell.kind === 'suppressed' ? 'c' : cell.value;

const column = (t: StatTable, c = 0) =>
  Object.fromEntries(t.rows.map((r) => [r.key, value(r.cells[c])]));

/** A term's concerns with every figure well above the threshold, so nothing is withheld. */
function plentiful(): ExtractRow[] {
  return [
    ...rows(30, { month: '2026-09', clocksMet: true, reporterGroup: 'teaching' }),
    ...rows(20, {
      month: '2026-11',
      concernType: 'derogatory-language',
      urgency: 'urgent',
      pathway: null,
    }),
    ...rows(12, {
      month: '2026-11',
      concernType: 'breach-of-confidentiality',
      status: 'closed',
      outcome: 'resolved',
      referrals: ['lado-consultation', 'police'],
      workingDaysToFirstAction: 3,
      clocksMet: false,
      reporterGroup: 'support',
    }),
  ];
}

describe('the tables of a report', () => {
  it('holds the eight tables, in order, each with a chart kind', () => {
    const report = build(plentiful());
    expect(report.tables.map((t) => [t.id, t.chart])).toEqual([
      ['by-month', 'column'],
      ['by-type', 'stacked-column'],
      ['pathways', 'bar'],
      ['outcomes', 'bar'],
      ['referrals', 'bar'],
      ['first-action', 'column'],
      ['clocks', 'bar'],
      ['reporters', 'bar'],
    ]);
    expect(report.period.label).toBe('Autumn term 2026 (to date)');
    expect([report.schoolName, report.producedAt, report.threshold]).toEqual([
      'Northfield Academy',
      '2026-12-15T12:00:00.000Z',
      5,
    ]);
  });

  it('has a row for every month of the period, zeros included', () => {
    const byMonth = table(build(plentiful()), 'by-month');
    expect(byMonth.rows.map((r) => r.label)).toEqual([
      'September 2026',
      'October 2026',
      'November 2026',
      'December 2026',
    ]);
    expect(column(byMonth)).toMatchObject({ '2026-10': 0, '2026-12': 0 });
  });

  it('counts types by urgency with row and column totals, and shows an unknown type by its id', () => {
    const byType = table(
      build([...plentiful(), ...rows(9, { concernType: 'retired-form' })]),
      'by-type',
    );
    expect(byType.columns.map((c) => [c.key, c.total ?? false])).toEqual([
      ['urgent', false],
      ['normal', false],
      ['total', true],
    ]);
    expect(byType.rows.map((r) => r.label)).toEqual([
      'Breach of confidentiality online',
      'Derogatory or offensive language about pupils or families',
      'Private online contact with a pupil',
      'retired-form',
      'Staff posting inappropriate images of themselves',
    ]);
    expect(byType.rows.at(-1)!.cells.map(value)).toEqual([0, 0, 0]);
    expect(byType.totals).toHaveLength(3);
  });

  it('shows the period’s total as one figure wherever a table totals every concern', () => {
    const report = build(plentiful());
    const total = value(report.total);
    expect(typeof total).toBe('number');
    for (const id of ['by-month', 'pathways', 'first-action', 'reporters']) {
      expect(value(table(report, id).totals![0]), id).toBe(total);
    }
    expect(value(table(report, 'by-type').totals![2])).toBe(total);
  });

  it('puts untriaged concerns in their own pathway row and counts only closed concerns’ outcomes', () => {
    const report = build(plentiful());
    expect(column(table(report, 'pathways'))['not-yet-triaged']).toBeGreaterThanOrEqual(18);
    const outcomes = table(report, 'outcomes');
    expect(Math.abs((value(outcomes.totals![0]) as number) - 12)).toBeLessThanOrEqual(2);
    expect(column(outcomes)).toMatchObject({ substantiated: 0, 'no-further-action': 0 });
  });

  it('gives referrals no total, and its summary says why', () => {
    const referrals = table(build(plentiful()), 'referrals');
    expect(referrals.totals).toBeNull();
    expect(referrals.rows.map((r) => r.key)).toEqual([
      'lado-consultation',
      'social-care-referral',
      'police',
      'ceop',
      'iwf',
      'early-help',
    ]);
    expect(referrals.summary).toMatch(/more than one referral, so these figures have no total/);
  });

  it('sorts the time to first action into working-day bands', () => {
    const days = [0, 1, 2, 5, 6, 10, 11, 400, null];
    const data = days.flatMap((d) => rows(10, { workingDaysToFirstAction: d }));
    const bands = column(table(build(data), 'first-action'));
    const expected = {
      'same-day': 10,
      one: 10,
      'two-to-five': 20,
      'six-to-ten': 20,
      'over-ten': 20,
      none: 10,
    };
    for (const [band, count] of Object.entries(expected)) {
      expect(Math.abs((bands[band] as number) - count), band).toBeLessThanOrEqual(2);
    }
  });
});

describe('percentages', () => {
  it('are worked out from the published met and total, never the hidden counts', () => {
    const clocks = table(build(plentiful()), 'clocks');
    expect(clocks.columns.map((c) => c.unit)).toEqual(['count', 'percent']);
    const [met, total] = [value(clocks.rows[0]!.cells[0]), value(clocks.totals![0])] as number[];
    expect(value(clocks.rows[0]!.cells[1])).toBe(Math.round((100 * met!) / total!));
    expect(clocks.summary).toContain(`met for ${met} of the ${total} concerns`);
  });

  it('are withheld when the count they come from is withheld', () => {
    const data = [...rows(20, { clocksMet: true }), ...rows(2, { clocksMet: false })];
    const clocks = table(build(data), 'clocks');
    expect(clocks.rows.map((r) => r.cells.map(value))).toEqual([
      ['c', 'c'],
      ['c', 'c'],
    ]);
    expect(clocks.summary).toBe(
      `A statutory clock applied to ${value(clocks.totals![0])} concerns; how many were met is withheld. Figures marked c are withheld to protect those involved.`,
    );
  });

  it('are left out when no clock applied', () => {
    const clocks = table(build(rows(20)), 'clocks');
    expect(clocks.columns.map((c) => c.key)).toEqual(['concerns']);
    expect(clocks.summary).toMatch(/No statutory clock/);
  });
});

describe('summaries', () => {
  it('say what the published figures show', () => {
    const data = [...rows(23), ...rows(9, { concernType: 'derogatory-language' })];
    const byType = table(build(data), 'by-type');
    const top = value(
      byType.rows.find((r) => r.key === 'private-online-contact-with-pupil')!.cells[2],
    );
    expect(byType.summary).toMatch(
      new RegExp(`^Most concerns \\(${top}\\) were about private online contact with a pupil\\.`),
    );
  });

  it('say "of the figures shown" rather than "most" when a figure is withheld', () => {
    const data = [
      ...rows(23),
      ...rows(9, { concernType: 'breach-of-confidentiality' }),
      ...rows(2, { concernType: 'derogatory-language' }),
    ];
    const byType = table(build(data), 'by-type');
    const top = value(
      byType.rows.find((r) => r.key === 'private-online-contact-with-pupil')!.cells[2],
    );
    expect(byType.summary).toMatch(
      new RegExp(`^Of the types shown, the largest figure is ${top}, for private online contact`),
    );
  });

  it('say there were none when the period has no concerns', () => {
    for (const t of build([]).tables)
      expect(t.summary).toBe('No concerns were received in the period.');
  });

  for (let seed = 1; seed <= 40; seed++) {
    it(`carry no number that is not a published figure of their table (seed ${seed})`, () => {
      const random = seeded(seed);
      const report = build(randomTerm(random, 5 + below(random, 80)), {
        threshold: 3 + below(random, 6),
      });
      const total = value(report.total);
      for (const t of report.tables) {
        const published = new Set<number>(typeof total === 'number' ? [total] : []);
        for (const cells of [...t.rows.map((r) => r.cells), t.totals ?? []]) {
          for (const c of cells) if (c.kind !== 'suppressed') published.add(c.value);
        }
        const years = new Set(t.rows.flatMap((r) => r.label.match(/\b\d{4}\b/g) ?? []).map(Number));
        const numbers = (t.summary.match(/\d[\d,]*/g) ?? []).map((n) =>
          Number(n.replace(/,/g, '')),
        );
        for (const n of numbers) {
          expect(published.has(n) || years.has(n), `${n} in "${t.summary}"`).toBe(true);
        }
      }
    });
  }
});

/** A term of random concerns, in small categories so many figures are withheld. */
function randomTerm(random: () => number, n: number): ExtractRow[] {
  const pick = <T>(items: readonly T[]): T => items[below(random, items.length)]!;
  const types = Object.keys(typeLabels);
  return Array.from({ length: n }, () => {
    const closed = random() < 0.4;
    return row({
      month: pick(['2026-09', '2026-10', '2026-11', '2026-12']),
      concernType: pick(types),
      urgency: random() < 0.3 ? 'urgent' : 'normal',
      pathway: pick([null, 'child-protection', 'allegation', 'early-help', 'low-level'] as const),
      status: closed ? 'closed' : pick(['new', 'open'] as const),
      outcome: closed ? pick(['resolved', 'unfounded', 'no-further-action'] as const) : null,
      referrals:
        random() < 0.3
          ? ['lado-consultation']
          : random() < 0.2
            ? ['police', 'social-care-referral']
            : [],
      workingDaysToFirstAction: pick([0, 0, 1, 3, 8, 15, null]),
      clocksMet: pick([null, null, true, false]),
      reporterGroup: pick(['teaching', 'support', 'other'] as const),
      recordKey: below(random, 256),
    });
  });
}

describe('the threshold', () => {
  it('is 5 unless set, and can be set higher', () => {
    const data = [...rows(30), ...rows(7, { concernType: 'derogatory-language' })];
    const at = (threshold?: number) =>
      value(
        table(build(data, threshold === undefined ? {} : { threshold }), 'by-type').rows.find(
          (r) => r.key === 'derogatory-language',
        )!.cells[2],
      );
    expect(at()).not.toBe('c');
    expect(at(8)).toBe('c');
    expect(build(data, { threshold: 8 }).notes[0]).toMatch(/fewer than 8 concerns/);
  });

  it('is never below 3', () => {
    let error: unknown;
    try {
      build(plentiful(), { threshold: 2 });
    } catch (e) {
      error = e;
    }
    expect(isSafeguardError(error) && error.code).toBe('invalid-input');
  });
});

describe('the same extract', () => {
  it('gives the same report every time it is built', () => {
    const random = seeded(7);
    const data = randomTerm(random, 60);
    expect(build(data)).toEqual(build([...data].reverse()));
  });

  it('carries the disclosure note: c, secondary suppression, perturbation, totals and percentages', () => {
    const notes = build(plentiful()).notes.join('\n');
    for (const words of [
      /fewer than 5 concerns .* c\b/,
      /worked out from a total/,
      /up to 2 either way/,
      /may differ slightly/,
      /Percentages are worked out from the figures as shown/,
    ]) {
      expect(notes).toMatch(words);
    }
  });
});
