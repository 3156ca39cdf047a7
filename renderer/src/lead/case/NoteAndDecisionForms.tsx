/** A note (fact and opinion kept apart) and a decision with its reason (a decision not to refer too). */
import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { FormRadios, FormTextArea } from '../form-fields';
import type { CaseView } from '../types';
import { CaseForm, type SubmitChange } from './CaseForm';
import { choiceOf, words } from './checks';

interface FormProps {
  view: CaseView;
  change: SubmitChange;
  focusOnShow: boolean;
}

const noteSchema = z.object({
  kind: choiceOf(['fact', 'opinion'], 'Say whether this note is a fact or an opinion.'),
  text: words('Write the note.', 20_000),
});

export function NoteForm({ view, change, focusOnShow }: FormProps) {
  const form = useForm<z.input<typeof noteSchema>, unknown, z.output<typeof noteSchema>>({
    resolver: zodResolver(noteSchema),
    defaultValues: { kind: '', text: '' },
    shouldFocusError: false,
  });
  return (
    <CaseForm
      id="note"
      title="Add a note"
      submitLabel="Save note"
      form={form}
      focusOnShow={focusOnShow}
      submit={(note) =>
        change((api) => api['lead.note']({ reference: view.reference, ...note }), 'Note saved.')
      }
    >
      <FormRadios
        control={form.control}
        name="kind"
        id="note-kind"
        label="This note is"
        required
        inline
        help="Keep facts (what was seen, heard, said or done) apart from opinion (your professional judgement)."
        options={[
          { value: 'fact', label: 'Fact' },
          { value: 'opinion', label: 'Opinion' },
        ]}
      />
      <FormTextArea
        control={form.control}
        name="text"
        id="note-text"
        label="Note"
        required
        rows={4}
        help="A child's own words go in quotation marks, exactly as said."
      />
    </CaseForm>
  );
}

const decisionSchema = z.object({
  decision: words('Write the decision.', 4_000),
  reason: words('Give the reason for the decision.', 8_000),
});

export function DecisionForm({ view, change, focusOnShow }: FormProps) {
  const form = useForm<z.input<typeof decisionSchema>, unknown, z.output<typeof decisionSchema>>({
    resolver: zodResolver(decisionSchema),
    defaultValues: { decision: '', reason: '' },
    shouldFocusError: false,
  });
  return (
    <CaseForm
      id="decision"
      title="Record a decision"
      submitLabel="Save decision"
      form={form}
      focusOnShow={focusOnShow}
      submit={(decision) =>
        change(
          (api) => api['lead.decide']({ reference: view.reference, ...decision }),
          'Decision saved.',
        )
      }
    >
      <FormTextArea
        control={form.control}
        name="decision"
        id="decision-text"
        label="Decision"
        required
        help="A decision not to refer is a decision too: record it, with its reason."
      />
      <FormTextArea
        control={form.control}
        name="reason"
        id="decision-reason"
        label="Reason"
        required
        rows={4}
      />
    </CaseForm>
  );
}
