/**
 * "Record": one form at a time, chosen with a row of toggle buttons — triage, action, note,
 * decision, close (or reopen, once closed). Choosing one moves focus to its heading.
 */
import { useState } from 'react';
import type { CaseView, Recipient } from '../types';
import { ActionForm } from './ActionForm';
import type { SubmitChange } from './CaseForm';
import { CloseForm, ReopenForm } from './CloseForms';
import { DecisionForm, NoteForm } from './NoteAndDecisionForms';
import { TriageForm } from './TriageForm';

type Kind = 'triage' | 'action' | 'note' | 'decision' | 'close';

const choices: Array<{ kind: Kind; label: string }> = [
  { kind: 'triage', label: 'Triage' },
  { kind: 'action', label: 'Action' },
  { kind: 'note', label: 'Note' },
  { kind: 'decision', label: 'Decision' },
  { kind: 'close', label: 'Outcome and close' },
];

interface RecordPanelProps {
  view: CaseView;
  recipients: readonly Recipient[];
  me: string | null;
  change: SubmitChange;
}

export function RecordPanel({ view, recipients, me, change }: RecordPanelProps) {
  const [kind, setKind] = useState<Kind>(view.state.triage === null ? 'triage' : 'action');
  const [chosen, setChosen] = useState(false);
  const closed = view.state.status === 'closed';
  // Closing shows the reopen form; reopening brings back the action form, focused.
  const [wasClosed, setWasClosed] = useState(closed);
  if (wasClosed !== closed) {
    setWasClosed(closed);
    setChosen(true);
    if (!closed) setKind('action');
  }
  const common = { view, change, focusOnShow: chosen };

  return (
    <section className="case-panel record" aria-labelledby="record-title">
      <h2 id="record-title">Record</h2>
      {closed ? (
        <>
          <p>
            The case is closed. Reopen it to add to its record; everything recorded stays as it is.
          </p>
          <ReopenForm {...common} />
        </>
      ) : (
        <>
          <div className="record__choices" role="group" aria-label="What to record">
            {choices.map((choice) => (
              <button
                key={choice.kind}
                type="button"
                className="record__choice"
                aria-pressed={kind === choice.kind}
                onClick={() => {
                  setKind(choice.kind);
                  setChosen(true);
                }}
              >
                {choice.label}
              </button>
            ))}
          </div>
          {kind === 'triage' && (
            <TriageForm
              {...common}
              recipients={recipients}
              me={me}
              key={`t-${view.state.status}`}
            />
          )}
          {kind === 'action' && <ActionForm {...common} />}
          {kind === 'note' && <NoteForm {...common} />}
          {kind === 'decision' && <DecisionForm {...common} />}
          {kind === 'close' && <CloseForm {...common} />}
        </>
      )}
    </section>
  );
}
