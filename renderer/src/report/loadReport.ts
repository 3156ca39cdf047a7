/** Everything the form needs before it can be shown: its definition, the subjects, a draft. */
import type { OperationOutput, SafeguardBridge } from '../../../src/api/contract';
import { restoreFile } from '../fields/files';
import { toFormDefinition, type FormDefinition } from './definition';
import type { Subject } from './SubjectQuestion';
import { fromAnswers, NOBODY, type AnswerValue, type FileValue } from './values';

/** The school's contacts and the no-chair sentence, as staff see them beside a form. */
export type StaffContacts = OperationOutput<'school.contacts'>;

export interface ReportData {
  form: FormDefinition;
  subjects: Subject[];
  /** Null when they could not be had: the form opens anyway (filing never waits on them). */
  contacts: StaffContacts | null;
  answers: Record<string, AnswerValue>;
  draftId: string | undefined;
  /** The draft's answer to "who is this about" (NOBODY or a subject's id), or null. */
  about: string | null;
  /** A draft PIN protects the draft (false for a new form). */
  protected: boolean;
}

export async function loadReport(
  api: SafeguardBridge,
  formId: string,
  draftId: string | undefined,
): Promise<ReportData> {
  const [view, subjects, contacts, draft] = await Promise.all([
    api['forms.get']({ id: formId }),
    api['school.subjects'](),
    api['school.contacts']().catch(() => null),
    draftId === undefined ? Promise.resolve(null) : api['drafts.get']({ draftId }),
  ]);
  const form = toFormDefinition(view);
  const saved = draft?.answers ?? {};
  const answers = fromAnswers(form, saved);
  for (const field of form.fields) {
    const files = saved[field.id];
    if (field.type !== 'attachments' || !Array.isArray(files)) continue;
    const restored = await Promise.all(files.map(restoreFile));
    answers[field.id] = restored.filter((file): file is FileValue => file !== null);
  }
  // A subject no longer on the profile cannot be chosen: the reporter answers again.
  const about =
    draft?.about === NOBODY || subjects.some((s) => s.id === draft?.about)
      ? (draft?.about ?? null)
      : null;
  return {
    form,
    subjects,
    contacts,
    answers,
    draftId,
    about,
    protected: draft?.protected ?? false,
  };
}
