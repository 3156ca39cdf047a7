/** Filling in the form: the reporter, who it is about, the questions, and the guidance beside. */
import { useState } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { useHeadingFocus } from '../components/useHeadingFocus';
import { FieldInput } from '../fields/FieldInput';
import { DraftStatusLine } from '../drafts/DraftStatusLine';
import type { DraftStatus } from '../drafts/useDraftAutosave';
import { isImagesForm, type FieldDefinition, type FormDefinition } from './definition';
import type { StaffContacts } from './loadReport';
import { ErrorSummary } from './ErrorSummary';
import { DoNotFirst, Guidance } from './Guidance';
import { ReporterFields } from './ReporterFields';
import { summaryItems } from './problems';
import { questionOrder, RISK_FIELD_ID } from './order';
import { RiskQuestion } from './RiskAlert';
import { SubjectQuestion, type Subject } from './SubjectQuestion';
import type { ReportValues } from './values';

interface FillStepProps {
  form: FormDefinition;
  /** The people a concern can be about; empty when the question is not asked. */
  subjects: readonly Subject[];
  /** The school's contacts for the guidance panel, or null. */
  contacts: StaffContacts | null;
  /** Why a concern about the headteacher has nowhere to go in school (no chair), or null. */
  headteacherConcern: string | null;
  /** Reopened from a draft. */
  resumed: boolean;
  draftStatus: DraftStatus;
  onSaveDraft: () => Promise<boolean | null>;
  /** Called when every answer is valid. */
  onReview: () => void;
}

/** One question; the risk question carries the 999 alert under its answer. */
function question(field: FieldDefinition) {
  return field.id === RISK_FIELD_ID && field.type === 'yesno' ? (
    <RiskQuestion key={field.id} field={field} />
  ) : (
    <FieldInput key={field.id} field={field} />
  );
}

export function FillStep(props: FillStepProps) {
  const { form, subjects, contacts, headteacherConcern } = props;
  const { resumed, draftStatus, onSaveDraft, onReview } = props;
  const { handleSubmit, formState, control } = useFormContext<ReportValues>();
  const answers = useWatch({ control, name: 'answers' });
  const heading = useHeadingFocus<HTMLHeadingElement>();
  const [summaryFocus, setSummaryFocus] = useState(0);
  const [nothingToSave, setNothingToSave] = useState(false);
  const imagesFirst = isImagesForm(form) && form.guidance.avoid.length > 0;
  const problems = formState.isSubmitted ? summaryItems(form, formState.errors, answers) : [];
  const { leading, rest } = questionOrder(form);

  const submit = handleSubmit(onReview, () => setSummaryFocus((n) => n + 1));
  const saveDraft = async () => {
    setNothingToSave((await onSaveDraft()) === null);
  };

  return (
    <div className="report-layout">
      <div className="report-main">
        <h1 className="step-title" id="step-title" ref={heading} tabIndex={-1}>
          {form.title}
        </h1>
        {imagesFirst && <DoNotFirst lines={form.guidance.avoid} />}
        {headteacherConcern !== null && (
          <div className="notice notice--warn" id="headteacher-gap">
            <p className="notice__title">If this concern is about the headteacher</p>
            <p>{headteacherConcern}</p>
          </div>
        )}
        {problems.length > 0 && <ErrorSummary items={problems} focusKey={summaryFocus} />}
        <form
          className="report-form"
          noValidate
          autoComplete="off"
          aria-labelledby="step-title"
          onSubmit={(event) => void submit(event)}
        >
          <ReporterFields />
          {leading.map(question)}
          {subjects.length > 0 && (
            <SubjectQuestion
              subjects={subjects}
              resumed={resumed}
              headteacherConcern={headteacherConcern}
            />
          )}
          {rest.map(question)}
          <div className="form-actions">
            <button type="submit" className="button button--primary">
              Review
            </button>
            <button
              type="button"
              className="button button--secondary"
              onClick={() => void saveDraft()}
            >
              Save draft
            </button>
            <DraftStatusLine status={draftStatus} nothingToSave={nothingToSave} />
          </div>
        </form>
      </div>
      <Guidance form={form} withoutAvoid={imagesFirst} contacts={contacts} />
    </div>
  );
}
