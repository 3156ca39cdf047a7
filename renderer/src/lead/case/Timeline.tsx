/**
 * The case's record in date order, grouped by day: "Ellie Shea recorded a LADO consultation at
 * 14:02", each with its details. The concern's filing opens it.
 */
import { formatClock, formatDate, formatDateTime } from '../../format';
import { eventWords, type ActionTypeOf, type EventWords } from '../timeline-words';
import type { CaseEvent } from '../types';

export interface TimelineEntry {
  key: string;
  at: string;
  who: string;
  words: EventWords;
}

/** The local calendar day of an instant, as YYYY-MM-DD (for grouping). */
function localDay(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso.slice(0, 10);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The case's events as timeline entries, with a map from action id to its type. */
export function timelineEntries(events: readonly CaseEvent[]): TimelineEntry[] {
  const types = new Map<string, string>();
  for (const e of events) {
    if (e.type === 'action-recorded' && typeof e.payload.actionId === 'string') {
      types.set(e.payload.actionId, String(e.payload.type));
    }
  }
  const typeOf: ActionTypeOf = (id) => types.get(id);
  return events.map((event) => ({
    key: event.eventId,
    at: event.at,
    who: event.authorName,
    words: eventWords(event, typeOf),
  }));
}

export function Timeline({
  entries,
  headingLevel = 3,
}: {
  entries: readonly TimelineEntry[];
  headingLevel?: 3 | 4;
}) {
  const days: Array<{ day: string; entries: TimelineEntry[] }> = [];
  for (const entry of entries) {
    const day = localDay(entry.at);
    const last = days.at(-1);
    if (last?.day === day) last.entries.push(entry);
    else days.push({ day, entries: [entry] });
  }
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  return (
    <div className="timeline">
      {days.map(({ day, entries: dayEntries }) => (
        <div key={day} className="timeline__day">
          <Heading className="timeline__date">{formatDate(day)}</Heading>
          <ol className="timeline__list">
            {dayEntries.map((entry) => (
              <li key={entry.key} className="timeline__entry">
                <p className="timeline__what">
                  <strong>{entry.who}</strong> {entry.words.what} at{' '}
                  <time dateTime={entry.at} title={formatDateTime(entry.at)}>
                    {formatClock(entry.at)}
                  </time>
                </p>
                {entry.words.details.length > 0 && (
                  <dl className="timeline__details">
                    {entry.words.details.map(([label, value], index) => (
                      <div key={index}>
                        <dt>{label}</dt>
                        <dd>{value}</dd>
                      </div>
                    ))}
                  </dl>
                )}
              </li>
            ))}
          </ol>
        </div>
      ))}
    </div>
  );
}
