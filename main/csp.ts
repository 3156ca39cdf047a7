/**
 * The renderer's Content Security Policy, in one place: main/protocol.ts sends it as a header on
 * every response, and the renderer build fails unless renderer/index.html carries the meta form.
 */
const directives = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'none'",
  "font-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
] as const;

/** The full policy, sent as the Content-Security-Policy response header. */
export const contentSecurityPolicy = [...directives, "frame-ancestors 'none'"].join('; ');

/** The same policy for the <meta> tag; browsers ignore frame-ancestors there, so it is left out. */
export const metaContentSecurityPolicy = directives.join('; ');
