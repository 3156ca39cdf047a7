export {
  deliverPending,
  refreshAcknowledgements,
  requeueMissing,
  staffShare,
  type DeliveryResult,
} from './delivery';
export {
  DeliveryLoop,
  type DeliveryLoopOptions,
  type DeliveryStatus,
  type RoundReport,
} from './delivery-loop';
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
export {
  enrol,
  previewEnrolment,
  requireEnrolment,
  trustedProfile,
  UNTRUSTED_PROFILE_WARNING,
  type EnrolOptions,
  type EnrolmentResult,
  type TrustedProfile,
} from './enrolment';
export { listReceipts, type ReceiptEntry } from './receipts';
export { openStaffStore, StaffStore, type OutboxRow, type ProfileProblem } from './store';
