export {
  openCaseStore,
  CaseStore,
  type CaseDetail,
  type CaseSummary,
  type QuarantineEntry,
} from './case-store';
export { hasLeadIdentity, unlockLead, type LeadSecrets } from './identity';
export {
  checkNewPassphrase,
  normalisePassphrase,
  passphraseFromFile,
  typedPassphrase,
  MIN_PASSPHRASE_LENGTH,
  type EnteredPassphrase,
  type PassphraseInput,
} from './passphrase';
export { importConcerns, type ImportResult } from './import';
export { initSchool, type SchoolInitInput } from './setup';
export { addRecipient, joinAsLead, type AddRecipientInput } from './recipients';
