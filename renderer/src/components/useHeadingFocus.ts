import { useEffect, useRef } from 'react';

/**
 * Moves focus to a screen's heading when the screen appears, so keyboard and screen-reader users
 * start at the top of each new step. The heading needs tabIndex={-1}.
 */
export function useHeadingFocus<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return ref;
}
