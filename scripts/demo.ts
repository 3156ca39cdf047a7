/**
 * `npm run demo -- --port N`: a throwaway school in a temporary folder — a DSL, a deputy, a staff
 * computer and thirty fictional concerns in various states — served to a browser by the web host
 * as the DSL's computer. For a school trying Safeguard Desk, for screenshots, for the README.
 * Ctrl+C stops it and deletes the folder. Everything in it is fictional.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { isSafeguardError } from '../src/errors';
import { startWebHost, type WebHost } from '../src/web-host';
import { buildDemoSchool } from './demo/build';
import { DEMO_DSL, DEMO_SCHOOL } from './demo/scenarios';

function fail(message: string, code: number): never {
  process.stderr.write(`demo: ${message}\n`);
  process.exit(code);
}

function parsePort(): number {
  let values: { port?: string | undefined };
  try {
    ({ values } = parseArgs({ options: { port: { type: 'string' } }, strict: true }));
  } catch {
    fail('usage: npm run demo -- --port N', 2);
  }
  const port = Number(values.port ?? '0');
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    fail('--port must be a whole number from 0 to 65535 (0 picks a free port).', 2);
  }
  return port;
}

const port = parsePort();
const say = (line: string) => process.stdout.write(`${line}\n`);
const root = await mkdtemp(join(tmpdir(), 'safeguard-desk-demo-'));
let host: WebHost | null = null;
let stopping = false;

/** Stops the web host, deletes the demo folder and exits. */
async function stop(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    await host?.close().catch(() => undefined);
    await rm(root, { recursive: true, force: true, maxRetries: 5 }).catch(() => undefined);
  }
  process.exit(code);
}
process.once('SIGINT', () => void stop(0));
process.once('SIGTERM', () => void stop(0));

try {
  say(`Safeguard Desk demo: building a throwaway school in ${root}`);
  const school = await buildDemoSchool(root, (line) => say(`  ${line}`));
  say('  Starting the web host (building the UI first if it is out of date)…');
  host = await startWebHost({ home: school.dslHome, port });
  say('');
  say(`${DEMO_SCHOOL} (fictional) is ready, with ${school.concerns} concerns.`);
  say(`  Open ${host.url}`);
  say(`  Unlock as the DSL, ${DEMO_DSL}, with the demo passphrase: ${school.passphrase}`);
  say(`  The staff computer's home: ${school.staffHome}`);
  say(
    `    to see it as staff: SAFEGUARD_DESK_HOME="${school.staffHome}" npm run web-host -- --port ${port === 0 ? 8081 : port + 1}`,
  );
  say(`  The deputy's home: ${school.deputyHome} (same passphrase)`);
  say(`Ctrl+C stops the demo and deletes ${root}`);
} catch (error) {
  process.stderr.write(
    `demo: could not start: ${isSafeguardError(error) ? error.message : String(error)}\n`,
  );
  await stop(1);
}
