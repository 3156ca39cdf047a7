/**
 * What an unlocked office user is shown, one pipeline for the app and the command line alike: the
 * school profile this computer trusts (refreshed from the share), a check that the DSL has added
 * this office user, the newest extract they can open and verify, then the periods on offer, the
 * report for one period with each table's chart option, or an export. Nothing here sees a concern:
 * only the extract's coarse rows, and only the report's published figures leave.
 */
import type { FormRegistry } from '../forms';
import { SafeguardError } from '../errors';
import { requireEnrolment, trustedProfile, type StaffStore } from '../staff';
import { officeRecipient, type OfficeSecrets } from './identity';
import {
  buildOfficeReport,
  chartOf,
  exportOfficeReport,
  periodsOnOffer,
  readNewestExtract,
  type ExportedFile,
  type ExportFormat,
  type OpenedExtract,
  type PeriodChoice,
  type PeriodOption,
  type ScreenChart,
} from './parts';
import { DEFAULT_THRESHOLD, MIN_THRESHOLD, type OfficeReport } from './report/model';

export interface OfficeContext {
  secrets: OfficeSecrets;
  store: StaffStore;
  forms: FormRegistry;
}

/** Where the figures come from, for the source line. */
export interface ExtractSource {
  schoolName: string;
  publishedByName: string;
  producedAt: string;
}

/**
 * The newest usable extract. Throws `office-not-added` (with the key to give the DSL) when this
 * office user is not on the school profile, else what reading the share says.
 */
export async function openNewestExtract(ctx: OfficeContext, now: Date): Promise<OpenedExtract> {
  const { sharePath } = requireEnrolment(ctx.store);
  const { profile } = await trustedProfile(ctx.store, now);
  const recipient = await officeRecipient(ctx.secrets);
  const me = profile.recipients.find((r) => r.ageRecipient === recipient);
  if (me?.role !== 'office') {
    throw new SafeguardError(
      'office-not-added',
      `Your DSL has not added you to ${profile.schoolName} as office staff yet, so no summary is sealed to you. Give them your key: ${recipient}`,
    );
  }
  return readNewestExtract({ ageIdentity: ctx.secrets.ageIdentity, sharePath, profile });
}

/** The source line's facts. */
export function sourceOf(extract: OpenedExtract): ExtractSource {
  return {
    schoolName: extract.body.schoolName,
    publishedByName: extract.publishedByName,
    producedAt: extract.body.producedAt,
  };
}

/** The periods the office may choose from, as of `now`. */
export function officePeriods(extract: OpenedExtract, now: Date): PeriodOption[] {
  return periodsOnOffer(extract, now);
}

/** A threshold the office may choose: a whole number, never below the minimum. */
export function checkThreshold(threshold: number | undefined): number {
  const chosen = threshold ?? DEFAULT_THRESHOLD;
  if (!Number.isInteger(chosen) || chosen < MIN_THRESHOLD || chosen > 1000) {
    throw new SafeguardError(
      'invalid-input',
      `The smallest figure shown must be a whole number from ${MIN_THRESHOLD} up (${DEFAULT_THRESHOLD} unless you choose otherwise).`,
    );
  }
  return chosen;
}

/** Form titles by form id: the words for each concern type (contact logs are not concerns). */
function typeLabels(forms: FormRegistry): Record<string, string> {
  return Object.fromEntries(
    forms
      .list()
      .filter((f) => f.kind === 'concern')
      .map((f) => [f.id, f.title]),
  );
}

/** The report for one period, built from the extract's rows under the disclosure rules. */
export function officeReport(
  ctx: OfficeContext,
  extract: OpenedExtract,
  input: { period: PeriodChoice; threshold?: number | undefined },
  now: Date,
): OfficeReport {
  return buildOfficeReport({
    extract,
    period: input.period,
    threshold: checkThreshold(input.threshold),
    typeLabels: typeLabels(ctx.forms),
    now,
  });
}

/** Each table's chart (an ECharts option, plain JSON, and its height), by table id. */
export function chartOptions(report: OfficeReport): Record<string, ScreenChart> {
  return Object.fromEntries(report.tables.map((t) => [t.id, chartOf(t)]));
}

/** The report for one period as a CSV, XLSX or PDF file. */
export async function officeExport(
  ctx: OfficeContext,
  extract: OpenedExtract,
  input: { period: PeriodChoice; threshold?: number | undefined; format: ExportFormat },
  now: Date,
): Promise<{ file: ExportedFile; report: OfficeReport }> {
  const report = officeReport(ctx, extract, input, now);
  return { file: await exportOfficeReport(report, input.format), report };
}
