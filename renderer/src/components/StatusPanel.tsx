import type { OperationOutput } from '../../../src/api/contract';
import type { Loadable } from '../loadable';
import { FailureNotice } from './FailureNotice';

export type AppStatus = OperationOutput<'app.status'>;

interface StatusPanelProps {
  status: Loadable<AppStatus>;
}

function Enrolled({ status }: { status: AppStatus }) {
  return (
    <>
      <p className="status-line status-line--ok">
        Enrolled with <strong>{status.schoolName ?? 'your school'}</strong>.
      </p>
      {status.safetyCode !== null && (
        <dl className="safety-code">
          <dt className="safety-code__label">Safety code</dt>
          <dd className="safety-code__value">{status.safetyCode}</dd>
          <dd className="safety-code__help">
            Compare this code with the one on the staff-room poster. If they differ, do not report
            from this computer: tell your safeguarding lead.
          </dd>
        </dl>
      )}
    </>
  );
}

function NotEnrolled() {
  return (
    <>
      <p className="status-line status-line--warn">This computer is not set up yet.</p>
      <p>IT must enrol it before concerns can be reported from here. On this computer, run:</p>
      <pre className="command">
        <code>safeguard-desk enroll --share DIR</code>
      </pre>
      <p className="muted">DIR is the school&rsquo;s shared Safeguard Desk folder.</p>
    </>
  );
}

/** Whether this computer is enrolled, and the safety code to check against the poster. */
export function StatusPanel({ status }: StatusPanelProps) {
  return (
    <section className="panel panel--status" aria-labelledby="status-heading">
      <h2 id="status-heading">This computer</h2>
      {status.state === 'loading' && (
        <p className="muted" role="status">
          Checking this computer&hellip;
        </p>
      )}
      {status.state === 'failed' && <FailureNotice failure={status.failure} />}
      {status.state === 'ready' &&
        (status.value.enrolled ? <Enrolled status={status.value} /> : <NotEnrolled />)}
    </section>
  );
}
