/**
 * The one contract between the UI and the core (ARCHITECTURE.md §4), by role: every operation the
 * renderer may call is declared once, with zod schemas for its input and output. Both transports
 * (Electron IPC in main/, the loopback web host) parse every input and output against these. The
 * session (src/session/) decides which roles answer: lead operations say `locked` until the lead
 * unlocks, and `not-a-lead` on a computer without a lead identity; office operations likewise
 * `locked` and `not-office`.
 */
import type { z } from 'zod';
import { leadContract } from './lead';
import { officeContract } from './office';
import { posterContract } from './poster';
import { setupContract } from './setup';
import type { none } from './shared';
import { staffContract } from './staff';

export * from './lead';
export * from './office';
export * from './poster';
export * from './setup';
export * from './shared';
export * from './staff';

/** The allow-list: operation name → input and output schema. Nothing else crosses the boundary. */
export const apiContract = {
  ...staffContract,
  ...posterContract,
  ...leadContract,
  ...officeContract,
  ...setupContract,
} as const;

export type ApiContract = typeof apiContract;
export type OperationName = keyof ApiContract;
export type OperationInput<K extends OperationName> = z.input<ApiContract[K]['input']>;
export type OperationOutput<K extends OperationName> = z.output<ApiContract[K]['output']>;

/** The shape of `window.safeguard`: one async function per operation. */
export type SafeguardBridge = {
  [K in OperationName]: ApiContract[K]['input'] extends typeof none
    ? () => Promise<OperationOutput<K>>
    : (input: OperationInput<K>) => Promise<OperationOutput<K>>;
};

/** The handler of one operation, over the real core. */
export type Handler<K extends OperationName> = (
  input: z.output<ApiContract[K]['input']>,
) => Promise<OperationOutput<K>>;

/** The handlers that implement the contract, one per operation. */
export type ApiHandlers = { [K in OperationName]: Handler<K> };

/** Some of the handlers: what one feature's handler file provides. */
export type HandlersOf<K extends OperationName> = { [P in K]: Handler<P> };
