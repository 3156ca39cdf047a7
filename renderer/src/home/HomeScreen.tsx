/** Home: "Report a concern" first, the concern types, drafts, contact log, and this computer. */
import { useEffect, useRef, useState } from 'react';
import type { OperationOutput } from '../../../src/api/contract';
import { FailureNotice } from '../components/FailureNotice';
import { useHeadingFocus } from '../components/useHeadingFocus';
import { DraftList, type DraftSummary } from '../drafts/DraftList';
import { load, type Loadable } from '../loadable';
import { ConcernTypes, type FormSummary } from './ConcernTypes';
import { DeliveryNotice } from './DeliveryNotice';
import { NotEnrolled, SchoolStatus, type AppStatus } from './SchoolStatus';

interface HomeScreenProps {
  status: Loadable<AppStatus>;
  onStart: (formId: string, draftId?: string) => void;
}

type Drafts = OperationOutput<'drafts.list'>;

export function HomeScreen({ status, onStart }: HomeScreenProps) {
  // Also on the app's first screen: a screen reader starts at what the screen is for.
  const heading = useHeadingFocus<HTMLHeadingElement>();
  const listRef = useRef<HTMLUListElement>(null);
  const [forms, setForms] = useState<Loadable<FormSummary[]>>({ state: 'loading' });
  const [drafts, setDrafts] = useState<Drafts>([]);
  const [draftsVersion, setDraftsVersion] = useState(0);
  const notEnrolled = status.state === 'ready' && !status.value.enrolled;

  useEffect(() => {
    let current = true;
    void load((api) => api['forms.list']()).then((result) => {
      if (current) setForms(result);
    });
    return () => {
      current = false;
    };
  }, []);

  useEffect(() => {
    let current = true;
    void load((api) => api['drafts.list']()).then((result) => {
      if (current) setDrafts(result.state === 'ready' ? result.value : []);
    });
    return () => {
      current = false;
    };
  }, [draftsVersion]);

  const all = forms.state === 'ready' ? forms.value : [];
  const concernForms = all.filter((form) => form.kind === 'concern');
  const contactLog = all.find((form) => form.kind === 'contact-log');

  const showTypes = () => {
    const target = notEnrolled ? document.getElementById('not-enrolled') : listRef.current;
    target?.focus();
    target?.scrollIntoView({ block: 'start', behavior: 'smooth' });
  };

  return (
    <div className="home">
      <section className="panel panel--report" aria-labelledby="home-title">
        <h1 id="home-title" className="home__title" ref={heading} tabIndex={-1}>
          Worried about something online?
        </h1>
        <p className="lead">
          Report it here. It takes about two minutes, and only the people your school has chosen to
          receive concerns can read it.
        </p>
        <DeliveryNotice />
        <button type="button" className="button button--primary" onClick={showTypes}>
          Report a concern
        </button>
        {notEnrolled && <NotEnrolled />}
        {!notEnrolled && forms.state === 'loading' && (
          <p className="muted" role="status">
            Loading the concern types&hellip;
          </p>
        )}
        {forms.state === 'failed' && <FailureNotice failure={forms.failure} />}
        {!notEnrolled && forms.state === 'ready' && (
          <ConcernTypes forms={concernForms} onChoose={(id) => onStart(id)} listRef={listRef} />
        )}
        <p className="urgent">
          If a child is in immediate danger, call <strong>999</strong> now, then tell the DSL in
          person.
        </p>
      </section>
      <div className="home__side">
        {drafts.length > 0 && (
          <DraftList
            drafts={drafts}
            onContinue={(draft: DraftSummary) => onStart(draft.formId, draft.draftId)}
            onDeleted={() => setDraftsVersion((n) => n + 1)}
          />
        )}
        {contactLog !== undefined && !notEnrolled && (
          <section className="panel" aria-labelledby="contact-log-title">
            <h2 id="contact-log-title">Online contact as part of your job</h2>
            <p>{contactLog.summary}</p>
            <button
              type="button"
              className="button button--secondary"
              onClick={() => onStart(contactLog.id)}
            >
              Log professional contact
            </button>
          </section>
        )}
        <SchoolStatus status={status} />
      </div>
    </div>
  );
}
