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
export { addRecipient, type AddRecipientInput } from './recipients';
export { initSchool, type SchoolInitInput } from './setup';
export {
  localSharePath,
  prepareNewShare,
  requireFullFolderPath,
  type NewShareChoice,
} from './new-share';
