/** DOM ids of questions, their help and their errors: the error summary links to them. */

/** The id of a question's input, or of the first input of a group. */
export const domId = (fieldId: string) => `field-${fieldId}`;
export const helpIdOf = (inputId: string) => `${inputId}-help`;
export const errorIdOf = (inputId: string) => `${inputId}-error`;
export const personInputId = (fieldId: string, index: number, part: string) =>
  `${domId(fieldId)}-${index}-${part}`;

export const REPORTER_NAME_ID = 'reporter-name';
export const REPORTER_ROLE_ID = 'reporter-role';
export const ABOUT_ID = 'about-subject';

/** An aria-describedby value from the ids that apply, or undefined when none does. */
export function describedBy(...ids: Array<string | false | null | undefined>): string | undefined {
  const present = ids.filter((id): id is string => typeof id === 'string' && id !== '');
  return present.length > 0 ? present.join(' ') : undefined;
}
