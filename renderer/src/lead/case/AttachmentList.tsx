/**
 * Attachments with name, type, size and SHA-256. Images (PNG, JPEG, GIF, WebP) are shown inside
 * the app, on request, from bytes the core hands over as base64 (a data: URL): never a download,
 * never a file or link handed to the operating system. Each view is audited by the core.
 */
import { useState } from 'react';
import type { BridgeFailure } from '../../bridge';
import { FailureNotice } from '../../components/FailureNotice';
import { formatSize } from '../../format';
import { load } from '../../loadable';
import type { CaseAttachment } from '../types';

const imageTypes = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp']);

type Shown =
  | { state: 'loading' }
  | { state: 'shown'; src: string }
  | { state: 'failed'; failure: BridgeFailure };

export function AttachmentList({
  reference,
  attachments,
  notHeld = [],
}: {
  reference: string;
  attachments: readonly CaseAttachment[];
  /** Filed with the concern, but not passed on to this lead (a case shared later, too large). */
  notHeld?: readonly CaseAttachment[];
}) {
  if (attachments.length === 0 && notHeld.length === 0) {
    return <p className="muted">No attachments.</p>;
  }
  return (
    <>
      {attachments.length > 0 && (
        <ul className="attachments">
          {attachments.map((file) => (
            <Attachment key={`${file.fieldId}:${file.sha256}`} reference={reference} file={file} />
          ))}
        </ul>
      )}
      {notHeld.length > 0 && (
        <div className="attachments__not-held">
          <p>
            {notHeld.length === 1 ? 'This attachment was' : 'These attachments were'} filed with the
            concern but not passed on when the case was shared with you: too large to travel through
            the school&rsquo;s share. The lead who first received the case still holds{' '}
            {notHeld.length === 1 ? 'it' : 'them'}; ask them to show you.
          </p>
          <ul className="attachments">
            {notHeld.map((file) => (
              <li className="attachments__item" key={`${file.fieldId}:${file.sha256}`}>
                <p className="attachments__name">{file.name}</p>
                <p className="attachments__meta">
                  {file.mediaType} · {formatSize(file.size)} · not held on this computer
                </p>
                <p className="attachments__hash">
                  SHA-256 <code>{file.sha256}</code>
                </p>
              </li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}

function Attachment({ reference, file }: { reference: string; file: CaseAttachment }) {
  const [shown, setShown] = useState<Shown | null>(null);
  const image = imageTypes.has(file.mediaType);

  const show = async () => {
    setShown({ state: 'loading' });
    const result = await load((api) => api['lead.attachment']({ reference, sha256: file.sha256 }));
    if (result.state === 'failed') {
      setShown({ state: 'failed', failure: result.failure });
      return;
    }
    if (result.state !== 'ready') return;
    const { mediaType, base64 } = result.value;
    // Only an image type the app knows becomes a data: URL, whatever the core's answer says.
    setShown(
      imageTypes.has(mediaType)
        ? { state: 'shown', src: `data:${mediaType};base64,${base64}` }
        : null,
    );
  };

  return (
    <li className="attachments__item">
      <p className="attachments__name">{file.name}</p>
      <p className="attachments__meta">
        {file.mediaType} · {formatSize(file.size)}
      </p>
      <p className="attachments__hash">
        SHA-256 <code>{file.sha256}</code>
      </p>
      {image && shown?.state !== 'shown' && (
        <button
          type="button"
          className="button button--secondary button--compact"
          aria-disabled={shown?.state === 'loading' ? true : undefined}
          onClick={() => void show()}
        >
          Show image {file.name}
        </button>
      )}
      {!image && (
        <p className="muted attachments__note">
          Not an image: kept sealed in the record, not opened by this app.
        </p>
      )}
      {shown?.state === 'failed' && <FailureNotice failure={shown.failure} />}
      {shown?.state === 'shown' && (
        <figure className="attachments__figure">
          <img src={shown.src} alt={`Attachment ${file.name}`} draggable={false} />
          <figcaption>
            {file.name}{' '}
            <button type="button" className="button button--quiet" onClick={() => setShown(null)}>
              Hide image
            </button>
          </figcaption>
        </figure>
      )}
    </li>
  );
}
