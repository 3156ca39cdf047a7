/**
 * Casework for one unlocked lead: records signed events on cases (checked against the case as it
 * stands, signed, stored, audited, and the case's state refolded, in one transaction), opens
 * cases (the first opening is itself an event, and what "acknowledged" tells the reporter), and
 * answers the inbox, search, chronology and audit questions. Every access is audited.
 */
import { createHash, randomUUID } from 'node:crypto';
import { concernDocumentSchema, type ConcernDocument } from '../concerns';
import { canonicalBytes } from '../crypto';
import { SafeguardError } from '../errors';
import { caseLeadIds } from './case-leads';
import type { SchoolCalendar } from './calendar';
import { eventSignatureValid, signEvent } from './events/signing';
import {
  eventBodySchema,
  eventPayloads,
  type EventBody,
  type EventType,
  type PayloadOf,
  type SignedEvent,
} from './events/types';
import { foldCase, type CaseState } from './fold';
import { chronologyOf, type Chronology } from './chronology';
import { CaseQueries, mergedGroup, type CaseFilters, type InboxRow } from './queries';
import { checkNewEvent } from './recording';
import { indexNewCase } from './indexing';
import type { AuditKind, CaseDetail, CaseStore, NewCase, PersonRecord } from './store';

export type { Chronology, ChronologyEntry, PersonMerge } from './chronology';

/** Who is working: the lead's recipient id and a signer made from their signing key. */
export interface CaseworkActor {
  recipientId: string;
  sign: (message: Uint8Array) => string;
}

/** The school's recipients as the pinned profile lists them: id → name, role, verify key. */
export type Roster = ReadonlyMap<
  string,
  { name: string; role: string; verifyKey?: string | undefined }
>;

/** A case: the concern as filed, its state, and the people linked to it. */
export interface CaseRecord {
  caseId: string;
  detail: CaseDetail;
  document: ConcernDocument;
  state: CaseState;
  people: Array<{
    personId: string;
    name: string;
    role: string;
    how: string;
    detail: string | null;
  }>;
}

export class Casework {
  private readonly now: () => Date;
  private readonly listeners = new Set<() => void>();

  constructor(
    readonly store: CaseStore,
    private readonly actor: CaseworkActor,
    private readonly roster: Roster,
    private readonly calendar: () => SchoolCalendar,
    now?: () => Date,
  ) {
    this.now = now ?? (() => new Date());
  }

  /**
   * Calls `listener` after each change to the record is committed (an event recorded or received,
   * the calendar changed); returns how to stop. A listener's failure never undoes the change.
   */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Tells the listeners the record changed (after the change is committed). */
  changed(): void {
    for (const listener of this.listeners) {
      try {
        listener();
      } catch {
        /* a listener's problem is its own: the change stands */
      }
    }
  }

  /** Appends an audit entry for something the lead did (not an event: views, searches…). */
  audit(kind: AuditKind, detail: Record<string, unknown>): void {
    this.store.audit.append(
      { at: this.now().toISOString(), actor: this.actor.recipientId, kind, detail },
      this.actor.sign,
    );
  }

  /** The concern id of a reference, or a clear error. */
  caseIdOf(reference: string): string {
    const id = this.store.cases.idOf(reference);
    if (id === null) {
      throw new SafeguardError('unknown-reference', `No concern has the reference ${reference}.`);
    }
    return id;
  }

  /** A case's current state, folded from its events. */
  state(caseId: string): CaseState {
    return foldCase(this.store.events.forCase(caseId), {
      calendar: this.calendar(),
      now: this.now(),
    });
  }

  /**
   * Opens a case for the lead to read: audited every time; the first time, a signed
   * `case-opened` event (a lead has it: the reporter's receipt then says so).
   */
  open(reference: string): CaseRecord {
    const caseId = this.caseIdOf(reference);
    if (!this.store.state.opened(caseId)) this.record(caseId, 'case-opened', {});
    this.audit('case-viewed', { caseId, reference });
    return this.read(caseId);
  }

