/** Autosave of the form being filled: wires a DraftSaver to react-hook-form's changes. */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import { bridge, describeFailure, type BridgeFailure } from '../bridge';
import type { FormDefinition } from '../report/definition';
import { toAnswers, type ReportValues } from '../report/values';
import { DraftSaver, type SaveOutcome } from './draftSaver';

export type DraftStatus =
  | { state: 'idle' }
  | ({ state: 'saved' } & SaveOutcome)
  | { state: 'failed'; failure: BridgeFailure };

/** What saving the open draft came to as the app locked. */
export interface DraftFlush {
  /** true saved, false failed, null nothing to save. */
  saved: boolean | null;
  /** A draft PIN protects the draft, so it can be opened again after the lock. */
  protected: boolean;
}

/** Saves the current draft now (the app is locking). */
export type FlushDraft = () => Promise<DraftFlush>;

export function useDraftAutosave(
  form: FormDefinition,
  methods: UseFormReturn<ReportValues>,
  initial: { draftId: string | undefined; protected: boolean },
  registerFlush: (flush: FlushDraft | null) => void,
) {
  const [status, setStatus] = useState<DraftStatus>({ state: 'idle' });
  const [draftId, setDraftId] = useState(initial.draftId);
  const [isProtected, setIsProtected] = useState(initial.protected);
  const saverRef = useRef<DraftSaver | null>(null);
  const draftIdRef = useRef(initial.draftId);
  const protectedRef = useRef(initial.protected);
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
        setDraftId(saver.draftId);
        setStatus({ state: 'saved', ...outcome });
      },
      onFailed: (failure) => setStatus({ state: 'failed', failure }),
    });
    saverRef.current = saver;
    const subscription = watch((_, { name }) => {
      if (name === 'about' || name?.startsWith('answers') === true) saver.schedule();
    });
    registerFlush(async () => ({ saved: await saver.saveNow(), protected: protectedRef.current }));
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

  /** Sets the draft's PIN; resolves with a failure to show, or null once it is set. */
  const protect = useCallback(async (pin: string): Promise<BridgeFailure | null> => {
    const id = draftIdRef.current;
    if (id === undefined) return { code: 'no-draft', message: 'Save the draft first.' };
    try {
      await bridge()['drafts.protect']({ draftId: id, pin });
      protectedRef.current = true;
      setIsProtected(true);
      return null;
    } catch (error) {
      return describeFailure(error);
    }
  }, []);

  return { status, draftId, isProtected, saveNow, finish, resume, protect };
}
