/**
 * The audit_log table: a hash chain over everything the lead does in the store (every event,
 * every case opened, every search, export and unlock). Each entry's hash covers the previous hash
 * and the entry; each is signed by the lead, so a holder of the store key alone (without the lead's
 * passphrase) cannot rewrite the chain. Append-only (triggers refuse UPDATE and DELETE).
 */
import { createHash } from 'node:crypto';
import { canonicalJson } from '../../crypto';
import type { Db } from '../../storage/database';

/** The hash before the first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/** What is audited. */
export type AuditKind =
  | 'unlock'
  | 'import'
  | 'event'
  | 'case-viewed'
  | 'search'
  | 'chronology-viewed'
  | 'export'
  | 'extract-published'
  | 'events-delivered'
  | 'events-received'
  | 'calendar-changed'
  | 'audit-verified'
  | 'passphrase-changed';

/** One entry as stored. */
export interface AuditRow {
  seq: number;
  at: string;
  actor: string;
  kind: string;
  detailJson: string;
  prevHash: string;
  hash: string;
  signature: string;
}

/** The hash of an entry: SHA-256 over the previous hash and the entry's canonical JSON. */
export function auditHash(entry: {
  seq: number;
  at: string;
  actor: string;
  kind: string;
  detail: unknown;
  prevHash: string;
}): string {
  const body = canonicalJson({
    seq: entry.seq,
    at: entry.at,
    actor: entry.actor,
    kind: entry.kind,
    detail: entry.detail,
  });
  return createHash('sha256').update(`${entry.prevHash}\n${body}`).digest('hex');
}

export class AuditTable {
  constructor(private readonly db: Db) {}

  /** Appends an entry after the current head, signed by `sign` (over its hash). */
  append(
    entry: { at: string; actor: string; kind: AuditKind; detail: Record<string, unknown> },
    sign: (message: Uint8Array) => string,
  ): AuditRow {
    // Head and insert in one IMMEDIATE transaction: another process (the app's minute import, a
    // CLI command) may be appending too.
    return this.db.transaction(() => this.appendAfterHead(entry, sign)).immediate();
  }

  private appendAfterHead(
    entry: { at: string; actor: string; kind: AuditKind; detail: Record<string, unknown> },
    sign: (message: Uint8Array) => string,
  ): AuditRow {
    const head = this.head();
    const seq = (head?.seq ?? 0) + 1;
    const prevHash = head?.hash ?? GENESIS_HASH;
    const hash = auditHash({ ...entry, seq, prevHash });
    const signature = sign(Buffer.from(hash, 'utf8'));
    const row: AuditRow = {
      seq,
      at: entry.at,
      actor: entry.actor,
      kind: entry.kind,
      detailJson: canonicalJson(entry.detail),
      prevHash,
      hash,
      signature,
    };
    this.db
      .prepare(
        `INSERT INTO audit_log (seq, at, actor, kind, detail_json, prev_hash, hash, signature)
         VALUES (@seq, @at, @actor, @kind, @detailJson, @prevHash, @hash, @signature)`,
      )
      .run(row);
    return row;
  }

  /** The last entry, or null for an empty log. */
  head(): { seq: number; hash: string } | null {
    const row = this.db
      .prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1')
      .get() as { seq: number; hash: string } | undefined;
    return row ?? null;
  }

  /** Every entry in stored order (by seq), for verification. */
  all(): AuditRow[] {
    return (
      this.db
        .prepare(
          'SELECT seq, at, actor, kind, detail_json, prev_hash, hash, signature FROM audit_log ORDER BY rowid',
        )
        .all() as Array<{
        seq: number;
        at: string;
        actor: string;
        kind: string;
        detail_json: string;
        prev_hash: string;
        hash: string;
        signature: string;
      }>
    ).map((r) => ({
      seq: r.seq,
      at: r.at,
      actor: r.actor,
      kind: r.kind,
      detailJson: r.detail_json,
      prevHash: r.prev_hash,
      hash: r.hash,
      signature: r.signature,
    }));
  }

  /** How many entries the log holds. */
  count(): number {
    return this.db.prepare('SELECT count(*) FROM audit_log').pluck().get() as number;
  }
}
