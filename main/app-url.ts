/**
 * Where the app's own pages live and how a request URL maps to a file. Plain Node (no electron)
 * so the path-traversal rules can be tested without an Electron binary.
 */
import { isAbsolute, relative, resolve, sep } from 'node:path';

/** The custom scheme that serves the built renderer in production. */
export const appScheme = 'safeguard-desk';
/** The only host of that scheme; anything else is refused. */
export const appHost = 'app';
/** The URL the main window opens in production. */
export const appEntryUrl = `${appScheme}://${appHost}/index.html`;

/**
 * The origin of a URL as `scheme://host`. Node's URL gives "null" as the origin of a custom
 * scheme, so this is built by hand; it yields null for anything unparsable or host-less.
 */
export function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.host === '' ? null : `${parsed.protocol}//${parsed.host}`;
  } catch {
    return null;
  }
}

/**
 * Maps a request URL to a file inside `root`, or null when it must be refused: another scheme or
 * host, a malformed escape, a NUL byte, or a path that would leave `root` (`..`, absolute, `\`).
 */
export function resolveAppFile(root: string, url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${appScheme}:` || parsed.host !== appHost) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return null;
  const wanted = pathname === '/' || pathname === '' ? '/index.html' : pathname;
  const base = resolve(root);
  const file = resolve(base, `.${wanted}`);
  const inside = relative(base, file);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) return null;
  return file.startsWith(base + sep) ? file : null;
}

export { mimeTypeFor } from '../src/renderer-assets/mime-types';
