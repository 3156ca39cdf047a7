/**
 * A person's chronology: every case naming them (or a record merged with theirs) and every event
 * on those cases, in date order, with the merges that join their records; for an adult, how many
 * low-level concerns were filed in the last 12 months (the pattern KCSIE asks leads to look for).
 */
import { SafeguardError } from '../errors';
import type { EventBody } from './events/types';
import { CaseQueries, mergedGroup, type InboxRow } from './queries';
import type { CaseStore, PersonRecord } from './store';

/** One line of a chronology: a concern as filed (event null), or an event on it. */
export interface ChronologyEntry {
  at: string;
  caseId: string;
  reference: string;
  event: EventBody | null;
}

/** A merge of two person records that has not been undone. */
export interface PersonMerge {
  mergeId: string;
  at: string;
  from: PersonRecord;
  into: PersonRecord;
}

export interface Chronology {
  person: PersonRecord;
  /** Other records merged with this one. */
  mergedWith: PersonRecord[];
  /** The merges in force that join this person's records, each undoable by its event id. */
  merges: PersonMerge[];
  cases: InboxRow[];
  entries: ChronologyEntry[];
  /** For an adult: low-level concerns filed in the last 12 months; null for a pupil. */
  lowLevelLast12Months: number | null;
}

/** The chronology of `personId` as the store holds it at `now` (the caller audits the view). */
export function chronologyOf(store: CaseStore, personId: string, now: Date): Chronology {
  const person = store.people.get(personId);
  if (person === null) throw new SafeguardError('unknown-person', 'There is no such person.');
  const peopleEvents = store.events.peopleEvents();
  const group = mergedGroup(personId, peopleEvents);
  const people = group.flatMap((id) => store.people.get(id) ?? []);
  const cases = new CaseQueries(store.db).rowsFor(store.people.casesOf(group), now);
  const entries: ChronologyEntry[] = [];
  for (const c of cases) {
    entries.push({ at: c.filedAt, caseId: c.caseId, reference: c.reference, event: null });
    for (const event of store.events.forCase(c.caseId)) {
      if (event.type === 'case-opened') continue;
      entries.push({ at: event.at, caseId: c.caseId, reference: c.reference, event });
    }
  }
  entries.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  const adult = people.some((p) => p.role !== 'pupil');
  const yearAgo = new Date(now);
  yearAgo.setUTCFullYear(yearAgo.getUTCFullYear() - 1);
  const lowLevel = cases.filter(
    (c) => c.pathway === 'low-level' && Date.parse(c.filedAt) >= yearAgo.getTime(),
  ).length;
  return {
    person,
    mergedWith: people.filter((p) => p.personId !== personId),
    merges: mergesIn(store, group, peopleEvents),
    cases,
    entries,
    lowLevelLast12Months: adult ? lowLevel : null,
  };
}

/** The merges in force between records of `group`, oldest first. */
function mergesIn(
  store: CaseStore,
  group: readonly string[],
  peopleEvents: readonly EventBody[],
): PersonMerge[] {
  const undone = new Set(
    peopleEvents.flatMap((e) => (e.type === 'people-unmerged' ? [e.payload.merge] : [])),
  );
  const members = new Set(group);
  return peopleEvents.flatMap((e) => {
    if (e.type !== 'people-merged' || undone.has(e.eventId)) return [];
    if (!members.has(e.payload.from)) return [];
    const from = store.people.get(e.payload.from);
    const into = store.people.get(e.payload.into);
    return from && into ? [{ mergeId: e.eventId, at: e.at, from, into }] : [];
  });
}
