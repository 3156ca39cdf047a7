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
export { routeConcern } from './routing';
