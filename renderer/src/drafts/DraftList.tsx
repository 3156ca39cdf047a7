/** "Continue a draft": drafts kept encrypted on this computer, newest first. */
import type { OperationOutput } from '../../../src/api/contract';
import { DraftItem } from './DraftItem';

export type DraftSummary = OperationOutput<'drafts.list'>[number];

interface DraftListProps {
  drafts: readonly DraftSummary[];
  /** Called once the draft can be opened (its PIN given, when it needed one). */
  onContinue: (draft: DraftSummary) => void;
  /** Called after a draft is deleted, to load the list again. */
  onDeleted: () => void;
}

export function DraftList({ drafts, onContinue, onDeleted }: DraftListProps) {
  return (
    <section className="panel panel--drafts" aria-labelledby="drafts-title">
      <h2 id="drafts-title">Continue a draft</h2>
      <ul className="draft-list">
        {drafts.map((draft) => (
          <DraftItem
            key={draft.draftId}
            draft={draft}
            onContinue={onContinue}
            onDeleted={onDeleted}
          />
        ))}
      </ul>
    </section>
  );
}
