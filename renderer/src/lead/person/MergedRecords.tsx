/**
 * The merges that make this person's records one, each undoable with a reason (an event: the
 * merge stays in the record, marked undone, and each record keeps only its own cases again).
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { formatDateTime } from '../../format';
import { load } from '../../loadable';
import { CaseForm } from '../case/CaseForm';
import { words } from '../case/checks';
import { FormTextArea } from '../form-fields';
import type { Chronology } from '../types';
import { roleWord } from '../words';

type Merge = Chronology['merges'][number];

interface MergedRecordsProps {
  merges: readonly Merge[];
  /** After an undo: the chronology reloads and says what happened. */
  onUnmerged: (said: string) => void;
}

export function MergedRecords({ merges, onUnmerged }: MergedRecordsProps) {
  const [undoing, setUndoing] = useState<string | null>(null);
  if (merges.length === 0) return null;
  return (
    <section className="merged" aria-labelledby="merged-title">
      <h2 id="merged-title" className="person-page__subtitle">
        Merged records
      </h2>
      <ul className="merged__list">
        {merges.map((merge) => (
          <li key={merge.mergeId} className="merged__item">
            <p className="merged__what">
              <strong>{merge.from.name}</strong> ({roleWord(merge.from.role)}) merged into{' '}
              <strong>{merge.into.name}</strong> ({roleWord(merge.into.role)}) on{' '}
              <time dateTime={merge.at}>{formatDateTime(merge.at)}</time>
              {undoing !== merge.mergeId && (
                <>
                  {' '}
                  <button
                    type="button"
                    className="button button--compact"
                    aria-label={`Undo this merge of ${merge.from.name} into ${merge.into.name}`}
                    onClick={() => setUndoing(merge.mergeId)}
                  >
                    Undo this merge&hellip;
                  </button>
                </>
              )}
            </p>
            {undoing === merge.mergeId && (
              <UnmergeForm
                merge={merge}
                onCancel={() => setUndoing(null)}
                onDone={() => {
                  setUndoing(null);
                  onUnmerged(
                    `Merge undone: ${merge.from.name} and ${merge.into.name} are separate records again.`,
                  );
                }}
              />
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

const unmergeSchema = z.object({ reason: words('Give the reason for undoing the merge.', 4_000) });

function UnmergeForm({
  merge,
  onCancel,
  onDone,
}: {
  merge: Merge;
  onCancel: () => void;
  onDone: () => void;
}) {
  const form = useForm<z.input<typeof unmergeSchema>, unknown, z.output<typeof unmergeSchema>>({
    resolver: zodResolver(unmergeSchema),
    defaultValues: { reason: '' },
    shouldFocusError: false,
  });
  return (
    <div className="merged__undo">
      <CaseForm
        id={`unmerge-${merge.mergeId}`}
        title={`Undo the merge of ${merge.from.name} into ${merge.into.name}`}
        submitLabel="Undo merge"
        form={form}
        focusOnShow
        onSaved={onDone}
        otherActions={
          <button type="button" className="button button--quiet button--compact" onClick={onCancel}>
            Cancel
          </button>
        }
        submit={async ({ reason }) => {
          const result = await load((api) =>
            api['lead.unmergePeople']({ mergeId: merge.mergeId, reason }),
          );
          return result.state === 'failed' ? result.failure : null;
        }}
      >
        <FormTextArea
          control={form.control}
          name="reason"
          id={`unmerge-reason-${merge.mergeId}`}
          label="Reason for undoing the merge"
          required
          rows={2}
        />
      </CaseForm>
    </div>
  );
}
