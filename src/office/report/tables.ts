/**
 * The report's tables: first as drafts over tallies (what suppression works on), then as the
 * model's StatTables of published cells. A draft's grid is the whole truth about its lines (each
 * total is the sum of its row or column), so suppression sees every way to rebuild a figure.
 */
import { actionTypes, externalActions, outcomes, pathways } from '../../casework/events/types';
import { reporterGroups } from '../extract/format';
import type { Cell, ChartKind, StatTable, TableColumn, TableRow } from './model';
import type { Grid } from './suppression';
import { firstActionBands, type FirstActionBand, type Tallies, type Tally } from './tally';
import {
  NOT_TRIAGED,
  monthLabel,
  outcomeLabels,
  pathwayLabels,
  referralLabels,
  reporterLabels,
} from './words';

export interface DraftTable {
  id: string;
  title: string;
  rowHeading: string;
  chart: ChartKind;
  rows: { key: string; label: string }[];
  /** The columns of the grid's interior, all counts. */
  columns: TableColumn[];
  /** The column of row totals, for a two-way table. */
  totalColumn: TableColumn | null;
  grid: Grid;
  /** A percentage column: each row's figure as a share of the column's total. */
  percentColumn: TableColumn | null;
}

const concerns: TableColumn = { key: 'concerns', label: 'Concerns', unit: 'count' };

/** A one-column table whose rows add up to a total (or, with `total` null, to nothing shown). */
function oneWay(
  head: Pick<DraftTable, 'id' | 'title' | 'rowHeading' | 'chart'>,
  rows: { key: string; label: string; tally: Tally }[],
  total: Tally | null,
  column: TableColumn = concerns,
): DraftTable {
  return {
    ...head,
    rows: rows.map(({ key, label }) => ({ key, label })),
    columns: [column],
    totalColumn: null,
    grid: {
      interior: rows.map((r) => [r.tally]),
      rowTotals: null,
      columnTotals: total ? [total] : null,
      grand: null,
    },
    percentColumn: null,
  };
}

const emptyTally = (): Tally => ({ count: 0, keySum: 0 });

function byType(t: Tallies, typeLabels: Readonly<Record<string, string>>): DraftTable {
  const ids = new Set([...Object.keys(typeLabels), ...t.types.keys()]);
  const rows = [...ids]
    .map((id) => ({
      key: id,
      label: Object.hasOwn(typeLabels, id) ? typeLabels[id]! : id,
      tallies: t.types.get(id) ?? { urgent: emptyTally(), normal: emptyTally(), all: emptyTally() },
    }))
    // By label, never by count: an order by size would rank the withheld figures.
    .sort((a, b) => a.label.localeCompare(b.label, 'en-GB') || a.key.localeCompare(b.key));
  return {
    id: 'by-type',
    title: 'Concerns by type and urgency',
    rowHeading: 'Type of concern',
    chart: 'stacked-column',
    rows: rows.map(({ key, label }) => ({ key, label })),
    columns: [
      { key: 'urgent', label: 'Urgent', unit: 'count' },
      { key: 'normal', label: 'Not urgent', unit: 'count' },
    ],
    totalColumn: { key: 'total', label: 'All', unit: 'count', total: true },
    grid: {
      interior: rows.map((r) => [r.tallies.urgent, r.tallies.normal]),
      rowTotals: rows.map((r) => r.tallies.all),
      columnTotals: [t.urgent, t.normal],
      grand: t.total,
    },
    percentColumn: null,
  };
}

const bandLabels: Record<FirstActionBand, string> = {
  'same-day': 'Same working day',
  one: '1 working day',
  'two-to-five': '2 to 5 working days',
  'six-to-ten': '6 to 10 working days',
  'over-ten': 'More than 10 working days',
  none: 'No action yet',
};

