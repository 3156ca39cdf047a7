/**
 * The web host's stand-in for the Electron preload: a classic script that defines
 * `window.safeguard` with one async function per operation of the allow-list, each POSTing to
 * /api/<name>. Failures reject with Error("[code] sentence") exactly as the preload does, so
 * renderer/src/bridge.ts reads both transports the same way.
 */
import { operationNames } from '../api/operations';

/** The script's source for the given operation names (the contract's allow-list by default). */
export function bridgeScript(names: readonly string[] = operationNames): string {
  return `// Safeguard Desk web host bridge: window.safeguard over same-origin fetch.
(() => {
  'use strict';
  const names = ${JSON.stringify(names)};
  const bridgeError = (code, message) =>
    Object.assign(new Error('[' + code + '] ' + message), { code });
  const unreachable = () =>
    bridgeError('ipc-failed', 'Safeguard Desk could not reach its core. Please restart it.');
  async function call(name, input) {
    let result;
    try {
      const response = await fetch('/api/' + name, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: input === undefined ? '' : JSON.stringify(input),
        credentials: 'same-origin',
        cache: 'no-store',
      });
      result = await response.json();
    } catch {
      throw unreachable();
    }
    if (result === null || typeof result !== 'object') throw unreachable();
    if (result.ok !== true) {
      const error = result.error || {};
      throw bridgeError(String(error.code || 'unexpected'), String(error.message || ''));
    }
    return result.value;
  }
  const bridge = {};
  for (const name of names) bridge[name] = (input) => call(name, input);
  Object.defineProperty(window, 'safeguard', { value: Object.freeze(bridge), enumerable: true });
})();
`;
}
