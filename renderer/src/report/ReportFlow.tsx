/** Opens a form (new, or from a draft) and hands it to the session once it is loaded. */
import { useEffect, useState } from 'react';
import { FailureNotice } from '../components/FailureNotice';
import type { FlushDraft } from '../drafts/useDraftAutosave';
import { load, type Loadable } from '../loadable';
import { loadReport, type ReportData } from './loadReport';
import { ReportSession, type ReporterMemory } from './ReportSession';

interface ReportFlowProps {
  formId: string;
  draftId?: string | undefined;
  reporter: ReporterMemory;
  registerFlush: (flush: FlushDraft | null) => void;
  onDone: () => void;
}

export function ReportFlow({ formId, draftId, reporter, registerFlush, onDone }: ReportFlowProps) {
  const [data, setData] = useState<Loadable<ReportData>>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let current = true;
    setData({ state: 'loading' });
    void load((api) => loadReport(api, formId, draftId)).then((result) => {
      if (current) setData(result);
    });
    return () => {
      current = false;
    };
  }, [formId, draftId, attempt]);

  if (data.state === 'ready') {
    return (
      <ReportSession
        data={data.value}
        reporter={reporter}
        registerFlush={registerFlush}
        onDone={onDone}
      />
    );
  }
  return (
    <div className="narrow">
      {data.state === 'loading' ? (
        <p className="muted" role="status">
          Opening the form&hellip;
        </p>
      ) : (
        <>
          <h1 className="step-title">The form could not be opened</h1>
          <FailureNotice failure={data.failure} />
          <p>If you are worried about a child now, tell the DSL in person.</p>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => setAttempt((n) => n + 1)}
          >
            Try again
          </button>
        </>
      )}
    </div>
  );
}
