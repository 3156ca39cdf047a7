export {
  addableRoles,
  newProfile,
  nextProfile,
  profileBodySchema,
  recipientRoles,
  recipientSchema,
  signProfile,
  verifyProfile,
  type AddableRole,
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
export {
  contactKeys,
  contactLabels,
  contactsOf,
  contactSchema,
  contactsSchema,
  CONTACT_LIMITS,
  defaultContacts,
  headteacherConcernGap,
  reachBy,
  type Contact,
  type ContactKey,
  type SchoolContacts,
} from './contacts';
export {
  currentProfile,
  NOT_ROOT_MESSAGE,
  publishProfileChange,
  requireRootKey,
  withRootHolder,
  type RootHolder,
} from './changes';
export {
  addRecipient,
  oneTimePassphrase,
  prepareRecipient,
  publishRecipient,
  removalWords,
  removeRecipient,
  removeRecipientWith,
  type AddRecipientInput,
  type PreparedRecipient,
} from './recipients';
export { setContacts, setContactsWith, type ContactsChange } from './set-contacts';
export { initSchool, type SchoolInitInput } from './setup';
export {
  recipientFingerprint,
  schoolSummary,
  type RecipientSummary,
  type SchoolSummary,
} from './summary';
export {
  localSharePath,
  prepareNewShare,
  requireFullFolderPath,
  type NewShareChoice,
} from './new-share';
