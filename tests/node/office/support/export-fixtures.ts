/**
 * Office reports made by hand for the export tests, shaped as `buildReport` makes them: several
 * tables, withheld cells (primary and secondary), percentages, totals, zero rows, long labels, and
 * a school name with an apostrophe and a letter beyond ASCII.
 */
import type { Cell, OfficeReport, StatTable, TableRow } from '../../../../src/office/report/model';

export const count = (value: number): Cell => ({ kind: 'count', value });
export const percent = (value: number): Cell => ({ kind: 'percent', value });
export const primary: Cell = { kind: 'suppressed', reason: 'primary' };
export const secondary: Cell = { kind: 'suppressed', reason: 'secondary' };

export function row(label: string, ...cells: Cell[]): TableRow {
  return { key: label.toLowerCase().replace(/[^a-z0-9]+/g, '-'), label, cells };
}

const NOTES = [
  'To protect the children and adults involved, a figure from fewer than 5 concerns is shown as c. Where a withheld figure could be worked out from a total or from the other figures in its row or column, the next smallest figure is also shown as c.',
  'Zeros are shown. Percentages are worked out from the figures shown, not from the withheld ones, so they may not add up to 100%.',
];

/** A school's autumn term: eight tables, as the office screens would show them. */
export function sampleReport(overrides: Partial<OfficeReport> = {}): OfficeReport {
  return {
    schoolName: 'St Æthelburga\u2019s C of E Primary',
    period: {
      kind: 'this-term',
      label: 'Autumn term 2026',
      fromMonth: '2026-09',
      toMonth: '2026-12',
    },
    producedAt: '2026-12-14T16:30:00.000Z',
    source: { publishedByName: 'Ellie Shea', extractProducedAt: '2026-12-14T08:05:00.000Z' },
    threshold: 5,
    total: count(61),
    tables: sampleTables(),
    notes: NOTES,
    ...overrides,
  };
}

