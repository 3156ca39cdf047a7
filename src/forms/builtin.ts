/**
 * The forms shipped in forms/. Static JSON imports, so bundlers ship them with the app; each is
 * parsed like any other definition, so a broken shipped form fails as loudly as a school's own.
 */
import contactWithPupilV1 from '../../forms/private-online-contact-with-pupil.v1.json' with { type: 'json' };
import contactLogV1 from '../../forms/professional-online-contact-log.v1.json' with { type: 'json' };
import { SafeguardError } from '../errors';
import { parseFormDefinition, type FormDefinition } from './definition';

const shipped: ReadonlyArray<readonly [fileName: string, json: unknown]> = [
  ['private-online-contact-with-pupil.v1.json', contactWithPupilV1],
  ['professional-online-contact-log.v1.json', contactLogV1],
];

/** Parses every shipped form; the file name must match the id and version inside it. */
export function builtInFormDefinitions(): FormDefinition[] {
  return shipped.map(([fileName, json]) => {
    const source = `forms/${fileName}`;
    const form = parseFormDefinition(json, source);
    if (fileName !== `${form.id}.v${form.version}.json`) {
      throw new SafeguardError('bad-form', `${source}: the file name must be <id>.v<version>.json`);
    }
    return form;
  });
}
