/** "Concern sent": the reference to quote, the time, and whether it reached the lead yet. */
import type { OperationOutput } from '../../../src/api/contract';
import { useHeadingFocus } from '../components/useHeadingFocus';
import { formatDateTime } from '../format';
import { RiskAlert } from './RiskAlert';

export type Receipt = OperationOutput<'concerns.submit'>;

interface ReceiptStepProps {
  receipt: Receipt;
  /** The reporter said a child is at immediate risk. */
  immediateRisk: boolean;
  onDone: () => void;
}

export function ReceiptStep({ receipt, immediateRisk, onDone }: ReceiptStepProps) {
  const heading = useHeadingFocus<HTMLHeadingElement>();
  const urgent = receipt.urgent || immediateRisk;
  const isLog = receipt.kind === 'contact-log';

  return (
    <div className="narrow">
      {immediateRisk && <RiskAlert />}
      <div>
        <h1 className="step-title" ref={heading} tabIndex={-1}>
          {isLog ? 'Log entry sent' : 'Concern sent'}
        </h1>
        {urgent && <p className="tell-dsl">Now tell the DSL in person.</p>}
        <div className="reference-box">
          <p className="reference-box__label">Your reference</p>
          <p className="reference-box__value" data-reference={receipt.reference}>
            {receipt.reference}
          </p>
          <p className="reference-box__help">Quote this reference if you speak to the DSL.</p>
        </div>
        <dl className="answers">
          <div className="answers__row">
            <dt>Form</dt>
            <dd>{receipt.formTitle}</dd>
          </div>
          <div className="answers__row">
            <dt>Sent at</dt>
            <dd>{formatDateTime(receipt.createdAt)}</dd>
          </div>
          <div className="answers__row">
            <dt>Status</dt>
            <dd>
              {receipt.delivered ? (
                <>
                  <strong>Delivered</strong>: only the people your school chose to receive it can
                  read it.
                </>
              ) : (
                <>
                  <strong>Queued</strong> — this computer will keep trying; nothing is lost.
                </>
              )}
            </dd>
          </div>
        </dl>
        <p className="muted">
          This computer keeps only the reference, the time and the status. What you wrote can be
          read only by the safeguarding team.
        </p>
        <div className="form-actions">
          <button type="button" className="button button--primary" onClick={onDone}>
            Done
          </button>
        </div>
      </div>
    </div>
  );
}
