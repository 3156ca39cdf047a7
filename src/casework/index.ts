export { importConcerns, type ImportDeps, type ImportResult } from './import';
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
