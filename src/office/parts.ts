/**
 * Where the office role (identity, session, CLI, screens) meets the pieces that make the figures:
 * reading and verifying a published extract (./extract/), building the report and the periods on
 * offer (./report/), and the exports and chart options (./export/, ./charts/). Everything the
 * office role needs from them passes through here.
 */
import { SafeguardError } from '../errors';
import type { SchoolProfile } from '../school/profile';
import { openShare } from '../share';
import { chartHeight, chartOption } from './charts';
import { exportReport, type ExportedFile, type ExportFormat } from './export';
import { readExtracts, type ExtractBody, type ExtractRefusal } from './extract';
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

/**
 * The newest extract on the share this identity opens and a lead of the school signed (of each
 * lead's newest, the one covering most concerns); throws `no-extract` when none is published,
 * `extract-unusable` with the reasons when none verifies.
 */
export async function readNewestExtract(input: {
  ageIdentity: string;
  sharePath: string;
  profile: SchoolProfile;
}): Promise<OpenedExtract> {
  const found = await readExtracts({
    identity: input.ageIdentity,
    share: openShare(input.sharePath),
    profile: input.profile,
  });
  if (found.chosen !== null) {
    return { body: found.chosen.body, publishedByName: found.chosen.publisher.name };
  }
  if (found.refusals.length === 0) {
    throw new SafeguardError(
      'no-extract',
      'No figures have been published for office staff yet: ask your DSL to publish them.',
    );
  }
  throw new SafeguardError('extract-unusable', unusableWords(found.refusals));
}

/** Why no published file could be used, by reason (the reader's sentences quote no content). */
function unusableWords(refusals: readonly ExtractRefusal[]): string {
  const byReason = new Map<string, number>();
  for (const { reason } of refusals) byReason.set(reason, (byReason.get(reason) ?? 0) + 1);
  const reasons = [...byReason].map(
    ([reason, n]) => `${n} ${n === 1 ? 'file' : 'files'}: ${reason.replace(/\.$/, '')}`,
  );
  const files =
    refusals.length === 1
      ? 'The one file of published figures on the share could not be used'
      : `None of the ${refusals.length} files of published figures on the share could be used`;
  return `${files} (${reasons.join('; ')}). Tell your DSL.`;
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