  /** A case without auditing or opening it (for what the lead just changed). */
  read(caseId: string): CaseRecord {
    const detail = this.store.cases.byConcernId(caseId);
    const signed = this.store.cases.signedDocument(caseId);
    if (detail === null || signed === null) {
      throw new SafeguardError('unknown-reference', 'There is no such case.');
    }
    const document = concernDocumentSchema.parse(JSON.parse(signed));
    return {
      caseId,
      detail,
      document,
      state: this.state(caseId),
      people: this.store.people.forCase(caseId),
    };
  }

  /**
   * Records one event on a case: checked against the case as it stands, signed by the lead,
   * stored with its audit entry, and the case's state and search text brought up to date.
   */
  record<T extends EventType>(caseId: string | null, type: T, payload: PayloadOf<T>): SignedEvent {
    const signed = this.store.transaction(() => {
      if (caseId !== null) this.requireRecipient(caseId, this.actor.recipientId);
      const events =
        caseId === null ? this.store.events.peopleEvents() : this.store.events.forCase(caseId);
      const state = foldCase(events, { calendar: this.calendar(), now: this.now() });
      const parsed = eventPayloads[type].safeParse(payload);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new SafeguardError(
          'invalid-input',
          `That ${type.replace(/-/g, ' ')} is not complete${issue ? ` (${issue.path.join('.') || 'entry'}: ${issue.message})` : ''}.`,
        );
      }
      checkNewEvent(type, payload, state, events);
      const body = eventBodySchema.parse({
        format: 'safeguard-desk/case-event',
        formatVersion: 1,
        eventId: randomUUID(),
        caseId,
        type,
        payload,
        author: this.actor.recipientId,
        at: this.now().toISOString(),
      });
      const signed = signEvent(body, this.actor.sign);
      this.store.events.insert(signed, body.at);
      // On its way to the case's other leads through the share (casework/sync).
      if (caseId !== null) this.store.sync.queue(body.eventId, caseId, body.at);
      this.afterEvent(signed, caseId);
      return signed;
    });
    this.changed();
    return signed;
  }

  /**
   * Takes in one case event signed by another lead (issue 10), as `receiveAll` does. Returns
   * false for one already held.
   */
  receive(signed: SignedEvent): boolean {
    return this.receiveAll([signed]).length > 0;
  }

  /**
   * Takes in a case another lead shared with this one (casework/sync/history.ts), stored as an
   * import stores a concern: with its people, search text and state. False when already held.
   */
  adopt(input: NewCase): boolean {
    const inserted = this.store.cases.insertCases([input], (c) =>
      indexNewCase(this.store, c, { calendar: this.calendar(), now: this.now() }),
    );
    return inserted.length > 0;
  }

  /**
   * Takes in a batch of events from the share (casework/sync), all or none: each checked as
   * `receive` checks one, then stored with its audit entry; each changed case is worked out once
   * at the end rather than after every event. Returns the case id of each new event (events
   * already held are skipped). Throws, storing nothing, when any event is refused.
   */
  receiveAll(events: readonly SignedEvent[]): string[] {
    for (const { event, signature } of events) {
      const author = this.roster.get(event.author);
      if (!author?.verifyKey || !eventSignatureValid({ event, signature }, author.verifyKey)) {
        throw new SafeguardError('bad-signature', 'Its signature is not by a lead of this school.');
      }
    }
    const fresh = this.store.transaction(() => {
      const checked = new Set<string>();
      const cases = new Map<string, boolean>(); // case id → its search text needs redoing
      const stored: string[] = [];
      const at = this.now().toISOString();
      for (const signed of events) {
        const { caseId, author, type } = signed.event;
        if (caseId === null) continue;
        if (!checked.has(`${caseId} ${author}`)) {
          this.requireRecipient(caseId, author);
          checked.add(`${caseId} ${author}`);
        }
        if (!this.store.events.insert(signed, at)) continue;
        this.auditEvent(signed);
        stored.push(caseId);
        cases.set(
          caseId,
          (cases.get(caseId) ?? false) || type === 'note-added' || type === 'corrected',
        );
      }
      for (const [caseId, reindex] of cases) {
        this.refresh(caseId);
        if (reindex) this.reindex(caseId);
      }
      return stored;
    });
    if (fresh.length > 0) this.changed();
    return fresh;
  }

  /** Full-text search over answers, notes and names, with filters; audited. */
  search(query: string, filters: CaseFilters, limit = 200): InboxRow[] {
    this.audit('search', { query, filters: { ...filters } });
    return new CaseQueries(this.store.db).search(query, filters, limit, this.now());
  }

  /** People whose name contains `text`. */
  findPeople(text: string): PersonRecord[] {
    return this.store.people.findByName(text);
  }

  /** A person's chronology (chronology.ts); audited. */
  chronology(personId: string): Chronology {
    const found = chronologyOf(this.store, personId, this.now());
    this.audit('chronology-viewed', { personId });
    return found;
  }

  /** Merges two person records (an event; reversible with `unmergePeople`). */
  mergePeople(fromId: string, intoId: string): SignedEvent {
    for (const id of [fromId, intoId]) {
      if (this.store.people.get(id) === null) {
        throw new SafeguardError('unknown-person', 'There is no such person.');
      }
    }
    if (fromId === intoId) throw new SafeguardError('invalid-input', 'Those are the same record.');
    if (mergedGroup(intoId, this.store.events.peopleEvents()).includes(fromId)) {
      throw new SafeguardError('invalid-input', 'Those records are already merged.');
    }
    return this.record(null, 'people-merged', { from: fromId, into: intoId });
  }

  /** Undoes a merge, with a reason. */
  unmergePeople(mergeEventId: string, reason: string): SignedEvent {
    const merge = this.store.events
      .peopleEvents()
      .find((e) => e.eventId === mergeEventId && e.type === 'people-merged');
    if (!merge) throw new SafeguardError('unknown-event', 'There is no such merge.');
    const undone = this.store.events
      .peopleEvents()
      .some((e) => e.type === 'people-unmerged' && e.payload.merge === mergeEventId);
    if (undone) throw new SafeguardError('invalid-input', 'That merge is already undone.');
    return this.record(null, 'people-unmerged', { merge: mergeEventId, reason });
  }

  /** Recomputes a case's stored state from its events. */
  refresh(caseId: string): void {
    const detail = this.store.cases.byConcernId(caseId);
    if (detail === null) return;
    this.store.state.put(
      {
        caseId,
        reference: detail.reference,
        formVersion: detail.formVersion,
        filedAt: detail.filedAt,
        formId: detail.formId,
        kind: detail.kind,
        urgency: detail.urgency,
        reporterRole: detail.reporterRole,
      },
      this.state(caseId),
      this.now().toISOString(),
    );
  }

  private afterEvent(signed: SignedEvent, caseId: string | null): void {
    const { event } = signed;
    this.auditEvent(signed);
    if (caseId === null) return;
    this.refresh(caseId);
    if (event.type === 'note-added' || event.type === 'corrected') this.reindex(caseId);
  }

  /** The audit entry for an event recorded or received: its id, type, case, author and hash. */
  private auditEvent(signed: SignedEvent): void {
    const { event } = signed;
    this.store.audit.append(
      {
        at: this.now().toISOString(),
        actor: this.actor.recipientId,
        kind: 'event',
        detail: {
          eventId: event.eventId,
          type: event.type,
          caseId: event.caseId,
          author: event.author,
          bodySha256: sha256Hex(canonicalBytes(event)),
        },
      },
      this.actor.sign,
    );
  }

  /** The case's search text: the concern, plus every note as it now reads. */
  private reindex(caseId: string): void {
    const base = this.store.search.get(caseId).split('\n--- notes ---\n')[0] ?? '';
    const notes = this.state(caseId).notes.map((n) => n.text);
    this.store.search.put(
      caseId,
      notes.length ? `${base}\n--- notes ---\n${notes.join('\n')}` : base,
    );
  }

  /** Only a case's leads (sealed to at filing, or shared with since) may record on it. */
  private requireRecipient(caseId: string, recipientId: string): void {
    if (this.store.cases.signedDocument(caseId) === null) {
      throw new SafeguardError('unknown-reference', 'There is no such case.');
    }
    if (!caseLeadIds(this.store, caseId).includes(recipientId)) {
      throw new SafeguardError(
        'not-a-recipient',
        'Only a lead this concern was sealed to, or shared with, can record anything on its case.',
      );
    }
  }
}

function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export type { EventBody };
