/**
 * The preload script (sandboxed, CommonJS): exposes `window.safeguard`, one async function per
 * operation of the contract's allow-list. The page never sees ipcRenderer, channels or Node.
 *
 * A failed call rejects with an Error whose message is "[code] sentence": contextBridge copies
 * only an Error's message into the page, so the code rides inside it (renderer/src/bridge.ts
 * splits it again).
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { DispatchResult } from '../src/api/dispatch';
import { channelFor, operationNames } from '../src/api/operations';

function bridgeError(code: string, message: string): Error {
  return Object.assign(new Error(`[${code}] ${message}`), { code });
}

async function call(name: string, input: unknown): Promise<unknown> {
  let result: DispatchResult;
  try {
    result = (await ipcRenderer.invoke(channelFor(name), input)) as DispatchResult;
  } catch {
    throw bridgeError('ipc-failed', 'Safeguard Desk could not reach its core. Please restart it.');
  }
  if (!result.ok) throw bridgeError(result.error.code, result.error.message);
  return result.value;
}

const bridge = Object.fromEntries(
  operationNames.map((name) => [name, (input?: unknown) => call(name, input)]),
);

contextBridge.exposeInMainWorld('safeguard', bridge);
