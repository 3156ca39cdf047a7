/**
 * Each table's text summary, for screen readers and the PDF. Written from the StatTable alone —
 * its published cells — so a summary can never carry a withheld figure: it cannot see one. Where
 * figures are withheld a "largest" is "the largest shown", since a withheld figure may be larger.
 */
import type { Cell, StatTable, TableRow } from './model';
import { figure, inSentence, listOf } from './words';

const shown = (cell: Cell | undefined): number | null =>
  cell?.kind === 'count' ? cell.value : null;

const withheld = (cell: Cell | undefined): boolean => cell?.kind === 'suppressed';

interface Largest {
  value: number;
  labels: string[];
  /** Some figure in the column is withheld, so it may be larger. */
  partial: boolean;
}

/** The largest shown figure other than zero in a column, and every row that has it. */
function largest(rows: readonly TableRow[], column: number): Largest | null {
  const values = rows.map((r) => shown(r.cells[column]) ?? 0);
  const value = Math.max(0, ...values);
  if (value === 0) return null;
  return {
    value,
    labels: rows.filter((_, i) => values[i] === value).map((r) => r.label),
    partial: rows.some((r) => withheld(r.cells[column])),
  };
}

/**
 * The largest figure in a sentence: `say(n, what)` when every figure is shown ("Most concerns
 * (23) were about x."), "Of the <things> shown, the largest is …" when some are withheld.
 */
function mostOf(
  top: Largest | null,
  things: string,
  say: (n: string, what: string, many: boolean) => string,
): string {
  if (!top) return '';
  const what = listOf(top.labels.map(inSentence));
  const n = figure(top.value);
  if (top.partial) return `Of the ${things} shown, the largest figure is ${n}, for ${what}.`;
  const many = top.labels.length > 1;
  return say(many ? `${n} each` : n, what, many);
}

function rowOf(table: StatTable, key: string): TableRow | undefined {
  return table.rows.find((r) => r.key === key);
}

function anyWithheld(table: StatTable): boolean {
  return table.rows.some((r) => r.cells.some(withheld)) || (table.totals ?? []).some(withheld);
}

function byMonth(table: StatTable): string[] {
  const total = table.totals?.[0];
  const top = largest(table.rows, 0);
  const sentences = [
    shown(total) === null
      ? 'The total for the period is withheld.'
      : `${figure(shown(total)!)} concerns were received in the period.`,
  ];
  if (top) {
    const months = listOf(top.labels);
    sentences.push(
      top.partial
        ? `Of the months shown, the highest figure is ${figure(top.value)}, in ${months}.`
        : `The highest monthly figure was ${figure(top.value)}, in ${months}.`,
    );
  }
  return sentences;
}

function byType(table: StatTable): string[] {
  const all = table.columns.findIndex((c) => c.total);
  const urgent = shown(table.totals?.[0]);
  return [
    mostOf(
      largest(table.rows, all),
      'types',
      (n, what) => `Most concerns (${n}) were about ${what}.`,
    ),
    urgent === null
      ? ''
      : urgent === 0
        ? 'None was marked urgent by the person reporting it.'
        : `${figure(urgent)} were marked urgent by the person reporting them.`,
  ];
}

function pathways(table: StatTable): string[] {
  const triaged = table.rows.filter((r) => r.key !== 'not-yet-triaged');
  const waiting = shown(rowOf(table, 'not-yet-triaged')?.cells[0]);
  return [
    mostOf(
      largest(triaged, 0),
      'pathways',
      (n, what, many) =>
        `The ${many ? 'pathways' : 'pathway'} followed most often ${many ? 'were' : 'was'} ${what} (${n}).`,
    ),
    waiting ? `${figure(waiting)} are not yet triaged.` : '',
  ];
}

function outcomes(table: StatTable): string[] {
  const closed = shown(table.totals?.[0]);
  return [
    closed === null
      ? ''
      : closed === 0
        ? 'None of the concerns received in the period is closed yet.'
        : `${figure(closed)} of the concerns received in the period are closed.`,
    mostOf(
      largest(table.rows, 0),
      'outcomes',
      (n, what, many) =>
        `The most common ${many ? 'outcomes were' : 'outcome was'} ${what} (${n}).`,
    ),
  ];
}

function referrals(table: StatTable): string[] {
  const top = largest(table.rows, 0);
  return [
    'A concern can lead to more than one referral, so these figures have no total.',
    !top && !anyWithheld(table)
      ? 'No referrals were made for the concerns received in the period.'
      : '',
    mostOf(
      top,
      'referrals',
      (n, what, many) =>
        `The ${many ? 'referrals' : 'referral'} made most often ${many ? 'were' : 'was'} ${what} (${n}).`,
    ),
  ];
}

function firstAction(table: StatTable): string[] {
  const sameDay = shown(rowOf(table, 'same-day')?.cells[0]);
  const none = shown(rowOf(table, 'none')?.cells[0]);
  return [
    sameDay === null
      ? ''
      : sameDay === 0
        ? 'None had a first action on the working day it was received.'
        : `${figure(sameDay)} had a first action on the working day they were received.`,
    none ? `${figure(none)} have no action recorded yet.` : '',
  ];
}

function clocks(table: StatTable): string[] {
  const total = shown(table.totals?.[0]);
  const met = rowOf(table, 'met');
  if (total === 0) {
    return ['No statutory clock (such as the LADO’s one working day) applied in the period.'];
  }
  if (total === null) return ['The figures for statutory clocks are withheld.'];
  const metCount = shown(met?.cells[0]);
  const percent = met?.cells[1];
  if (metCount === null || percent?.kind !== 'percent') {
    return [
      `A statutory clock applied to ${figure(total)} concerns; how many were met is withheld.`,
    ];
  }
  return [
    `Statutory clocks were met for ${figure(metCount)} of the ${figure(total)} concerns where one applied (${percent.value}%).`,
  ];
}

const reporterWords: Record<string, string> = {
  teaching: 'teaching staff',
  support: 'support staff',
  other: 'others',
};

function reporters(table: StatTable): string[] {
  const parts = table.rows.flatMap((r) => {
    const n = shown(r.cells[0]);
    return n === null
      ? []
      : [[reporterWords[r.key] ?? inSentence(r.label), n === 0 ? 'none' : figure(n)]];
  });
  const [first, ...rest] = parts;
  if (!first) return ['The figures for who raised the concerns are withheld.'];
  const lead = `${first[0]!.charAt(0).toUpperCase()}${first[0]!.slice(1)} raised ${first[1]!}`;
  return [`${listOf([lead, ...rest.map(([who, n]) => `${who!} ${n!}`)])}.`];
}

const writers: Record<string, (table: StatTable) => string[]> = {
  'by-month': byMonth,
  'by-type': byType,
  pathways,
  outcomes,
  referrals,
  'first-action': firstAction,
  clocks,
  reporters,
};

/** A sentence or two on what a table's published figures show, beside the report's total. */
export function summarise(table: Omit<StatTable, 'summary'>, total: Cell): string {
  if (shown(total) === 0) return 'No concerns were received in the period.';
  const full = { ...table, summary: '' };
  const sentences = (writers[table.id] ?? (() => []))(full).filter((s) => s !== '');
  if (anyWithheld(full)) sentences.push('Figures marked c are withheld to protect those involved.');
  return sentences.join(' ');
}