export function sampleTables(): StatTable[] {
  return [
    {
      id: 'by-month',
      title: 'Concerns by month',
      summary: 'Concerns rose each month to a high of 22 in November, then fell to 6 in December.',
      rowHeading: 'Month',
      columns: [
        { key: 'received', label: 'Received', unit: 'count' },
        { key: 'closed', label: 'Closed', unit: 'count' },
      ],
      rows: [
        row('September 2026', count(14), count(9)),
        row('October 2026', count(19), count(15)),
        row('November 2026', count(22), primary),
        row('December 2026', count(6), secondary),
      ],
      totals: [count(61), count(40)],
      chart: 'line',
    },
    {
      id: 'by-type',
      title: 'Concerns by type',
      summary: 'Online bullying was the most common concern (21 of 61). Two types are withheld.',
      rowHeading: 'Type of concern',
      columns: [
        { key: 'concerns', label: 'Concerns', unit: 'count' },
        { key: 'share', label: 'Share of concerns', unit: 'percent' },
      ],
      rows: [
        row('Online bullying', count(21), percent(34.4)),
        row('Sharing nude or semi-nude images', primary, primary),
        row('Contact from an adult the child does not know', secondary, secondary),
        row('Harmful content', count(12), percent(19.7)),
        row(
          'Sexual harassment or abuse online by another pupil, including comments, images and messages',
          count(9),
          percent(14.8),
        ),
        row('Radicalisation or extremism', count(0), percent(0)),
        row('Something else', count(8), percent(13.1)),
      ],
      totals: [count(61), percent(100)],
      chart: 'bar',
    },
    {
      id: 'pathways',
      title: 'What happened next',
      summary: 'Most concerns were handled in school; 7 went to early help.',
      rowHeading: 'Pathway',
      columns: [{ key: 'concerns', label: 'Concerns', unit: 'count' }],
      rows: [
        row('Advice and monitoring in school', count(38)),
        row('Early help', count(7)),
        row('Referral to children\u2019s social care', primary),
        row('Referral to the LADO', secondary),
        row('Reported to the police', count(0)),
        row('Still open', count(9)),
      ],
      totals: [count(61)],
      chart: 'bar',
    },
    {
      id: 'outcomes',
      title: 'Outcomes of closed concerns',
      summary: 'Of 40 closed concerns, 24 were resolved in school.',
      rowHeading: 'Outcome',
      columns: [{ key: 'concerns', label: 'Concerns', unit: 'count' }],
      rows: [
        row('Resolved in school', count(24)),
        row('Support from another agency', count(9)),
        row('No further action', count(7)),
        row('Other', count(0)),
      ],
      totals: [count(40)],
      chart: 'column',
    },
    {
      id: 'referrals',
      title: 'Referrals made',
      summary: 'Referrals to children\u2019s social care and the police are withheld.',
      rowHeading: 'Made to',
      columns: [{ key: 'referrals', label: 'Referrals', unit: 'count' }],
      rows: [
        row('Early help', count(7)),
        row('Children\u2019s social care', primary),
        row('LADO', primary),
        row('Police', count(0)),
      ],
      totals: null,
      chart: 'column',
    },
    {
      id: 'first-action',
      title: 'Time to first action',
      summary: 'Most concerns were acted on the day they were received or the next working day.',
      rowHeading: 'Working days',
      columns: [{ key: 'concerns', label: 'Concerns', unit: 'count' }],
      rows: [
        row('Same working day', count(33)),
        row('1 working day', count(17)),
        row('2 to 3 working days', count(6)),
        row('4 to 5 working days', primary),
        row('More than 5 working days', secondary),
      ],
      totals: [count(61)],
      chart: 'column',
    },
    {
      id: 'clocks',
      title: 'Statutory clocks met',
      summary: 'Every clock that could be shown was met in at least 86% of cases.',
      rowHeading: 'Clock',
      columns: [
        { key: 'met', label: 'Met', unit: 'count' },
        { key: 'missed', label: 'Not met', unit: 'count' },
        { key: 'rate', label: '% met', unit: 'percent' },
      ],
      rows: [
        row('Lead reviews within one working day', count(52), count(9), percent(85.2)),
        row('Referral to the LADO within one working day', primary, count(0), primary),
      ],
      totals: null,
      chart: 'stacked-column',
    },
    {
      id: 'reporters',
      title: 'Who raised concerns',
      summary: 'Teaching staff raised most concerns in every month.',
      rowHeading: 'Month',
      columns: [
        { key: 'teaching', label: 'Teaching staff', unit: 'count' },
        { key: 'support', label: 'Support staff', unit: 'count' },
        { key: 'other', label: 'Other adults', unit: 'count' },
      ],
      rows: [
        row('September 2026', count(9), count(5), primary),
        row('October 2026', count(12), count(7), count(0)),
        row('November 2026', count(14), count(8), count(0)),
        row('December 2026', secondary, primary, count(0)),
      ],
      totals: [count(41), count(20), primary],
      chart: 'stacked-column',
    },
  ];
}

/**
 * A year of a large trust school: what 100,000 concerns would give. The tables stay small (months,
 * types, reporter groups); only the figures grow.
 */
export function largeReport(): OfficeReport {
  const months = Array.from({ length: 12 }, (_, index) => {
    const date = new Date(Date.UTC(2026, 8 + index, 1));
    return date.toLocaleDateString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
  });
  const types = Array.from({ length: 16 }, (_, index) => `Concern type ${index + 1}`);
  const byMonthAndType: StatTable = {
    id: 'by-month',
    title: 'Concerns by month and type',
    summary: 'About 8,300 concerns a month.',
    rowHeading: 'Month',
    columns: types.map((label, index) => ({ key: `t${index}`, label, unit: 'count' as const })),
    rows: months.map((month, m) =>
      row(
        month,
        ...types.map((_t, t) => ((m + t) % 11 === 0 ? primary : count(300 + 37 * m + 11 * t))),
      ),
    ),
    totals: types.map((_t, t) => count(4000 + t)),
    chart: 'stacked-column',
  };
  const scaled = (cell: Cell): Cell => (cell.kind === 'count' ? count(cell.value * 1640) : cell);
  const tables = sampleTables().map((table) => ({
    ...table,
    rows: table.rows.map((r) => ({ ...r, cells: r.cells.map(scaled) })),
    totals: table.totals?.map(scaled) ?? null,
  }));
  return sampleReport({
    schoolName: 'The Great Northern Learning Trust All-Through Academy',
    period: {
      kind: 'academic-year',
      label: 'Academic year 2026-27',
      fromMonth: '2026-09',
      toMonth: '2027-08',
    },
    total: count(100_000),
    tables: [byMonthAndType, ...tables],
  });
}
