/** Autosave of the form being filled: wires a DraftSaver to react-hook-form's changes. */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import type { BridgeFailure } from '../bridge';
import type { FormDefinition } from '../report/definition';
import { toAnswers, type ReportValues } from '../report/values';
import { DraftSaver, type SaveOutcome } from './draftSaver';

export type DraftStatus =
  | { state: 'idle' }
  | ({ state: 'saved' } & SaveOutcome)
  | { state: 'failed'; failure: BridgeFailure };

/** Saves the current draft now; resolves true when saved, null when there was nothing to save. */
export type FlushDraft = () => Promise<boolean | null>;

export function useDraftAutosave(
  form: FormDefinition,
  methods: UseFormReturn<ReportValues>,
  initialDraftId: string | undefined,
  registerFlush: (flush: FlushDraft | null) => void,
) {
  const [status, setStatus] = useState<DraftStatus>({ state: 'idle' });
  const saverRef = useRef<DraftSaver | null>(null);
  const draftIdRef = useRef(initialDraftId);
  const { getValues, watch } = methods;

  useEffect(() => {
    const snapshot = (withFiles: boolean) => {
      const answers = toAnswers(form, getValues('answers'), 'draft');
      if (!withFiles) {
        for (const field of form.fields) {
          if (field.type === 'attachments') delete answers[field.id];
        }
      }
      return Object.keys(answers).length > 0 ? answers : null;
    };
    const saver = new DraftSaver({
      formId: form.id,
      draftId: draftIdRef.current,
      snapshot: () => snapshot(true),
      snapshotWithoutFiles: () => snapshot(false),
      about: () => getValues('about') || null,
      onSaved: (outcome) => {
        draftIdRef.current = saver.draftId;
        setStatus({ state: 'saved', ...outcome });
      },
      onFailed: (failure) => setStatus({ state: 'failed', failure }),
    });
    saverRef.current = saver;
    const subscription = watch((_, { name }) => {
      if (name === 'about' || name?.startsWith('answers') === true) saver.schedule();
    });
    registerFlush(() => saver.saveNow());
    return () => {
      subscription.unsubscribe();
      registerFlush(null);
      // Leaving the form (Home, Lock) keeps what was typed.
      void saver.saveNow();
      void saver.close();
    };
  }, [form, getValues, watch, registerFlush]);

  /** "Save draft": saves now. */
  const saveNow = useCallback(() => saverRef.current?.saveNow(true) ?? Promise.resolve(null), []);

  /** Before filing: wait for writes in flight and stop, so the filed draft is not written again. */
  const finish = useCallback(async (): Promise<string | undefined> => {
    await saverRef.current?.close();
    return saverRef.current?.draftId ?? draftIdRef.current;
  }, []);

  /** After a failed filing: autosave again. */
  const resume = useCallback(() => saverRef.current?.reopen(), []);

  return { status, saveNow, finish, resume };
}
