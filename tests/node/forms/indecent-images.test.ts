import { describe, expect, it } from 'vitest';
import { FormRegistry, validateAnswers, type FormDefinition } from '../../../src/forms';
import { allShippedForms, attachment, fieldOf, sampleAnswer, thrown } from './support';

describe('the indecent-images form', () => {
  const form = () => FormRegistry.builtIn().latest('indecent-images-or-illegal-activity');

  it('has no field of type attachments, in any version', () => {
    const versions = allShippedForms().filter(
      ({ form: def }) => def.id === 'indecent-images-or-illegal-activity',
    );
    expect(versions.length).toBeGreaterThan(0);
    for (const { name, form: def } of versions) {
      expect(
        def.fields.filter((field) => field.type === 'attachments'),
        name,
      ).toEqual([]);
    }
  });

  it('refuses an attempt to attach a file to it', () => {
    const def = form() as FormDefinition;
    const answers = Object.fromEntries(
      def.fields.filter((field) => field.required).map((field) => [field.id, sampleAnswer(field)]),
    );
    expect(validateAnswers(def, answers)).toEqual(answers);
    expect(thrown(() => validateAnswers(def, { ...answers, evidence: [attachment()] }))).toEqual({
      code: 'invalid-answers',
      message: 'unknown fields: evidence',
    });
  });

  it('records the image by description, place, holder, who has seen it and the device', () => {
    // After the risk question, which every concern form asks first.
    expect(form()?.fields[0]?.id).toBe('immediateRisk');
    expect(form()?.fields.slice(1, 6)).toMatchObject([
      {
        id: 'description',
        type: 'longtext',
        required: true,
        label: 'Describe what you saw or were told — do not look again',
      },
      {
        id: 'imageLocation',
        type: 'longtext',
        required: true,
        label:
          'Where is the image? (website address, app, device, account — do not visit it again)',
      },
      { id: 'deviceHolder', type: 'text', required: true, label: 'Who has the device now?' },
      {
        id: 'deviceSecured',
        type: 'choice',
        required: true,
        options: [
          { value: 'secured-not-examined' },
          { value: 'not-secured' },
          { value: 'not-applicable' },
        ],
      },
      {
        id: 'whoHasSeen',
        type: 'longtext',
        required: true,
        label: 'Who else has seen it or been sent it?',
      },
    ]);
  });

  it('asks for the place of the image instead of a link to visit', () => {
    expect(fieldOf(form() as FormDefinition, 'linkOrHandle')).toBeUndefined();
  });

  it('tells the reporter not to touch the image or the device, and to tell the DSL in person now', () => {
    const guidance = form()?.guidance;
    expect(guidance?.avoid).toContain(
      'Do not view, copy, screenshot, print, share or forward the image.',
    );
    expect(guidance?.avoid).toContain(
      'Do not delete the image, and do not ask anyone else to delete it.',
    );
    expect(guidance?.now).toContain(
      'Tell the DSL in person now. If they are not in, tell a deputy DSL or the headteacher.',
    );
    expect(guidance?.now).toContain(
      'Leave any phone, tablet or computer where it is, and switched on or off just as it is.',
    );
    expect(guidance?.now).toContain(
      'If an adult is involved, the DSL contacts the police and the LADO. Leave that to them.',
    );
  });
});
