/**
 * Transport-neutral dispatch: both the Electron IPC wiring and the web host call this, so the
 * allow-list and the parsing of every input and output live in one place.
 */
import { apiContract, type ApiError, type ApiHandlers, type OperationName } from './contract';
import { isPublicErrorCode, SafeguardError } from '../errors';
import { localStorageError } from '../files';

export type DispatchResult = { ok: true; value: unknown } | { ok: false; error: ApiError };

/** True when `name` is an operation of the contract (unknown channels are rejected). */
export function isOperationName(name: string): name is OperationName {
  return Object.hasOwn(apiContract, name);
}

/** Parses the input, runs the handler, parses the output; errors become a code and a sentence. */
export async function dispatch(
  handlers: ApiHandlers,
  name: string,
  rawInput: unknown,
): Promise<DispatchResult> {
  if (!isOperationName(name)) {
    return { ok: false, error: { code: 'unknown-operation', message: 'Unknown operation.' } };
  }
  const spec = apiContract[name];
  const input = spec.input.safeParse(rawInput);
  if (!input.success) {
    const where = input.error.issues[0]?.path.join('.') ?? '';
    return {
      ok: false,
      error: {
        code: 'invalid-input',
        message: `The request for ${name} is malformed${where ? ` at "${where}"` : ''}.`,
      },
    };
  }
  try {
    const handler = handlers[name] as (input: unknown) => Promise<unknown>;
    const value = spec.output.parse(await handler(input.data));
    return { ok: true, value };
  } catch (error) {
    return { ok: false, error: toApiError(error) };
  }
}

/**
 * What crosses the boundary for an error: the core's own code and sentence; a storage failure
 * named by its cause (disk full, read-only…); anything else as "internal", without its message,
 * which may quote content.
 */
export function toApiError(error: unknown): ApiError {
  const known = error instanceof SafeguardError ? error : localStorageError(error);
  if (known !== null && isPublicErrorCode(known.code)) {
    return { code: known.code, message: known.message };
  }
  return { code: 'internal', message: 'Something went wrong in the core.' };
}
