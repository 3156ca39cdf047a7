/**
 * Mounts the API contract on IPC: one channel per operation of the allow-list, nothing else.
 * Every call must come from the top frame of the app's own origin; input and output are parsed by
 * the shared dispatch, so this file only decides *who* may call.
 */
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import type { ApiHandlers } from '../src/api/contract';
import { dispatch, toApiError, type DispatchResult } from '../src/api/dispatch';
import { channelFor, operationNames } from '../src/api/operations';
import type { SafeguardError } from '../src/errors';
import { originOf } from './app-url';

/** The opened core's handlers, or the reason it could not open (then every call reports it). */
export type CoreState = { handlers: ApiHandlers } | { unavailable: SafeguardError };

function isFromApp(event: IpcMainInvokeEvent, appOrigin: string): boolean {
  const frame = event.senderFrame;
  // Only the top frame of the app's own page; the CSP allows no sub-frames anyway.
  return frame !== null && frame.parent === null && originOf(frame.url) === appOrigin;
}

/** Registers the handlers; returns a function that removes them again. */
export function mountIpc(core: CoreState, appOrigin: string): () => void {
  for (const name of operationNames) {
    ipcMain.handle(channelFor(name), async (event, input: unknown): Promise<DispatchResult> => {
      if (!isFromApp(event, appOrigin)) {
        throw new Error(`Refused ${name}: the caller is not the app's own page.`);
      }
      if ('unavailable' in core) return { ok: false, error: toApiError(core.unavailable) };
      return dispatch(core.handlers, name, input);
    });
  }
  return () => {
    for (const name of operationNames) ipcMain.removeHandler(channelFor(name));
  };
}
