export { verifyRecord, type AuditReport, type VerifyKeys } from './audit-verify';
export * from './events/types';
export { eventSignatureValid, parseSignedEvent, signEvent } from './events/signing';
export { foldCase, foldOrder, type CaseAction, type CaseState, type LadoClock } from './fold';
export {
  importConcerns,
  writeOwedAcknowledgements,
  type ImportDeps,
  type ImportResult,
} from './import';
export {
  assignedFilters,
  CaseQueries,
  mergedGroup,
  type Assigned,
  type CaseFilters,
  type InboxRow,
} from './queries';
export { suggestedPathway } from './recording';
export {
  Casework,
  type CaseRecord,
  type CaseworkActor,
  type Chronology,
  type ChronologyEntry,
  type Roster,
} from './service';
export {
  CaseStore,
  openCaseStore,
  type CaseDetail,
  type CaseSummary,
  type LeadSettings,
  type NewCase,
  type QuarantineEntry,
} from './store';
export * from './calendar';
export { checkUnlockWait, countWrongPassphrase, openWorkspace, type Workspace } from './workspace';
