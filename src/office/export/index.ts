/**
 * The office exports of the governors' report: CSV, XLSX and PDF, each drawn only from the
 * OfficeReport (so only published figures), each named with the school and period alone.
 *
 * The XLSX and PDF writers (exceljs; pdfkit and ECharts) load when first used, not with this
 * module: together they are most of the time every `safeguard-desk` command and the app took to
 * start. Import them from ./xlsx and ./pdf directly where they are wanted at once.
 */
import type { OfficeReport } from '../report/model';
import { reportCsv } from './csv';
import { reportFileName } from './file-name';

export type ExportFormat = 'csv' | 'xlsx' | 'pdf';

export interface ExportedFile {
  fileName: string;
  mediaType: string;
  bytes: Uint8Array;
}

export const EXPORT_MEDIA_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
};

/** The report as a file in `format`: its name, media type and bytes. */
export async function exportReport(
  report: OfficeReport,
  format: ExportFormat,
): Promise<ExportedFile> {
  const bytes =
    format === 'csv'
      ? reportCsv(report)
      : format === 'xlsx'
        ? await (await import('./xlsx')).reportXlsx(report)
        : await (await import('./pdf')).reportPdf(report);
  return {
    fileName: reportFileName(report.schoolName, report.period.label, format),
    mediaType: EXPORT_MEDIA_TYPES[format],
    bytes,
  };
}

export { csvField, reportCsv, reportCsvText } from './csv';
export { cellText, neutralised, SUPPRESSED_MARK } from './cells';
export { reportFileName } from './file-name';
