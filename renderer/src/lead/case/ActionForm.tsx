/**
 * An action: its type, due date, whether it is done, who was spoken to, the advice, agreed next
 * steps and result; for one that shares information outside the school, what was shared, why,
 * and the consent position with its reasoning (SAFEGUARDING.md 12; required once it is done).
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useForm, useWatch } from 'react-hook-form';
import { z } from 'zod';
import { FormCheckbox, FormRadios, FormSelect, FormTextArea, FormTextInput } from '../form-fields';
import type { ActionType, CaseView, Consent } from '../types';
import { actionList, actionWords, consentList, consentWords, externalActionTypes } from '../words';
import { CaseForm, type SubmitChange } from './CaseForm';
import { choiceOf, optionalWords } from './checks';

const consentHints: Record<Consent, string> = {
  given: 'The person (or parent) agreed to it being shared.',
  refused: 'They refused, and it was shared without consent: say why below.',
  'not-sought': 'Seeking it could put a child at risk or hinder an investigation.',
  'not-needed': 'Consent is not the basis for this share (for example a statutory duty).',
};

const SHARE_MAX = 2_000;

/** Whether the share must be recorded: an external action that is done, or whose share is begun. */
function shareNeeded(type: string, done: boolean, share: Record<string, string>): boolean {
  const external = externalActionTypes.some((t) => t === type);
  return external && (done || Object.values(share).some((v) => v.trim() !== ''));
}

const actionSchema = z
  .object({
    type: choiceOf(actionList, 'Choose the kind of action.'),
    due: z
      .union([z.literal(''), z.iso.date({ error: 'Enter a real date, or leave it empty.' })])
      .transform((day) => (day === '' ? null : day)),
    done: z.boolean(),
    spokeTo: optionalWords(500),
    advice: optionalWords(8_000),
    nextSteps: optionalWords(8_000),
    result: optionalWords(8_000),
    share: z.object({
      what: z.string().trim().max(SHARE_MAX),
      why: z.string().trim().max(SHARE_MAX),
      consent: z.string(),
      consentReasoning: z.string().trim().max(SHARE_MAX),
    }),
  })
  .superRefine((action, ctx) => {
    if (!shareNeeded(action.type, action.done, action.share)) return;
    const when = action.done ? 'once it is done' : 'for what was shared';
    const missing = (field: keyof typeof action.share, message: string) => {
      if (action.share[field] === '')
        ctx.addIssue({ code: 'custom', path: ['share', field], message });
    };
    missing('what', `Say what was shared (required ${when}).`);
    missing('why', `Say why it was shared (required ${when}).`);
    if (!consentList.some((c) => c === action.share.consent)) {
      ctx.addIssue({
        code: 'custom',
        path: ['share', 'consent'],
        message: `Choose the consent position (required ${when}).`,
      });
    }
    missing('consentReasoning', `Give the reasoning for the consent position (required ${when}).`);
  })
  .transform(({ share, ...action }) => ({
    ...action,
    share: shareNeeded(action.type, action.done, share)
      ? // The refinement above has checked the consent is one of consentList.
        { ...share, consent: share.consent as Consent }
      : null,
  }));

const emptyAction: z.input<typeof actionSchema> = {
  type: '',
  due: '',
  done: false,
  spokeTo: '',
  advice: '',
  nextSteps: '',
  result: '',
  share: { what: '', why: '', consent: '', consentReasoning: '' },
};

interface ActionFormProps {
  view: CaseView;
  change: SubmitChange;
  focusOnShow: boolean;
}

export function ActionForm({ view, change, focusOnShow }: ActionFormProps) {
  const allegation = view.state.pathway === 'allegation';
  const ladoOpen = view.state.lado !== null && !view.state.lado.met;
  const form = useForm<z.input<typeof actionSchema>, unknown, z.output<typeof actionSchema>>({
    resolver: zodResolver(actionSchema),
    defaultValues: { ...emptyAction, type: ladoOpen ? 'lado-consultation' : '' },
    shouldFocusError: false,
  });
  const { control } = form;
  const type = useWatch({ control, name: 'type' });
  const done = useWatch({ control, name: 'done' });
  const external = externalActionTypes.some((t) => t === type);

  return (
    <CaseForm
      id="action"
      title="Record an action"
      submitLabel="Save action"
      form={form}
      focusOnShow={focusOnShow}
      submit={(action) =>
        change(
          (api) => api['lead.action']({ reference: view.reference, ...action }),
          'Action saved.',
        )
      }
      onSaved={() => form.reset(emptyAction)}
    >
      <FormSelect
        control={control}
        name="type"
        id="action-type"
        label="Action"
        required
        placeholder="Choose the kind of action"
        options={actionList.map((value: ActionType) => ({
          value,
          label: actionWords[value].label,
        }))}
      />
      <div className="case-form__row">
        <FormTextInput
          control={control}
          name="due"
          id="action-due"
          label="Due by"
          type="date"
          help={
            type === 'lado-consultation' && allegation
              ? 'Leave empty to use the LADO clock (one working day).'
              : 'Optional: the day it must be done by.'
          }
        />
        <FormCheckbox control={control} name="done" id="action-done" label="Done now" />
      </div>
      <FormTextInput
        control={control}
        name="spokeTo"
        id="action-spoke-to"
        label="Spoke to"
        help="Name, role and organisation."
      />
      <FormTextArea control={control} name="advice" id="action-advice" label="Advice received" />
      <FormTextArea
        control={control}
        name="nextSteps"
        id="action-next-steps"
        label="Agreed next steps"
      />
      <FormTextArea control={control} name="result" id="action-result" label="Result" />
      {external && (
        <fieldset className="field field--group share">
          <legend className="field__label">Information shared outside the school</legend>
          <p className="field__help">
            Every external share is logged: what, why, and the consent position.
            {done ? ' Required, as the action is done.' : ' Required once it is done.'}
          </p>
          <FormTextArea
            control={control}
            name="share.what"
            id="share-what"
            label="What was shared"
            required={done}
          />
          <FormTextArea
            control={control}
            name="share.why"
            id="share-why"
            label="Why it was shared"
            required={done}
          />
          <FormRadios
            control={control}
            name="share.consent"
            id="share-consent"
            label="Consent"
            required={done}
            options={consentList.map((value) => ({
              value,
              label: consentWords[value],
              hint: consentHints[value],
            }))}
          />
          <FormTextArea
            control={control}
            name="share.consentReasoning"
            id="share-consent-reasoning"
            label="Consent reasoning"
            required={done}
          />
        </fieldset>
      )}
    </CaseForm>
  );
}
