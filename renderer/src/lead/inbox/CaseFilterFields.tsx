/**
 * The filters the inbox and search share: status, pathway, priority, whose cases (mine, other
 * leads', nobody's), received from/to, overdue.
 */
import { z } from 'zod';
import { CheckboxField, SelectField, TextInputField } from '../fields';
import type { CaseFilters, CaseStatus, Pathway, Priority } from '../types';

type Assigned = NonNullable<CaseFilters['assigned']>;
const assignedList: readonly Assigned[] = ['me', 'others', 'unassigned'];
const assignedWords: Record<Assigned, string> = {
  me: 'To me',
  others: 'To another lead',
  unassigned: 'To nobody yet',
};
import {
  pathwayList,
  pathwayWords,
  priorityList,
  priorityWords,
  statusList,
  statusWords,
} from '../words';

export interface FilterDraft {
  status: CaseStatus | '';
  pathway: Pathway | '';
  priority: Priority | '';
  assigned: Assigned | '';
  from: string;
  to: string;
  overdue: boolean;
}

export const noFilters: FilterDraft = {
  status: '',
  pathway: '',
  priority: '',
  assigned: '',
  from: '',
  to: '',
  overdue: false,
};

/** The filters as the contract takes them: only what is set. */
export function toCaseFilters(draft: FilterDraft): CaseFilters {
  const filters: CaseFilters = {};
  if (draft.status !== '') filters.status = draft.status;
  if (draft.pathway !== '') filters.pathway = draft.pathway;
  if (draft.priority !== '') filters.priority = draft.priority;
  if (draft.assigned !== '') filters.assigned = draft.assigned;
  if (draft.from !== '') filters.from = draft.from;
  if (draft.to !== '') filters.to = draft.to;
  if (draft.overdue) filters.overdue = true;
  return filters;
}

/** A problem with the dates, in words, or null. */
export function filterProblem(draft: FilterDraft): string | null {
  if (draft.from !== '' && draft.to !== '' && draft.from > draft.to) {
    return 'The "Received from" date must be on or before the "Received to" date.';
  }
  return null;
}

/**
 * The filters as a form checks them: they are the inputs' own values (nothing to convert); only
 * the dates are checked against each other.
 */
export const filterDraftSchema = z.custom<FilterDraft>().superRefine((draft, ctx) => {
  const problem = filterProblem(draft);
  if (problem !== null) ctx.addIssue({ code: 'custom', path: ['from'], message: problem });
});

/** True when any filter is set. */
export function filtering(draft: FilterDraft): boolean {
  return Object.keys(toCaseFilters(draft)).length > 0;
}

interface CaseFilterFieldsProps {
  /** Prefix of the inputs' ids (the inbox and search may both be in the page's history). */
  idPrefix: string;
  value: FilterDraft;
  onChange: (value: FilterDraft) => void;
  dateError?: string | undefined;
}

export function CaseFilterFields({ idPrefix, value, onChange, dateError }: CaseFilterFieldsProps) {
  const set =
    <K extends keyof FilterDraft>(key: K) =>
    (next: FilterDraft[K]) =>
      onChange({ ...value, [key]: next });
  return (
    <div className="filters__fields">
      <SelectField
        id={`${idPrefix}-status`}
        label="Status"
        value={value.status}
        onChange={set('status')}
        placeholder="Any status"
        options={statusList.map((v) => ({ value: v, label: statusWords[v] }))}
      />
      <SelectField
        id={`${idPrefix}-pathway`}
        label="Pathway"
        value={value.pathway}
        onChange={set('pathway')}
        placeholder="Any pathway"
        options={pathwayList.map((v) => ({ value: v, label: pathwayWords[v] }))}
      />
      <SelectField
        id={`${idPrefix}-priority`}
        label="Priority"
        value={value.priority}
        onChange={set('priority')}
        placeholder="Any priority"
        options={priorityList.map((v) => ({ value: v, label: priorityWords[v] }))}
      />
      <SelectField
        id={`${idPrefix}-assigned`}
        label="Assigned"
        value={value.assigned}
        onChange={set('assigned')}
        placeholder="Anyone or nobody"
        options={assignedList.map((v) => ({ value: v, label: assignedWords[v] }))}
      />
      <TextInputField
        id={`${idPrefix}-from`}
        label="Received from"
        type="date"
        value={value.from}
        onChange={set('from')}
        error={dateError}
      />
      <TextInputField
        id={`${idPrefix}-to`}
        label="Received to"
        type="date"
        value={value.to}
        onChange={set('to')}
      />
      <CheckboxField
        id={`${idPrefix}-overdue`}
        label="Overdue only"
        checked={value.overdue}
        onChange={set('overdue')}
      />
    </div>
  );
}
