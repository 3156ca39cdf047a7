export {
  newProfile,
  nextProfile,
  profileBodySchema,
  recipientRoles,
  recipientSchema,
  signProfile,
  verifyProfile,
  type Recipient,
  type RecipientRole,
  type SchoolProfile,
  type VerifiedProfile,
} from './profile';
export {
  NSPCC_WHISTLEBLOWING_EMAIL,
  NSPCC_WHISTLEBLOWING_LINE,
  posterPdf,
  type PosterInput,
} from './poster';
export { posterContent, posterFileName, type PosterContent } from './poster-input';
export { addRecipient, type AddRecipientInput } from './recipients';
export { initSchool, type SchoolInitInput } from './setup';
export {
  localSharePath,
  prepareNewShare,
  requireFullFolderPath,
  type NewShareChoice,
} from './new-share';
