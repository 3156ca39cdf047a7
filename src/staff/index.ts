export { deliverPending, type DeliveryResult } from './delivery';
export { DraftKeyRing } from './draft-keys';
export {
  DRAFT_EXPIRY_DAYS,
  DRAFT_STALE_DAYS,
  MAX_DRAFT_BYTES,
  MAX_DRAFTS,
  deleteDraft,
  getDraft,
  listDrafts,
  protectDraft,
  removeExpiredDrafts,
  saveDraft,
  type Draft,
  type DraftContext,
  type DraftSummary,
} from './drafts';
export { enrol, requireEnrolment, trustedProfile, type EnrolmentResult } from './enrolment';
export { listReceipts, refreshAcknowledgements, type ReceiptEntry } from './receipts';
export { openStaffStore, StaffStore, type OutboxRow } from './store';
