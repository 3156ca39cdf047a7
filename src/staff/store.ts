/**
 * The staff machine's encrypted store: this device's signing key, the pinned school profile and
 * the outbox. Split by entity; every query parameterised.
 */
import { createHash } from 'node:crypto';
import { generateSigningKeyPair } from '../crypto';
import { homePaths } from '../home';
import { openEncryptedDatabase, type Db } from '../storage/database';
import type { KeyProvider } from '../storage/key-provider';
import { staffMigrations } from '../storage/migrations/staff';

export interface DeviceKey {
  deviceId: string;
  publicKey: string;
  privateKey: string;
}

export interface Enrolment {
  sharePath: string;
  rootFingerprint: string;
  profileSerial: number;
  profileJson: string;
}

/** Why the share's profile was last found untrustworthy (null when it was trusted). */
export interface ProfileProblem {
  code: string;
  /** One sentence naming the problem; never content. */
  detail: string;
  at: string;
}

export interface OutboxRow {
  concernId: string;
  reference: string;
  formId: string;
  formVersion: number;
  createdAt: string;
  urgent: boolean;
  deliveredAt: string | null;
  acknowledgedAt: string | null;
  attempts: number;
  lastError: string | null;
  /** Set when it was sealed to the pinned profile because the share's could not be trusted. */
  profileWarning: string | null;
  redeliveries: number;
}

/** A delivered concern whose acknowledgement has not been seen, with whom it was sealed to. */
export interface AwaitingRow {
  concernId: string;
  sealedTo: string[];
}

/** Opens the staff store of a home folder. */
export async function openStaffStore(home: string, keyProvider: KeyProvider): Promise<StaffStore> {
  const db = await openEncryptedDatabase({
    file: homePaths(home).staffDb,
    keyName: 'staff',
    keyProvider,
    migrations: staffMigrations,
  });
  return new StaffStore(db);
}

export class StaffStore {
  constructor(readonly db: Db) {}

  close(): void {
    this.db.close();
  }

  /** This device's Ed25519 key, created on first use. The device id is derived from it. */
  deviceKey(now: Date = new Date()): DeviceKey {
    const row = this.db
      .prepare('SELECT device_id, signing_public_key, signing_private_key FROM device')
      .get() as
      { device_id: string; signing_public_key: string; signing_private_key: string } | undefined;
    if (row) {
      return {
        deviceId: row.device_id,
        publicKey: row.signing_public_key,
        privateKey: row.signing_private_key,
      };
    }
    const pair = generateSigningKeyPair();
    const deviceId = `dev-${createHash('sha256').update(pair.publicKey).digest('hex').slice(0, 16)}`;
    // Another process may create it at the same moment: the first key stays, and both use it.
    this.db
      .prepare(
        'INSERT OR IGNORE INTO device (singleton, device_id, signing_public_key, signing_private_key, created_at) VALUES (1, ?, ?, ?, ?)',
      )
      .run(deviceId, pair.publicKey, pair.privateKey, now.toISOString());
    return this.deviceKey(now);
  }

  enrolment(): Enrolment | null {
    const row = this.db
      .prepare('SELECT share_path, root_fingerprint, profile_serial, profile_json FROM enrolment')
      .get() as
      | {
          share_path: string;
          root_fingerprint: string;
          profile_serial: number;
          profile_json: string;
        }
      | undefined;
    if (!row) return null;
    return {
      sharePath: row.share_path,
      rootFingerprint: row.root_fingerprint,
      profileSerial: row.profile_serial,
      profileJson: row.profile_json,
    };
  }

  /** The last trust problem found with the share's profile, or null. */
  profileProblem(): ProfileProblem | null {
    const row = this.db
      .prepare('SELECT profile_problem, profile_problem_at FROM enrolment')
      .get() as { profile_problem: string | null; profile_problem_at: string | null } | undefined;
    if (!row?.profile_problem) return null;
    const [code = 'profile-untrusted', ...rest] = row.profile_problem.split('\n');
    return { code, detail: rest.join(' '), at: row.profile_problem_at ?? '' };
  }

  /** Records (or, with null, clears) the share profile's trust problem. */
  setProfileProblem(problem: { code: string; detail: string } | null, now: Date): void {
    this.db
      .prepare('UPDATE enrolment SET profile_problem = ?, profile_problem_at = ?')
      .run(
        problem === null ? null : `${problem.code}\n${problem.detail}`,
        problem === null ? null : now.toISOString(),
      );
  }

  /** Pins (first time) or updates the trusted profile. */
  saveEnrolment(e: Enrolment, now: Date): void {
    this.db
      .prepare(
        `INSERT INTO enrolment (singleton, share_path, root_fingerprint, profile_serial, profile_json, enrolled_at, updated_at)
         VALUES (1, @sharePath, @rootFingerprint, @profileSerial, @profileJson, @now, @now)
         ON CONFLICT (singleton) DO UPDATE SET share_path = @sharePath, root_fingerprint = @rootFingerprint,
           profile_serial = @profileSerial, profile_json = @profileJson, updated_at = @now`,
      )
      .run({ ...e, now: now.toISOString() });
  }

