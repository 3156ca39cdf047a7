export { isAttachmentInput, takeAttachments, type AttachmentInput } from './attachments';
export {
  buildEnvelope,
  concernDocumentSchema,
  openEnvelope,
  type ConcernDocument,
  type OpenedEnvelope,
} from './document';
export {
  fileConcern,
  FILING_SHARE_TIMEOUT_MS,
  type FileConcernInput,
  type FilingDeps,
  type Receipt,
} from './filing';
export { newReference, normaliseReference } from './reference';
export {
  concernSubjects,
  roleLabel,
  roleReceives,
  routeConcern,
  subjectRoles,
  type SubjectRole,
} from './routing';
export {
  acknowledgementFileName,
  signAcknowledgement,
  verifyAcknowledgement,
} from './acknowledgement';
