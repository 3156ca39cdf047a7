import { useState } from 'react';
import type { OperationOutput } from '../../../src/api/contract';
import { load, type Loadable } from '../loadable';
import { FailureNotice } from './FailureNotice';

type FormSummary = OperationOutput<'forms.list'>[number];

function FormList({ forms }: { forms: readonly FormSummary[] }) {
  if (forms.length === 0) {
    return <p className="muted">No forms are available yet. Tell your safeguarding lead.</p>;
  }
  return (
    <ul className="form-list">
      {forms.map((form) => (
        <li key={`${form.id}@${form.version}`} className="form-list__item">
          <span className="form-list__title">{form.title}</span>
          {form.summary !== undefined && <span className="muted">{form.summary}</span>}
        </li>
      ))}
    </ul>
  );
}

/** The main action. For now it lists the forms; filing one comes with the reporting screens. */
export function ReportPanel() {
  const [forms, setForms] = useState<Loadable<FormSummary[]> | null>(null);

  const showForms = async () => {
    setForms({ state: 'loading' });
    setForms(await load((api) => api['forms.list']()));
  };

  return (
    <section className="panel panel--report" aria-labelledby="report-heading">
      <h2 id="report-heading">Worried about something online?</h2>
      <p className="lead">
        Report it here. It takes about two minutes, and only the people your school has chosen to
        receive concerns can read it.
      </p>
      <button
        type="button"
        className="button button--primary"
        aria-expanded={forms !== null}
        aria-controls="form-choice"
        onClick={() => void showForms()}
      >
        Report a concern
      </button>
      <div id="form-choice" className="form-choice" aria-live="polite">
        {forms?.state === 'loading' && <p className="muted">Loading the forms&hellip;</p>}
        {forms?.state === 'failed' && <FailureNotice failure={forms.failure} />}
        {forms?.state === 'ready' && (
          <>
            <h3>Choose the form that fits</h3>
            <FormList forms={forms.value} />
          </>
        )}
      </div>
      <p className="urgent">
        If someone is in immediate danger, call <strong>999</strong> now, then tell your
        safeguarding lead in person.
      </p>
    </section>
  );
}