  /**
   * Commits a sealed concern durably before any delivery is tried, and deletes the draft it was
   * written in, in the same transaction: the words are never in two places, nor in none.
   */
  enqueue(
    entry: {
      concernId: string;
      reference: string;
      formId: string;
      formVersion: number;
      createdAt: string;
      urgent: boolean;
      sealed: Uint8Array;
      sealedTo: readonly string[];
      profileWarning: string | null;
    },
    draftId?: string,
  ): void {
    const insert = this.db.prepare(
      `INSERT INTO outbox (concern_id, reference, form_id, form_version, created_at, urgent, sealed, sealed_to,
         profile_warning)
       VALUES (@concernId, @reference, @formId, @formVersion, @createdAt, @urgent, @sealed, @sealedTo, @profileWarning)`,
    );
    const dropDraft = this.db.prepare('DELETE FROM drafts WHERE draft_id = ?');
    this.db
      .transaction(() => {
        insert.run({
          ...entry,
          urgent: entry.urgent ? 1 : 0,
          sealed: Buffer.from(entry.sealed),
          sealedTo: JSON.stringify(entry.sealedTo),
        });
        if (draftId !== undefined) dropDraft.run(draftId);
      })
      .immediate();
  }

  /** Delivered concerns whose acknowledgement by a lead has not been seen yet. */
  awaitingAcknowledgement(): AwaitingRow[] {
    return (
      this.db
        .prepare(
          'SELECT concern_id, sealed_to FROM outbox WHERE delivered_at IS NOT NULL AND acknowledged_at IS NULL ORDER BY created_at',
        )
        .all() as Array<{ concern_id: string; sealed_to: string }>
    ).map((r) => ({ concernId: r.concern_id, sealedTo: parseIds(r.sealed_to) }));
  }

  /**
   * Records the acknowledgement; the sealed copy kept for re-delivery is dropped then (a lead has
   * the concern, and it is one copy fewer on this computer).
   */
  markAcknowledged(concernId: string, at: string): void {
    this.db
      .prepare(
        `UPDATE outbox SET acknowledged_at = ?, sealed = x'' WHERE concern_id = ? AND acknowledged_at IS NULL`,
      )
      .run(at, concernId);
  }

  /** A delivered, unacknowledged concern found missing from the share: it is queued again. */
  markMissing(concernId: string, reason: string): void {
    this.db
      .prepare(
        `UPDATE outbox SET delivered_at = NULL, redeliveries = redeliveries + 1, last_error = ?
         WHERE concern_id = ? AND acknowledged_at IS NULL AND delivered_at IS NOT NULL`,
      )
      .run(reason, concernId);
  }

  /** How many concerns wait for delivery, and how many for an acknowledgement. */
  counts(): { pending: number; awaiting: number } {
    const row = this.db
      .prepare(
        `SELECT count(*) FILTER (WHERE delivered_at IS NULL) AS pending,
           count(*) FILTER (WHERE delivered_at IS NOT NULL AND acknowledged_at IS NULL) AS awaiting
         FROM outbox`,
      )
      .get() as { pending: number; awaiting: number };
    return { pending: row.pending, awaiting: row.awaiting };
  }

  /** Concerns not yet delivered, oldest first, with their sealed bytes. */
  pending(): Array<{ concernId: string; sealed: Buffer }> {
    return (
      this.db
        .prepare(
          'SELECT concern_id, sealed FROM outbox WHERE delivered_at IS NULL ORDER BY created_at, concern_id',
        )
        .all() as Array<{ concern_id: string; sealed: Buffer }>
    ).map((r) => ({ concernId: r.concern_id, sealed: r.sealed }));
  }

  isDelivered(concernId: string): boolean {
    const row = this.db
      .prepare('SELECT delivered_at FROM outbox WHERE concern_id = ?')
      .get(concernId) as { delivered_at: string | null } | undefined;
    return typeof row?.delivered_at === 'string';
  }

  /** The last delivery error recorded for a concern, or null. */
  lastError(concernId: string): string | null {
    const row = this.db
      .prepare('SELECT last_error FROM outbox WHERE concern_id = ?')
      .get(concernId) as { last_error: string | null } | undefined;
    return row?.last_error ?? null;
  }

  markDelivered(concernId: string, now: Date): void {
    this.db
      .prepare(
        'UPDATE outbox SET delivered_at = ?, attempts = attempts + 1, last_error = NULL WHERE concern_id = ?',
      )
      .run(now.toISOString(), concernId);
  }

  recordFailure(concernId: string, reason: string): void {
    this.db
      .prepare('UPDATE outbox SET attempts = attempts + 1, last_error = ? WHERE concern_id = ?')
      .run(reason, concernId);
  }

  /** The outbox as receipts: references, forms, times, delivery state; never content. */
  list(): OutboxRow[] {
    return (
      this.db
        .prepare(
          `SELECT concern_id, reference, form_id, form_version, created_at, urgent, delivered_at, acknowledged_at,
             attempts, last_error, profile_warning, redeliveries
           FROM outbox ORDER BY created_at DESC, concern_id`,
        )
        .all() as Array<{
        concern_id: string;
        reference: string;
        form_id: string;
        form_version: number;
        created_at: string;
        urgent: number;
        delivered_at: string | null;
        acknowledged_at: string | null;
        attempts: number;
        last_error: string | null;
        profile_warning: string | null;
        redeliveries: number;
      }>
    ).map((r) => ({
      concernId: r.concern_id,
      reference: r.reference,
      formId: r.form_id,
      formVersion: r.form_version,
      createdAt: r.created_at,
      urgent: r.urgent === 1,
      deliveredAt: r.delivered_at,
      acknowledgedAt: r.acknowledged_at,
      attempts: r.attempts,
      lastError: r.last_error,
      profileWarning: r.profile_warning,
      redeliveries: r.redeliveries,
    }));
  }
}

function parseIds(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}
