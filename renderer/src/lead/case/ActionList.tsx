/** The case's actions: what is still to do first (overdue ones flagged), then what is done. */
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { formatDateTime } from '../../format';
import { FormTextArea } from '../form-fields';
import { dueWords } from '../timeline-words';
import type { CaseView } from '../types';
import { actionWords, externalActionTypes } from '../words';
import { CaseForm, type SubmitChange } from './CaseForm';
import { optionalWords } from './checks';

interface Action {
  actionId: string;
  type: string;
  due: string | null;
  doneAt: string | null;
  result: string | null;
  overdue: boolean;
  hasShare: boolean;
  recordedByName: string;
}

/** The actions as the case view sends them (records), read defensively. */
function readActions(view: CaseView): Action[] {
  return view.state.actions.map((a) => ({
    actionId: String(a.actionId),
    type: String(a.type),
    due: typeof a.due === 'string' ? a.due : null,
    doneAt: typeof a.doneAt === 'string' ? a.doneAt : null,
    result: typeof a.result === 'string' ? a.result : null,
    overdue: a.overdue === true,
    hasShare: typeof a.share === 'object' && a.share !== null,
    recordedByName: typeof a.recordedByName === 'string' ? a.recordedByName : 'a lead',
  }));
}

const label = (type: string) =>
  type in actionWords ? actionWords[type as keyof typeof actionWords].label : type;

export function ActionList({ view, change }: { view: CaseView; change: SubmitChange }) {
  const actions = readActions(view);
  const toDo = actions.filter((a) => a.doneAt === null);
  const done = actions.filter((a) => a.doneAt !== null);
  const [completing, setCompleting] = useState<string | null>(null);
  const closed = view.state.status === 'closed';

  return (
    <section className="case-panel" aria-labelledby="actions-title">
      <h2 id="actions-title">Actions</h2>
      {actions.length === 0 && <p className="muted">No actions recorded yet.</p>}
      {toDo.length > 0 && (
        <ul className="actions">
          {toDo.map((action) => (
            <li
              key={action.actionId}
              className={action.overdue ? 'actions__item actions__item--overdue' : 'actions__item'}
            >
              <p className="actions__title">
                {label(action.type)}
                {action.overdue && <span className="badge badge--danger">Overdue</span>}
              </p>
              <p className="actions__meta">
                {action.due === null ? 'No due date' : `Due by ${dueWords(action.due)}`} · recorded
                by {action.recordedByName}
              </p>
              {!closed && completing !== action.actionId && (
                <button
                  type="button"
                  className="button button--quiet"
                  onClick={() => setCompleting(action.actionId)}
                >
                  Mark {label(action.type)} as done
                </button>
              )}
              {completing === action.actionId && (
                <CompleteForm
                  view={view}
                  action={action}
                  change={change}
                  onFinished={() => setCompleting(null)}
                />
              )}
            </li>
          ))}
        </ul>
      )}
      {done.length > 0 && (
        <ul className="actions actions--done">
          {done.map((action) => (
            <li key={action.actionId} className="actions__item">
              <p className="actions__title">
                {label(action.type)} <span className="badge badge--done">Done</span>
              </p>
              <p className="actions__meta">
                Done {formatDateTime(action.doneAt ?? '')} · recorded by {action.recordedByName}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

const completeSchema = z.object({ result: optionalWords(8_000) });

function CompleteForm({
  view,
  action,
  change,
  onFinished,
}: {
  view: CaseView;
  action: Action;
  change: SubmitChange;
  onFinished: () => void;
}) {
  const form = useForm<z.input<typeof completeSchema>, unknown, z.output<typeof completeSchema>>({
    resolver: zodResolver(completeSchema),
    defaultValues: { result: '' },
    shouldFocusError: false,
  });
  const needsShare = externalActionTypes.some((t) => t === action.type) && !action.hasShare;
  return (
    <CaseForm
      id={`complete-${action.actionId}`}
      title={`Mark ${label(action.type)} as done`}
      submitLabel="Mark as done"
      form={form}
      focusOnShow
      submit={({ result }) =>
        change(
          (api) =>
            api['lead.completeAction']({
              reference: view.reference,
              actionId: action.actionId,
              result,
            }),
          `${label(action.type)} marked as done.`,
        )
      }
      onSaved={onFinished}
    >
      {needsShare && (
        <p className="notice notice--warn">
          This action shares information outside the school, and what was shared, why and the
          consent position were not recorded with it. Record it again as a done action with those
          details instead.
        </p>
      )}
      <FormTextArea
        control={form.control}
        name="result"
        id={`complete-${action.actionId}-result`}
        label="Result"
      />
    </CaseForm>
  );
}
