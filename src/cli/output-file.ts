/**
 * Files the command line writes for a person (the poster, an office export): whole or not at
 * all (temp file, fsync, rename), never over an existing file unless its flag says so, and every
 * failure one sentence naming the path and the cause.
 */
import { basename, dirname } from 'node:path';
import { SafeguardError, type ErrorCode } from '../errors';
import { isMissing, systemCode, writeFileAtomically } from '../files';

export interface OutputFileOptions {
  /** Replace a file already there. */
  replace: boolean;
  /** The flag that allows replacing, for the refusal's sentence ("--replace", "--force"). */
  replaceFlag: string;
  /** The error code of every refusal. */
  code: ErrorCode;
  mode: number;
}

/** The refusal for an existing file. */
export function outputFileExists(path: string, options: OutputFileOptions): SafeguardError {
  return new SafeguardError(
    options.code,
    `${path} already exists and was left untouched: choose another name, or add ${options.replaceFlag}.`,
  );
}

/** Writes `bytes` to `path` atomically, as the module comment says. */
export async function writeOutputFile(
  path: string,
  bytes: Uint8Array,
  options: OutputFileOptions,
): Promise<void> {
  let result;
  try {
    result = await writeFileAtomically(dirname(path), basename(path), bytes, {
      replace: options.replace,
      mode: options.mode,
    });
  } catch (error) {
    throw new SafeguardError(options.code, outputFileProblem(path, error));
  }
  if (result === 'exists') throw outputFileExists(path, options);
}

function outputFileProblem(path: string, error: unknown): string {
  if (isMissing(error)) return `Cannot write ${path}: its folder does not exist.`;
  switch (systemCode(error)) {
    case 'EACCES':
    case 'EPERM':
      return `Cannot write ${path}: this account may not write in that folder.`;
    case 'EROFS':
      return `Cannot write ${path}: that folder is read-only.`;
    case 'ENOSPC':
    case 'EDQUOT':
      return `Cannot write ${path}: the disk is full.`;
    case 'EISDIR':
      return `Cannot write ${path}: it is a folder.`;
    default:
      return `Cannot write ${path}.`;
  }
}
