/**
 * Terminal input and output for the CLI: machine-readable JSON on stdout with --json, one clear
 * line on stderr for errors, passphrases from a file or a no-echo prompt.
 */
import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { SafeguardError } from '../errors';
import { passphraseFromFile, typedPassphrase, type EnteredPassphrase } from '../lead';
import { terminalJson } from './terminal-text';

/** A mistake in the command line itself (exit status 2). */
export class UsageError extends SafeguardError {
  constructor(message: string) {
    super('usage', message);
  }
}

/** Prints `value` as JSON when `json`, else the human text. */
export function output(json: boolean, value: unknown, human: string): void {
  process.stdout.write(json ? `${terminalJson(value)}\n` : `${human}\n`);
}

/**
 * Reads a passphrase from `--passphrase-file`, or prompts without echo on a terminal; both go
 * through the core's one normalisation (BOM, one line ending, NFC).
 */
export async function readPassphrase(
  file: string | undefined,
  prompt = 'Passphrase: ',
  option = 'passphrase-file',
): Promise<EnteredPassphrase> {
  if (file !== undefined) {
    let bytes: Buffer;
    try {
      bytes = await readFile(file);
    } catch {
      throw new SafeguardError('passphrase-file', `The passphrase file ${file} cannot be read.`);
    }
    return passphraseFromFile(bytes, file);
  }
  if (!process.stdin.isTTY) {
    throw new UsageError(
      `A passphrase is needed: pass --${option} FILE (no terminal to prompt on).`,
    );
  }
  return typedPassphrase(await promptHidden(prompt));
}

/**
 * Reads a new passphrase from its file, or prompts for it twice without echo on a terminal and
 * refuses two that differ.
 */
export async function readNewPassphrase(
  file: string | undefined,
  prompt: string,
  option = 'new-passphrase-file',
): Promise<EnteredPassphrase> {
  const first = await readPassphrase(file, prompt, option);
  if (file !== undefined) return first;
  const again = await readPassphrase(undefined, 'Type it again: ', option);
  if (again.value !== first.value) {
    throw new UsageError('The two passphrases typed are not the same; nothing was changed.');
  }
  return first;
}

async function promptHidden(prompt: string): Promise<string> {
  process.stderr.write(prompt);
  const muted = new Writable({ write: (_chunk, _enc, done) => done() });
  const rl = createInterface({ input: process.stdin, output: muted, terminal: true });
  try {
    return await new Promise<string>((resolve) => rl.question('', resolve));
  } finally {
    rl.close();
    process.stderr.write('\n');
  }
}

/** Longer than any recovery key with spaces: a bigger file is not one. */
const RECOVERY_KEY_FILE_BYTES = 1024;

/** Reads a recovery key from `--recovery-key-file`, or prompts for it without echo on a terminal. */
export async function readRecoveryKey(file: string | undefined): Promise<string> {
  if (file !== undefined) {
    let bytes: Buffer;
    try {
      bytes = await readFile(file);
    } catch {
      throw new SafeguardError('passphrase-file', `The recovery key file ${file} cannot be read.`);
    }
    if (bytes.length > RECOVERY_KEY_FILE_BYTES) {
      throw new SafeguardError(
        'passphrase-file',
        `The recovery key file ${file} is too long to hold a recovery key.`,
      );
    }
    return bytes.toString('utf8');
  }
  if (!process.stdin.isTTY) {
    throw new UsageError(
      'A recovery key is needed: pass --recovery-key-file FILE (no terminal to prompt on).',
    );
  }
  return promptHidden('Recovery key: ');
}
