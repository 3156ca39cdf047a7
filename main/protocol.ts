/**
 * The app's own scheme, `safeguard-desk://app/`, which serves the built renderer in production.
 * A standard, secure scheme gives the page a real origin (ES modules load, IPC can check it)
 * without granting file:// access. corsEnabled stays off, so no other origin can read it.
 */
import { readFile } from 'node:fs/promises';
import { protocol } from 'electron';
import { appScheme, mimeTypeFor, resolveAppFile } from './app-url';
import { contentSecurityPolicy } from './csp';

/** Must run before the app is ready: Chromium fixes scheme privileges at start-up. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

const securityHeaders = {
  'Content-Security-Policy': contentSecurityPolicy,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
} as const;

function refuse(status: 403 | 404 | 405): Response {
  return new Response(null, { status, headers: securityHeaders });
}

/** Serves files from `rendererRoot` only; everything else gets an empty error response. */
export function handleAppProtocol(rendererRoot: string): void {
  protocol.handle(appScheme, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(405);
    const file = resolveAppFile(rendererRoot, request.url);
    if (file === null) return refuse(403);
    let body: Buffer;
    try {
      body = await readFile(file);
    } catch {
      return refuse(404);
    }
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
      status: 200,
      headers: { ...securityHeaders, 'Content-Type': mimeTypeFor(file) },
    });
  });
}
