/**
 * Loopback-only rules of the web host. It serves the real core (a staff outbox, drafts) without
 * any login, so it must be reachable only from this machine and only by its own page: the Host
 * header check defeats DNS rebinding, the Origin check defeats other sites posting to the API.
 */
import type { IncomingMessage } from 'node:http';

const loopbackNames = ['127.0.0.1', '::1', 'localhost'] as const;

/** True for the host names the web host may listen on. */
export function isLoopbackHost(host: string): boolean {
  return (loopbackNames as readonly string[]).includes(host.toLowerCase());
}

/** The host as written in a URL or Host header ("[::1]" for IPv6). */
export function hostForUrl(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}

function allowedHostHeaders(port: number): Set<string> {
  const names = loopbackNames.map(hostForUrl);
  const withPort = names.map((name) => `${name}:${port}`);
  return new Set(port === 80 ? [...withPort, ...names] : withPort);
}

/**
 * Why a request must be refused, or null when it may go on: its Host must name this loopback
 * host and port, and its Origin, when sent, must be the page's own origin on that host.
 */
export function refusalReason(req: IncomingMessage, port: number): string | null {
  const host = req.headers.host?.toLowerCase();
  if (host === undefined || !allowedHostHeaders(port).has(host)) {
    return 'This host answers only to its loopback address.';
  }
  const origin = req.headers.origin;
  if (origin !== undefined && origin.toLowerCase() !== `http://${host}`) {
    return 'Requests from other origins are refused.';
  }
  return null;
}
