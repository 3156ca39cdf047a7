/** Locks after a period without keyboard, pointer or touch input (shared staff-room machines). */
import { useEffect, useRef } from 'react';

export const IDLE_LOCK_MS = 5 * 60 * 1000;
const CHECK_EVERY_MS = 5_000;
const activity = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart', 'input'] as const;

export function useIdleLock(enabled: boolean, onIdle: () => void) {
  const onIdleRef = useRef(onIdle);
  useEffect(() => {
    onIdleRef.current = onIdle;
  });

  useEffect(() => {
    if (!enabled) return undefined;
    let last = Date.now();
    const touch = () => {
      last = Date.now();
    };
    for (const type of activity)
      window.addEventListener(type, touch, { passive: true, capture: true });
    const timer = setInterval(() => {
      if (Date.now() - last >= IDLE_LOCK_MS) onIdleRef.current();
    }, CHECK_EVERY_MS);
    return () => {
      clearInterval(timer);
      for (const type of activity) window.removeEventListener(type, touch, { capture: true });
    };
  }, [enabled]);
}
