export { deliverPending, type DeliveryResult } from './delivery';
export {
  DRAFT_EXPIRY_DAYS,
  DRAFT_STALE_DAYS,
  deleteDraft,
  getDraft,
  listDrafts,
  removeExpiredDrafts,
  saveDraft,
  type Draft,
  type DraftSummary,
} from './drafts';
export { enrol, requireEnrolment, trustedProfile, type EnrolmentResult } from './enrolment';
export { listReceipts, refreshAcknowledgements, type ReceiptEntry } from './receipts';
export { openStaffStore, StaffStore, type OutboxRow } from './store';
