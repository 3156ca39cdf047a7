/**
 * Saving the figures on screen as CSV, XLSX or PDF: the core makes the file for the same period
 * and smallest figure, named with the school and period; the page offers it as a download.
 */
import { useState } from 'react';
import type { BridgeFailure } from '../bridge';
import { FailureNotice } from '../components/FailureNotice';
import { saveFile } from '../download';
import { load } from '../loadable';
import type { ExportFormat, ReportRequest } from './types';

const FORMATS: ReadonlyArray<{ format: ExportFormat; label: string; what: string }> = [
  { format: 'pdf', label: 'Download PDF', what: 'the governors’ report, with charts' },
  { format: 'xlsx', label: 'Download XLSX', what: 'a spreadsheet, one sheet per table' },
  { format: 'csv', label: 'Download CSV', what: 'every table as plain text' },
];

export function ExportButtons({ request }: { request: ReportRequest }) {
  const [busy, setBusy] = useState<ExportFormat | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [failure, setFailure] = useState<BridgeFailure | null>(null);

  const download = async (format: ExportFormat) => {
    if (busy !== null) return;
    setBusy(format);
    setSaved(null);
    setFailure(null);
    const result = await load((api) => api['office.export']({ ...request, format }));
    setBusy(null);
    if (result.state === 'failed') {
      setFailure(result.failure);
      return;
    }
    if (result.state !== 'ready') return;
    saveFile(result.value.fileName, result.value.base64, result.value.mediaType);
    setSaved(`Saved ${result.value.fileName}.`);
  };

  return (
    <section className="office-export" aria-labelledby="office-export-title">
      <h3 id="office-export-title">Save these figures</h3>
      <ul className="office-export__list">
        {FORMATS.map(({ format, label, what }) => (
          <li key={format}>
            <button
              type="button"
              className="button button--secondary"
              aria-disabled={busy !== null ? true : undefined}
              aria-describedby={`office-export-${format}`}
              onClick={() => void download(format)}
            >
              {busy === format ? 'Making the file…' : label}
            </button>
            <span className="office-export__what" id={`office-export-${format}`}>
              {what}
            </span>
          </li>
        ))}
      </ul>
      <p role="status" className="office-export__saved">
        {saved}
      </p>
      {failure !== null && <FailureNotice failure={failure} />}
    </section>
  );
}
