/** One answer in words, as the review step shows it. */
import { personRoles } from '../fields/PeopleField';
import { formatDate, formatDateTime, formatSize } from '../format';
import type { FieldDefinition } from './definition';
import { localToIso, type AnswerValue, type FileValue, type PersonValue } from './values';

const NOT_ANSWERED = <span className="muted">Not answered</span>;

const roleWords = (role: string) =>
  personRoles.find((candidate) => candidate.value === role)?.label ?? role;

function optionWords(field: FieldDefinition, value: string): string {
  if (field.type !== 'choice' && field.type !== 'multichoice') return value;
  return field.options.find((option) => option.value === value)?.label ?? value;
}

export function AnswerWords({
  field,
  value,
}: {
  field: FieldDefinition;
  value: AnswerValue | undefined;
}) {
  if (value === undefined || value.length === 0) return NOT_ANSWERED;
  if (typeof value === 'string') {
    if (value.trim() === '') return NOT_ANSWERED;
    switch (field.type) {
      case 'yesno':
        return <>{value === 'yes' ? 'Yes' : 'No'}</>;
      case 'date':
        return <>{formatDate(value)}</>;
      case 'datetime':
        return <>{formatDateTime(localToIso(value))}</>;
      case 'choice':
        return <>{optionWords(field, value)}</>;
      default:
        return <span className="answer-text">{value.trim()}</span>;
    }
  }
  if (field.type === 'multichoice') {
    return <>{(value as string[]).map((item) => optionWords(field, item)).join(', ')}</>;
  }
  if (field.type === 'people') {
    const people = (value as PersonValue[]).filter((p) => p.name.trim() !== '' || p.role !== '');
    if (people.length === 0) return NOT_ANSWERED;
    return (
      <ul className="answer-list">
        {people.map((person, index) => (
          <li key={index}>
            {person.name.trim()}, {roleWords(person.role)}
            {person.detail.trim() !== '' && ` — ${person.detail.trim()}`}
          </li>
        ))}
      </ul>
    );
  }
  return (
    <ul className="answer-list">
      {(value as FileValue[]).map((file) => (
        <li key={file.sha256}>
          {file.name} ({formatSize(file.size)})
        </li>
      ))}
    </ul>
  );
}
