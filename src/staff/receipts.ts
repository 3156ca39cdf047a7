/**
 * Receipts on a staff machine: past concerns by reference, date, type and status (queued,
 * delivered, acknowledged) — never their content.
 */
import type { FormRegistry } from '../forms';
import type { StaffStore } from './store';

export interface ReceiptEntry {
  reference: string;
  createdAt: string;
  formId: string;
  formTitle: string;
  kind: 'concern' | 'contact-log';
  status: 'queued' | 'delivered' | 'acknowledged';
  /** Sealed to the pinned profile because the share's could not be trusted. */
  profileWarning: boolean;
}

/** The reporter's receipts, newest first, as this computer knows them. */
export function listReceipts(store: StaffStore, forms: FormRegistry): ReceiptEntry[] {
  return store.list().map((row) => {
    const form = forms.get(row.formId, row.formVersion);
    return {
      reference: row.reference,
      createdAt: row.createdAt,
      formId: row.formId,
      formTitle: form?.title ?? row.formId,
      kind: form?.kind ?? 'concern',
      status: row.acknowledgedAt ? 'acknowledged' : row.deliveredAt ? 'delivered' : 'queued',
      profileWarning: row.profileWarning !== null,
    };
  });
}
