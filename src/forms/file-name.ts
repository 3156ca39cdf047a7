/** The one naming rule of form files, shared by the shipped forms and a school's own. */
import { SafeguardError } from '../errors';
import type { FormDefinition } from './definition';

/** Throws SafeguardError('bad-form') unless `fileName` is <id>.v<version>.json of `form`. */
export function checkFileName(fileName: string, form: FormDefinition, source: string): void {
  const expected = `${form.id}.v${form.version}.json`;
  if (fileName !== expected) {
    throw new SafeguardError(
      'bad-form',
      `${source}: the file name must be <id>.v<version>.json, here ${expected}`,
    );
  }
}
