/** One question of a form, rendered by its type. */
import type { FieldDefinition } from '../report/definition';
import { AttachmentsField } from './AttachmentsField';
import { OptionsField } from './OptionsField';
import { PeopleField } from './PeopleField';
import { TextField } from './TextField';

export function FieldInput({ field }: { field: FieldDefinition }) {
  switch (field.type) {
    case 'text':
    case 'longtext':
    case 'date':
    case 'datetime':
      return <TextField field={field} />;
    case 'choice':
    case 'multichoice':
    case 'yesno':
      return <OptionsField field={field} />;
    case 'people':
      return <PeopleField field={field} />;
    case 'attachments':
      return <AttachmentsField field={field} />;
  }
}
