/**
 * Delivery of the outbox to the share. A concern leaves the outbox only once a lead has
 * acknowledged it: until then its sealed copy is kept, and if its file goes missing from the share
 * it is delivered again under the same name (the lead's import takes it once). An interrupted
 * delivery is finished next time, never duplicated.
 */
import { verifyAcknowledgement } from '../concerns/acknowledgement';
import { SafeguardError } from '../errors';
import { verifyProfile } from '../school/profile';
import {
  ackFileConcernId,
  openShare,
  SHARE_LIMITS,
  type FolderShareOptions,
  type Share,
} from '../share';
import { requireEnrolment } from './enrolment';
import type { StaffStore } from './store';

export interface DeliveryResult {
  delivered: number;
  pending: number;
  error: string | null;
}

/** Failures of the share as a whole: the round stops, since every other file would fail too. */
const SHARE_WIDE = new Set([
  'share-unreachable',
  'share-timeout',
  'share-read-only',
  'share-permission',
  'share-full',
  'share-symlink',
  'share-not-folder',
]);

/** The share of this staff machine's enrolment. */
export function staffShare(store: StaffStore, options: FolderShareOptions = {}): Share {
  return openShare(requireEnrolment(store).sharePath, options);
}

/**
 * Tries to deliver every pending concern. A share-wide failure stops the round; a problem with
 * one file (a conflict) is recorded against it and the others still go.
 */
export async function deliverPending(
  store: StaffStore,
  now: Date,
  options: FolderShareOptions & { sweep?: boolean } = {},
): Promise<DeliveryResult> {
  const share = staffShare(store, options);
  const pending = store.pending();
  let delivered = 0;
  let firstError: string | null = null;
  let shareWide = false;
  for (const [index, item] of pending.entries()) {
    try {
      await share.writeConcern(item.concernId, item.sealed);
      store.markDelivered(item.concernId, now);
      delivered++;
    } catch (error) {
      const message =
        error instanceof SafeguardError ? error.message : 'The share refused the file.';
      store.recordFailure(item.concernId, message);
      firstError ??= message;
      if (error instanceof SafeguardError && SHARE_WIDE.has(error.code)) {
        // The rest would fail the same way: each is marked with the reason it is waiting.
        for (const rest of pending.slice(index + 1)) store.recordFailure(rest.concernId, message);
        shareWide = true;
        break;
      }
    }
  }
  // Temp files of ours that a killed or failed write left behind.
  // (Not when the share as a whole just failed: it would only fail, or hang, again.)
  if (!shareWide && (pending.length > 0 || options.sweep)) await share.sweepTemps().catch(() => 0);
  return { delivered, pending: pending.length - delivered, error: firstError };
}

/**
 * Looks for acknowledgements of delivered concerns on the share and records the valid ones: signed
 * by a lead the concern was sealed to, checked against the pinned profile. Reads only the few
 * files named for each waiting concern, each bounded in size.
 */
export async function refreshAcknowledgements(
  store: StaffStore,
  options: FolderShareOptions = {},
): Promise<number> {
  const enrolment = store.enrolment();
  const waiting = store.awaitingAcknowledgement();
  if (!enrolment || waiting.length === 0) return 0;
  const { profile } = verifyProfile(enrolment.profileJson);
  const share = openShare(enrolment.sharePath, options);
  const byConcern = new Map<string, string[]>();
  for (const name of await share.listAckFiles()) {
    const id = ackFileConcernId(name);
    if (id === null) continue;
    const names = byConcern.get(id) ?? [];
    names.push(name);
    byConcern.set(id, names);
  }
  let found = 0;
  for (const { concernId, sealedTo } of waiting) {
    const names = (byConcern.get(concernId) ?? []).slice(
      0,
      SHARE_LIMITS.acknowledgementsPerConcern,
    );
    for (const name of names) {
      const json = await share.readAckFile(name).catch((error: unknown) => {
        if (error instanceof SafeguardError && SHARE_WIDE.has(error.code)) throw error;
        return null; // a planted FIFO, an oversized or vanished file: not an acknowledgement
      });
      const at = json === null ? null : verifyAcknowledgement(json, concernId, profile, sealedTo);
      if (at !== null) {
        store.markAcknowledged(concernId, at);
        found++;
        break;
      }
    }
  }
  return found;
}

/**
 * Delivered concerns not yet acknowledged whose file is gone from the share (deleted, or the
 * share replaced) are queued again; returns how many. Only a share that answers is believed.
 */
export async function requeueMissing(
  store: StaffStore,
  options: FolderShareOptions = {},
): Promise<number> {
  const waiting = store.awaitingAcknowledgement();
  if (waiting.length === 0) return 0;
  const share = staffShare(store, options);
  await share.checkReadable();
  let missing = 0;
  for (const { concernId } of waiting) {
    if (await share.hasConcern(concernId)) continue;
    store.markMissing(
      concernId,
      'It was no longer on the school share, so it is being sent again.',
    );
    missing++;
  }
  return missing;
}
