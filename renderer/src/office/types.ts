/** The office data as the contract gives it (types only: the renderer imports no core code). */
import type { OperationInput, OperationOutput } from '../../../src/api/contract';

export type OfficeStatus = OperationOutput<'office.status'>;
export type OfficePeriods = OperationOutput<'office.periods'>;
export type PeriodOption = OfficePeriods['periods'][number];
export type ReportPeriod = PeriodOption['period'];
export type ExtractSource = OfficePeriods['source'];
export type PeriodChoice = OperationInput<'office.report'>['period'];
export type OfficeReportAnswer = OperationOutput<'office.report'>;
export type OfficeReport = OfficeReportAnswer['report'];
export type StatTable = OfficeReport['tables'][number];
export type Cell = OfficeReport['total'];
export type ExportFormat = OperationInput<'office.export'>['format'];

/** What the office user asked for: a period and the smallest figure shown. */
export interface ReportRequest {
  period: PeriodChoice;
  threshold: number;
}
