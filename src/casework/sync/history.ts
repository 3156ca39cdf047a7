/**
 * Cases for a lead added later (issue 10): "a lead added later receives the history of the cases
 * routed to them from then on, re-sealed by a lead who holds it".
 *
 * - `shareWithNewLeads`: once per signed profile (by serial), this lead compares its cases with
 *   the school's routing under that profile and, for each lead routing now gives a case to who is
 *   not yet one of its leads, records a signed `case-shared` event. Routing never gives a case to
 *   the person it is about, so neither does this; a lead removed since is not on the profile.
 * - `sharedCasesIn`: when a file carries a `case-shared` event, it also carries that case's
 *   concern (the signed document exactly as filed, and its attachments when they fit) and every
 *   earlier event of the case, so the new lead has the whole record.
 * - `adoptSharedCase`: the new lead takes such a case in — only when the file shares it with them,
 *   was packed by one of its leads, and the document is this school's, intact.
 */
import { createHash } from 'node:crypto';
import { concernDocumentSchema, routeConcern } from '../../concerns';
import { canonicalJson } from '../../crypto';
import { SafeguardError } from '../../errors';
import type { SchoolProfile } from '../../school/profile';
import { caseLeadIds } from '../case-leads';
import type { SignedEvent } from '../events/types';
import type { Casework } from '../service';
import type { CaseStore } from '../store';
import type { EventBatch, SharedConcern } from './format';

/** Attachments travel with a shared case up to this many bytes in all (a file holds 4 MiB). */
const ATTACHMENT_BUDGET = 2 * 1024 * 1024;

/**
 * Shares each case this lead holds with the leads the profile's routing now gives it to who are
 * not yet among its leads; once per profile serial. Returns how many shares were recorded.
 */
export function shareWithNewLeads(
  lead: { store: CaseStore; casework: Casework; self: string },
  profile: SchoolProfile,
  now: Date,
): number {
  const { store, casework, self } = lead;
  if (store.sync.profileSwept(profile.serial)) return 0;
  const eligible = new Set(profile.recipients.map((r) => r.id));
  let shared = 0;
  for (const { concernId } of store.cases.list()) {
    const signed = store.cases.signedDocument(concernId);
    if (signed === null) continue;
    const about = (JSON.parse(signed) as { about?: { id?: string } | null }).about?.id ?? null;
    let routed;
    try {
      routed = routeConcern(profile, about);
    } catch {
      continue; // nobody this profile would route it to (or its subject has left)
    }
    const leads = caseLeadIds(store, concernId);
    if (!leads.includes(self)) continue;
    for (const r of routed) {
      if (leads.includes(r.id) || !eligible.has(r.id)) continue;
      casework.record(concernId, 'case-shared', { recipientId: r.id, name: r.name, role: r.role });
      shared += 1;
    }
  }
  store.sync.noteProfileSwept(profile.serial, now.toISOString(), shared);
  return shared;
}

/** The concerns and earlier events a file must carry for the `case-shared` events in it. */
export function sharedCasesIn(
  store: CaseStore,
  events: readonly SignedEvent[],
): { concerns: SharedConcern[]; history: SignedEvent[] } {
  const inFile = new Set(events.map((e) => e.event.eventId));
  const caseIds = [
    ...new Set(
      events.flatMap((e) =>
        e.event.type === 'case-shared' && e.event.caseId !== null ? [e.event.caseId] : [],
      ),
    ),
  ];
  const concerns: SharedConcern[] = [];
  const history: SignedEvent[] = [];
  for (const caseId of caseIds) {
    const detail = store.cases.byConcernId(caseId);
    const signedDocument = store.cases.signedDocument(caseId);
    if (detail === null || signedDocument === null) continue;
    // The smallest first, as many as fit: a screenshot still travels beside a large recording.
    const distinct = new Map(detail.attachments.map((a) => [a.sha256, a.size]));
    const bySize = [...distinct].sort(([, a], [, b]) => a - b);
    let budget = ATTACHMENT_BUDGET;
    const attachments: SharedConcern['attachments'] = [];
    for (const [sha256, size] of bySize) {
      if (size > budget) break;
      const found = store.cases.attachment(caseId, sha256);
      if (found === null) continue;
      budget -= size;
      attachments.push({ sha256, base64: found.content.toString('base64') });
    }
    concerns.push({
      caseId,
      kind: detail.kind,
      signedDocument,
      attachments,
      attachmentsWithheld: attachments.length < distinct.size,
    });
    const earlier = store.events
      .forCase(caseId)
      .map((e) => e.eventId)
      .filter((id) => !inFile.has(id));
    history.push(...store.events.signed(earlier));
  }
  return { concerns, history };
}

/**
 * Takes in a case shared with this lead, in the transaction that receives its events. Throws,
 * taking nothing, unless the file shares it with this lead, was packed by one of its leads, and
 * carries this school's signed document intact.
 */
export function adoptSharedCase(
  lead: { store: CaseStore; casework: Casework; self: string; schoolId: string },
  batch: EventBatch,
  shared: SharedConcern,
  now: Date,
): void {
  const all = [...batch.history, ...batch.events].map((e) => e.event);
  const sharedWith = all.flatMap((e) =>
    e.type === 'case-shared' && e.caseId === shared.caseId ? [e.payload.recipientId] : [],
  );
  if (!sharedWith.includes(lead.self)) {
    throw new SafeguardError(
      'not-a-recipient',
      'It carries a case that was not shared with this lead.',
    );
  }
  let document;
  try {
    document = concernDocumentSchema.parse(JSON.parse(shared.signedDocument));
  } catch {
    throw invalid();
  }
  if (canonicalJson(document) !== shared.signedDocument || document.concernId !== shared.caseId) {
    throw invalid();
  }
  if (document.schoolId !== lead.schoolId) {
    throw new SafeguardError('wrong-school', 'It carries a case of a different school.');
  }
  const leads = new Set([...document.sealedTo.map((r) => r.id), ...sharedWith]);
  if (!leads.has(batch.packedBy)) {
    throw new SafeguardError(
      'not-a-recipient',
      'It shares a case that the lead who wrote it does not hold.',
    );
  }
  const attachments = new Map<string, Buffer>();
  for (const a of shared.attachments) {
    const bytes = Buffer.from(a.base64, 'base64');
    if (createHash('sha256').update(bytes).digest('hex') !== a.sha256) throw invalid();
    attachments.set(a.sha256, bytes);
  }
  lead.casework.adopt({
    document,
    kind: shared.kind,
    signedDocument: shared.signedDocument,
    attachments,
    sourceFile: `${shared.caseId}.age`,
    sourceSha256: createHash('sha256').update(shared.signedDocument).digest('hex'),
    importedAt: now.toISOString(),
    author: lead.self,
  });
}

function invalid(): SafeguardError {
  return new SafeguardError(
    'not-an-event-file',
    'It decrypted, but a case shared in it is not an intact concern of this school.',
  );
}
