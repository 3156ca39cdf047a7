/**
 * What a newly imported case adds beside itself, in the same transaction: person records for the
 * people named in it (and the person it is about), its searchable text, and its state row.
 */
import type { ConcernDocument } from '../concerns';
import type { SchoolCalendar } from './calendar';
import { foldCase } from './fold';
import type { CaseStore, NewCase } from './store';

/** A `people` answer item: a name, a role, an optional detail. */
interface PersonAnswer {
  name: string;
  role: string;
  detail?: string;
}

function isPersonAnswer(value: unknown): value is PersonAnswer {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.name === 'string' &&
    typeof v.role === 'string' &&
    (v.detail === undefined || typeof v.detail === 'string')
  );
}

/** The people a concern names in its answers. */
export function namedPeople(document: ConcernDocument): PersonAnswer[] {
  return Object.values(document.answers).flatMap((value) =>
    Array.isArray(value) ? value.filter(isPersonAnswer) : [],
  );
}

/** Every piece of text of a concern worth finding it by. */
export function searchableText(document: ConcernDocument): string {
  const parts: string[] = [document.reference, document.reporter.name, document.reporter.role];
  if (document.about) parts.push(document.about.name);
  for (const value of Object.values(document.answers)) {
    if (typeof value === 'string') parts.push(value);
    if (!Array.isArray(value)) continue;
    for (const item of value) {
      if (typeof item === 'string') parts.push(item);
      else if (isPersonAnswer(item)) parts.push(item.name, item.role, item.detail ?? '');
      else if (typeof item === 'object' && item !== null && 'name' in item) {
        parts.push(String((item as { name: unknown }).name));
      }
    }
  }
  return parts.filter((p) => p.trim() !== '').join('\n');
}

/** People, search text and state for a case just inserted (call inside its transaction). */
export function indexNewCase(
  store: CaseStore,
  input: NewCase,
  context: { calendar: SchoolCalendar; now: Date },
): void {
  const d = input.document;
  for (const person of namedPeople(d)) {
    const record = store.people.findOrCreate(person.name, person.role, input.importedAt);
    store.people.link(d.concernId, record.personId, 'named', person.detail ?? null);
  }
  if (d.about) {
    // The person a concern is about is a lead, the head or the chair: an adult on the staff.
    const record = store.people.findOrCreate(d.about.name, 'staff', input.importedAt);
    store.people.link(d.concernId, record.personId, 'subject', null);
  }
  store.search.put(d.concernId, searchableText(d));
  store.state.put(
    {
      caseId: d.concernId,
      reference: d.reference,
      formVersion: d.form.version,
      filedAt: d.times.writtenAt,
      formId: d.form.id,
      kind: input.kind,
      urgency: d.urgency,
      reporterRole: d.reporter.role,
    },
    foldCase([], context),
    input.importedAt,
  );
}
