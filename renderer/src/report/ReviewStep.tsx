/** "Check your concern": every answer with its question, then Change or Submit. */
import { useState } from 'react';
import { useFormContext } from 'react-hook-form';
import type { BridgeFailure } from '../bridge';
import { FailureNotice } from '../components/FailureNotice';
import { useHeadingFocus } from '../components/useHeadingFocus';
import { AnswerWords } from './AnswerWords';
import type { FieldDefinition, FormDefinition } from './definition';
import { questionOrder, RISK_FIELD_ID } from './order';
import { RiskAlert } from './RiskAlert';
import { SUBJECT_QUESTION, subjectWords, type Subject } from './SubjectQuestion';
import type { ReportValues } from './values';

interface ReviewStepProps {
  form: FormDefinition;
  /** The people a concern can be about; empty when the question was not asked. */
  subjects: readonly Subject[];
  onChange: () => void;
  /** Files the concern; resolves with a failure to show, or null once filed. */
  onSubmit: () => Promise<BridgeFailure | null>;
}

export function ReviewStep({ form, subjects, onChange, onSubmit }: ReviewStepProps) {
  const { getValues } = useFormContext<ReportValues>();
  const values = getValues();
  const heading = useHeadingFocus<HTMLHeadingElement>();
  const [sending, setSending] = useState(false);
  const [failure, setFailure] = useState<BridgeFailure | null>(null);
  const isLog = form.kind === 'contact-log';
  const subject = subjects.find((candidate) => candidate.id === values.about);
  const { leading, rest } = questionOrder(form);
  const answerRow = (field: FieldDefinition) => (
    <div className="answers__row" key={field.id}>
      <dt>{field.label}</dt>
      <dd>
        <AnswerWords field={field} value={values.answers[field.id]} />
      </dd>
    </div>
  );

  const submit = async () => {
    setSending(true);
    setFailure(null);
    const problem = await onSubmit();
    if (problem !== null) {
      setFailure(problem);
      setSending(false);
    }
  };

  return (
    <div className="narrow">
      {values.answers[RISK_FIELD_ID] === 'yes' && <RiskAlert />}
      <div>
        <h1 className="step-title" ref={heading} tabIndex={-1}>
          {isLog ? 'Check your log entry' : 'Check your concern'}
        </h1>
        <p className="lead">
          {form.title}. Check each answer, then submit. Choose Change to go back: nothing you have
          written is lost.
        </p>
        <dl className="answers">
          <div className="answers__row">
            <dt>Your name</dt>
            <dd>{values.reporterName.trim()}</dd>
          </div>
          <div className="answers__row">
            <dt>Your role</dt>
            <dd>{values.reporterRole.trim()}</dd>
          </div>
          {leading.map(answerRow)}
          {subjects.length > 0 && (
            <div className="answers__row">
              <dt>{SUBJECT_QUESTION}</dt>
              <dd>{subject === undefined ? 'No, none of them' : subjectWords(subject)}</dd>
            </div>
          )}
          {rest.map(answerRow)}
        </dl>
        {failure !== null && (
          <>
            <FailureNotice failure={failure} />
            {failure.code === 'invalid-answers' && (
              <p>Choose Change to correct the answers named above.</p>
            )}
          </>
        )}
        <div className="form-actions">
          <button
            type="button"
            className="button button--primary"
            aria-disabled={sending}
            onClick={() => {
              if (!sending) void submit();
            }}
          >
            Submit
          </button>
          <button
            type="button"
            className="button button--secondary"
            onClick={onChange}
            disabled={sending}
          >
            Change
          </button>
          <p className="draft-status" role="status">
            {sending ? (isLog ? 'Sending your log entry…' : 'Sending your concern…') : ''}
          </p>
        </div>
      </div>
    </div>
  );
}
