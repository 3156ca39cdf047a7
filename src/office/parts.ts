/**
 * The seam between the office role (identity, session, CLI, screens) and the pieces that make the
 * figures: reading and verifying a published extract (./extract/read.ts), building the report and
 * the periods on offer (./report/), and the exports and chart options (./export/, ./charts/).
 * Everything the office role needs from them passes through here, so each is wired in one place.
 */
import type { TermDates } from '../casework/calendar';
import { SafeguardError } from '../errors';
import type { SchoolProfile } from '../school/profile';
import type { ExtractBody } from './extract/format';
import type { OfficeReport, ReportPeriod, StatTable } from './report/model';

/** An extract opened with the office identity and verified as a lead of this school's. */
export interface OpenedExtract {
  body: ExtractBody;
  /** The publishing lead's name, from the verified profile. */
  publishedByName: string;
}

/** What the office asks for: a period on offer, or dates of its own. */
export type PeriodChoice =
  | { kind: 'this-term' }
  | { kind: 'last-term' }
  | { kind: 'academic-year'; academicYear?: string | undefined }
  | { kind: 'custom'; from: string; to: string };

/** A period on offer: what to ask for, and how it reads. */
export interface PeriodOption {
  choice: PeriodChoice;
  period: ReportPeriod;
}

export type ExportFormat = 'csv' | 'xlsx' | 'pdf';

export interface ExportedFile {
  fileName: string;
  mediaType: string;
  bytes: Uint8Array;
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
  void extract;
  void now;
  throw notYet();
}

/** The period a choice names, as of `now`. */
export function periodFor(
  choice: PeriodChoice,
  terms: readonly TermDates[],
  now: Date,
): ReportPeriod {
  void choice;
  void terms;
  void now;
  throw notYet();
}

/** The report over an extract for a period, under the disclosure rules. */
export function buildOfficeReport(input: {
  extract: OpenedExtract;
  period: ReportPeriod;
  threshold: number;
  typeLabels: Readonly<Record<string, string>>;
  now: Date;
}): OfficeReport {
  void input;
  throw notYet();
}

/** The report as a file to save. */
export function exportOfficeReport(
  report: OfficeReport,
  format: ExportFormat,
): Promise<ExportedFile> {
  void report;
  void format;
  return Promise.reject(notYet());
}

/** A table's chart for the screen: the ECharts option (plain JSON) and the height it needs. */
export interface ScreenChart {
  option: Record<string, unknown>;
  height: number;
}

/** The chart of a table's published figures, without its title (the screen has a heading). */
export function chartOf(table: StatTable): ScreenChart {
  void table;
  throw notYet();
}
