/**
 * One case: its state at a glance and the LADO clock (for an allegation), then the concern as
 * filed, its timeline, its actions, and the forms that add to its record. Opening it is audited by
 * the core; the first opening tells the reporter that a lead has it.
 */
import { useCallback, useEffect, useState } from 'react';
import { FailureNotice } from '../../components/FailureNotice';
import { useHeadingFocus } from '../../components/useHeadingFocus';
import { formatDateTime } from '../../format';
import { load, type Loadable } from '../../loadable';
import type { CaseView, LeadNavigation, Recipient } from '../types';
import { outcomeWord, pathwayWords, priorityWords, statusWords, wordFor } from '../words';
import { ActionList } from './ActionList';
import type { SubmitChange } from './CaseForm';
import { ConcernAsFiled } from './ConcernAsFiled';
import { LadoClock } from './LadoClock';
import { RecordPanel } from './RecordPanel';
import { Timeline, timelineEntries } from './Timeline';

interface CaseScreenProps {
  reference: string;
  recipients: readonly Recipient[];
  me: string | null;
  nav: LeadNavigation;
  back: { label: string; go: () => void } | null;
}

export function CaseScreen({ reference, recipients, me, nav, back }: CaseScreenProps) {
  const heading = useHeadingFocus<HTMLHeadingElement>();
  const [view, setView] = useState<Loadable<CaseView>>({ state: 'loading' });
  const [said, setSaid] = useState('');

  useEffect(() => {
    let current = true;
    void load((api) => api['lead.case']({ reference })).then((result) => {
      if (current) setView(result);
    });
    return () => {
      current = false;
    };
  }, [reference]);

  const change = useCallback<SubmitChange>(async (call, done) => {
    const result = await load(call);
    if (result.state === 'failed') return result.failure;
    setView(result);
    setSaid(
      `${done} ${new Date().toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' })}`,
    );
    return null;
  }, []);

  return (
    <div className="case">
      {back !== null && (
        <button type="button" className="button button--quiet case__back" onClick={back.go}>
          ← {back.label}
        </button>
      )}
      <h1 className="case__title" ref={heading} tabIndex={-1}>
        Case {reference}
      </h1>
      {view.state === 'loading' && (
        <p className="muted" role="status">
          Opening the case&hellip;
        </p>
      )}
      {view.state === 'failed' && <FailureNotice failure={view.failure} />}
      {view.state === 'ready' && (
        <CaseBody view={view.value} recipients={recipients} me={me} nav={nav} change={change} />
      )}
      <p className="visually-hidden" role="status">
        {said}
      </p>
    </div>
  );
}

function CaseBody({
  view,
  recipients,
  me,
  nav,
  change,
}: {
  view: CaseView;
  recipients: readonly Recipient[];
  me: string | null;
  nav: LeadNavigation;
  change: SubmitChange;
}) {
  const { state } = view;
  const assigned = recipients.find((r) => r.id === state.assignedTo)?.name ?? null;
  const closed = state.status === 'closed';
  const entries = [
    {
      key: 'filed',
      at: view.filedAt,
      who: view.reporterName,
      words: { what: 'filed the concern', details: [] },
    },
    ...timelineEntries(view.timeline),
  ];

  return (
    <>
      <p className="case__type">{view.formTitle}</p>
      <dl className="case__facts">
        <div>
          <dt>Urgency</dt>
          <dd>
            {view.urgency === 'urgent' ? (
              <span className="badge badge--danger">Urgent</span>
            ) : (
              'Normal'
            )}
          </dd>
        </div>
        <div>
          <dt>Status</dt>
          <dd>
            <span className={`badge badge--status-${state.status}`}>
              {statusWords[state.status]}
            </span>
            {closed && state.outcome !== null && ` ${outcomeWord(state.outcome)}`}
          </dd>
        </div>
        <div>
          <dt>Pathway</dt>
          <dd>
            {state.pathway === null ? 'Not triaged' : wordFor(pathwayWords, state.pathway)}
            {state.triageChanged !== null && (
              <span className="case__changed">
                Changed by {state.triageChanged.byName}, {formatDateTime(state.triageChanged.at)},
                after {state.triageChanged.previousByName}&apos;s triage
              </span>
            )}
          </dd>
        </div>
        <div>
          <dt>Priority</dt>
          <dd>{wordFor(priorityWords, state.priority)}</dd>
        </div>
        <div>
          <dt>Assigned lead</dt>
          <dd>{assigned ?? (state.assignedTo === null ? 'Not assigned' : 'A former lead')}</dd>
        </div>
        <div>
          <dt>Filed</dt>
          <dd>{formatDateTime(view.filedAt)}</dd>
        </div>
      </dl>
      {state.overdue && !closed && (
        <p className="notice notice--error case__overdue">
          <strong>Overdue:</strong> something on this case is past its due time.
        </p>
      )}
      {state.flaggedForRemoval && (
        <p className="notice notice--warn">
          <strong>Flagged for removal:</strong> this allegation was found malicious, so its record
          is to be removed from the member of staff&apos;s file.
        </p>
      )}
      {state.lado !== null && <LadoClock lado={state.lado} closed={closed} />}
      <div className="case__columns">
        <div className="case__record">
          <ConcernAsFiled view={view} nav={nav} />
          <section className="case-panel" aria-labelledby="timeline-title">
            <h2 id="timeline-title">Timeline</h2>
            <Timeline entries={entries} />
          </section>
        </div>
        <div className="case__work">
          <ActionList view={view} change={change} />
          <RecordPanel view={view} recipients={recipients} me={me} change={change} />
        </div>
      </div>
    </>
  );
}
