/** One form being filed: fill → review → receipt, with the answers held across the steps. */
import { useEffect, useMemo, useState } from 'react';
import { FormProvider, useForm } from 'react-hook-form';
import type { BridgeFailure } from '../bridge';
import { DraftPinContext, type DraftPinState } from '../drafts/DraftPinContext';
import { useDraftAutosave, type FlushDraft } from '../drafts/useDraftAutosave';
import { load } from '../loadable';
import { FillStep } from './FillStep';
import type { ReportData } from './loadReport';
import { ReceiptStep, type Receipt } from './ReceiptStep';
import { ReviewStep } from './ReviewStep';
import { RISK_FIELD_ID } from './order';
import { reportResolver } from './validation';
import { NOBODY, toAnswers, type ReportValues } from './values';

/** Who is reporting, kept in memory for the session only (never in storage); cleared on lock. */
export interface ReporterMemory {
  name: string;
  role: string;
}

interface ReportSessionProps {
  data: ReportData;
  reporter: ReporterMemory;
  registerFlush: (flush: FlushDraft | null) => void;
  onDone: () => void;
}

export function ReportSession({ data, reporter, registerFlush, onDone }: ReportSessionProps) {
  const { form, subjects, contacts } = data;
  // Until a chair of governors is named, a concern about the headteacher has nowhere to go.
  const headteacherConcern =
    form.kind === 'concern' ? (contacts?.headteacherConcern ?? null) : null;
  const askAbout = form.kind === 'concern' && subjects.length > 0;
  const resumed = data.draftId !== undefined;
  const resolver = useMemo(() => reportResolver(form, askAbout), [form, askAbout]);
  const methods = useForm<ReportValues>({
    resolver,
    defaultValues: {
      reporterName: reporter.name,
      reporterRole: reporter.role,
      // A resumed draft keeps who the concern is about; if it was never answered, ask again.
      about: askAbout && resumed ? (data.about ?? '') : NOBODY,
      answers: data.answers,
    },
    shouldFocusError: false,
  });
  const autosave = useDraftAutosave(
    form,
    methods,
    { draftId: data.draftId, protected: data.protected },
    registerFlush,
  );
  const { draftId, isProtected, protect } = autosave;
  const draftPin = useMemo<DraftPinState>(
    () => ({ saved: draftId !== undefined, isProtected, protect }),
    [draftId, isProtected, protect],
  );
  const [step, setStep] = useState<'fill' | 'review'>('fill');
  const [receipt, setReceipt] = useState<Receipt | null>(null);

  useEffect(() => {
    const subscription = methods.watch((values, { name }) => {
      if (name === 'reporterName') reporter.name = values.reporterName ?? '';
      if (name === 'reporterRole') reporter.role = values.reporterRole ?? '';
    });
    return () => subscription.unsubscribe();
  }, [methods, reporter]);

  const submit = async (): Promise<BridgeFailure | null> => {
    const values = methods.getValues();
    const draftId = await autosave.finish();
    const result = await load((api) =>
      api['concerns.submit']({
        formId: form.id,
        answers: toAnswers(form, values.answers, 'send'),
        reporter: { name: values.reporterName.trim(), role: values.reporterRole.trim() },
        ...(values.about === NOBODY ? {} : { aboutRecipientId: values.about }),
        ...(draftId === undefined ? {} : { draftId }),
      }),
    );
    if (result.state !== 'ready') {
      autosave.resume();
      return result.state === 'failed' ? result.failure : null;
    }
    setReceipt(result.value);
    return null;
  };

  if (receipt !== null) {
    const risk = methods.getValues(`answers.${RISK_FIELD_ID}`) === 'yes';
    return <ReceiptStep receipt={receipt} immediateRisk={risk} onDone={onDone} />;
  }
  return (
    <FormProvider {...methods}>
      <DraftPinContext value={draftPin}>
        {step === 'fill' ? (
          <FillStep
            form={form}
            subjects={askAbout ? subjects : []}
            contacts={contacts}
            headteacherConcern={headteacherConcern}
            resumed={resumed}
            draftStatus={autosave.status}
            onSaveDraft={autosave.saveNow}
            onReview={() => {
              void autosave.saveNow();
              setStep('review');
            }}
          />
        ) : (
          <ReviewStep
            form={form}
            subjects={askAbout ? subjects : []}
            onChange={() => setStep('fill')}
            onSubmit={submit}
          />
        )}
      </DraftPinContext>
    </FormProvider>
  );
}
