/**
 * Receipts on a staff machine: past concerns by reference, date, type and status (queued,
 * delivered, acknowledged) — never their content. Acknowledgements are read from the share and
 * checked against the pinned profile; a missing share just means nothing new is learned.
 */
import { verifyAcknowledgement } from '../concerns/acknowledgement';
import type { FormRegistry } from '../forms';
import { verifyProfile } from '../school';
import { FolderShare, readAcknowledgement } from '../share';
import type { StaffStore } from './store';

export interface ReceiptEntry {
  reference: string;
  createdAt: string;
  formId: string;
  formTitle: string;
  kind: 'concern' | 'contact-log';
  status: 'queued' | 'delivered' | 'acknowledged';
}

/** Looks for acknowledgements of delivered concerns on the share and records the valid ones. */
export async function refreshAcknowledgements(store: StaffStore): Promise<number> {
  const enrolment = store.enrolment();
  const waiting = store.awaitingAcknowledgement();
  if (!enrolment || waiting.length === 0) return 0;
  const { profile } = verifyProfile(enrolment.profileJson);
  const share = new FolderShare(enrolment.sharePath);
  let found = 0;
  for (const concernId of waiting) {
    const json = await readAcknowledgement(share, concernId);
    const at = json === null ? null : verifyAcknowledgement(json, concernId, profile);
    if (at !== null) {
      store.markAcknowledged(concernId, at);
      found++;
    }
  }
  return found;
}

/** The reporter's receipts, newest first. */
export async function listReceipts(
  store: StaffStore,
  forms: FormRegistry,
): Promise<ReceiptEntry[]> {
  await refreshAcknowledgements(store);
  return store.list().map((row) => {
    const form = forms.get(row.formId, row.formVersion);
    return {
      reference: row.reference,
      createdAt: row.createdAt,
      formId: row.formId,
      formTitle: form?.title ?? row.formId,
      kind: form?.kind ?? 'concern',
      status: row.acknowledgedAt ? 'acknowledged' : row.deliveredAt ? 'delivered' : 'queued',
    };
  });
}
