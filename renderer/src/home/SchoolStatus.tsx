/** Whether this computer is enrolled, and the safety code to check against the poster. */
import type { OperationOutput } from '../../../src/api/contract';
import { FailureNotice } from '../components/FailureNotice';
import type { Loadable } from '../loadable';

export type AppStatus = OperationOutput<'app.status'>;

function Enrolled({ status }: { status: AppStatus }) {
  return (
    <>
      <p className="status-line status-line--ok">
        Reports from here go to <strong>{status.schoolName ?? 'your school'}</strong>.
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

/** Also the target of "Report a concern" while the computer is not enrolled. */
export function NotEnrolled() {
  return (
    <div className="notice notice--warn" id="not-enrolled" tabIndex={-1}>
      <p className="notice__title">This computer is not set up yet.</p>
      <p>
        IT must enrol this computer before concerns can be sent from it. Until then, tell the DSL in
        person, or use another computer.
      </p>
    </div>
  );
}

export function SchoolStatus({ status }: { status: Loadable<AppStatus> }) {
  return (
    <section className="panel panel--status" aria-labelledby="status-heading">
      <h2 id="status-heading">This computer</h2>
      {status.state === 'loading' && (
        <p className="muted" role="status">
          Checking this computer&hellip;
        </p>
      )}
      {status.state === 'failed' && <FailureNotice failure={status.failure} />}
      {status.state === 'ready' && status.value.enrolled && <Enrolled status={status.value} />}
      {status.state === 'ready' && !status.value.enrolled && (
        <>
          <p className="status-line status-line--warn">Not enrolled.</p>
          {status.value.machineSetting !== null && (
            <div className="notice notice--warn">
              <p className="notice__title">IT&rsquo;s settings for this computer</p>
              <p>{status.value.machineSetting}</p>
            </div>
          )}
          <p>IT must enrol this computer. On this computer, IT runs:</p>
          <pre className="command">
            <code>safeguard-desk enroll --share DIR</code>
          </pre>
          <p className="muted">DIR is the school&rsquo;s shared Safeguard Desk folder.</p>
        </>
      )}
    </section>
  );
}
