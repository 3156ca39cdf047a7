/** "Draft saved 14:05", quietly, beside the form's buttons. */
import { formatClock } from '../format';
import type { DraftStatus } from './useDraftAutosave';

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
    text = `The draft could not be saved: ${status.failure.message}`;
  } else if (nothingToSave) {
    text = 'Nothing to save yet: answer a question first.';
  }
  return (
    <p
      className={status.state === 'failed' ? 'draft-status draft-status--failed' : 'draft-status'}
      role="status"
    >
      {text}
    </p>
  );
}
