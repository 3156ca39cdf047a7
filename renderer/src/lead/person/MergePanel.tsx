/**
 * One person, two records: a concern that spells a name another way makes a second record. Here
 * the lead finds the other record by name and merges it into this one after a confirmation that
 * says what will happen. The merge is an event in the record, undone only with a reason.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import type { BridgeFailure } from '../../bridge';
import { FailureNotice } from '../../components/FailureNotice';
import { load, type Loadable } from '../../loadable';
import { words } from '../case/checks';
import { FormTextInput } from '../form-fields';
import type { Person } from '../types';
import { roleWord } from '../words';

const findSchema = z.object({ name: words('Enter a name, or part of one.', 200) });

interface MergePanelProps {
  person: Person;
  /** This record and the records already merged with it. */
  sameGroup: ReadonlySet<string>;
  /** After a merge: the chronology reloads and says what happened. */
  onMerged: (said: string) => void;
}

const personWords = (p: Person) => `${p.name} (${roleWord(p.role)})`;

export function MergePanel({ person, sameGroup, onMerged }: MergePanelProps) {
  const form = useForm<z.input<typeof findSchema>, unknown, z.output<typeof findSchema>>({
    resolver: zodResolver(findSchema),
    defaultValues: { name: '' },
  });
  const [found, setFound] = useState<{ name: string; list: Loadable<Person[]> } | null>(null);
  const [candidate, setCandidate] = useState<Person | null>(null);

  const find = form.handleSubmit(async ({ name }) => {
    setCandidate(null);
    setFound({ name, list: { state: 'loading' } });
    setFound({ name, list: await load((api) => api['lead.people']({ name })) });
  });

  const list = found?.list;
  const others = list?.state === 'ready' ? list.value : [];

  return (
    <section className="merge" aria-labelledby="merge-title">
      <h2 id="merge-title" className="merge__title">
        Another record of {person.name}?
      </h2>
      <p className="merge__help">
        A concern that spells a name differently makes a second record. Find it by name and merge it
        into this one.
      </p>
      <form
        className="merge__find"
        aria-labelledby="merge-find-title"
        noValidate
        onSubmit={(event) => void find(event)}
      >
        <h3 id="merge-find-title" className="visually-hidden">
          Find a record to merge
        </h3>
        <FormTextInput
          control={form.control}
          name="name"
          id="merge-name"
          label="Name of the other record"
          type="search"
        />
        <button type="submit" className="button button--compact">
          Find records
        </button>
      </form>
      <div role="status">
        {list?.state === 'loading' && <p className="muted">Finding records&hellip;</p>}
        {list?.state === 'ready' && found !== null && (
          <p>
            {others.length === 0
              ? `No records found named “${found.name}”.`
              : `${others.length === 1 ? '1 record' : `${others.length} records`} found named “${found.name}”.`}
          </p>
        )}
      </div>
      {list?.state === 'failed' && <FailureNotice failure={list.failure} />}
      {others.length > 0 && (
        <ul className="merge__found" aria-label={`Records named “${found?.name ?? ''}”`}>
          {others.map((other) => (
            <li key={other.personId} className="merge__record">
              <span>{personWords(other)}</span>
              {other.personId === person.personId ? (
                <span className="muted">this record</span>
              ) : sameGroup.has(other.personId) ? (
                <span className="muted">already merged with this record</span>
              ) : (
                <button
                  type="button"
                  className="button button--compact"
                  onClick={() => setCandidate(other)}
                >
                  Merge {other.name} into this record&hellip;
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {candidate !== null && (
        <ConfirmMerge
          key={candidate.personId}
          from={candidate}
          into={person}
          onCancel={() => setCandidate(null)}
          onMerged={() => {
            setCandidate(null);
            setFound(null);
            form.reset();
            onMerged(`Merged: ${candidate.name} is now recorded as the same person.`);
          }}
        />
      )}
    </section>
  );
}

interface ConfirmMergeProps {
  from: Person;
  into: Person;
  onCancel: () => void;
  onMerged: () => void;
}

/** Says what a merge will do before it is recorded; focus starts at its question. */
function ConfirmMerge({ from, into, onCancel, onMerged }: ConfirmMergeProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<BridgeFailure | null>(null);

  useEffect(() => {
    heading.current?.focus();
  }, []);

  const merge = async () => {
    if (busy) return;
    setBusy(true);
    setFailure(null);
    const result = await load((api) =>
      api['lead.mergePeople']({ from: from.personId, into: into.personId }),
    );
    setBusy(false);
    if (result.state === 'ready') onMerged();
    else if (result.state === 'failed') setFailure(result.failure);
  };

  return (
    <section className="merge__confirm" aria-labelledby="merge-confirm-title">
      <h3 id="merge-confirm-title" ref={heading} tabIndex={-1}>
        Merge {personWords(from)} into {personWords(into)}?
      </h3>
      <ul>
        <li>Both records will be treated as one person.</li>
        <li>
          This chronology will list the cases of both, and say {into.name} is also recorded as{' '}
          {from.name}.
        </li>
        <li>No case changes. The merge is recorded under your name and checked with the record.</li>
        <li>You can undo it later, with a reason.</li>
      </ul>
      {failure !== null && <FailureNotice failure={failure} />}
      <div className="form-actions">
        <button
          type="button"
          className="button button--primary button--compact"
          aria-disabled={busy ? true : undefined}
          onClick={() => void merge()}
        >
          {busy ? 'Merging…' : 'Merge the records'}
        </button>
        <button type="button" className="button button--quiet button--compact" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </section>
  );
}
