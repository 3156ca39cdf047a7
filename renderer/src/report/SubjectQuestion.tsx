/** Whether the concern is about a lead, the head or the chair: the core then routes around them. */
import { useFormContext, useWatch } from 'react-hook-form';
import type { OperationOutput } from '../../../src/api/contract';
import { GroupFrame } from '../fields/FieldFrame';
import { ABOUT_ID } from '../fields/ids';
import { messageAt } from './validation';
import { NOBODY, type ReportValues } from './values';

export type Subject = OperationOutput<'school.subjects'>[number];

export const SUBJECT_QUESTION = 'Is this concern about one of these people?';
export const ABOUT_PROBLEM = 'Choose one answer: “No, none of them”, or the person it is about.';
const HELP = 'If it is, your concern will not be sent to them.';
// A draft keeps this answer, unless the person it named is no longer one of the choices.
const HELP_KEPT = `${HELP} Your draft kept this answer: change it if it is no longer right.`;
const HELP_NOT_KEPT = `${HELP} Your draft has no answer to this that can still be used: choose one.`;

export const subjectWords = (subject: Subject) => `${subject.name} (${subject.roleLabel})`;

interface SubjectQuestionProps {
  subjects: readonly Subject[];
  /** The form was reopened from a draft, with the draft's answer chosen if it still can be. */
  resumed: boolean;
  /** Why a concern about the headteacher has nowhere to go in school (no chair), or null. */
  headteacherConcern: string | null;
}

export function SubjectQuestion({ subjects, resumed, headteacherConcern }: SubjectQuestionProps) {
  const { register, formState, control } = useFormContext<ReportValues>();
  const about = useWatch({ control, name: 'about' });
  const aboutTheHead =
    headteacherConcern !== null && subjects.some((s) => s.id === about && s.role === 'headteacher');
  const invalid = messageAt(formState.errors, 'about') !== undefined;
  // The answer the form opened with is the draft's (ReportSession), or '' when it had none.
  const kept = (formState.defaultValues?.about ?? '') !== '';
  let help = HELP;
  if (resumed) help = kept ? HELP_KEPT : HELP_NOT_KEPT;
  const options = [
    { id: NOBODY, label: 'No, none of them' },
    ...subjects.map((subject) => ({ id: subject.id, label: subjectWords(subject) })),
  ];
  return (
    <GroupFrame
      inputId={ABOUT_ID}
      label={SUBJECT_QUESTION}
      required={false}
      help={help}
      errors={invalid ? [ABOUT_PROBLEM] : []}
    >
      <div className="choices">
        {options.map((option, index) => {
          const optionId = index === 0 ? ABOUT_ID : `${ABOUT_ID}-${index}`;
          return (
            <div className="choice" key={option.id}>
              <input
                id={optionId}
                type="radio"
                value={option.id}
                aria-invalid={invalid ? true : undefined}
                {...register('about')}
              />
              <label htmlFor={optionId}>{option.label}</label>
            </div>
          );
        })}
      </div>
      {/* In the page before it fills, so screen readers announce it the moment the head is chosen. */}
      <div className={aboutTheHead ? 'notice notice--warn subject-gap' : undefined} role="alert">
        {aboutTheHead && (
          <>
            <p className="notice__title">This concern cannot be sent to anyone in school</p>
            <p>{headteacherConcern}</p>
          </>
        )}
      </div>
    </GroupFrame>
  );
}
