/**
 * The new lead's identity file and one-time passphrase, shown once after adding them: a button saves
 * the file (a download, in the app and in a browser), and the passphrase is shown to be written
 * down or read out in person. "Done" forgets both.
 */
import { useEffect, useRef, useState } from 'react';
import type { NewIdentity } from './types';

interface NewIdentityPanelProps {
  name: string;
  /** What adding them means ("… will receive …"), said at the top. */
  message: string;
  identity: NewIdentity;
  onDone: () => void;
}

export function NewIdentityPanel({ name, message, identity, onDone }: NewIdentityPanelProps) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [saved, setSaved] = useState(false);

  useEffect(() => headingRef.current?.focus(), []);

  const save = () => {
    const bytes = Uint8Array.from(atob(identity.base64), (c) => c.charCodeAt(0));
    const url = URL.createObjectURL(new Blob([bytes], { type: 'application/octet-stream' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = identity.fileName;
    link.click();
    // The click has started the download; the URL is not needed after this turn.
    setTimeout(() => URL.revokeObjectURL(url), 0);
    setSaved(true);
  };

  return (
    <section className="school__handover notice notice--info" aria-labelledby="handover-title">
      <h3 id="handover-title" ref={headingRef} tabIndex={-1}>
        Give {name} their identity file and passphrase, in person
      </h3>
      <p>{message}</p>
      <p>
        Save the file, then give it to {name} on a USB stick or in person, never by email. Tell them
        the one-time passphrase separately. They join on their own computer with both, and then
        choose a passphrase of their own.
      </p>
      <p>
        <button type="button" className="button button--primary" onClick={save}>
          Save the identity file
        </button>
        {saved && <span className="school__saved"> The file is called {identity.fileName}.</span>}
      </p>
      <dl className="school__passphrase">
        <dt>One-time passphrase</dt>
        <dd>
          <code>{identity.passphrase}</code>
        </dd>
      </dl>
      <p>This passphrase is shown only now. If it is lost, remove {name} and add them again.</p>
      <button type="button" className="button button--secondary" onClick={onDone}>
        Done: I have saved the file and noted the passphrase
      </button>
    </section>
  );
}
