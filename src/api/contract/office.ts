/**
 * The office user's side of the contract: anonymised summaries for governors and the trust. Every
 * operation but `office.status` answers `not-office` on a computer whose user holds no office
 * identity, and `locked` until `office.unlock`. Only published figures cross (a suppressed cell is
 * `c`, never its value): no name, reference, free text or exact date ever does.
 */
import { z } from 'zod';
import { DEFAULT_THRESHOLD, MIN_THRESHOLD } from '../../office/report/model';
import { none } from './shared';

export const officeStatusSchema = z.object({
  /** This user holds an office identity on this computer. */
  isOffice: z.boolean(),
  unlocked: z.boolean(),
  /** Their `age1…` key once unlocked: what the DSL adds with the office role. */
  recipient: z.string().nullable(),
});

/** A passphrase as typed: never trimmed here (the core normalises it). */
const passphrase = z.string().min(1).max(1_000);

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);

export const reportPeriodSchema = z.object({
  kind: z.enum(['this-term', 'last-term', 'academic-year', 'custom']),
  label: z.string(),
  fromMonth: month,
  toMonth: month,
});

/** A period on offer, or dates of the user's own (whole months are counted). */
export const periodChoiceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('this-term') }),
  z.object({ kind: z.literal('last-term') }),
  z.object({
    kind: z.literal('academic-year'),
    /** An earlier year ("2025-26"); the current one when absent. */
    academicYear: z
      .string()
      .regex(/^\d{4}-\d{2}$/)
      .optional(),
  }),
  z
    .object({ kind: z.literal('custom'), from: z.iso.date(), to: z.iso.date() })
    .refine((p) => p.from <= p.to, { message: 'the first day comes after the last', path: ['to'] }),
]);

/** The smallest figure shown: 5 unless chosen, never below 3. */
const threshold = z.number().int().min(MIN_THRESHOLD).max(1000).optional();

export const cellSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('count'), value: z.number() }),
  z.object({ kind: z.literal('percent'), value: z.number() }),
  z.object({ kind: z.literal('suppressed'), reason: z.enum(['primary', 'secondary']) }),
]);

export const statTableSchema = z.object({
  id: z.string(),
  title: z.string(),
  summary: z.string(),
  rowHeading: z.string(),
  columns: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      unit: z.enum(['count', 'percent']),
      total: z.boolean().optional(),
    }),
  ),
  rows: z.array(z.object({ key: z.string(), label: z.string(), cells: z.array(cellSchema) })),
  totals: z.array(cellSchema).nullable(),
  chart: z.enum(['bar', 'column', 'stacked-column', 'line']),
});

export const officeReportSchema = z.object({
  schoolName: z.string(),
  period: reportPeriodSchema,
  producedAt: z.string(),
  source: z.object({ publishedByName: z.string(), extractProducedAt: z.string() }),
  threshold: z.number().int(),
  total: cellSchema,
  tables: z.array(statTableSchema),
  notes: z.array(z.string()),
});

/** Where the figures come from: "Figures from the extract published by … on … at …". */
export const extractSourceSchema = z.object({
  schoolName: z.string(),
  publishedByName: z.string(),
  producedAt: z.string(),
});

export const officePeriodsSchema = z.object({
  /** This term, last term, this academic year, then earlier years with figures, newest first. */
  periods: z.array(z.object({ choice: periodChoiceSchema, period: reportPeriodSchema })),
  source: extractSourceSchema,
  defaultThreshold: z.literal(DEFAULT_THRESHOLD),
  minThreshold: z.literal(MIN_THRESHOLD),
});

export const officeContract = {
  'office.status': { input: none, output: officeStatusSchema },
  /** A wrong passphrase is counted; after five, each try waits longer (as the lead's). */
  'office.unlock': { input: z.object({ passphrase }), output: officeStatusSchema },
  'office.lock': { input: none, output: officeStatusSchema },
  /**
   * The periods on offer and the extract the figures come from. `no-extract` when none is
   * published yet; `extract-unusable` (with the reasons) when none can be verified;
   * `office-not-added` (with the key to give) when the DSL has not added this office user.
   */
  'office.periods': { input: none, output: officePeriodsSchema },
  /** The report for a period, and each table's chart: an ECharts option (plain JSON), its height. */
  'office.report': {
    input: z.object({ period: periodChoiceSchema, threshold }),
    output: z.object({
      report: officeReportSchema,
      charts: z.record(
        z.string(),
        z.object({
          option: z.record(z.string(), z.unknown()),
          height: z.number().int().min(50).max(2000),
        }),
      ),
    }),
  },
  /** The report as a file: named with the school and period, never with content. */
  'office.export': {
    input: z.object({
      period: periodChoiceSchema,
      threshold,
      format: z.enum(['csv', 'xlsx', 'pdf']),
    }),
    output: z.object({ fileName: z.string(), mediaType: z.string(), base64: z.string() }),
  },
} as const;
