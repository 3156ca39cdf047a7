/**
 * An allegation's statutory clock: the LADO within one working day. Shown at the top of the case,
 * with the warning not to investigate until the LADO has given advice.
 */
import { formatDateTime } from '../../format';
import type { CaseView } from '../types';

export function LadoClock({
  lado,
  closed,
}: {
  lado: NonNullable<CaseView['state']['lado']>;
  closed: boolean;
}) {
  let state: 'met' | 'overdue' | 'due' = 'due';
  if (lado.met) state = 'met';
  else if (lado.overdue) state = 'overdue';
  const words = {
    met: 'Met: a LADO consultation is recorded as done.',
    overdue: 'Overdue: the LADO has not been consulted in time. Contact the LADO now.',
    due: 'Contact the LADO within one working day of triage.',
  }[state];

  return (
    <section className={`lado lado--${state}`} aria-labelledby="lado-title">
      <div className="lado__clock">
        <h2 id="lado-title" className="lado__title">
          LADO clock
        </h2>
        <p className="lado__due">
          {state === 'met' ? 'Was due by' : 'Due by'} <strong>{formatDateTime(lado.due)}</strong>
        </p>
        <p className="lado__state">{words}</p>
      </div>
      {!lado.met && !closed && (
        <div className="lado__warning">
          <p>
            <strong>Do not investigate before the LADO has given advice.</strong>
          </p>
          <p>
            Do not interview the member of staff, the child or witnesses, and do not tell the member
            of staff, until the LADO has advised.
          </p>
        </div>
      )}
    </section>
  );
}
