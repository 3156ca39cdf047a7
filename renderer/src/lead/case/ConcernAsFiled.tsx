/**
 * The concern as the reporter filed it: who, when, who it is about and who it names (each a way
 * into their chronology), the answers in the form version's order with its labels, attachments.
 */
import { useEffect, useState, type ReactNode } from 'react';
import { formatDate, formatDateTime, formatSize } from '../../format';
import { load } from '../../loadable';
import type { CaseAnswer, CaseView, LeadNavigation } from '../types';
import { recipientRoleWord, roleWord } from '../words';
import { AttachmentList } from './AttachmentList';

type OptionLabels = ReadonlyMap<string, ReadonlyMap<string, string>>;

/** The choice fields' option labels of this form version (when it is the version installed). */
function useOptionLabels(formId: string, version: number): OptionLabels {
  const [labels, setLabels] = useState<OptionLabels>(new Map());
  useEffect(() => {
    let current = true;
    void load((api) => api['forms.get']({ id: formId })).then((result) => {
      if (!current || result.state !== 'ready' || result.value.version !== version) return;
      const map = new Map<string, Map<string, string>>();
      for (const field of result.value.fields) {
        const options = (field as { options?: unknown }).options;
        if (!Array.isArray(options)) continue;
        const pairs = options.flatMap((o: unknown) => {
          const { value, label } = (o ?? {}) as { value?: unknown; label?: unknown };
          return typeof value === 'string' && typeof label === 'string'
            ? [[value, label] as const]
            : [];
        });
        map.set(field.id, new Map(pairs));
      }
      setLabels(map);
    });
    return () => {
      current = false;
    };
  }, [formId, version]);
  return labels;
}

const NOT_ANSWERED = <span className="muted">Not answered</span>;

function personLine(value: unknown): string {
  const { name, role, detail } = (value ?? {}) as Record<string, unknown>;
  const parts = [
    typeof role === 'string' ? roleWord(role) : null,
    typeof detail === 'string' && detail !== '' ? detail : null,
  ];
  return `${typeof name === 'string' ? name : '(no name)'}${parts.some(Boolean) ? `, ${parts.filter(Boolean).join(', ')}` : ''}`;
}

/** A value of an unexpected shape, as stored. */
function plain(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return plain(value);
  return JSON.stringify(value) ?? '';
}

function answerWords(
  answer: CaseAnswer,
  options: ReadonlyMap<string, string> | undefined,
): ReactNode {
  const { type, value } = answer;
  if (value === null || value === undefined || value === '') return NOT_ANSWERED;
  const option = (v: string) => options?.get(v) ?? v;
  switch (type) {
    case 'yesno':
      return typeof value === 'boolean' ? (value ? 'Yes' : 'No') : plain(value);
    case 'date':
      return typeof value === 'string' ? formatDate(value) : plain(value);
    case 'datetime':
      return typeof value === 'string' ? formatDateTime(value) : plain(value);
    case 'choice':
      return typeof value === 'string' ? option(value) : plain(value);
    case 'multichoice':
      return Array.isArray(value) ? value.map((v) => option(plain(v))).join(', ') : plain(value);
    case 'people':
      if (!Array.isArray(value) || value.length === 0) return NOT_ANSWERED;
      return (
        <ul className="answer-list">
          {value.map((person, index) => (
            <li key={index}>{personLine(person)}</li>
          ))}
        </ul>
      );
    case 'attachments':
      if (!Array.isArray(value) || value.length === 0) return NOT_ANSWERED;
      return (
        <ul className="answer-list">
          {value.map((file, index) => {
            const { name, size } = (file ?? {}) as { name?: unknown; size?: unknown };
            return (
              <li key={index}>
                {plain(name)} {typeof size === 'number' && `(${formatSize(size)})`} — see
                Attachments
              </li>
            );
          })}
        </ul>
      );
    default:
      return typeof value === 'string' ? (
        <span className="answer-text">{value}</span>
      ) : (
        <code>{JSON.stringify(value)}</code>
      );
  }
}

export function ConcernAsFiled({ view, nav }: { view: CaseView; nav: LeadNavigation }) {
  const labels = useOptionLabels(view.formId, view.formVersion);
  const subject = view.people.filter((p) => p.how === 'subject');
  const named = view.people.filter((p) => p.how !== 'subject');

  return (
    <section className="case-panel" aria-labelledby="filed-title">
      <h2 id="filed-title">The concern as filed</h2>
      <dl className="facts">
        <div>
          <dt>Filed by</dt>
          <dd>
            {view.reporterName}, {view.reporterRole}
          </dd>
        </div>
        <div>
          <dt>Filed</dt>
          <dd>{formatDateTime(view.filedAt)}</dd>
        </div>
        <div>
          <dt>Received</dt>
          <dd>{formatDateTime(view.importedAt)}</dd>
        </div>
        <div>
          <dt>Form</dt>
          <dd>
            {view.formTitle} (version {view.formVersion})
          </dd>
        </div>
        {view.about !== null && (
          <div>
            <dt>About</dt>
            <dd>
              {view.about.name}, {recipientRoleWord(view.about.role)}
            </dd>
          </div>
        )}
      </dl>
      {(subject.length > 0 || named.length > 0) && (
        <>
          <h3 className="case-panel__subtitle">People</h3>
          <ul className="people-links">
            {[...subject, ...named].map((person) => (
              <li key={`${person.personId}:${person.how}`}>
                <button
                  type="button"
                  className="link-button"
                  onClick={() => nav.openPerson(person.personId)}
                >
                  {person.name}
                </button>{' '}
                <span className="muted">
                  {roleWord(person.role)}
                  {person.detail ? `, ${person.detail}` : ''}
                  {person.how === 'subject' ? ' · the person it is about' : ''}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
      <h3 className="case-panel__subtitle">Answers</h3>
      <dl className="answers answers--case">
        {view.answers.map((answer) => (
          <div className="answers__row" key={answer.fieldId}>
            <dt>{answer.label}</dt>
            <dd>{answerWords(answer, labels.get(answer.fieldId))}</dd>
          </div>
        ))}
      </dl>
      <h3 className="case-panel__subtitle">Attachments</h3>
      <AttachmentList
        reference={view.reference}
        attachments={view.attachments}
        notHeld={view.attachmentsNotHeld}
      />
    </section>
  );
}
