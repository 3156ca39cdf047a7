/**
 * Runs the real CLI as a child process under Node 24: src/cli/main.ts, bundled once per test run
 * by build-cli.ts (the node project's global set-up).
 */
import { execFile } from 'node:child_process';
import { bundledCli, repoRoot } from './build-cli';

/** The arguments to give `process.execPath` to run the CLI with `args`. */
export function cliArgv(args: readonly string[]): string[] {
  return ['--enable-source-maps', bundledCli, ...args];
}

export { repoRoot };

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
      cliArgv(args),
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
