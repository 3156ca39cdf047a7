/**
 * `npm run web-host -- --port N [--host 127.0.0.1]`: serves the renderer and the API for the user
 * home of $SAFEGUARD_DESK_HOME (or the app's own folder) on loopback, for development and tests.
 * Prints where it listens; never prints requests, which carry concern content.
 */
import { parseArgs } from 'node:util';
import { resolveHome } from '../home';
import { isSafeguardError } from '../errors';
import { isLoopbackHost, startWebHost } from './index';

function fail(message: string, code: number): never {
  process.stderr.write(`web-host: ${message}\n`);
  process.exit(code);
}

function parse(): { port: number; host: string } {
  let values: { port?: string | undefined; host?: string | undefined };
  try {
    ({ values } = parseArgs({
      options: { port: { type: 'string' }, host: { type: 'string' } },
      strict: true,
    }));
  } catch {
    fail('usage: npm run web-host -- --port N [--host 127.0.0.1|::1|localhost]', 2);
  }
  const host = values.host ?? '127.0.0.1';
  if (!isLoopbackHost(host)) {
    fail(`refusing --host ${host}: the web host listens only on 127.0.0.1, ::1 or localhost.`, 2);
  }
  const port = Number(values.port ?? '0');
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    fail('--port must be a whole number from 0 to 65535 (0 picks a free port).', 2);
  }
  return { port, host };
}

const { port, host } = parse();
const home = resolveHome();
try {
  const webHost = await startWebHost({ home, port, host });
  process.stdout.write(
    `Safeguard Desk web host on ${webHost.url} (home ${home}). Ctrl+C stops it.\n`,
  );
  const stop = () => void webHost.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  fail(isSafeguardError(error) ? error.message : `could not start: ${String(error)}`, 1);
}
