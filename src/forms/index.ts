/** Forms: definitions staff fill in, the checking of their answers, and the shipped forms. */
export {
  formDefinitionSchema,
  parseFormDefinition,
  type FieldDefinition,
  type FormDefinition,
} from './definition';
export { answersSchemaFor, validateAnswers, type AttachmentMeta } from './answers';
export { FormRegistry, type FormListing } from './registry';
