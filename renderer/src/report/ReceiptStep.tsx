/**
 * The receipt: the reference to quote, the time, and where the concern is. While it waits on this
 * computer the heading says so plainly, and the status follows background delivery on its own.
 */
import { useEffect, useState } from 'react';
import type { OperationOutput } from '../../../src/api/contract';
import { useHeadingFocus } from '../components/useHeadingFocus';
import { formatDateTime } from '../format';
import { load } from '../loadable';
import { RiskAlert } from './RiskAlert';

export type Receipt = OperationOutput<'concerns.submit'>;
type Status = OperationOutput<'receipts.status'>['status'];

/** How often a waiting receipt asks whether background delivery has sent it. */
const POLL_MS = 2_000;

interface ReceiptStepProps {
  receipt: Receipt;
  /** The reporter said a child is at immediate risk. */
  immediateRisk: boolean;
  onDone: () => void;
}

/** The receipt's status as background delivery moves it on, polled while it is queued. */
function useLiveStatus(receipt: Receipt): Status {
  const [status, setStatus] = useState<Status>(receipt.delivered ? 'delivered' : 'queued');
  useEffect(() => {
    if (status !== 'queued') return;
    let current = true;
    const timer = setInterval(() => {
      void load((api) => api['receipts.status']({ reference: receipt.reference })).then(
        (result) => {
          if (current && result.state === 'ready') setStatus(result.value.status);
        },
      );
    }, POLL_MS);
    return () => {
      current = false;
      clearInterval(timer);
    };
  }, [receipt.reference, status]);
  return status;
}

export function ReceiptStep({ receipt, immediateRisk, onDone }: ReceiptStepProps) {
  const heading = useHeadingFocus<HTMLHeadingElement>();
  const status = useLiveStatus(receipt);
  const urgent = receipt.urgent || immediateRisk;
  const isLog = receipt.kind === 'contact-log';
  const waiting = status === 'queued';
  const sent = isLog ? 'Log entry sent' : 'Concern sent';

  return (
    <div className="narrow">
      {immediateRisk && <RiskAlert />}
      <div>
        <h1 className="step-title" ref={heading} tabIndex={-1}>
          {waiting ? 'Saved on this computer — waiting to reach the school' : sent}
        </h1>
        {urgent && <p className="tell-dsl">Now tell the DSL in person.</p>}
        {receipt.warning !== null && (
          <div className="notice notice--warn" role="alert">
            <p className="notice__title">{receipt.warning}</p>
          </div>
        )}
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
            <dt>Saved at</dt>
            <dd>{formatDateTime(receipt.createdAt)}</dd>
          </div>
          <div className="answers__row">
            <dt>Status</dt>
            <dd>
              <span role="status" data-status={status}>
                {waiting ? (
                  <>
                    <strong>Waiting to reach the school</strong>: it is saved, encrypted, on this
                    computer, which keeps trying on its own and sends it as soon as the school share
                    can be reached. Nothing is lost. If it is urgent, tell the DSL in person now.
                  </>
                ) : (
                  <>
                    <strong>{status === 'acknowledged' ? 'Acknowledged' : 'Delivered'}</strong>:
                    only the people your school chose to receive it can read it.
                  </>
                )}
              </span>
            </dd>
          </div>
        </dl>
        {waiting && receipt.deliveryError !== null && (
          <p className="muted">Why it is waiting: {receipt.deliveryError}</p>
        )}
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
