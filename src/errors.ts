/**
 * Errors the core raises on purpose. The message is one sentence for a person, and never carries
 * concern content, personal data or secrets: it may be shown, logged and sent across the boundary.
 */
export class SafeguardError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'SafeguardError';
  }
}

/** Type guard for the core's own errors. */
export function isSafeguardError(error: unknown): error is SafeguardError {
  return error instanceof SafeguardError;
}
