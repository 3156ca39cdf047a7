/**
 * The extract's rows: one per concern in the lead's case store (contact logs are not concerns),
 * coarsened as format.ts describes. Everything comes from one pass over the case_state cache —
 * each case's folded state and figures (casework/figures.ts), kept up to date by every change —
 * never a query per case, so 100,000 concerns take a fraction of a second. Nothing else of a case
 * is read: not the answers, the names, the notes or the reference.
 */
import {
  londonDayNumberOf,
  toEpochMs,
  toIsoDate,
  WorkingDayCounter,
  type DayNumber,
  type SchoolCalendar,
} from '../../casework';
import type { CaseStore, ConcernFigures } from '../../casework/store';
import { termOf } from '../terms';
import type { ExtractRow, ReporterGroup, TermName } from './format';
import { reporterGroupOf } from './reporter-group';

/** What a form id must look like to be published as a concern type; any other is "other". */
const CONCERN_TYPE = /^[a-z0-9][a-z0-9-]{0,63}$/;
/** The format's bound on a count of working days. */
const MAX_WORKING_DAYS = 10_000;

export interface RowOptions {
  /** The school's calendar: its closure days are not working days, its terms name the term. */
  calendar: SchoolCalendar;
  /** The concern's record key (record-key.ts). */
  recordKey: (concernId: string) => number;
  /** A clock not yet due at this time is neither met nor missed. */
  now: Date;
}

/** Every concern in the store as an extract row, in no particular order. */
export function extractRows(store: CaseStore, options: RowOptions): ExtractRow[] {
  const build = rowBuilder(options);
  return store.state.concernFigures().map(build);
}

/** Builds rows, remembering what repeats across concerns: days' terms, roles' groups. */
function rowBuilder(options: RowOptions): (concern: ConcernFigures) => ExtractRow {
  const { calendar, recordKey, now } = options;
  const workingDays = new WorkingDayCounter(calendar);
  const days = new Map<DayNumber, { month: string; academicYear: string; term: TermName }>();
  const groups = new Map<string, ReporterGroup>();
  const nowMs = now.getTime();

  const periodOf = (day: DayNumber) => {
    let period = days.get(day);
    if (period === undefined) {
      const date = toIsoDate(day);
      period = { month: date.slice(0, 7), ...termOf(date, calendar.terms) };
      days.set(day, period);
    }
    return period;
  };
  const groupOf = (role: string) => {
    let group = groups.get(role);
    if (group === undefined) {
      group = reporterGroupOf(role);
      groups.set(role, group);
    }
    return group;
  };
  const daysFrom = (filedDay: DayNumber, at: string | null) =>
    at === null
      ? null
      : Math.min(MAX_WORKING_DAYS, workingDays.between(filedDay, londonDayNumberOf(instantMs(at))));

  return (concern) => {
    const filedDay = londonDayNumberOf(instantMs(concern.filedAt));
    const { month, academicYear, term } = periodOf(filedDay);
    const closed = concern.status === 'closed';
    // Keys in code-point order, values JSON-safe: JSON.stringify writes each row canonically.
    return {
      academicYear,
      clocksMet: ladoClockMet(concern, nowMs),
      concernType: CONCERN_TYPE.test(concern.formId) ? concern.formId : 'other',
      month,
      outcome: closed ? (concern.outcome as ExtractRow['outcome']) : null,
      pathway: concern.pathway as ExtractRow['pathway'],
      recordKey: recordKey(concern.caseId),
      referrals: concern.referrals,
      reporterGroup: groupOf(concern.reporterRole),
      status: concern.status,
      term,
      urgency: concern.urgency,
      workingDaysToClose: closed ? daysFrom(filedDay, concern.closedAt) : null,
      workingDaysToFirstAction: daysFrom(filedDay, concern.firstActionAt),
    };
  };
}

/**
 * An instant's epoch ms. The store's instants all name their offset (checked when the concern or
 * event was taken in), which Date.parse reads exactly and quickly; anything else is left to the
 * calendar's strict parser, which refuses it.
 */
function instantMs(at: string): number {
  const ms = /(Z|[+-]\d{2}:\d{2})$/i.test(at) ? Date.parse(at) : Number.NaN;
  return Number.isNaN(ms) ? toEpochMs(at) : ms;
}

/**
 * The LADO's one working day for an allegation: met when a LADO consultation was done by its due
 * time; missed when done later, or not done and the time has passed; null when no clock applies
 * or it is still running.
 */
function ladoClockMet(concern: ConcernFigures, nowMs: number): boolean | null {
  if (concern.ladoDue === null) return null;
  const due = instantMs(concern.ladoDue);
  if (concern.ladoDoneAt !== null) return instantMs(concern.ladoDoneAt) <= due;
  return nowMs > due ? false : null;
}
