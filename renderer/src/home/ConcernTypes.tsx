/** The concern types in plain words, each a button, filtered by "Search concern types". */
import { useState, type Ref } from 'react';
import type { OperationOutput } from '../../../src/api/contract';
import { matchesSearch } from './search';

export type FormSummary = OperationOutput<'forms.list'>[number];

interface ConcernTypesProps {
  forms: readonly FormSummary[];
  onChoose: (formId: string) => void;
  /** The list itself: "Report a concern" moves focus here. */
  listRef: Ref<HTMLUListElement>;
}

/** The catch-all form ("Another concern about online conduct"): where an unsure search goes. */
const isCatchAll = (form: FormSummary) => /(^|-)other(-|$)/.test(form.id);

/** Urgent ones first (as the code of conduct lists them), the catch-all "other" form last. */
function rank(form: FormSummary): number {
  if (isCatchAll(form)) return 2;
  return form.defaultUrgency === 'urgent' ? 0 : 1;
}

export function ConcernTypes({ forms, onChoose, listRef }: ConcernTypesProps) {
  const [query, setQuery] = useState('');
  const typed = query.trim();
  const shown = forms
    .filter((form) => matchesSearch(form, typed))
    .sort((a, b) => rank(a) - rank(b) || a.title.localeCompare(b.title, 'en-GB'));
  const catchAll = forms.find(isCatchAll);
  let status = '';
  if (typed !== '') {
    status =
      shown.length === 0 && catchAll !== undefined
        ? `No concern type matches. If you are not sure, choose ${catchAll.title}.`
        : `${shown.length} of ${forms.length} concern types shown.`;
  }

  return (
    <section className="concern-types" aria-labelledby="concern-types-title">
      <h2 id="concern-types-title" className="concern-types__title">
        What is it about?
      </h2>
      <div className="search">
        <label htmlFor="concern-search" className="search__label">
          Search concern types
        </label>
        <input
          id="concern-search"
          className="input search__input"
          type="search"
          autoComplete="off"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
        />
      </div>
      <p className="visually-hidden" role="status">
        {status}
      </p>
      <ul
        id="concern-types"
        className="type-list"
        ref={listRef}
        tabIndex={-1}
        aria-labelledby="concern-types-title"
      >
        {shown.map((form) => (
          <li key={form.id}>
            <button type="button" className="type-button" onClick={() => onChoose(form.id)}>
              <span className="type-button__title">{form.title}</span>
              <span className="type-button__summary">{form.summary}</span>
            </button>
          </li>
        ))}
      </ul>
      {shown.length === 0 && catchAll !== undefined && (
        <div className="no-match">
          <p>
            Nothing matches &ldquo;{typed}&rdquo;. If you are not sure, choose{' '}
            <strong>{catchAll.title}</strong>: the DSL will decide what it is.
          </p>
          <button type="button" className="type-button" onClick={() => onChoose(catchAll.id)}>
            <span className="type-button__title">{catchAll.title}</span>
            <span className="type-button__summary">{catchAll.summary}</span>
          </button>
        </div>
      )}
      {shown.length === 0 && catchAll === undefined && (
        <p className="muted">
          No concern type matches &ldquo;{typed}&rdquo;. Try other words, or clear the search to see
          them all.
        </p>
      )}
    </section>
  );
}
