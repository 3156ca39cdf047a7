/**
 * "Check the record": the core checks every link of the audit chain and every signature on every
 * event, and the result is said in words — and, when broken, the first problem it found.
 */
import { useState } from 'react';
import { FailureNotice } from '../components/FailureNotice';
import { useHeadingFocus } from '../components/useHeadingFocus';
import { formatDateTime } from '../format';
import { load, type Loadable } from '../loadable';
import type { AuditReport } from './types';

function count(n: number, one: string, many: string): string {
  return `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;
}

export function VerifyScreen() {
  const heading = useHeadingFocus<HTMLHeadingElement>();
  const [report, setReport] = useState<Loadable<AuditReport> | null>(null);
  const [checkedAt, setCheckedAt] = useState<string | null>(null);

  const check = async () => {
    setReport({ state: 'loading' });
    const result = await load((api) => api['lead.verify']());
    setCheckedAt(new Date().toISOString());
    setReport(result);
  };

  const value = report?.state === 'ready' ? report.value : null;
  return (
    <div className="verify narrow">
      <h1 ref={heading} tabIndex={-1}>
        Check the record
      </h1>
      <p className="lead">
        Every change to a case and every time a case is opened or searched is written to an audit
        chain, each entry linked to the one before and signed. This checks every link and every
        signature on this computer. It changes nothing.
      </p>
      <button
        type="button"
        className="button button--primary"
        aria-disabled={report?.state === 'loading' ? true : undefined}
        onClick={() => {
          if (report?.state !== 'loading') void check();
        }}
      >
        Check the record now
      </button>
      <div role="status" className="verify__result">
        {report?.state === 'loading' && <p className="muted">Checking every entry&hellip;</p>}
        {value?.ok === true && (
          <div className="notice notice--info">
            <p className="notice__title">The record checks out.</p>
            <p>
              {count(value.entries, 'audit entry', 'audit entries')} and{' '}
              {count(value.events, 'event', 'events')}: every link and every signature is intact.
            </p>
            {checkedAt !== null && <p className="muted">Checked {formatDateTime(checkedAt)}.</p>}
          </div>
        )}
        {value?.ok === false && (
          <div className="notice notice--error">
            <p className="notice__title verify__broken">The record does not check out.</p>
            <p>
              The first problem: {value.problem?.message ?? 'not named'}
              {value.problem !== null &&
                value.problem.seq !== null &&
                ` (audit entry ${value.problem.seq})`}
              {value.problem !== null &&
                value.problem.eventId !== null &&
                ` (event ${value.problem.eventId})`}
            </p>
            <p>
              Change nothing on this computer and tell your headteacher and IT: the record may have
              been altered outside Safeguard Desk. Checked{' '}
              {count(value.entries, 'entry', 'entries')}.
            </p>
          </div>
        )}
      </div>
      {report?.state === 'failed' && <FailureNotice failure={report.failure} />}
    </div>
  );
}
