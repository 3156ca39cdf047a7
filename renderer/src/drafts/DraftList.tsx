/** "Continue a draft": drafts kept encrypted on this computer, newest first. */
import { useState } from 'react';
import type { OperationOutput } from '../../../src/api/contract';
import { describeFailure, bridge, type BridgeFailure } from '../bridge';
import { FailureNotice } from '../components/FailureNotice';
import { formatDateTime } from '../format';

export type DraftSummary = OperationOutput<'drafts.list'>[number];

interface DraftListProps {
  drafts: readonly DraftSummary[];
  onContinue: (draft: DraftSummary) => void;
  /** Called after a draft is deleted, to load the list again. */
  onDeleted: () => void;
}

export function DraftList({ drafts, onContinue, onDeleted }: DraftListProps) {
  const [failure, setFailure] = useState<BridgeFailure | null>(null);

  const remove = async (draft: DraftSummary) => {
    try {
      await bridge()['drafts.delete']({ draftId: draft.draftId });
      setFailure(null);
      onDeleted();
    } catch (error) {
      setFailure(describeFailure(error));
    }
  };

  return (
    <section className="panel panel--drafts" aria-labelledby="drafts-title">
      <h2 id="drafts-title">Continue a draft</h2>
      {failure !== null && <FailureNotice failure={failure} />}
      <ul className="draft-list">
        {drafts.map((draft) => {
          const titleId = `draft-${draft.draftId}-title`;
          const saved = formatDateTime(draft.updatedAt);
          return (
            <li key={draft.draftId} className={draft.stale ? 'draft draft--stale' : 'draft'}>
              <p className="draft__title" id={titleId}>
                {draft.formTitle}
              </p>
              <p className="draft__time">Saved {saved}</p>
              {draft.stale && (
                <p className="draft__stale">
                  This draft is over 7 days old — drafts are removed after 30 days.
                </p>
              )}
              <div className="draft__actions">
                <button
                  type="button"
                  className="button button--secondary"
                  aria-describedby={titleId}
                  onClick={() => onContinue(draft)}
                >
                  Continue<span className="visually-hidden"> draft saved {saved}</span>
                </button>
                <button
                  type="button"
                  className="button button--quiet"
                  aria-describedby={titleId}
                  onClick={() => void remove(draft)}
                >
                  Delete<span className="visually-hidden"> draft saved {saved}</span>
                </button>
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
