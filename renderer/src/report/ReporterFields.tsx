/** "Your name" and "Your role": held in memory for this session only, cleared on lock. */
import { useFormContext } from 'react-hook-form';
import { describe, SingleFrame } from '../fields/FieldFrame';
import { REPORTER_NAME_ID, REPORTER_ROLE_ID } from '../fields/ids';
import { messageAt, reporterProblem } from './validation';
import type { ReportValues } from './values';

export function ReporterFields() {
  const { register, formState } = useFormContext<ReportValues>();
  const nameMessage = messageAt(formState.errors, 'reporterName');
  const roleMessage = messageAt(formState.errors, 'reporterRole');
  const nameError = nameMessage === undefined ? [] : [reporterProblem('name', nameMessage)];
  const roleError = roleMessage === undefined ? [] : [reporterProblem('role', roleMessage)];

  return (
    <div className="reporter">
      <div className="reporter__fields">
        <SingleFrame inputId={REPORTER_NAME_ID} label="Your name" required errors={nameError}>
          <input
            id={REPORTER_NAME_ID}
            className="input"
            type="text"
            autoComplete="off"
            aria-required
            {...describe(REPORTER_NAME_ID, undefined, nameError.length > 0)}
            {...register('reporterName')}
          />
        </SingleFrame>
        <SingleFrame inputId={REPORTER_ROLE_ID} label="Your role" required errors={roleError}>
          <input
            id={REPORTER_ROLE_ID}
            className="input"
            type="text"
            autoComplete="off"
            aria-required
            {...describe(REPORTER_ROLE_ID, undefined, roleError.length > 0)}
            {...register('reporterRole')}
          />
        </SingleFrame>
      </div>
      <p className="reporter__note muted">
        Your role, for example: Class teacher. Your name and role are forgotten when Safeguard Desk
        locks.
      </p>
    </div>
  );
}