/** The drafts of every table, in the order the report shows them. */
export function draftTables(
  t: Tallies,
  months: readonly string[],
  typeLabels: Readonly<Record<string, string>>,
): DraftTable[] {
  // The external referrals, then any other action the extract counts, when one is in the period.
  const referralTypes = actionTypes.filter(
    (a) => externalActions.includes(a) || t.referrals[a].count > 0,
  );
  const clocks = oneWay(
    { id: 'clocks', title: 'Statutory clocks', rowHeading: 'Clock', chart: 'bar' },
    [
      { key: 'met', label: 'Met', tally: t.clocks.met },
      { key: 'not-met', label: 'Not met', tally: t.clocks.notMet },
    ],
    t.clocks.all,
  );
  clocks.percentColumn = { key: 'percent', label: 'Percentage', unit: 'percent' };
  return [
    oneWay(
      { id: 'by-month', title: 'Concerns by month', rowHeading: 'Month', chart: 'column' },
      months.map((m) => ({ key: m, label: monthLabel(m), tally: t.months.get(m)! })),
      t.total,
    ),
    byType(t, typeLabels),
    oneWay(
      { id: 'pathways', title: 'Pathways', rowHeading: 'Pathway', chart: 'bar' },
      [...pathways, NOT_TRIAGED as typeof NOT_TRIAGED].map((p) => ({
        key: p,
        label: pathwayLabels[p],
        tally: t.pathways[p],
      })),
      t.total,
    ),
    oneWay(
      { id: 'outcomes', title: 'Outcomes of closed concerns', rowHeading: 'Outcome', chart: 'bar' },
      outcomes.map((o) => ({ key: o, label: outcomeLabels[o], tally: t.outcomes[o] })),
      t.closed,
    ),
    oneWay(
      { id: 'referrals', title: 'Referrals made', rowHeading: 'Referral', chart: 'bar' },
      referralTypes.map((r) => ({ key: r, label: referralLabels[r], tally: t.referrals[r] })),
      // A concern may have several referrals: no total.
      null,
      { key: 'concerns', label: 'Concerns referred', unit: 'count' },
    ),
    oneWay(
      {
        id: 'first-action',
        title: 'Time to first action',
        rowHeading: 'Working days to first action',
        chart: 'column',
      },
      firstActionBands.map((b) => ({ key: b, label: bandLabels[b], tally: t.firstAction[b] })),
      t.total,
    ),
    clocks,
    oneWay(
      { id: 'reporters', title: 'Who raised the concerns', rowHeading: 'Raised by', chart: 'bar' },
      reporterGroups.map((g) => ({ key: g, label: reporterLabels[g], tally: t.reporters[g] })),
      t.total,
    ),
  ];
}

/** A share of a total, from published figures only: withheld if either is withheld. */
export function percentCell(part: Cell, whole: Cell): Cell {
  if (part.kind === 'suppressed') return part;
  if (whole.kind === 'suppressed') return whole;
  // Perturbation can put a part above its total; a share never goes past 100%.
  return { kind: 'percent', value: Math.min(100, Math.round((100 * part.value) / whole.value)) };
}

/** The StatTable of a draft, its summary still to write, with each tally published by `cell`. */
export function assemble(
  draft: DraftTable,
  cell: (tally: Tally) => Cell,
): Omit<StatTable, 'summary'> {
  const { grid } = draft;
  const totals = grid.columnTotals
    ? [...grid.columnTotals.map(cell), ...(grid.grand ? [cell(grid.grand)] : [])]
    : null;
  const whole = totals?.[0];
  // No percentages of nothing: with a total of zero the column is left out.
  const percent = draft.percentColumn && whole && !(whole.kind === 'count' && whole.value === 0);
  const rows: TableRow[] = draft.rows.map((row, i) => {
    const cells = grid.interior[i]!.map(cell);
    if (grid.rowTotals) cells.push(cell(grid.rowTotals[i]!));
    if (percent) cells.push(percentCell(cells[0]!, whole));
    return { ...row, cells };
  });
  if (percent && totals) totals.push(percentCell(whole, whole));
  return {
    id: draft.id,
    title: draft.title,
    rowHeading: draft.rowHeading,
    columns: [
      ...draft.columns,
      ...(draft.totalColumn ? [draft.totalColumn] : []),
      ...(percent && draft.percentColumn ? [draft.percentColumn] : []),
    ],
    rows,
    totals,
    chart: draft.chart,
  };
}
