/**
 * Moves focus after the next render: to the first field with an error once its message is in the
 * page (so a screen reader reads the field with its error), or to a notice.
 */
import { useEffect, useState, type RefObject } from 'react';

export function useFocusRequest(): (target: RefObject<HTMLElement | null>) => void {
  const [request, setRequest] = useState<{ target: RefObject<HTMLElement | null> } | null>(null);
  useEffect(() => {
    request?.target.current?.focus();
  }, [request]);
  return (target) => setRequest({ target });
}
