/**
 * Time limits for work on a folder that may stop answering (a network share whose server went
 * away, a FIFO planted in place of a file). The late operation cannot be cancelled, but the caller
 * gets control back and keeps what it holds.
 */
import type { SafeguardError } from '../errors';

/** Resolves as `work` does, or rejects with `onTimeout()` once `ms` have passed. */
export async function withDeadline<T>(
  work: Promise<T>,
  ms: number,
  onTimeout: () => SafeguardError,
): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(onTimeout()), ms);
    // A timer must not keep a finished command alive.
    timer.unref();
  });
  try {
    return await Promise.race([work, expired]);
  } finally {
    clearTimeout(timer);
    // The late result (or failure) is dropped, never left unhandled.
    work.catch(() => undefined);
  }
}
