/**
 * Files on the share that could not be imported, kept apart with their reasons. The files are
 * never deleted or changed; the lead sees how many, and on request which and why.
 */
import { useEffect, useState } from 'react';
import { FailureNotice } from '../../components/FailureNotice';
import { formatDateTime } from '../../format';
import { load, type Loadable } from '../../loadable';
import type { Quarantined } from '../types';

export function QuarantinePanel({ count, version }: { count: number; version: number }) {
  const [open, setOpen] = useState(false);
  const [list, setList] = useState<Loadable<Quarantined[]>>({ state: 'loading' });

  useEffect(() => {
    if (!open) return undefined;
    let current = true;
    void load((api) => api['lead.quarantine']()).then((result) => {
      if (current) setList(result);
    });
    return () => {
      current = false;
    };
  }, [open, version]);

  return (
    <section className="quarantine" aria-labelledby="quarantine-title">
      <h2 id="quarantine-title" className="quarantine__title">
        Files that could not be imported: {count}
      </h2>
      {count === 0 ? (
        <p className="muted">Every file on the share was imported.</p>
      ) : (
        <>
          <p>
            These files on the share could not be opened or checked, so they are kept apart. They
            are never deleted or changed. A file from a computer that is not enrolled, or one that
            was altered, ends up here.
          </p>
          <button
            type="button"
            className="button button--secondary button--compact"
            aria-expanded={open}
            aria-controls="quarantine-list"
            onClick={() => setOpen(!open)}
          >
            {open ? 'Hide the files' : 'Show the files and reasons'}
          </button>
        </>
      )}
      <div id="quarantine-list">
        {open && list.state === 'loading' && <p className="muted">Loading&hellip;</p>}
        {open && list.state === 'failed' && <FailureNotice failure={list.failure} />}
        {open && list.state === 'ready' && (
          <div className="table-wrap">
            <table className="case-table">
              <caption className="visually-hidden">Files kept apart, with their reasons</caption>
              <thead>
                <tr>
                  <th scope="col">File</th>
                  <th scope="col">Reason</th>
                  <th scope="col">First seen</th>
                  <th scope="col">Last seen</th>
                </tr>
              </thead>
              <tbody>
                {list.value.map((file) => (
                  <tr key={file.file}>
                    <th scope="row" className="quarantine__file">
                      {file.file}
                    </th>
                    <td>
                      {file.reason} <span className="muted">({file.code})</span>
                    </td>
                    <td>{formatDateTime(file.firstSeen)}</td>
                    <td>{formatDateTime(file.lastSeen)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
    </section>
  );
}
