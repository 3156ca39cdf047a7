/**
 * A school's own forms: every *.json file in one folder, parsed exactly like the shipped forms. Any
 * bad file stops the load with its full path, so a mistake is fixed rather than silently skipped.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { SafeguardError } from '../errors';
import type { SourcedForm } from './builtin';
import { parseFormDefinition } from './definition';
import { checkFileName } from './file-name';

/** Editors want the JSON Schema beside the forms; a school may copy it in with a form. */
const SCHEMA_FILE = 'form-definition.schema.json';

function errorCode(error: unknown): unknown {
  return typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
}

/** The *.json files in `dir`, sorted; none if the folder does not exist. */
function jsonFiles(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return [];
    throw new SafeguardError('bad-form', `${dir}: the folder of custom forms cannot be read`);
  }
  // Dot files are hidden copies (macOS writes ._name.json on network shares), never forms.
  return names
    .filter((name) => name.endsWith('.json') && !name.startsWith('.') && name !== SCHEMA_FILE)
    .sort();
}

function readJson(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new SafeguardError('bad-form', `${file}: cannot be read`);
  }
  try {
    // Windows Notepad may save UTF-8 with a byte-order mark, which JSON.parse refuses.
    return JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
  } catch {
    throw new SafeguardError('bad-form', `${file}: not valid JSON`);
  }
}

/** Parses every form file in `dir` (a missing folder has none), each named by its full path. */
export function customForms(dir: string): SourcedForm[] {
  const folder = path.resolve(dir);
  return jsonFiles(folder).map((name) => {
    const source = path.join(folder, name);
    const form = parseFormDefinition(readJson(source), source);
    checkFileName(name, form, source);
    return { form, source, builtIn: false };
  });
}
