/**
 * Counting the rows of a period, in one pass: every figure a report can show is a Tally, the
 * number of concerns in it and the sum of their record keys (for its cell key, perturbation.ts).
 * A figure that appears in several tables (the period's total) is one Tally object, so it is
 * suppressed and perturbed once and shows the same everywhere.
 */
import {
  actionTypes,
  outcomes,
  pathways,
  type ActionType,
  type Outcome,
  type Pathway,
} from '../../casework/events/types';
import { reporterGroups, type ExtractRow, type ReporterGroup } from '../extract/format';
import { NOT_TRIAGED } from './words';

/** The concerns behind one figure: how many, and the sum of their record keys. */
export interface Tally {
  count: number;
  keySum: number;
}

export const firstActionBands = [
  'same-day',
  'one',
  'two-to-five',
  'six-to-ten',
  'over-ten',
  'none',
] as const;
export type FirstActionBand = (typeof firstActionBands)[number];

export interface Tallies {
  total: Tally;
  /** By month, in the period's months (a row outside them is not in the period). */
  months: Map<string, Tally>;
  /** By concern type: urgent, normal, and the type's total. */
  types: Map<string, { urgent: Tally; normal: Tally; all: Tally }>;
  urgent: Tally;
  normal: Tally;
  pathways: Record<Pathway | typeof NOT_TRIAGED, Tally>;
  closed: Tally;
  outcomes: Record<Outcome, Tally>;
  referrals: Record<ActionType, Tally>;
  firstAction: Record<FirstActionBand, Tally>;
  clocks: { met: Tally; notMet: Tally; all: Tally };
  reporters: Record<ReporterGroup, Tally>;
}

const empty = (): Tally => ({ count: 0, keySum: 0 });

function add(tally: Tally, key: number): void {
  tally.count += 1;
  tally.keySum += key;
}

function record<K extends string>(keys: readonly K[]): Record<K, Tally> {
  return Object.fromEntries(keys.map((k) => [k, empty()])) as Record<K, Tally>;
}

function bandOf(days: number | null): FirstActionBand {
  if (days === null) return 'none';
  if (days === 0) return 'same-day';
  if (days === 1) return 'one';
  if (days <= 5) return 'two-to-five';
  if (days <= 10) return 'six-to-ten';
  return 'over-ten';
}

/** Tallies of the given rows (already those of the period), by every table's categories. */
export function tallyRows(rows: Iterable<ExtractRow>, months: readonly string[]): Tallies {
  const t: Tallies = {
    total: empty(),
    months: new Map(months.map((m) => [m, empty()])),
    types: new Map(),
    urgent: empty(),
    normal: empty(),
    pathways: record([...pathways, NOT_TRIAGED]),
    closed: empty(),
    outcomes: record(outcomes),
    referrals: record(actionTypes),
    firstAction: record(firstActionBands),
    clocks: { met: empty(), notMet: empty(), all: empty() },
    reporters: record(reporterGroups),
  };
  for (const row of rows) {
    const month = t.months.get(row.month);
    if (!month) continue;
    const key = row.recordKey;
    add(t.total, key);
    add(month, key);
    let type = t.types.get(row.concernType);
    if (!type) {
      type = { urgent: empty(), normal: empty(), all: empty() };
      t.types.set(row.concernType, type);
    }
    add(type[row.urgency], key);
    add(type.all, key);
    add(t[row.urgency], key);
    add(t.pathways[row.pathway ?? NOT_TRIAGED], key);
    if (row.status === 'closed' && row.outcome !== null) {
      add(t.closed, key);
      add(t.outcomes[row.outcome], key);
    }
    // A concern counts once per referral type, even if a row named a type twice.
    for (const referral of new Set(row.referrals)) add(t.referrals[referral], key);
    add(t.firstAction[bandOf(row.workingDaysToFirstAction)], key);
    if (row.clocksMet !== null) {
      add(row.clocksMet ? t.clocks.met : t.clocks.notMet, key);
      add(t.clocks.all, key);
    }
    add(t.reporters[row.reporterGroup], key);
  }
  return t;
}
