/**
 * The web host's HTTP server: the built renderer (with the bridge script), and the API. Every
 * request first passes the loopback guard; only GET/HEAD of files and POST of operations exist.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { ApiHandlers } from '../api/contract';
import { handleApiRequest } from './api-route';
import { bridgeScript } from './bridge-script';
import { send } from './headers';
import { refusalReason } from './guard';
import { mimeTypeFor, readIndexHtml, readStaticFile, resolveStaticPath } from './static';

export interface WebHostServerOptions {
  handlers: ApiHandlers;
  /** The built renderer (.vite/renderer/main_window). */
  rendererDir: string;
}

/** Creates (does not start) the server; the port it checks Host against is read once listening. */
export function createWebHostServer(options: WebHostServerOptions): Server {
  const script = bridgeScript();
  const server = createServer((req, res) => {
    const address = server.address();
    const port = typeof address === 'object' && address !== null ? address.port : -1;
    route(req, res, port, options, script).catch(() => {
      if (!res.headersSent) send(res, 500, 'The web host failed to answer.');
      else res.destroy();
    });
  });
  return server;
}

async function route(
  req: IncomingMessage,
  res: ServerResponse,
  port: number,
  options: WebHostServerOptions,
  script: string,
): Promise<void> {
  const refusal = refusalReason(req, port);
  if (refusal !== null) {
    req.resume();
    send(res, 403, refusal);
    return;
  }
  const rawUrl = req.url ?? '/';
  const pathname = rawUrl.split(/[?#]/, 1)[0] ?? '';
  if (pathname.startsWith('/api/')) {
    if (req.method !== 'POST') {
      req.resume();
      send(res, 405, 'Use POST.', undefined, { Allow: 'POST' });
      return;
    }
    await handleApiRequest(req, res, pathname.slice('/api/'.length), options.handlers);
    return;
  }
  req.resume();
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    send(res, 405, 'Use GET.', undefined, { Allow: 'GET, HEAD' });
    return;
  }
  if (pathname === '/web-bridge.js') {
    send(res, 200, script, 'text/javascript; charset=utf-8');
    return;
  }
  if (pathname === '/' || pathname === '/index.html') {
    const html = await readIndexHtml(options.rendererDir);
    if (html === null) send(res, 404, 'The renderer is not built.');
    else send(res, 200, html, 'text/html; charset=utf-8');
    return;
  }
  const file = resolveStaticPath(options.rendererDir, rawUrl);
  if (file === null) {
    send(res, 403, 'Refused.');
    return;
  }
  const body = await readStaticFile(options.rendererDir, file);
  if (body === null) send(res, 404, 'Not found.');
  else send(res, 200, body, mimeTypeFor(file));
}
