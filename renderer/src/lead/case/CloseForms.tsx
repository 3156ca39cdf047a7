/**
 * Closing needs an outcome of the right kind (an allegation's five, else resolved or no further
 * action); a malicious allegation is flagged for removal. Reopening needs a reason.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useMemo } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { FormRadios, FormTextArea } from '../form-fields';
import type { CaseView, Outcome } from '../types';
import { allegationOutcomeWords, otherOutcomeWords } from '../words';
import { CaseForm, type SubmitChange } from './CaseForm';
import { choiceOf, optionalWords, words } from './checks';

interface FormProps {
  view: CaseView;
  change: SubmitChange;
  focusOnShow: boolean;
}

function closeSchema(outcomes: readonly Outcome[]) {
  return z.object({
    outcome: choiceOf(outcomes, 'Choose the outcome.'),
    reason: optionalWords(8_000),
  });
}
type CloseSchema = ReturnType<typeof closeSchema>;

export function CloseForm({ view, change, focusOnShow }: FormProps) {
  const words = view.state.pathway === 'allegation' ? allegationOutcomeWords : otherOutcomeWords;
  const entries = Object.entries(words) as Array<[Outcome, readonly [string, string]]>;
  const options = entries.map(([value, [label, hint]]) => ({ value, label, hint }));
  const schema = useMemo(
    () => closeSchema(Object.keys(words) as Outcome[]),
    // The outcomes depend only on the pathway.
    [words],
  );
  const form = useForm<z.input<CloseSchema>, unknown, z.output<CloseSchema>>({
    resolver: zodResolver(schema),
    defaultValues: { outcome: '', reason: '' },
    shouldFocusError: false,
  });

  if (view.state.triage === null) {
    return (
      <div className="case-form">
        <h3 className="case-form__title">Close the case</h3>
        <p>Triage the case before closing it: the outcome depends on its pathway.</p>
      </div>
    );
  }

  return (
    <CaseForm
      id="close"
      title="Close the case"
      submitLabel="Close case"
      form={form}
      focusOnShow={focusOnShow}
      submit={(closing) =>
        change(
          (api) => api['lead.close']({ reference: view.reference, ...closing }),
          'Case closed.',
        )
      }
    >
      <FormRadios
        control={form.control}
        name="outcome"
        id="close-outcome"
        label="Outcome"
        required
        options={options}
      />
      <FormTextArea
        control={form.control}
        name="reason"
        id="close-reason"
        label="Summary of how it was resolved"
      />
    </CaseForm>
  );
}

const reopenSchema = z.object({ reason: words('Give the reason for reopening.', 8_000) });

export function ReopenForm({ view, change, focusOnShow }: FormProps) {
  const form = useForm<z.input<typeof reopenSchema>, unknown, z.output<typeof reopenSchema>>({
    resolver: zodResolver(reopenSchema),
    defaultValues: { reason: '' },
    shouldFocusError: false,
  });
  return (
    <CaseForm
      id="reopen"
      title="Reopen the case"
      submitLabel="Reopen case"
      form={form}
      focusOnShow={focusOnShow}
      submit={(reopening) =>
        change(
          (api) => api['lead.reopen']({ reference: view.reference, ...reopening }),
          'Case reopened.',
        )
      }
    >
      <FormTextArea
        control={form.control}
        name="reason"
        id="reopen-reason"
        label="Reason for reopening"
        required
      />
    </CaseForm>
  );
}
