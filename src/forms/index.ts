/**
 * Forms: definitions staff fill in, the checking of their answers, the shipped forms and a school's
 * own. The registry reads files (node:fs): the renderer imports only ./answers, never this index.
 */
export {
  formDefinitionSchema,
  parseFormDefinition,
  type FieldDefinition,
  type FormDefinition,
} from './definition';
export {
  answersSchemaFor,
  attachmentMetaSchema,
  validateAnswers,
  type AttachmentMeta,
} from './answers';
export { FormRegistry, type FormListing, type FormLoadOptions } from './registry';
