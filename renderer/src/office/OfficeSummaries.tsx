/**
 * The unlocked office area: where the figures come from, choosing a period, and the figures. What
 * stops them (the DSL has not added this office user, no extract published yet, none that could
 * be verified) is said in words, with what to do.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { FailureNotice } from '../components/FailureNotice';
import { load, type Loadable } from '../loadable';
import { PeriodForm } from './PeriodForm';
import { ReportView } from './ReportView';
import type { OfficePeriods, OfficeReportAnswer, OfficeStatus, ReportRequest } from './types';
import { sourceLine } from './words';

interface OfficeSummariesProps {
  status: OfficeStatus;
  onLock: () => void;
}

export function OfficeSummaries({ status, onLock }: OfficeSummariesProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  const [periods, setPeriods] = useState<Loadable<OfficePeriods>>({ state: 'loading' });
  const [shown, setShown] = useState<{ request: ReportRequest; answer: OfficeReportAnswer } | null>(
    null,
  );
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Loadable<never> | null>(null);

  const readPeriods = useCallback(async () => {
    setPeriods({ state: 'loading' });
    setPeriods(await load((api) => api['office.periods']()));
  }, []);

  useEffect(() => {
    heading.current?.focus();
    void readPeriods();
  }, [readPeriods]);

  const choose = async (request: ReportRequest) => {
    setBusy(true);
    setFailure(null);
    const result = await load((api) => api['office.report'](request));
    setBusy(false);
    if (result.state === 'ready') setShown({ request, answer: result.value });
    else setFailure(result.state === 'failed' ? result : null);
  };

  return (
    <div className="office-area">
      <div className="office-bar">
        <p className="office-bar__area">Office summaries</p>
        <button type="button" className="button button--quiet office-bar__lock" onClick={onLock}>
          Lock office summaries
        </button>
      </div>
      <h1 ref={heading} tabIndex={-1}>
        Office summaries
      </h1>
      <p className="office-area__intro">
        Anonymised figures for governors and the trust: counts and categories only, never a name, a
        description or a date. They lock after 5 minutes without input.
      </p>
      {periods.state === 'loading' && (
        <p className="muted" role="status">
          Reading the newest figures from the school’s folder…
        </p>
      )}
      {periods.state === 'failed' && (
        <Unavailable
          code={periods.failure.code}
          message={periods.failure.message}
          recipient={status.recipient}
          onRetry={() => void readPeriods()}
        />
      )}
      {periods.state === 'ready' && (
        <>
          <p className="office-source">{sourceLine(periods.value.source)}.</p>
          <PeriodForm
            periods={periods.value.periods}
            defaultThreshold={periods.value.defaultThreshold}
            minThreshold={periods.value.minThreshold}
            busy={busy}
            onChoose={(request) => void choose(request)}
          />
          {failure?.state === 'failed' && <FailureNotice failure={failure.failure} />}
          {shown !== null && <ReportView answer={shown.answer} request={shown.request} />}
        </>
      )}
    </div>
  );
}

interface UnavailableProps {
  code: string;
  message: string;
  recipient: string | null;
  onRetry: () => void;
}

/** Why there are no figures to show, in words, and what to do about it. */
function Unavailable({ code, message, recipient, onRetry }: UnavailableProps) {
  const title: Record<string, string> = {
    'office-not-added': 'Your DSL has not added you yet',
    'no-extract': 'No figures have been published yet',
    'extract-unusable': 'The published figures cannot be used',
  };
  const known = title[code];
  return (
    <div
      className={known === undefined ? 'notice notice--error' : 'notice notice--warn'}
      role="alert"
    >
      {known !== undefined && <p className="notice__title">{known}</p>}
      {code === 'office-not-added' && recipient !== null ? (
        <>
          <p className="notice__message">
            Nothing is sealed to you until your DSL adds you as office staff (in the School screen
            of their Safeguard Desk). Give them your office key:
          </p>
          <p>
            <code className="office-key">{recipient}</code>
          </p>
        </>
      ) : (
        <p className="notice__message">{message}</p>
      )}
      {known === undefined && (
        <p className="notice__code">
          Error code: <code>{code}</code>
        </p>
      )}
      <button type="button" className="button button--secondary" onClick={onRetry}>
        Look again
      </button>
    </div>
  );
}
