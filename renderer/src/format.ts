/** Dates and sizes as people read them. The app serves UK schools, so English (UK) formats. */

const dateTime = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

const dateOnly = new Intl.DateTimeFormat('en-GB', {
  weekday: 'short',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});

function parse(iso: string): Date | null {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** "3 Mar 2026, 14:05" in this computer's time zone; the raw text if it is not a date. */
export function formatDateTime(iso: string): string {
  const date = parse(iso);
  return date === null ? iso : dateTime.format(date);
}

const dayMonthYear = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});

/** "3 September 2026" for a YYYY-MM-DD date, read as a calendar date; the raw text otherwise. */
export function formatDayMonthYear(ymd: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(ymd);
  if (match === null) return ymd;
  return dayMonthYear.format(new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
}

/** "Tue, 3 March 2026" for a YYYY-MM-DD answer, read as a calendar date (no time zone shift). */
export function formatDate(ymd: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(ymd);
  if (match === null) return ymd;
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return dateOnly.format(date);
}

/** "14:05", 24-hour, local time. */
export function formatClock(iso: string): string {
  const date = parse(iso) ?? new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** "812 KB", "3.4 MB": file managers' units (1 MB = 1024 × 1024 bytes). */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  const mb = bytes / (1024 * 1024);
  return `${mb.toFixed(1)} MB`;
}
