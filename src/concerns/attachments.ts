/**
 * Attachments on intake: each file is hashed (SHA-256) and described; the bytes travel sealed in
 * the envelope. Only form fields of type `attachments` take files: a form without one (indecent
 * images) can never carry a file, whatever the caller sends.
 */
import { createHash } from 'node:crypto';
import { extname } from 'node:path';
import { SafeguardError } from '../errors';
import type { AttachmentMeta, FormDefinition } from '../forms';
import type { AttachmentContent } from './document';

/** A file as given by the CLI or the UI. */
export interface AttachmentInput {
  name: string;
  bytes: Uint8Array;
}

const MEDIA_TYPES: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.pdf': 'application/pdf',
  '.txt': 'text/plain',
};

/** True for a value of the shape {@link AttachmentInput}. */
export function isAttachmentInput(value: unknown): value is AttachmentInput {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { name?: unknown }).name === 'string' &&
    (value as { bytes?: unknown }).bytes instanceof Uint8Array
  );
}

/**
 * Replaces the files in the form's attachment fields by their descriptions and returns the bytes
 * to seal. Refuses files anywhere else, with the field named.
 */
export function takeAttachments(
  form: FormDefinition,
  answers: Record<string, unknown>,
): { answers: Record<string, unknown>; contents: AttachmentContent[] } {
  const out: Record<string, unknown> = { ...answers };
  const contents: AttachmentContent[] = [];
  const attachmentFields = new Set(
    form.fields.filter((f) => f.type === 'attachments').map((f) => f.id),
  );
  for (const [fieldId, value] of Object.entries(answers)) {
    const holdsFiles = Array.isArray(value) && value.some(isAttachmentInput);
    if (!attachmentFields.has(fieldId)) {
      if (holdsFiles) {
        throw new SafeguardError(
          'attachments-forbidden',
          `The form "${form.title}" takes no attachments (field ${fieldId}).`,
        );
      }
      continue;
    }
    if (!Array.isArray(value) || !value.every(isAttachmentInput)) {
      throw new SafeguardError('invalid-answers', `Field ${fieldId} must be a list of files.`);
    }
    out[fieldId] = value.map((file): AttachmentMeta => {
      const sha256 = createHash('sha256').update(file.bytes).digest('hex');
      contents.push({ sha256, bytes: file.bytes });
      return {
        name: file.name.replace(/[/\\]/g, '_').slice(0, 200) || 'file',
        mediaType: MEDIA_TYPES[extname(file.name).toLowerCase()] ?? 'application/octet-stream',
        size: file.bytes.byteLength,
        sha256,
      };
    });
  }
  return { answers: out, contents };
}
