export {
  openCaseStore,
  CaseStore,
  type CaseDetail,
  type CaseSummary,
  type QuarantineEntry,
} from './case-store';
export { checkPassphrase, hasLeadIdentity, unlockLead, type LeadSecrets } from './identity';
export { importConcerns, type ImportResult } from './import';
export { initSchool, type SchoolInitInput } from './setup';
export { addRecipient, joinAsLead, type AddRecipientInput } from './recipients';
