/**
 * One person's chronology: every case that names them (or a record merged with theirs) and every
 * entry on those cases, in date order. For an adult, the count of low-level concerns in the last
 * 12 months comes first: the pattern KCSIE asks leads to look for. Viewing it is audited.
 */
import { useEffect, useState } from 'react';
import { FailureNotice } from '../../components/FailureNotice';
import { useHeadingFocus } from '../../components/useHeadingFocus';
import { formatClock, formatDateTime } from '../../format';
import { load, type Loadable } from '../../loadable';
import { CaseTable } from '../inbox/CaseTable';
import { eventWords } from '../timeline-words';
import type { Chronology, LeadNavigation } from '../types';
import { roleWord } from '../words';
import { MergedRecords } from './MergedRecords';
import { MergePanel } from './MergePanel';
import './person.css';

interface PersonScreenProps {
  personId: string;
  nav: LeadNavigation;
  back: { label: string; go: () => void } | null;
}

export function PersonScreen({ personId, nav, back }: PersonScreenProps) {
  const heading = useHeadingFocus<HTMLHeadingElement>();
  const [chronology, setChronology] = useState<Loadable<Chronology>>({ state: 'loading' });
  // Bumped after a merge or an undo: the chronology is read again, and what happened is said.
  const [version, setVersion] = useState(0);
  const [said, setSaid] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    void load((api) => api['lead.chronology']({ personId })).then((result) => {
      if (current) setChronology(result);
    });
    return () => {
      current = false;
    };
  }, [personId, version]);

  const changed = (words: string) => {
    setSaid(words);
    setVersion((v) => v + 1);
  };

  const value = chronology.state === 'ready' ? chronology.value : null;

  return (
    <div className="person-page">
      {back !== null && (
        <button type="button" className="button button--quiet case__back" onClick={back.go}>
          ← {back.label}
        </button>
      )}
      <h1 ref={heading} tabIndex={-1}>
        {value === null ? 'Chronology' : `Chronology: ${value.person.name}`}
      </h1>
      <div role="status" className="person-page__said">
        {said !== null && <p>{said}</p>}
      </div>
      {chronology.state === 'loading' && (
        <p className="muted" role="status">
          Loading the chronology&hellip;
        </p>
      )}
      {chronology.state === 'failed' && <FailureNotice failure={chronology.failure} />}
      {value !== null && <PersonBody chronology={value} nav={nav} onChanged={changed} />}
    </div>
  );
}

interface PersonBodyProps {
  chronology: Chronology;
  nav: LeadNavigation;
  onChanged: (said: string) => void;
}

function PersonBody({ chronology, nav, onChanged }: PersonBodyProps) {
  const { person, mergedWith, merges, lowLevelLast12Months, cases, entries } = chronology;
  const sameGroup = new Set([person.personId, ...mergedWith.map((p) => p.personId)]);
  const titles = new Map(cases.map((c) => [c.reference, c.formTitle]));
  const actionTypes = new Map<string, string>();
  for (const { event } of entries) {
    if (event?.type === 'action-recorded' && typeof event.payload.actionId === 'string') {
      actionTypes.set(event.payload.actionId, String(event.payload.type));
    }
  }
  const typeOf = (actionId: string) => actionTypes.get(actionId);
  return (
    <>
      <p className="person-page__role">
        {roleWord(person.role)}
        {mergedWith.length > 0 &&
          ` · Also recorded as ${mergedWith.map((p) => `${p.name} (${roleWord(p.role)})`).join(', ')}`}
      </p>
      {lowLevelLast12Months !== null && (
        <p className={lowLevelLast12Months > 1 ? 'pattern pattern--some' : 'pattern'}>
          Low-level concerns in the last 12 months: <strong>{lowLevelLast12Months}</strong>
        </p>
      )}
      <h2 className="person-page__subtitle">
        {cases.length === 1 ? '1 case' : `${cases.length} cases`} naming {person.name}
      </h2>
      {cases.length > 0 && (
        <CaseTable
          rows={cases}
          caption={`Cases naming ${person.name}, newest first`}
          onOpen={nav.openCase}
        />
      )}
      <MergedRecords merges={merges} onUnmerged={onChanged} />
      <MergePanel person={person} sameGroup={sameGroup} onMerged={onChanged} />
      <h2 className="person-page__subtitle">Chronology, oldest first</h2>
      <ol className="chronology">
        {entries.map((entry, index) => {
          const words = entry.event === null ? null : eventWords(entry.event, typeOf);
          return (
            <li
              key={`${entry.reference}:${entry.event?.eventId ?? 'filed'}:${index}`}
              className="chronology__entry"
            >
              <p className="chronology__when">
                <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
              </p>
              <div className="chronology__body">
                <p className="chronology__what">
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => nav.openCase(entry.reference)}
                  >
                    {entry.reference}
                  </button>{' '}
                  {entry.event === null || words === null ? (
                    <>concern filed: {titles.get(entry.reference) ?? 'a concern'}</>
                  ) : (
                    <>
                      <strong>{entry.event.authorName}</strong> {words.what} at{' '}
                      {formatClock(entry.at)}
                    </>
                  )}
                </p>
                {words !== null && words.details.length > 0 && (
                  <dl className="timeline__details">
                    {words.details.map(([label, text], i) => (
                      <div key={i}>
                        <dt>{label}</dt>
                        <dd>{text}</dd>
                      </div>
                    ))}
                  </dl>
                )}
              </div>
            </li>
          );
        })}
      </ol>
    </>
  );
}
