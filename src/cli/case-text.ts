/**
 * The human text of `lead list` and `lead show`. Every value comes from a reporter's machine, so
 * each goes through terminalText; a multi-line answer prints as indented continuation lines, so no
 * value can pass for a label line of its own.
 */
import type { FieldDefinition, FormDefinition } from '../forms';
import type { CaseDetail, CaseSummary } from '../casework';
import { britishDate, britishDateTime } from './local-time';
import { term, terminalText } from './terminal-text';

const INDENT = '  ';

/** The two sections of `lead list`: concerns, then the professional online contact log. */
export function caseListText(cases: readonly CaseSummary[]): string {
  const line = (c: CaseSummary) =>
    term`  ${c.reference}  ${britishDateTime(c.filedAt)}  ${c.urgency === 'urgent' ? 'URGENT  ' : ''}${c.formId}  ${c.reporterName} (${c.reporterRole})`;
  const concerns = cases.filter((c) => c.kind === 'concern');
  const logs = cases.filter((c) => c.kind === 'contact-log');
  return [
    'Concerns:',
    ...(concerns.length ? concerns.map(line) : ['  none']),
    '',
    'Professional online contact log:',
    ...(logs.length ? logs.map(line) : ['  none']),
  ].join('\n');
}

/** One case for `lead show`: heading, reporter and time, then each answer under its question. */
export function caseDetailText(detail: CaseDetail, form: FormDefinition | undefined): string {
  return [
    term`${detail.reference}  ${form?.title ?? detail.formId} (v${detail.formVersion})`,
    term`Reported by ${detail.reporterName} (${detail.reporterRole}) at ${britishDateTime(detail.filedAt)}`,
    ...(detail.urgency === 'urgent' ? ['URGENT'] : []),
    ...detail.answers.flatMap((a) =>
      answerLines(
        form?.fields.find((f) => f.id === a.fieldId),
        a.fieldId,
        a.value,
      ),
    ),
  ].join('\n');
}

/** "Label: value", or "Label:" followed by indented lines for long text and attachments. */
function answerLines(
  field: FieldDefinition | undefined,
  fieldId: string,
  value: unknown,
): string[] {
  const label = field?.label ?? fieldId;
  const rendered = renderAnswer(field, value);
  if (typeof rendered === 'string') return [term`${label}: ${rendered}`];
  return [term`${label}:`, ...rendered.map((line) => `${INDENT}${terminalText(line)}`)];
}

/** A one-line value, or the lines of a block (each still to be made safe and indented). */
function renderAnswer(field: FieldDefinition | undefined, value: unknown): string | string[] {
  switch (field?.type) {
    case 'longtext':
      if (typeof value === 'string') return value.split(/\r?\n/);
      break;
    case 'text':
      if (typeof value === 'string') return value;
      break;
    case 'date':
      if (typeof value === 'string') return britishDate(value);
      break;
    case 'datetime':
      if (typeof value === 'string') return britishDateTime(value);
      break;
    case 'yesno':
      if (typeof value === 'boolean') return value ? 'Yes' : 'No';
      break;
    case 'choice':
      if (typeof value === 'string') return optionLabel(field, value);
      break;
    case 'multichoice':
      if (isStringArray(value)) return value.map((v) => optionLabel(field, v)).join(', ');
      break;
    case 'people':
      if (Array.isArray(value)) return value.length ? value.map(personText).join('; ') : 'none';
      break;
    case 'attachments':
      if (Array.isArray(value)) return value.length ? value.map(attachmentText) : 'none';
      break;
    case undefined:
      break;
  }
  // No form for this answer, or a value of another shape: show it as it was stored.
  if (typeof value === 'string') return value.includes('\n') ? value.split(/\r?\n/) : value;
  return JSON.stringify(value) ?? String(value);
}

function optionLabel(
  field: Extract<FieldDefinition, { type: 'choice' | 'multichoice' }>,
  value: string,
): string {
  return field.options.find((o) => o.value === value)?.label ?? value;
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string');
}

/** "Pupil A (pupil, Year 6)". */
function personText(person: unknown): string {
  if (typeof person !== 'object' || person === null) return JSON.stringify(person) ?? '';
  const { name, role, detail } = person as Record<string, unknown>;
  const about = [role, detail].filter((v): v is string => typeof v === 'string' && v !== '');
  const who = typeof name === 'string' ? name : '(no name)';
  return about.length ? `${who} (${about.join(', ')})` : who;
}

/** "post.png, 4.0 KiB (4,104 bytes), SHA-256 <hex>". */
function attachmentText(file: unknown): string {
  if (typeof file !== 'object' || file === null) return JSON.stringify(file) ?? '';
  const { name, size, sha256 } = file as Record<string, unknown>;
  const bytes = typeof size === 'number' ? size : NaN;
  return `${typeof name === 'string' ? name : '(no name)'}, ${sizeText(bytes)}, SHA-256 ${typeof sha256 === 'string' ? sha256 : 'unknown'}`;
}

function sizeText(bytes: number): string {
  if (!Number.isFinite(bytes)) return 'size unknown';
  const exact = `${bytes.toLocaleString('en-GB')} bytes`;
  if (bytes < 1024) return exact;
  const [value, unit] = bytes < 1024 * 1024 ? [bytes / 1024, 'KiB'] : [bytes / 1024 ** 2, 'MiB'];
  return `${value.toFixed(1)} ${unit} (${exact})`;
}
