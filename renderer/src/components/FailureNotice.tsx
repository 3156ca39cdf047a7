import type { BridgeFailure } from '../bridge';

interface FailureNoticeProps {
  failure: BridgeFailure;
}

/** A failed call, in words, with its code for whoever helps (IT, the safeguarding lead). */
export function FailureNotice({ failure }: FailureNoticeProps) {
  return (
    <div className="notice notice--error" role="alert">
      <p className="notice__message">{failure.message}</p>
      <p className="notice__code">
        Error code: <code>{failure.code}</code>
      </p>
    </div>
  );
}
