/**
 * `lead calendar`: the school's term dates and closure days, which the clocks count by (closure
 * days are not working days for the LADO's clock; term dates define school days).
 *
 *   lead calendar                              what is set
 *   lead calendar set --file FILE              replace it with {"terms": [...], "closureDays": [...]}
 *   lead calendar add-closure DATE…            add closure days (YYYY-MM-DD)
 *   lead calendar remove-closure DATE…         remove closure days
 *   lead calendar add-term START END           add a range of term dates
 *   lead calendar remove-term START            remove the term starting on START
 */
import type { CalendarSettings } from '../casework';
import { readRegularFile, RefusedFile } from '../files';
import type { CommandContext } from './context';
import { withWorkspace } from './casework-commands';
import { britishDate } from './local-time';
import { output, UsageError } from './io';

/** A calendar file is a few kilobytes; anything much bigger is not one. */
const CALENDAR_FILE_LIMIT = 256 * 1024;

export async function calendarCommand(ctx: CommandContext): Promise<void> {
  const action = ctx.positionals[1] ?? 'show';
  const dates = ctx.positionals.slice(2);
  await withWorkspace(ctx, async (workspace) => {
    const current = workspace.calendarSettings();
    let next: unknown;
    switch (action) {
      case 'show':
        output(ctx.json, current, calendarText(current));
        return;
      case 'set': {
        const file = ctx.requireOption('file');
        let text: string;
        try {
          const read = await readRegularFile(file, { maxBytes: CALENDAR_FILE_LIMIT });
          text = Buffer.from(read.bytes).toString('utf8');
        } catch (error) {
          throw new UsageError(
            error instanceof RefusedFile
              ? `The calendar file cannot be used: ${error.message}`
              : 'The calendar file cannot be read.',
          );
        }
        try {
          next = JSON.parse(text) as unknown;
        } catch {
          throw new UsageError(
            'The calendar file is not JSON: write {"terms": [{"start": "YYYY-MM-DD", "end": "YYYY-MM-DD"}], "closureDays": ["YYYY-MM-DD"]}.',
          );
        }
        break;
      }
      case 'add-closure':
        if (dates.length === 0) throw new UsageError('lead calendar add-closure DATE…');
        next = { ...current, closureDays: [...current.closureDays, ...dates].sort() };
        break;
      case 'remove-closure':
        if (dates.length === 0) throw new UsageError('lead calendar remove-closure DATE…');
        next = { ...current, closureDays: current.closureDays.filter((d) => !dates.includes(d)) };
        break;
      case 'add-term': {
        const [start, end] = dates;
        if (start === undefined || end === undefined || dates.length !== 2) {
          throw new UsageError('lead calendar add-term START END (dates as YYYY-MM-DD)');
        }
        next = { ...current, terms: [...current.terms, { start, end }] };
        break;
      }
      case 'remove-term': {
        const [start] = dates;
        if (start === undefined) throw new UsageError('lead calendar remove-term START');
        if (!current.terms.some((t) => t.start === start)) {
          throw new UsageError(`No term starts on ${start}.`);
        }
        next = { ...current, terms: current.terms.filter((t) => t.start !== start) };
        break;
      }
      default:
        throw new UsageError(
          'lead calendar [set --file FILE | add-closure DATE… | remove-closure DATE… | add-term START END | remove-term START]',
        );
    }
    const saved = workspace.setCalendar(next);
    output(ctx.json, saved, `Calendar saved.\n${calendarText(saved)}`);
  });
}

function calendarText(settings: CalendarSettings): string {
  const terms = [...settings.terms].sort((a, b) => a.start.localeCompare(b.start));
  const lines = [
    'Term dates (school days):',
    ...(terms.length === 0
      ? ['  none set']
      : terms.map((t) => `  ${britishDate(t.start)} to ${britishDate(t.end)}`)),
    'Closure days (not working days for the clocks):',
    ...(settings.closureDays.length === 0
      ? ['  none set']
      : settings.closureDays.map((d) => `  ${britishDate(d)}`)),
  ];
  return lines.join('\n');
}
