/**
 * POST /api/<operation>: the JSON body is the operation's input, the answer is the
 * DispatchResult of src/api/dispatch.ts, the same parsing and allow-list the IPC wiring uses.
 * Request bodies are concern content: they are never logged, and errors never quote them.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApiHandlers } from '../api/contract';
import { dispatch, isOperationName } from '../api/dispatch';
import { sendJson } from './headers';

/** The largest request body accepted (attachments cross as base64 inside it). */
export const MAX_BODY_BYTES = 40 * 1024 * 1024;
/** Past this much an oversized upload is cut off rather than drained. */
const MAX_DRAIN_BYTES = 4 * MAX_BODY_BYTES;

function failure(code: string, message: string) {
  return { ok: false as const, error: { code, message } };
}

type Body = { state: 'ok'; bytes: Buffer } | { state: 'too-large' } | { state: 'aborted' };

/** Reads the body up to the limit; an oversized one is drained so the client can read the 413. */
function readBody(req: IncomingMessage): Promise<Body> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size > MAX_DRAIN_BYTES) req.destroy();
      else if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () =>
      resolve(
        size > MAX_BODY_BYTES
          ? { state: 'too-large' }
          : { state: 'ok', bytes: Buffer.concat(chunks) },
      ),
    );
    req.on('error', () => resolve({ state: 'aborted' }));
    req.on('close', () => resolve({ state: 'aborted' }));
  });
}

/** Answers one API request for `name` against the core's handlers. */
export async function handleApiRequest(
  req: IncomingMessage,
  res: ServerResponse,
  name: string,
  handlers: ApiHandlers,
): Promise<void> {
  if (!isOperationName(name)) {
    req.resume();
    sendJson(res, 404, await dispatch(handlers, name, undefined));
    return;
  }
  const type = req.headers['content-type'] ?? '';
  if (!/^application\/json\s*(;|$)/i.test(type)) {
    // Demanding JSON also forces a CORS preflight on any cross-site attempt, which never passes.
    req.resume();
    sendJson(res, 415, failure('unsupported-media-type', 'Send the input as application/json.'));
    return;
  }
  const body = await readBody(req);
  if (body.state === 'aborted') return;
  if (body.state === 'too-large') {
    sendJson(res, 413, failure('too-large', 'The request is larger than 40 MB.'));
    return;
  }
  let input: unknown;
  const text = body.bytes.toString('utf8');
  try {
    input = text.trim() === '' ? undefined : (JSON.parse(text) as unknown);
  } catch {
    sendJson(res, 400, failure('malformed-json', 'The request body is not valid JSON.'));
    return;
  }
  sendJson(res, 200, await dispatch(handlers, name, input));
}
