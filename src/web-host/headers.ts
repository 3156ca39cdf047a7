/**
 * What every web-host response carries: Electron's Content Security Policy (main/csp.ts) with one
 * change, `connect-src 'self'`, because here the bridge reaches the core by fetch, not IPC.
 * src/ may not import main/, so the directives are repeated; a node test proves they match.
 */
import type { ServerResponse } from 'node:http';

const directives = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
] as const;

/** The policy sent as the Content-Security-Policy header on every response. */
export const webHostContentSecurityPolicy = [...directives, "frame-ancestors 'none'"].join('; ');

const securityHeaders = {
  'Content-Security-Policy': webHostContentSecurityPolicy,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cache-Control': 'no-store',
} as const;

/** Ends the response with the security headers, a status and an optional body. */
export function send(
  res: ServerResponse,
  status: number,
  body: string | Buffer | null,
  contentType = 'text/plain; charset=utf-8',
  extra: Record<string, string> = {},
): void {
  const headers: Record<string, string | number> = { ...securityHeaders, ...extra };
  if (body !== null) {
    headers['Content-Type'] = contentType;
    headers['Content-Length'] = Buffer.byteLength(body);
  }
  res.writeHead(status, headers);
  res.end(res.req.method === 'HEAD' ? undefined : (body ?? undefined));
}

/** Ends the response with a JSON body. */
export function sendJson(res: ServerResponse, status: number, value: unknown): void {
  send(res, status, JSON.stringify(value), 'application/json; charset=utf-8');
}
