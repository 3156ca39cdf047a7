/**
 * Search: cases by the words in their answers, notes and names, with the inbox's filters; and
 * people by name, each a way into their chronology. Each search is audited by the core.
 */
import { useState, type FormEvent } from 'react';
import { FailureNotice } from '../../components/FailureNotice';
import { useHeadingFocus } from '../../components/useHeadingFocus';
import { load, type Loadable } from '../../loadable';
import { TextInputField } from '../fields';
import {
  CaseFilterFields,
  filterProblem,
  noFilters,
  toCaseFilters,
  type FilterDraft,
} from '../inbox/CaseFilterFields';
import { CaseTable } from '../inbox/CaseTable';
import type { InboxRow, LeadNavigation, Person } from '../types';
import { roleWord } from '../words';

/** The core returns at most this many results; more means "narrow it". */
const SEARCH_LIMIT = 200;

export interface SearchState {
  words: string;
  filters: FilterDraft;
  results: { words: string; rows: Loadable<InboxRow[]> } | null;
  name: string;
  people: { name: string; list: Loadable<Person[]> } | null;
}

export const emptySearch: SearchState = {
  words: '',
  filters: noFilters,
  results: null,
  name: '',
  people: null,
};

interface SearchScreenProps {
  state: SearchState;
  onState: (update: (state: SearchState) => SearchState) => void;
  nav: LeadNavigation;
}

function resultWords(count: number, words: string): string {
  if (count === 0) return `No cases found for “${words}”.`;
  const found = count === 1 ? '1 case found' : `${count} cases found`;
  const more = count >= SEARCH_LIMIT ? ' (the first 200: add words or filters to narrow it)' : '';
  return `${found} for “${words}”${more}.`;
}

export function SearchScreen({ state, onState, nav }: SearchScreenProps) {
  const heading = useHeadingFocus<HTMLHeadingElement>();
  const [wordsError, setWordsError] = useState<string | undefined>(undefined);
  const [dateError, setDateError] = useState<string | undefined>(undefined);
  const [nameError, setNameError] = useState<string | undefined>(undefined);

  const search = async (event: FormEvent) => {
    event.preventDefault();
    const words = state.words.trim();
    const noWords = words === '' ? 'Enter a word or words to find.' : undefined;
    const dates = filterProblem(state.filters) ?? undefined;
    setWordsError(noWords);
    setDateError(dates);
    if (noWords !== undefined || dates !== undefined) return;
    onState((s) => ({ ...s, results: { words, rows: { state: 'loading' } } }));
    const rows = await load((api) =>
      api['lead.search']({ query: words, filters: toCaseFilters(state.filters) }),
    );
    onState((s) => ({ ...s, results: { words, rows } }));
  };

  const findPeople = async (event: FormEvent) => {
    event.preventDefault();
    const name = state.name.trim();
    const problem = name === '' ? 'Enter a name, or part of one.' : undefined;
    setNameError(problem);
    if (problem !== undefined) return;
    onState((s) => ({ ...s, people: { name, list: { state: 'loading' } } }));
    const list = await load((api) => api['lead.people']({ name }));
    onState((s) => ({ ...s, people: { name, list } }));
  };

  const rows = state.results?.rows;
  const people = state.people?.list;

  return (
    <div className="search-screen">
      <h1 ref={heading} tabIndex={-1}>
        Search
      </h1>
      <div className="search-screen__forms">
        <form
          className="filters"
          aria-labelledby="search-cases-title"
          noValidate
          onSubmit={(event) => void search(event)}
        >
          <h2 id="search-cases-title" className="filters__title">
            Cases
          </h2>
          <TextInputField
            id="search-words"
            label="Words to find"
            type="search"
            value={state.words}
            onChange={(words) => onState((s) => ({ ...s, words }))}
            help="Searches the answers, notes and names of every case. Every word must match."
            error={wordsError}
          />
          <CaseFilterFields
            idPrefix="search"
            value={state.filters}
            onChange={(filters) => onState((s) => ({ ...s, filters }))}
            dateError={dateError}
          />
          <div className="filters__actions">
            <button type="submit" className="button button--primary button--compact">
              Search cases
            </button>
          </div>
        </form>
        <form
          className="filters filters--people"
          aria-labelledby="search-people-title"
          noValidate
          onSubmit={(event) => void findPeople(event)}
        >
          <h2 id="search-people-title" className="filters__title">
            People
          </h2>
          <TextInputField
            id="search-name"
            label="Name"
            type="search"
            value={state.name}
            onChange={(name) => onState((s) => ({ ...s, name }))}
            help="Finds the people named in concerns; open one for their chronology."
            error={nameError}
          />
          <div className="filters__actions">
            <button type="submit" className="button button--primary button--compact">
              Find people
            </button>
          </div>
        </form>
      </div>

      <div role="status" className="search-screen__said">
        {rows?.state === 'loading' && <p className="muted">Searching&hellip;</p>}
        {rows?.state === 'ready' && state.results !== null && (
          <p>{resultWords(rows.value.length, state.results.words)}</p>
        )}
        {people?.state === 'ready' && state.people !== null && (
          <p>
            {people.value.length === 0
              ? `Nobody found named “${state.people.name}”.`
              : `${people.value.length === 1 ? '1 person' : `${people.value.length} people`} found named “${state.people.name}”.`}
          </p>
        )}
      </div>
      {rows?.state === 'failed' && <FailureNotice failure={rows.failure} />}
      {people?.state === 'failed' && <FailureNotice failure={people.failure} />}

      {people?.state === 'ready' && people.value.length > 0 && (
        <section aria-labelledby="people-found-title" className="found-people">
          <h2 id="people-found-title">People named “{state.people?.name}”</h2>
          <ul className="people-links">
            {people.value.map((person) => (
              <li key={person.personId}>
                <button
                  type="button"
                  className="link-button"
                  onClick={() => nav.openPerson(person.personId)}
                >
                  {person.name}
                </button>{' '}
                <span className="muted">{roleWord(person.role)}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {rows?.state === 'ready' && rows.value.length > 0 && (
        <section aria-labelledby="cases-found-title">
          <h2 id="cases-found-title">Cases found</h2>
          <CaseTable rows={rows.value} caption="Cases found, newest first" onOpen={nav.openCase} />
        </section>
      )}
    </div>
  );
}
