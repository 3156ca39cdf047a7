/** Every problem on the form, in the order of the questions, for the summary at the top. */
import type { FieldErrors } from 'react-hook-form';
import { ABOUT_ID, domId, personInputId, REPORTER_NAME_ID, REPORTER_ROLE_ID } from '../fields/ids';
import type { FieldDefinition, FormDefinition } from './definition';
import { questionOrder } from './order';
import { ABOUT_PROBLEM, SUBJECT_QUESTION } from './SubjectQuestion';
import { answerProblem, messageAt, personProblem, reporterProblem } from './validation';
import type { AnswerValue, ReportValues } from './values';

export interface SummaryItem {
  /** The id of the input to move focus to. */
  target: string;
  text: string;
}

const personParts = ['name', 'role', 'detail'] as const;

export function summaryItems(
  form: FormDefinition,
  errors: FieldErrors<ReportValues>,
  answers: Record<string, AnswerValue>,
): SummaryItem[] {
  const items: SummaryItem[] = [];
  for (const part of ['name', 'role'] as const) {
    const message = messageAt(errors, part === 'name' ? 'reporterName' : 'reporterRole');
    if (message !== undefined) {
      const label = part === 'name' ? 'Your name' : 'Your role';
      const target = part === 'name' ? REPORTER_NAME_ID : REPORTER_ROLE_ID;
      items.push({ target, text: `${label} — ${reporterProblem(part, message)}` });
    }
  }
  const { leading, rest } = questionOrder(form);
  items.push(...fieldItems(leading, errors, answers));
  if (messageAt(errors, 'about') !== undefined) {
    items.push({ target: ABOUT_ID, text: `${SUBJECT_QUESTION} — ${ABOUT_PROBLEM}` });
  }
  items.push(...fieldItems(rest, errors, answers));
  return items;
}

/** The problems of these questions, in their order. */
function fieldItems(
  fields: readonly FieldDefinition[],
  errors: FieldErrors<ReportValues>,
  answers: Record<string, AnswerValue>,
): SummaryItem[] {
  const items: SummaryItem[] = [];
  for (const field of fields) {
    const path = `answers.${field.id}`;
    const message = messageAt(errors, path);
    if (message !== undefined) {
      const target = field.type === 'people' ? personInputId(field.id, 0, 'name') : domId(field.id);
      items.push({ target, text: `${field.label} — ${answerProblem(field, message)}` });
      continue;
    }
    const value = answers[field.id];
    if (!Array.isArray(value)) continue;
    value.forEach((_, index) => {
      if (field.type === 'people') {
        for (const part of personParts) {
          const inner = messageAt(errors, `${path}.${index}.${part}`);
          if (inner === undefined) continue;
          items.push({
            target: personInputId(field.id, index, part),
            text: `${field.label} — ${personProblem(index, part, inner)}`,
          });
        }
      } else if (field.type === 'attachments' && messageAt(errors, `${path}.${index}.size`)) {
        items.push({
          target: domId(field.id),
          text: `${field.label} — File ${index + 1} is too large.`,
        });
      }
    });
  }
  return items;
}
