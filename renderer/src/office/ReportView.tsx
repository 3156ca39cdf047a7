/**
 * The figures for one period: what they cover, the total, saving them, every table (chart, text
 * summary, table), and the note on suppression the exports carry too.
 */
import { useEffect, useRef } from 'react';
import { ExportButtons } from './ExportButtons';
import { monthsWords } from './PeriodForm';
import { StatTableSection } from './StatTableSection';
import type { OfficeReportAnswer, ReportRequest } from './types';
import { cellText } from './words';

interface ReportViewProps {
  answer: OfficeReportAnswer;
  request: ReportRequest;
}

export function ReportView({ answer, request }: ReportViewProps) {
  const { report, charts } = answer;
  const heading = useRef<HTMLHeadingElement>(null);
  // New figures: focus their heading, so keyboard and screen-reader users start there.
  useEffect(() => heading.current?.focus(), [answer]);
  return (
    <section className="office-report" aria-labelledby="office-report-title">
      <h2 id="office-report-title" ref={heading} tabIndex={-1}>
        {report.period.label}
      </h2>
      <p className="office-report__covers">
        {monthsWords(report.period)}: <strong>{cellText(report.total)}</strong>{' '}
        {report.total.kind === 'count' && report.total.value === 1 ? 'concern' : 'concerns'} in all.
        Figures under {report.threshold} are shown as <strong>c</strong>.
      </p>
      <ExportButtons request={request} />
      {report.tables.map((table) => (
        <StatTableSection
          key={table.id}
          table={table}
          chart={charts[table.id]}
          threshold={report.threshold}
        />
      ))}
      <section className="office-notes" aria-labelledby="office-notes-title">
        <h3 id="office-notes-title">About these figures</h3>
        {report.notes.map((note) => (
          <p key={note}>{note}</p>
        ))}
      </section>
    </section>
  );
}
