/** The office user's operations: the lock, the periods on offer, the report and its exports. */
import type { HandlersOf } from '../contract';
import { DEFAULT_THRESHOLD, MIN_THRESHOLD } from '../../office/report/model';
import {
  chartOptions,
  officeExport,
  officePeriods,
  officeReport,
  sourceOf,
} from '../../office/summaries';
import type { OfficeSession } from '../../session/office-session';

/** Office operations over the office role of the session. */
export function officeHandlers(deps: {
  office: OfficeSession;
  now?: () => Date;
}): HandlersOf<
  | 'office.status'
  | 'office.unlock'
  | 'office.lock'
  | 'office.periods'
  | 'office.report'
  | 'office.export'
> {
  const { office } = deps;
  const now = deps.now ?? (() => new Date());
  return {
    'office.status': () => Promise.resolve(office.status()),
    'office.unlock': ({ passphrase }) => office.unlock(passphrase),
    'office.lock': () => Promise.resolve(office.lock()),
    'office.periods': async () => {
      const extract = await office.newestExtract();
      return {
        periods: officePeriods(extract, now()),
        source: sourceOf(extract),
        defaultThreshold: DEFAULT_THRESHOLD,
        minThreshold: MIN_THRESHOLD,
      };
    },
    'office.report': async (input) => {
      const extract = await office.newestExtract();
      const report = officeReport(office.require(), extract, input, now());
      return { report, charts: chartOptions(report) };
    },
    'office.export': async (input) => {
      const extract = await office.newestExtract();
      const { file } = await officeExport(office.require(), extract, input, now());
      return {
        fileName: file.fileName,
        mediaType: file.mediaType,
        base64: Buffer.from(file.bytes).toString('base64'),
      };
    },
  };
}
