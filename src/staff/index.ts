export { deliverPending, type DeliveryResult } from './delivery';
export { enrol, requireEnrolment, trustedProfile, type EnrolmentResult } from './enrolment';
export { openStaffStore, StaffStore, type OutboxRow } from './store';
