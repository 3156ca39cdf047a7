/**
 * Terminal input and output for the CLI: machine-readable JSON on stdout with --json, one clear
 * line on stderr for errors, passphrases from a file or a no-echo prompt.
 */
import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { SafeguardError } from '../errors';
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

/** Reads a passphrase from `--passphrase-file`, or prompts without echo on a terminal. */
export async function readPassphrase(
  file: string | undefined,
  prompt = 'Passphrase: ',
): Promise<string> {
  if (file !== undefined) {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch {
      throw new SafeguardError('passphrase-file', `The passphrase file ${file} cannot be read.`);
    }
    const passphrase = text.replace(/\r?\n$/, '');
    if (passphrase === '')
      throw new SafeguardError('passphrase-file', `The passphrase file ${file} is empty.`);
    return passphrase;
  }
  if (!process.stdin.isTTY) {
    throw new UsageError(
      'A passphrase is needed: pass --passphrase-file FILE (no terminal to prompt on).',
    );
  }
  return promptHidden(prompt);
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
