/**
 * attachments → a file input and a drop zone. Each file is read and hashed (SHA-256) when added;
 * the reporter sees its name, size and hash, never a preview (SAFEGUARDING.md "Images").
 */
import { useState, type DragEvent } from 'react';
import { useController, useFormContext } from 'react-hook-form';
import { formatSize } from '../format';
import type { FieldDefinition } from '../report/definition';
import { answerProblem, messageAt } from '../report/validation';
import type { FileValue, ReportValues } from '../report/values';
import { describe, SingleFrame } from './FieldFrame';
import { readChosenFile } from './files';
import { domId } from './ids';

type AttachmentsDefinition = Extract<FieldDefinition, { type: 'attachments' }>;

const MiB = 1024 * 1024;
const limitWords = (bytes: number) => (bytes % MiB === 0 ? `${bytes / MiB} MB` : formatSize(bytes));

export function AttachmentsField({ field }: { field: AttachmentsDefinition }) {
  const { control, formState } = useFormContext<ReportValues>();
  const path = `answers.${field.id}` as const;
  const { field: controller } = useController({ control, name: path });
  const files = controller.value as FileValue[];
  const [refusals, setRefusals] = useState<string[]>([]);
  const [reading, setReading] = useState(false);
  const [dragging, setDragging] = useState(false);
  const id = domId(field.id);

  const add = async (chosen: readonly File[]) => {
    const refused: string[] = [];
    const added: FileValue[] = [];
    setReading(true);
    for (const file of chosen) {
      if (file.size > field.maxBytesEach) {
        refused.push(
          `“${file.name}” is ${formatSize(file.size)}. Each file must be ${limitWords(field.maxBytesEach)} or smaller, so it was not added.`,
        );
      } else if (files.length + added.length >= field.maxFiles) {
        refused.push(`“${file.name}” was not added: you can add at most ${field.maxFiles} files.`);
      } else {
        const value = await readChosenFile(file);
        const known = [...files, ...added].some((f) => f.sha256 === value.sha256);
        if (known) refused.push(`“${file.name}” is already added.`);
        else added.push(value);
      }
    }
    setReading(false);
    setRefusals(refused);
    if (added.length > 0) controller.onChange([...files, ...added]);
  };

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    void add(Array.from(event.dataTransfer.files));
  };

  const message = messageAt(formState.errors, path);
  const nested = files.findIndex((_, i) => messageAt(formState.errors, `${path}.${i}.size`));
  const errors = [...refusals];
  if (message !== undefined) errors.unshift(answerProblem(field, message));
  else if (nested >= 0) errors.unshift(`File ${nested + 1} is too large to send.`);

  return (
    <SingleFrame
      inputId={id}
      label={field.label}
      required={field.required}
      help={field.help}
      errors={errors}
    >
      <div
        className={dragging ? 'drop-zone drop-zone--active' : 'drop-zone'}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <input
          id={id}
          className="file-input"
          type="file"
          multiple
          {...describe(id, field.help, errors.length > 0)}
          onChange={(event) => {
            const chosen = Array.from(event.target.files ?? []);
            event.target.value = '';
            void add(chosen);
          }}
        />
        <p className="drop-zone__hint">
          Or drag files here. At most {field.maxFiles} files, each up to{' '}
          {limitWords(field.maxBytesEach)}.
        </p>
      </div>
      <p className="muted" role="status">
        {reading ? 'Reading and checking the file…' : ''}
      </p>
      {files.length > 0 && (
        <ul className="file-list">
          {files.map((file) => (
            <li key={file.sha256} className="file-list__item">
              <span className="file-list__name">{file.name}</span>
              <span className="file-list__size">{formatSize(file.size)}</span>
              <span className="file-list__hash">
                SHA-256: <code>{file.sha256}</code>
              </span>
              <button
                type="button"
                className="button button--quiet"
                onClick={() => controller.onChange(files.filter((f) => f !== file))}
              >
                Remove {file.name}
              </button>
            </li>
          ))}
        </ul>
      )}
    </SingleFrame>
  );
}
