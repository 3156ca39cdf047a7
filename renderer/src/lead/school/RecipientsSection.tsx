/**
 * Who receives concerns, by role, each with their safety fingerprint; for the DSL, Remove beside
 * each person but themself. Removing asks first, saying plainly what it does and does not do:
 * nothing new is sealed to them, and what they already received stays readable to them.
 */
import { useEffect, useRef, useState } from 'react';
import type { BridgeFailure } from '../../bridge';
import { FailureNotice } from '../../components/FailureNotice';
import { load } from '../../loadable';
import type { SchoolRecipient, SchoolView } from './types';
import { removalWords, roleGroups, roleOrder } from './words';

interface RecipientsSectionProps {
  view: SchoolView;
  changed: (view: SchoolView, words: string) => void;
}

export function RecipientsSection({ view, changed }: RecipientsSectionProps) {
  const titleRef = useRef<HTMLHeadingElement>(null);
  const [confirming, setConfirming] = useState<SchoolRecipient | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const removed = (next: SchoolView, words: string) => {
    setConfirming(null);
    setDone(words);
    changed(next, words);
    // The button pressed has gone with its row: focus goes back to the list's heading.
    titleRef.current?.focus();
  };

  return (
    <section className="school__section" aria-labelledby="recipients-title">
      <h2 id="recipients-title" ref={titleRef} tabIndex={-1}>
        Who receives concerns
      </h2>
      <p>
        Check each safety fingerprint with the person, face to face: their own School screen shows
        the same code beside their name.
      </p>
      {done !== null && (
        <div className="notice notice--info">
          <p>{done}</p>
        </div>
      )}
      {roleOrder.map((role) => {
        const people = view.recipients.filter((r) => r.role === role);
        const group = roleGroups[role];
        return (
          <div className="school__role" key={role}>
            <h3 id={`role-${role}`}>{group.title}</h3>
            <p className="muted">{group.receives}</p>
            {people.length === 0 ? (
              <p>None named.</p>
            ) : (
              <ul className="school__people" aria-labelledby={`role-${role}`}>
                {people.map((person) => (
                  <li key={person.id} className="school__person">
                    <div className="school__person-row">
                      <span>
                        <strong>{person.name}</strong>
                        {person.you && ' (you)'}
                      </span>
                      <span className="school__fingerprint">
                        Safety fingerprint <code>{person.fingerprint}</code>
                      </span>
                      {view.canChange && !person.you && person.role !== 'dsl' && (
                        <button
                          type="button"
                          id={`remove-${person.id}`}
                          className="button button--secondary button--compact"
                          aria-label={`Remove ${person.name}`}
                          aria-expanded={confirming?.id === person.id}
                          onClick={() => setConfirming(person)}
                        >
                          Remove
                        </button>
                      )}
                    </div>
                    {confirming?.id === person.id && (
                      <ConfirmRemoval
                        person={person}
                        onCancel={() => {
                          setConfirming(null);
                          document.getElementById(`remove-${person.id}`)?.focus();
                        }}
                        onRemoved={removed}
                      />
                    )}
                  </li>
                ))}
              </ul>
            )}
          </div>
        );
      })}
    </section>
  );
}

interface ConfirmRemovalProps {
  person: SchoolRecipient;
  onCancel: () => void;
  onRemoved: (view: SchoolView, words: string) => void;
}

function ConfirmRemoval({ person, onCancel, onRemoved }: ConfirmRemovalProps) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const failureRef = useRef<HTMLDivElement>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<BridgeFailure | null>(null);

  useEffect(() => headingRef.current?.focus(), []);
  useEffect(() => {
    if (failure !== null) failureRef.current?.focus();
  }, [failure]);

  const remove = async () => {
    if (busy) return;
    setBusy(true);
    setFailure(null);
    const result = await load((api) => api['school.removeRecipient']({ recipientId: person.id }));
    setBusy(false);
    if (result.state === 'failed') setFailure(result.failure);
    if (result.state === 'ready') {
      const { removed, message, school } = result.value;
      onRemoved(school, `${removed.name} was removed. ${message}`);
    }
  };

  return (
    <div
      className="school__confirm"
      role="group"
      aria-labelledby={`remove-${person.id}-title`}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onCancel();
      }}
    >
      <h4 id={`remove-${person.id}-title`} ref={headingRef} tabIndex={-1}>
        Remove {person.name}?
      </h4>
      <p>{removalWords(person.name)}</p>
      {failure !== null && (
        <div ref={failureRef} tabIndex={-1} className="case-form__failure">
          <FailureNotice failure={failure} />
        </div>
      )}
      <div className="form-actions">
        <button
          type="button"
          className="button button--danger button--compact"
          aria-disabled={busy ? true : undefined}
          onClick={() => void remove()}
        >
          {busy ? 'Removing…' : `Remove ${person.name}`}
        </button>
        <button
          type="button"
          className="button button--secondary button--compact"
          onClick={onCancel}
        >
          Cancel
        </button>
      </div>
    </div>
  );
}
