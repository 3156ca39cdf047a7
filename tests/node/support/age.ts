/** Debian's `age` tool (the reference for the sealed format), and a terminal to drive it on. */
import { execFileSync, spawnSync } from 'node:child_process';

const installed = (command: string) => {
  try {
    execFileSync(command, ['--version'], { stdio: 'pipe' });
    return true;
  } catch {
    return false;
  }
};

export const hasAge = installed('age');

/** Whether util-linux `script` is installed, to give `age` the terminal it reads passphrases from. */
export const hasScript = installed('script');

/**
 * Runs Debian's `age` on a pseudo-terminal (util-linux `script`) and types `lines` at it: age 1.1
 * reads a passphrase only from a terminal, never from a pipe or the environment. Write its output
 * with `-o`: what reaches the terminal also holds the prompts and the echoed input.
 */
export function ageOnTerminal(args: readonly string[], lines: readonly string[]): number {
  const command = ['age', ...args].map((a) => `'${a.replaceAll("'", "'\\''")}'`).join(' ');
  const result = spawnSync('script', ['-qec', command, '/dev/null'], {
    input: lines.map((l) => `${l}\n`).join(''),
    stdio: ['pipe', 'ignore', 'ignore'],
    timeout: 60_000,
  });
  return result.status ?? -1;
}
