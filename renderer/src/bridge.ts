/**
 * Typed access to `window.safeguard`, the only way this UI reaches the core. The preload script
 * (Electron) or the web host provides it; this file only declares its type and reads errors.
 */
import type { SafeguardBridge } from '../../src/api/contract';

declare global {
  interface Window {
    /** Absent only when the page is opened outside Safeguard Desk. */
    readonly safeguard?: SafeguardBridge;
  }
}

/** An error from the bridge, ready to show: a code for the UI to branch on, and a sentence. */
export interface BridgeFailure {
  code: string;
  message: string;
}

/** The bridge, or an error that says the page was opened outside the app. */
export function bridge(): SafeguardBridge {
  if (window.safeguard === undefined) {
    throw new Error('[no-bridge] This page must be opened inside Safeguard Desk.');
  }
  return window.safeguard;
}

/**
 * Reads a failed call. Bridge errors arrive as "[code] sentence" because Electron's contextBridge
 * copies only an Error's message; anything else is reported without its text.
 */
export function describeFailure(error: unknown): BridgeFailure {
  const text = error instanceof Error ? error.message : '';
  const match = /^(?:Error: )?\[([a-z0-9.-]+)\] ([\s\S]+)$/.exec(text);
  if (match?.[1] !== undefined && match[2] !== undefined) {
    return { code: match[1], message: match[2] };
  }
  return { code: 'unexpected', message: 'Something went wrong. Please try again.' };
}
