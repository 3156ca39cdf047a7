/**
 * What the home screen must say about delivery: concerns still waiting on this computer, and a
 * school profile on the share that cannot be trusted ("tell the DSL"). Refreshed on its own, since
 * background delivery changes it while the screen is open.
 */
import { useEffect, useState } from 'react';
import { load } from '../loadable';
import type { AppStatus } from './SchoolStatus';

const REFRESH_MS = 5_000;

/** The latest app status, reloaded every few seconds while mounted. */
function useLiveStatus(): AppStatus | null {
  const [status, setStatus] = useState<AppStatus | null>(null);
  useEffect(() => {
    let current = true;
    const refresh = () =>
      void load((api) => api['app.status']()).then((result) => {
        if (current && result.state === 'ready') setStatus(result.value);
      });
    refresh();
    const timer = setInterval(refresh, REFRESH_MS);
    return () => {
      current = false;
      clearInterval(timer);
    };
  }, []);
  return status;
}

export function DeliveryNotice() {
  const status = useLiveStatus();
  if (status === null || !status.enrolled) return null;
  const { waiting, warning } = status;
  return (
    <>
      {warning !== null && (
        <div className="notice notice--warn" data-testid="profile-warning">
          <p className="notice__title">{warning}</p>
          <p>
            You can still report: concerns are sealed to the safeguarding leads this computer
            already trusts.
          </p>
        </div>
      )}
      {waiting > 0 && (
        <div className="notice notice--info" data-testid="waiting-notice">
          <p className="notice__title">
            {waiting === 1
              ? '1 concern is saved on this computer, waiting to reach the school.'
              : `${waiting} concerns are saved on this computer, waiting to reach the school.`}
          </p>
          <p>This computer keeps trying on its own and sends them when it can. Nothing is lost.</p>
        </div>
      )}
    </>
  );
}
