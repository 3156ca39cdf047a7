/** The office report: built from an extract's rows, drawn by every office screen and export. */
export { buildReport, type BuildReportInput } from './build';
export * from './model';
export {
  periodOptions,
  resolvePeriod,
  termsOfYear,
  type PeriodChoice,
  type PeriodOption,
  type ResolvedPeriod,
  type TermSpan,
} from './periods';
export { MAX_PERTURBATION, P_TABLE } from './perturbation';
export { disclosureNotes } from './notes';
