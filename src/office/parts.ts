/**
 * The seam between the office role (identity, session, CLI, screens) and the pieces that make the
 * figures: reading and verifying a published extract (./extract/read.ts), building the report and
 * the periods on offer (./report/), and the exports and chart options (./export/, ./charts/).
 * Everything the office role needs from them passes through here, so each is wired in one place.
 */
import { SafeguardError } from '../errors';
import type { SchoolProfile } from '../school/profile';
import { chartHeight, chartOption } from './charts';
import { exportReport, type ExportedFile, type ExportFormat } from './export';
import type { ExtractBody } from './extract/format';
import {
  buildReport,
  periodOptions,
  type OfficeReport,
  type PeriodChoice as ReportPeriodChoice,
  type PeriodOption,
  type StatTable,
} from './report';

export type { ExportedFile, ExportFormat, PeriodOption };

/** An extract opened with the office identity and verified as a lead of this school's. */
export interface OpenedExtract {
  body: ExtractBody;
  /** The publishing lead's name, from the verified profile. */
  publishedByName: string;
}

/** What the office asks for, as the contract parses it (an absent year may read undefined). */
export type PeriodChoice =
  | { kind: 'this-term' }
  | { kind: 'last-term' }
  | { kind: 'academic-year'; academicYear?: string | undefined }
  | { kind: 'custom'; from: string; to: string };

function reportChoice(choice: PeriodChoice): ReportPeriodChoice {
  if (choice.kind === 'academic-year' && choice.academicYear === undefined) {
    return { kind: 'academic-year' };
  }
  return choice as ReportPeriodChoice;
}

function notYet(): SafeguardError {
  return new SafeguardError(
    'unsupported',
    'Office summaries are not available in this build of Safeguard Desk yet.',
  );
}

/**
 * The newest extract on the share this identity opens and a lead of the school signed; throws
 * `no-extract` when none is published, `extract-unusable` (with the reasons) when none verifies.
 */
export function readNewestExtract(input: {
  ageIdentity: string;
  sharePath: string;
  profile: SchoolProfile;
}): Promise<OpenedExtract> {
  void input;
  return Promise.reject(notYet());
}

/** The periods on offer as of `now`: this term, last term, this year, earlier years. */
export function periodsOnOffer(extract: OpenedExtract, now: Date): PeriodOption[] {
  return periodOptions({ now, terms: extract.body.terms, rows: extract.body.rows });
}

/** The report over an extract for a period, under the disclosure rules. */
export function buildOfficeReport(input: {
  extract: OpenedExtract;
  period: PeriodChoice;
  threshold: number;
  typeLabels: Readonly<Record<string, string>>;
  now: Date;
}): OfficeReport {
  const { body } = input.extract;
  return buildReport({
    rows: body.rows,
    terms: body.terms,
    period: reportChoice(input.period),
    threshold: input.threshold,
    schoolName: body.schoolName,
    source: { publishedByName: input.extract.publishedByName, extractProducedAt: body.producedAt },
    typeLabels: input.typeLabels,
    now: input.now,
  });
}

/** The report as a file to save. */
export function exportOfficeReport(
  report: OfficeReport,
  format: ExportFormat,
): Promise<ExportedFile> {
  return exportReport(report, format);
}

/** A table's chart for the screen: the ECharts option (plain JSON) and the height it needs. */
export interface ScreenChart {
  option: Record<string, unknown>;
  height: number;
}

/** The chart of a table's published figures, without its title (the screen has a heading). */
export function chartOf(table: StatTable): ScreenChart {
  const settings = { title: false };
  return {
    option: chartOption(table, settings),
    height: chartHeight(table, settings),
  };
}
