/**
 * The office's figures: when this lead last published the anonymised extract the office reports
 * from, whether one is waiting (the app publishes a while after each change), why the last one
 * failed, and a button to publish now. The extract holds counts and coarse categories only.
 */
import { useCallback, useEffect, useState } from 'react';
import { FailureNotice } from '../../components/FailureNotice';
import { formatDateTime } from '../../format';
import { load, type Loadable } from '../../loadable';
import type { LeadStatus } from '../types';

type ExtractStatus = NonNullable<LeadStatus['extract']>;

export function OfficeFiguresSection() {
  const [status, setStatus] = useState<ExtractStatus | null>(null);
  const [publishing, setPublishing] = useState(false);
  const [result, setResult] = useState<Loadable<string> | null>(null);

  const refresh = useCallback(async () => {
    const loaded = await load((api) => api['lead.status']());
    if (loaded.state === 'ready') setStatus(loaded.value.extract);
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const publish = async () => {
    setPublishing(true);
    setResult({ state: 'loading' });
    const published = await load((api) => api['lead.publishExtract']());
    setPublishing(false);
    if (published.state === 'ready') {
      const { rows, sealedTo } = published.value;
      setResult({
        state: 'ready',
        value: `Published: figures from ${rows.toLocaleString('en-GB')} ${rows === 1 ? 'concern' : 'concerns'}, readable by ${sealedTo.office} office ${sealedTo.office === 1 ? 'user' : 'users'} and the leads.`,
      });
    } else {
      setResult(published);
    }
    await refresh();
  };

  return (
    <section className="school__section" aria-labelledby="office-figures-title">
      <h2 id="office-figures-title">Figures for the office</h2>
      <p>
        Office staff prepare the governors&rsquo; safeguarding report from an anonymised extract:
        counts and categories only, never names, words from a concern, references or exact dates. It
        is sealed to the office users and the leads, and published again a couple of minutes after
        each change while you are unlocked.
      </p>
      {status !== null && (
        <p>
          {status.lastPublishedAt === null
            ? 'You have not published it from this computer yet.'
            : `Last published ${formatDateTime(status.lastPublishedAt)}, with ${status.rows?.toLocaleString('en-GB') ?? 'no'} concerns.`}
          {status.pending && ' A new one is waiting to be published after the latest change.'}
        </p>
      )}
      {status?.problem && result === null && (
        <div className="notice notice--warn">
          <p className="notice__title">The last publication did not happen</p>
          <p>{status.problem.message}</p>
        </div>
      )}
      <button
        type="button"
        className="button button--secondary"
        disabled={publishing}
        onClick={() => void publish()}
      >
        {publishing ? 'Publishing…' : 'Publish the figures now'}
      </button>
      <div role="status" aria-live="polite">
        {result?.state === 'ready' && <p>{result.value}</p>}
      </div>
      {result?.state === 'failed' && <FailureNotice failure={result.failure} />}
    </section>
  );
}
