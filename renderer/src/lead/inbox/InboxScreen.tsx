/**
 * The inbox: urgent and untriaged first, then newest (the core orders it), 50 a page — never
 * everything, so it stays quick at 100,000 cases. Filters, "Import now", and the quarantined
 * files apart. It refreshes when an import brings something and every minute while open.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useState } from 'react';
import { useController, useForm } from 'react-hook-form';
import { z } from 'zod';
import { FailureNotice } from '../../components/FailureNotice';
import { useHeadingFocus } from '../../components/useHeadingFocus';
import { load, type Loadable } from '../../loadable';
import type { Inbox, LeadNavigation } from '../types';
import {
  CaseFilterFields,
  filterDraftSchema,
  filtering,
  noFilters,
  toCaseFilters,
  type FilterDraft,
} from './CaseFilterFields';
import { CaseTable } from './CaseTable';
import { QuarantinePanel } from './QuarantinePanel';

export const PAGE_SIZE = 50;

const inboxFiltersSchema = z.object({ filters: filterDraftSchema });
export const REFRESH_EVERY_MS = 60_000;

export interface InboxQuery {
  filters: FilterDraft;
  offset: number;
}

export interface ImportState {
  busy: boolean;
  /** What the last import found, in words, or its failure. */
  result: Loadable<string> | null;
}

interface InboxScreenProps {
  query: InboxQuery;
  onQuery: (query: InboxQuery) => void;
  /** Changes whenever the data may have changed (an import): the page reloads. */
  version: number;
  importState: ImportState;
  onImport: () => void;
  nav: LeadNavigation;
}

function pageWords(inbox: Inbox, offset: number, filtered: boolean): string {
  if (inbox.total === 0) return filtered ? 'No cases match these filters.' : 'No cases yet.';
  const cases = `${inbox.total.toLocaleString('en-GB')} ${inbox.total === 1 ? 'case' : 'cases'}`;
  const shown =
    inbox.total <= PAGE_SIZE
      ? ''
      : ` Showing ${(offset + 1).toLocaleString('en-GB')}–${(offset + inbox.rows.length).toLocaleString('en-GB')}.`;
  const match = inbox.total === 1 ? 'matches' : 'match';
  return `${cases}${filtered ? ` ${match} these filters` : ''}.${shown}`;
}

export function InboxScreen({
  query,
  onQuery,
  version,
  importState,
  onImport,
  nav,
}: InboxScreenProps) {
  const heading = useHeadingFocus<HTMLHeadingElement>();
  const [inbox, setInbox] = useState<Loadable<Inbox>>({ state: 'loading' });
  const form = useForm<{ filters: FilterDraft }>({
    resolver: zodResolver(inboxFiltersSchema),
    defaultValues: { filters: query.filters },
  });
  const { field: filterField } = useController({ control: form.control, name: 'filters' });
  const dateError = form.formState.errors.filters?.from?.message;
  const [tick, setTick] = useState(0);

  useEffect(() => {
    const timer = setInterval(() => setTick((t) => t + 1), REFRESH_EVERY_MS);
    return () => clearInterval(timer);
  }, []);

  useEffect(() => {
    let current = true;
    void load((api) =>
      api['lead.inbox']({
        filters: toCaseFilters(query.filters),
        offset: query.offset,
        limit: PAGE_SIZE,
      }),
    ).then((result) => {
      // A refresh that fails keeps the page shown; the first load says why.
      if (current)
        setInbox((before) =>
          result.state === 'failed' && before.state === 'ready' ? before : result,
        );
    });
    return () => {
      current = false;
    };
  }, [query, version, tick]);

  const apply = form.handleSubmit(({ filters }) => onQuery({ filters, offset: 0 }));

  const clear = () => {
    form.reset({ filters: noFilters });
    onQuery({ filters: noFilters, offset: 0 });
  };

  const filtered = filtering(query.filters);
  const value = inbox.state === 'ready' ? inbox.value : null;
  const pages = value === null ? 0 : Math.max(1, Math.ceil(value.total / PAGE_SIZE));
  const page = Math.floor(query.offset / PAGE_SIZE) + 1;

  return (
    <div className="inbox">
      <div className="inbox__head">
        <h1 ref={heading} tabIndex={-1}>
          Inbox
        </h1>
        <div className="inbox__import">
          <button
            type="button"
            className="button button--secondary button--compact"
            aria-disabled={importState.busy ? true : undefined}
            onClick={() => {
              if (!importState.busy) onImport();
            }}
          >
            Import now
          </button>
          <p className="inbox__import-result" role="status">
            {importState.busy && 'Checking the share for new concerns…'}
            {!importState.busy && importState.result?.state === 'ready' && importState.result.value}
          </p>
        </div>
      </div>
      {!importState.busy && importState.result?.state === 'failed' && (
        <FailureNotice failure={importState.result.failure} />
      )}
      <form
        className="filters"
        aria-label="Filter the inbox"
        noValidate
        onSubmit={(event) => void apply(event)}
      >
        <CaseFilterFields
          idPrefix="inbox"
          value={filterField.value}
          onChange={filterField.onChange}
          dateError={dateError}
        />
        <div className="filters__actions">
          <button type="submit" className="button button--primary button--compact">
            Apply filters
          </button>
          <button type="button" className="button button--quiet" onClick={clear}>
            Clear filters
          </button>
        </div>
      </form>
      <p className="inbox__count" role="status">
        {value !== null && pageWords(value, query.offset, filtered)}
      </p>
      {inbox.state === 'loading' && <p className="muted">Loading the inbox&hellip;</p>}
      {inbox.state === 'failed' && <FailureNotice failure={inbox.failure} />}
      {value !== null && value.rows.length > 0 && (
        <CaseTable
          rows={value.rows}
          caption="Cases: urgent and not yet triaged first, then newest"
          onOpen={nav.openCase}
        />
      )}
      {value !== null && pages > 1 && (
        <nav className="pager" aria-label="Inbox pages">
          <button
            type="button"
            className="button button--secondary button--compact"
            disabled={page <= 1}
            onClick={() => onQuery({ ...query, offset: Math.max(0, query.offset - PAGE_SIZE) })}
          >
            Previous page
          </button>
          <p className="pager__where">
            Page {page.toLocaleString('en-GB')} of {pages.toLocaleString('en-GB')}
          </p>
          <button
            type="button"
            className="button button--secondary button--compact"
            disabled={page >= pages}
            onClick={() => onQuery({ ...query, offset: query.offset + PAGE_SIZE })}
          >
            Next page
          </button>
        </nav>
      )}
      {value !== null && <QuarantinePanel count={value.quarantined} version={version} />}
    </div>
  );
}
