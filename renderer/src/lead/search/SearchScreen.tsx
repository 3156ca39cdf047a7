/**
 * Search: cases by the words in their answers, notes and names, with the inbox's filters; and
 * people by name, each a way into their chronology. Each search is audited by the core.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useController, useForm } from 'react-hook-form';
import { z } from 'zod';
import { FailureNotice } from '../../components/FailureNotice';
import { useHeadingFocus } from '../../components/useHeadingFocus';
import { load, type Loadable } from '../../loadable';
import { words } from '../case/checks';
import { FormTextInput } from '../form-fields';
import {
  CaseFilterFields,
  filterDraftSchema,
  noFilters,
  toCaseFilters,
  type FilterDraft,
} from '../inbox/CaseFilterFields';
import { CaseTable } from '../inbox/CaseTable';
import type { InboxRow, LeadNavigation, Person } from '../types';
import { roleWord } from '../words';

const casesSchema = z.object({
  words: words('Enter a word or words to find.', 500),
  filters: filterDraftSchema,
});
const peopleSchema = z.object({ name: words('Enter a name, or part of one.', 200) });

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
  // The last search's words and filters come back when the lead returns to this screen.
  const cases = useForm<z.input<typeof casesSchema>, unknown, z.output<typeof casesSchema>>({
    resolver: zodResolver(casesSchema),
    defaultValues: { words: state.words, filters: state.filters },
  });
  const { field: filterField } = useController({ control: cases.control, name: 'filters' });
  const people = useForm<z.input<typeof peopleSchema>, unknown, z.output<typeof peopleSchema>>({
    resolver: zodResolver(peopleSchema),
    defaultValues: { name: state.name },
  });

  const search = cases.handleSubmit(async ({ words, filters }) => {
    onState((s) => ({ ...s, words, filters, results: { words, rows: { state: 'loading' } } }));
    const rows = await load((api) =>
      api['lead.search']({ query: words, filters: toCaseFilters(filters) }),
    );
    onState((s) => ({ ...s, results: { words, rows } }));
  });

  const findPeople = people.handleSubmit(async ({ name }) => {
    onState((s) => ({ ...s, name, people: { name, list: { state: 'loading' } } }));
    const list = await load((api) => api['lead.people']({ name }));
    onState((s) => ({ ...s, people: { name, list } }));
  });

  const rows = state.results?.rows;
  const found = state.people?.list;

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
          <FormTextInput
            control={cases.control}
            name="words"
            id="search-words"
            label="Words to find"
            type="search"
            help="Searches the answers, notes and names of every case. Every word must match."
          />
          <CaseFilterFields
            idPrefix="search"
            value={filterField.value}
            onChange={filterField.onChange}
            dateError={cases.formState.errors.filters?.from?.message}
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
          <FormTextInput
            control={people.control}
            name="name"
            id="search-name"
            label="Name"
            type="search"
            help="Finds the people named in concerns; open one for their chronology."
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
        {found?.state === 'ready' && state.people !== null && (
          <p>
            {found.value.length === 0
              ? `Nobody found named “${state.people.name}”.`
              : `${found.value.length === 1 ? '1 person' : `${found.value.length} people`} found named “${state.people.name}”.`}
          </p>
        )}
      </div>
      {rows?.state === 'failed' && <FailureNotice failure={rows.failure} />}
      {found?.state === 'failed' && <FailureNotice failure={found.failure} />}

      {found?.state === 'ready' && found.value.length > 0 && (
        <section aria-labelledby="people-found-title" className="found-people">
          <h2 id="people-found-title">People named “{state.people?.name}”</h2>
          <ul className="people-links">
            {found.value.map((person) => (
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
