/** "My receipts": what this computer has sent — reference, time, type, status; never content. */
import { useCallback, useEffect, useState } from 'react';
import type { OperationOutput } from '../../../src/api/contract';
import { FailureNotice } from '../components/FailureNotice';
import { useHeadingFocus } from '../components/useHeadingFocus';
import { formatDateTime } from '../format';
import { load, type Loadable } from '../loadable';

type ReceiptEntry = OperationOutput<'receipts.list'>[number];
type Delivery = OperationOutput<'outbox.deliver'>;

const statusWords: Record<ReceiptEntry['status'], string> = {
  queued: 'Waiting to reach the school',
  delivered: 'Delivered',
  acknowledged: 'Acknowledged: a safeguarding lead has opened it',
};

function deliveryWords(result: Delivery): string {
  const sent = result.delivered === 1 ? '1 sent' : `${result.delivered} sent`;
  if (result.pending === 0)
    return result.delivered > 0 ? `${sent}. Nothing is waiting now.` : 'Nothing is waiting.';
  const waiting = `${result.pending} still queued: this computer will keep trying; nothing is lost.`;
  return result.error === null ? `${sent}. ${waiting}` : `${sent}. ${waiting} (${result.error})`;
}

export function ReceiptsScreen() {
  const heading = useHeadingFocus<HTMLHeadingElement>();
  const [entries, setEntries] = useState<Loadable<ReceiptEntry[]>>({ state: 'loading' });
  const [delivery, setDelivery] = useState<Loadable<Delivery> | null>(null);

  const refresh = useCallback(async () => {
    setEntries(await load((api) => api['receipts.list']()));
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const retry = async () => {
    setDelivery({ state: 'loading' });
    setDelivery(await load((api) => api['outbox.deliver']()));
    await refresh();
  };

  const list = entries.state === 'ready' ? entries.value : [];
  const queued = list.some((entry) => entry.status === 'queued');

  return (
    <div className="narrow narrow--wide">
      <h1 className="step-title" ref={heading} tabIndex={-1}>
        My receipts
      </h1>
      <p className="lead">
        What you have sent from this computer. Only the reference, time and status are kept here;
        what you wrote can be read only by the safeguarding team.
      </p>
      {entries.state === 'loading' && (
        <p className="muted" role="status">
          Loading your receipts&hellip;
        </p>
      )}
      {entries.state === 'failed' && <FailureNotice failure={entries.failure} />}
      {entries.state === 'ready' && list.length === 0 && (
        <p>You have not sent anything from this computer yet.</p>
      )}
      {list.length > 0 && (
        <div className="table-wrap">
          <table className="receipts">
            <caption>Concerns and log entries sent from this computer, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Reference</th>
                <th scope="col">Date</th>
                <th scope="col">Type</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {list.map((entry) => (
                <tr key={entry.reference}>
                  <td className="receipts__reference">{entry.reference}</td>
                  <td>{formatDateTime(entry.createdAt)}</td>
                  <td>{entry.formTitle}</td>
                  <td>
                    <span className={`status status--${entry.status}`}>
                      {statusWords[entry.status]}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {queued && (
        <div className="retry">
          <p>
            Queued items have not reached the safeguarding lead yet. This computer keeps trying on
            its own; nothing is lost.
          </p>
          <button
            type="button"
            className="button button--secondary"
            disabled={delivery?.state === 'loading'}
            onClick={() => void retry()}
          >
            Try sending again
          </button>
        </div>
      )}
      <div role="status" className="retry__result">
        {delivery?.state === 'loading' && <p className="muted">Sending&hellip;</p>}
        {delivery?.state === 'ready' && <p>{deliveryWords(delivery.value)}</p>}
      </div>
      {delivery?.state === 'failed' && <FailureNotice failure={delivery.failure} />}
    </div>
  );
}
