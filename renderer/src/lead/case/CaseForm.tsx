/**
 * The frame of every form on a case: its heading, the core's refusal in words (focused, so it is
 * heard), the save button (busy while saving), and focus on the first problem when the form's zod
 * schema finds one. The answers live in react-hook-form, as the staff's concern forms do.
 */
import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { FieldValues, UseFormReturn } from 'react-hook-form';
import type { SafeguardBridge } from '../../../../src/api/contract';
import type { BridgeFailure } from '../../bridge';
import { FailureNotice } from '../../components/FailureNotice';
import { focusFirstInvalid } from '../fields';
import type { CaseView } from '../types';

/** Runs one change to the case; null when it was recorded, else why not. */
export type SubmitChange = (
  call: (api: SafeguardBridge) => Promise<CaseView>,
  done: string,
) => Promise<BridgeFailure | null>;

interface CaseFormProps<Values extends FieldValues, Checked> {
  id: string;
  title: string;
  submitLabel: string;
  /** The form's state, with the zod resolver that checks it. */
  form: UseFormReturn<Values, unknown, Checked>;
  /** Sends the checked answers (through SubmitChange); null on success. */
  submit: (checked: Checked) => Promise<BridgeFailure | null>;
  /** After a success; by default the form empties. */
  onSaved?: () => void;
  /** Focus the heading when the form appears (the lead chose it), not on the page's first load. */
  focusOnShow: boolean;
  /** Beside the save button (e.g. Cancel). */
  otherActions?: ReactNode;
  children: ReactNode;
}

export function CaseForm<Values extends FieldValues, Checked>({
  id,
  title,
  submitLabel,
  form,
  submit,
  onSaved,
  focusOnShow,
  otherActions,
  children,
}: CaseFormProps<Values, Checked>) {
  const formRef = useRef<HTMLFormElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const failureRef = useRef<HTMLDivElement>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<BridgeFailure | null>(null);

  useEffect(() => {
    if (focusOnShow) headingRef.current?.focus();
  }, [focusOnShow]);

  useEffect(() => {
    if (failure !== null) failureRef.current?.focus();
  }, [failure]);

  const send = async (checked: Checked) => {
    setBusy(true);
    const refused = await submit(checked);
    setBusy(false);
    if (refused !== null) {
      setFailure(refused);
    } else if (onSaved) {
      onSaved();
    } else {
      form.reset();
    }
  };

  const onSubmit = form.handleSubmit(send, () => focusFirstInvalid(formRef.current));

  return (
    <form
      className="case-form"
      ref={formRef}
      aria-labelledby={`${id}-title`}
      noValidate
      onSubmit={(event) => {
        if (busy) {
          event.preventDefault();
          return;
        }
        setFailure(null);
        void onSubmit(event);
      }}
    >
      <h3 className="case-form__title" id={`${id}-title`} ref={headingRef} tabIndex={-1}>
        {title}
      </h3>
      {failure !== null && (
        <div ref={failureRef} tabIndex={-1} className="case-form__failure">
          <FailureNotice failure={failure} />
        </div>
      )}
      {children}
      <div className="form-actions">
        <button
          type="submit"
          className="button button--primary button--compact"
          aria-disabled={busy ? true : undefined}
        >
          {busy ? 'Saving…' : submitLabel}
        </button>
        {otherActions}
      </div>
    </form>
  );
}
