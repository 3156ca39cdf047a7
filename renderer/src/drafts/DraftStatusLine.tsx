/** "Draft saved 14:05", quietly, beside the form's buttons; and the draft PIN panel under it. */
import { formatClock } from '../format';
import { DraftPinPanel } from './DraftPinPanel';
import type { DraftStatus } from './useDraftAutosave';

/** "The draft is…" → "the draft is…", to follow "Draft not saved:" (leaves "PIN…" alone). */
const continuing = (sentence: string) =>
  /^[A-Z][a-z]/.test(sentence) ? sentence.charAt(0).toLowerCase() + sentence.slice(1) : sentence;

export function DraftStatusLine({
  status,
  nothingToSave,
}: {
  status: DraftStatus;
  nothingToSave: boolean;
}) {
  let text = '';
  if (status.state === 'saved') {
    text = `Draft saved ${formatClock(status.updatedAt)}`;
    if (status.withoutFiles) text += ' (without the files: too large to keep in a draft)';
  } else if (status.state === 'failed') {
    text = `Draft not saved: ${continuing(status.failure.message)}`;
  } else if (nothingToSave) {
    text = 'Nothing to save yet: answer a question first.';
  }
  return (
    <>
      <p
        className={status.state === 'failed' ? 'draft-status draft-status--failed' : 'draft-status'}
        role="status"
      >
        {text}
      </p>
      <DraftPinPanel />
    </>
  );
}
