/**
 * Delivery of the outbox to the share. A concern leaves the outbox only once its file is on the
 * share; an interrupted delivery is finished next time, never duplicated.
 */
import { SafeguardError } from '../errors';
import { FolderShare } from '../share';
import { requireEnrolment } from './enrolment';
import type { StaffStore } from './store';

export interface DeliveryResult {
  delivered: number;
  pending: number;
  error: string | null;
}

/**
 * Tries to deliver every pending concern. An unreachable share stops the round; a problem with
 * one file (a conflict) is recorded against it and the others still go.
 */
export async function deliverPending(store: StaffStore, now: Date): Promise<DeliveryResult> {
  const share = new FolderShare(requireEnrolment(store).sharePath);
  const pending = store.pending();
  let delivered = 0;
  let firstError: string | null = null;
  for (const item of pending) {
    try {
      await share.writeConcern(item.concernId, item.sealed);
      store.markDelivered(item.concernId, now);
      delivered++;
    } catch (error) {
      const message =
        error instanceof SafeguardError ? error.message : 'The share refused the file.';
      store.recordFailure(item.concernId, message);
      firstError ??= message;
      if (error instanceof SafeguardError && error.code === 'share-unreachable') break;
    }
  }
  return { delivered, pending: pending.length - delivered, error: firstError };
}
