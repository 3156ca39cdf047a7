/**
 * One draft in "Continue a draft": Continue (asking for its PIN when the app has locked since it
 * was opened), and Discard, always, after a confirmation.
 */
import { useEffect, useRef, useState } from 'react';
import { bridge, describeFailure, type BridgeFailure } from '../bridge';
import { FailureNotice } from '../components/FailureNotice';
import { formatDateTime } from '../format';
import type { DraftSummary } from './DraftList';
import { DraftPinPrompt } from './DraftPinPrompt';

interface DraftItemProps {
  draft: DraftSummary;
  onContinue: (draft: DraftSummary) => void;
  onDeleted: () => void;
}

type Mode = 'idle' | 'pin' | 'discard';

function lockNote(draft: DraftSummary): string | null {
  if (draft.discardOnly) {
    return 'Locked without a draft PIN: it cannot be reopened, only discarded.';
  }
  if (draft.needsPin) return 'Locked: you need its draft PIN to continue it.';
  if (!draft.protected)
    return 'No draft PIN yet: if Safeguard Desk locks, it can only be discarded.';
  return null;
}

export function DraftItem({ draft, onContinue, onDeleted }: DraftItemProps) {
  const [mode, setMode] = useState<Mode>('idle');
  const [failure, setFailure] = useState<BridgeFailure | null>(null);
  const continueRef = useRef<HTMLButtonElement>(null);
  const discardRef = useRef<HTMLButtonElement>(null);
  const questionRef = useRef<HTMLParagraphElement>(null);
  const returnFocus = useRef<'continue' | 'discard' | null>(null);
  const titleId = `draft-${draft.draftId}-title`;
  const questionId = `draft-${draft.draftId}-discard`;
  const saved = formatDateTime(draft.updatedAt);
  const note = lockNote(draft);

  useEffect(() => {
    if (mode === 'discard') questionRef.current?.focus();
    if (mode === 'idle' && returnFocus.current !== null) {
      (returnFocus.current === 'continue' ? continueRef : discardRef).current?.focus();
      returnFocus.current = null;
    }
  }, [mode]);

  const back = (to: 'continue' | 'discard') => {
    returnFocus.current = to;
    setMode('idle');
  };

  const discard = async () => {
    try {
      await bridge()['drafts.delete']({ draftId: draft.draftId });
      setFailure(null);
      onDeleted();
    } catch (error) {
      setFailure(describeFailure(error));
    }
  };

  return (
    <li className={draft.stale ? 'draft draft--stale' : 'draft'}>
      <p className="draft__title" id={titleId}>
        {draft.formTitle}
      </p>
      <p className="draft__time">Saved {saved}</p>
      {draft.stale && (
        <p className="draft__stale">
          This draft is over 7 days old — drafts are removed after 30 days.
        </p>
      )}
      {note !== null && <p className="draft__lock">{note}</p>}
      {failure !== null && <FailureNotice failure={failure} />}
      {mode === 'pin' && (
        <DraftPinPrompt
          draft={draft}
          onOpened={() => onContinue(draft)}
          onCancel={() => back('continue')}
        />
      )}
      {mode === 'discard' && (
        <div className="draft__confirm" role="group" aria-labelledby={questionId}>
          <p id={questionId} ref={questionRef} tabIndex={-1}>
            Discard this draft? What it says will be gone for good.
          </p>
          <div className="draft__actions">
            <button
              type="button"
              className="button button--danger"
              aria-describedby={titleId}
              onClick={() => void discard()}
            >
              Discard draft
            </button>
            <button type="button" className="button button--quiet" onClick={() => back('discard')}>
              Keep it
            </button>
          </div>
        </div>
      )}
      {mode === 'idle' && (
        <div className="draft__actions">
          {!draft.discardOnly && (
            <button
              type="button"
              ref={continueRef}
              className="button button--secondary"
              aria-describedby={titleId}
              onClick={() => (draft.needsPin ? setMode('pin') : onContinue(draft))}
            >
              Continue<span className="visually-hidden"> draft saved {saved}</span>
            </button>
          )}
          <button
            type="button"
            ref={discardRef}
            className="button button--quiet"
            aria-describedby={titleId}
            onClick={() => setMode('discard')}
          >
            Discard<span className="visually-hidden"> draft saved {saved}</span>
          </button>
        </div>
      )}
    </li>
  );
}
