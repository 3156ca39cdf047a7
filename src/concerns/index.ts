export { isAttachmentInput, takeAttachments, type AttachmentInput } from './attachments';
export {
  buildEnvelope,
  concernDocumentSchema,
  openEnvelope,
  type ConcernDocument,
  type OpenedEnvelope,
} from './document';
export { fileConcern, type FileConcernInput, type Receipt } from './filing';
export { newReference, normaliseReference } from './reference';
export {
  concernSubjects,
  roleLabel,
  roleReceives,
  routeConcern,
  subjectRoles,
  type SubjectRole,
} from './routing';
export { signAcknowledgement, verifyAcknowledgement } from './acknowledgement';
