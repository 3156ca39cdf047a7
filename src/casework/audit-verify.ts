/**
 * `audit verify`: checks the whole record offline. Every audit entry must follow the one before
 * (seq, link, hash) and carry a valid signature of its actor; every stored event must be well
 * formed, signed by its author, and match the audit entry written when it arrived — and every
 * event the audit names must still be there. The first problem is named, by entry or event.
 */
import { createHash } from 'node:crypto';
import { canonicalJson, verifyBytes } from '../crypto';
import { eventBodySchema } from './events/types';
import { eventSignatureValid } from './events/signing';
import { auditHash, GENESIS_HASH, type CaseStore } from './store';

export interface AuditReport {
  ok: boolean;
  /** Audit entries checked. */
  entries: number;
  /** Events checked. */
  events: number;
  /** The first problem found, in words, with the entry or event it is about; null when ok. */
  problem: { seq: number | null; eventId: string | null; message: string } | null;
}

/** Verify keys by recipient id (the school profile's leads). */
export type VerifyKeys = ReadonlyMap<string, string>;

/** Checks the audit chain and every event; see the module comment. */
export function verifyRecord(store: CaseStore, keys: VerifyKeys): AuditReport {
  const rows = store.audit.all();
  const events = store.events.all();
  const report = (problem: AuditReport['problem']): AuditReport => ({
    ok: problem === null,
    entries: rows.length,
    events: events.length,
    problem,
  });
  const entryProblem = (seq: number, message: string) =>
    report({ seq, eventId: null, message: `Audit entry ${seq}: ${message}` });
  const eventProblem = (eventId: string, message: string) =>
    report({ seq: null, eventId, message: `Event ${eventId}: ${message}` });

  // 1. The chain.
  const audited = new Map<string, { seq: number; bodySha256: string }>();
  let prevHash = GENESIS_HASH;
  for (const [index, row] of rows.entries()) {
    const expected = index + 1;
    if (row.seq !== expected) {
      return entryProblem(
        expected,
        `is missing or out of order (found entry ${row.seq} in its place).`,
      );
    }
    if (row.prevHash !== prevHash) {
      return entryProblem(row.seq, 'does not follow the entry before it (its link is broken).');
    }
    let detail: unknown;
    try {
      detail = JSON.parse(row.detailJson);
    } catch {
      return entryProblem(row.seq, 'was altered (its detail is not readable).');
    }
    if (canonicalJson(detail) !== row.detailJson) {
      return entryProblem(row.seq, 'was altered (its detail is not as written).');
    }
    const hash = auditHash({
      seq: row.seq,
      at: row.at,
      actor: row.actor,
      kind: row.kind,
      detail,
      prevHash,
    });
    if (hash !== row.hash) return entryProblem(row.seq, 'was altered (its hash does not match).');
    const key = keys.get(row.actor);
    if (!key || !verifyBytes(key, Buffer.from(row.hash, 'utf8'), row.signature)) {
      return entryProblem(row.seq, 'is not signed by a lead of this school.');
    }
    prevHash = row.hash;
    if (row.kind === 'event') {
      const d = detail as { eventId?: unknown; bodySha256?: unknown };
      if (typeof d.eventId === 'string' && typeof d.bodySha256 === 'string') {
        audited.set(d.eventId, { seq: row.seq, bodySha256: d.bodySha256 });
      }
    }
  }

  // 2. The events.
  const present = new Set<string>();
  for (const stored of events) {
    present.add(stored.eventId);
    let body;
    try {
      body = eventBodySchema.parse(JSON.parse(stored.bodyJson));
    } catch {
      return eventProblem(stored.eventId, 'was altered (it is no longer a valid event).');
    }
    if (
      canonicalJson(body) !== stored.bodyJson ||
      body.eventId !== stored.eventId ||
      body.caseId !== stored.caseId ||
      body.type !== stored.type ||
      body.at !== stored.at ||
      body.author !== stored.author
    ) {
      return eventProblem(stored.eventId, 'was altered (its stored fields do not match its body).');
    }
    const key = keys.get(body.author);
    if (!key || !eventSignatureValid({ event: body, signature: stored.signature }, key)) {
      return eventProblem(stored.eventId, 'is not signed by its author.');
    }
    const entry = audited.get(stored.eventId);
    if (!entry) return eventProblem(stored.eventId, 'was added without an audit entry (inserted).');
    const sha = createHash('sha256').update(stored.bodyJson).digest('hex');
    if (sha !== entry.bodySha256) {
      return eventProblem(stored.eventId, `does not match audit entry ${entry.seq} (altered).`);
    }
  }
  for (const [eventId, entry] of audited) {
    if (!present.has(eventId)) {
      return eventProblem(eventId, `named by audit entry ${entry.seq} is missing (deleted).`);
    }
  }
  return report(null);
}
