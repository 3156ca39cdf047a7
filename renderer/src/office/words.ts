/** The office screens' words: figures as printed, the source line, the period asked for. */
import type { Cell, ExtractSource, PeriodOption } from './types';

const day = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });
const clock = new Intl.DateTimeFormat('en-GB', {
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
const count = new Intl.NumberFormat('en-GB');

/** "Figures from the extract published by Dana Lead on 30 Nov 2026 at 14:00" (this computer's time). */
export function sourceLine(source: Pick<ExtractSource, 'publishedByName' | 'producedAt'>): string {
  const at = new Date(source.producedAt);
  if (Number.isNaN(at.getTime())) {
    return `Figures from the extract published by ${source.publishedByName}`;
  }
  return `Figures from the extract published by ${source.publishedByName} on ${day.format(at)} at ${clock.format(at)}`;
}

/** A cell as printed: the figure, a percentage, or `c` for one withheld. */
export function cellText(cell: Cell): string {
  switch (cell.kind) {
    case 'count':
      return count.format(cell.value);
    case 'percent':
      return `${cell.value.toLocaleString('en-GB', { maximumFractionDigits: 1 })}%`;
    case 'suppressed':
      return 'c';
  }
}

/** What a screen reader hears for a withheld cell, beside the `c`. */
export const WITHHELD = 'withheld: fewer than the smallest figure shown, or would reveal one';

/** How a period on offer is introduced: "This term", "An earlier academic year". */
export function periodKindWords(choice: PeriodOption['choice']): string {
  switch (choice.kind) {
    case 'this-term':
      return 'This term';
    case 'last-term':
      return 'Last term';
    case 'academic-year':
      return choice.academicYear === undefined ? 'This academic year' : 'An earlier academic year';
    case 'custom':
      return 'Dates of your own';
  }
}
