/** The concern types in plain words, each a button, filtered by "Search concern types". */
import { useState, type Ref } from 'react';
import type { OperationOutput } from '../../../src/api/contract';

export type FormSummary = OperationOutput<'forms.list'>[number];

interface ConcernTypesProps {
  forms: readonly FormSummary[];
  onChoose: (formId: string) => void;
  /** The list itself: "Report a concern" moves focus here. */
  listRef: Ref<HTMLUListElement>;
}

function matches(form: FormSummary, query: string): boolean {
  const text = `${form.title} ${form.summary}`.toLowerCase();
  return query
    .toLowerCase()
    .split(/\s+/)
    .every((word) => text.includes(word));
}

/** Urgent ones first (as the code of conduct lists them), the catch-all "other" form last. */
function rank(form: FormSummary): number {
  if (/(^|-)other(-|$)/.test(form.id)) return 2;
  return form.defaultUrgency === 'urgent' ? 0 : 1;
}

export function ConcernTypes({ forms, onChoose, listRef }: ConcernTypesProps) {
  const [query, setQuery] = useState('');
  const shown = forms
    .filter((form) => matches(form, query.trim()))
    .sort((a, b) => rank(a) - rank(b) || a.title.localeCompare(b.title, 'en-GB'));

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
        {query.trim() === '' ? '' : `${shown.length} of ${forms.length} concern types shown.`}
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
      {shown.length === 0 && (
        <p className="muted">
          No concern type matches &ldquo;{query.trim()}&rdquo;. Try other words, or clear the search
          to see them all.
        </p>
      )}
    </section>
  );
}
