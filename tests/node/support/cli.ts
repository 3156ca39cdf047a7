/** Runs the real CLI (src/cli/main.ts under Node 24 + tsx) as a child process. */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `safeguard-desk ...args` with `home` as SAFEGUARD_DESK_HOME; never throws on exit status. */
export function runCli(
  home: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'src/cli/main.ts', ...args],
      {
        cwd: repoRoot,
        env: { ...process.env, SAFEGUARD_DESK_HOME: home, ...env },
        maxBuffer: 64 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** Runs the CLI and parses its stdout as JSON, failing loudly with stderr when it did not succeed. */
export async function cliJson<T = unknown>(home: string, args: string[]): Promise<T> {
  const result = await runCli(home, [...args, '--json']);
  if (result.code !== 0) {
    throw new Error(`safeguard-desk ${args.join(' ')} exited ${result.code}: ${result.stderr}`);
  }
  return JSON.parse(result.stdout) as T;
}
