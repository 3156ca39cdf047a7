/**
 * Triage: pathway, priority and the assigned lead; for a concern about an adult, the four KCSIE
 * Part 4 harm-threshold questions first. Their answers suggest a pathway; the lead decides, and a
 * different choice needs a reason (the core refuses it otherwise).
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useMemo } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { z } from 'zod';
import { FormCheckbox, FormRadios, FormSelect, FormTextArea } from '../form-fields';
import type { CaseView, HarmThreshold, Pathway, Recipient } from '../types';
import {
  harmQuestions,
  pathwayList,
  pathwayWords,
  priorityList,
  priorityWords,
  recipientRoleWord,
  suggestedPathway,
} from '../words';
import { CaseForm, type SubmitChange } from './CaseForm';
import { choiceOf, optionalWords } from './checks';

const noHarm: HarmThreshold = { harmed: false, offence: false, risk: false, unsuitable: false };

/** "The harm-threshold answers suggest allegation: say why you chose low-level concern." */
function whyDifferent(suggestion: Pathway, chosen: Pathway): string {
  const suggested = pathwayWords[suggestion].toLowerCase();
  return `The harm-threshold answers suggest ${suggested}: say why you chose ${pathwayWords[chosen].toLowerCase()}.`;
}

/** For a concern about an adult, a pathway other than the suggested one needs a reason. */
function triageSchema(aboutAnAdult: boolean) {
  return z
    .object({
      harm: z.object({
        harmed: z.boolean(),
        offence: z.boolean(),
        risk: z.boolean(),
        unsuitable: z.boolean(),
      }),
      pathway: choiceOf(pathwayList, 'Choose a pathway.'),
      priority: choiceOf(priorityList, 'Choose a priority.'),
      assignedTo: z.string().transform((id) => (id === '' ? null : id)),
      reason: optionalWords(4_000),
    })
    .superRefine((triage, ctx) => {
      if (!aboutAnAdult) return;
      const suggestion = suggestedPathway(triage.harm);
      if (triage.pathway !== suggestion && triage.reason === null) {
        ctx.addIssue({
          code: 'custom',
          path: ['reason'],
          message: whyDifferent(suggestion, triage.pathway),
        });
      }
    });
}
type TriageSchema = ReturnType<typeof triageSchema>;

interface TriageFormProps {
  view: CaseView;
  recipients: readonly Recipient[];
  me: string | null;
  change: SubmitChange;
  focusOnShow: boolean;
}

function initial(view: CaseView, me: string | null): z.input<TriageSchema> {
  const harm = view.state.triage?.harmThreshold as HarmThreshold | null | undefined;
  return {
    harm: harm ?? noHarm,
    pathway: view.state.pathway ?? '',
    priority: view.state.priority ?? (view.urgency === 'urgent' ? 'urgent' : 'routine'),
    assignedTo: view.state.assignedTo ?? me ?? '',
    reason: '',
  };
}

export function TriageForm({ view, recipients, me, change, focusOnShow }: TriageFormProps) {
  const { aboutAnAdult } = view;
  const schema = useMemo(() => triageSchema(aboutAnAdult), [aboutAnAdult]);
  const form = useForm<z.input<TriageSchema>, unknown, z.output<TriageSchema>>({
    resolver: zodResolver(schema),
    defaultValues: initial(view, me),
    shouldFocusError: false,
  });
  const { control } = form;
  const harm = useWatch({ control, name: 'harm' });
  const pathway = useWatch({ control, name: 'pathway' });

  const suggestion = aboutAnAdult ? suggestedPathway(harm) : null;
  const chosen = pathwayList.find((p) => p === pathway) ?? null;
  const differs = suggestion !== null && chosen !== null && chosen !== suggestion;

  return (
    <CaseForm
      id="triage"
      title={view.state.triage ? 'Triage again' : 'Triage'}
      submitLabel="Save triage"
      form={form}
      focusOnShow={focusOnShow}
      submit={(triage) =>
        change(
          (api) =>
            api['lead.triage']({
              reference: view.reference,
              pathway: triage.pathway,
              priority: triage.priority,
              assignedTo: triage.assignedTo,
              reason: triage.reason,
              harmThreshold: aboutAnAdult ? triage.harm : null,
            }),
          'Triage saved.',
        )
      }
      // The triage stays as saved; only its reason empties.
      onSaved={() => form.resetField('reason')}
    >
      {aboutAnAdult && (
        <fieldset className="field field--group harm">
          <legend className="field__label">Harm threshold (KCSIE Part 4)</legend>
          <p className="field__help" id="harm-help">
            This concern is about an adult who works with children. Tick each statement the
            information suggests may be true.
          </p>
          <div className="choices">
            {harmQuestions.map((question) => (
              <FormCheckbox
                key={question.key}
                control={control}
                name={`harm.${question.key}`}
                id={`harm-${question.key}`}
                label={question.text}
              />
            ))}
          </div>
          <p className="harm__suggests" role="status">
            {suggestion === 'allegation' ? (
              <>
                The answers suggest an <strong>allegation</strong>: the harm threshold is met. The
                LADO must be contacted within one working day.
              </>
            ) : (
              <>
                The answers suggest a <strong>low-level concern</strong>: the harm threshold is not
                met.
              </>
            )}
          </p>
        </fieldset>
      )}
      <FormSelect
        control={control}
        name="pathway"
        id="triage-pathway"
        label="Pathway"
        required
        placeholder="Choose a pathway"
        options={pathwayList.map((value) => ({ value, label: pathwayWords[value] }))}
        help={
          suggestion === null
            ? 'The form the reporter chose is no decision: the pathway is yours.'
            : 'You decide: a pathway other than the suggested one needs a reason.'
        }
      />
      <FormRadios
        control={control}
        name="priority"
        id="triage-priority"
        label="Priority"
        inline
        options={priorityList.map((value) => ({ value, label: priorityWords[value] }))}
      />
      <FormSelect
        control={control}
        name="assignedTo"
        id="triage-assigned"
        label="Assigned lead"
        placeholder="Not assigned"
        options={recipients.map((r) => ({
          value: r.id,
          label: r.id === me ? `${r.name} (you)` : `${r.name}, ${recipientRoleWord(r.role)}`,
        }))}
      />
      <FormTextArea
        control={control}
        name="reason"
        id="triage-reason"
        label="Reason"
        required={differs}
        help={
          differs
            ? whyDifferent(suggestion, chosen)
            : 'Why this pathway (optional unless it differs from what the answers suggest).'
        }
      />
    </CaseForm>
  );
}
