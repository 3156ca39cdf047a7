/**
 * One table of the report: its title, the text summary, the chart, and the table itself, where a
 * withheld figure is `c` with the footnote saying why. Each chart has its table and its summary.
 */
import { lazy, Suspense } from 'react';
import type { Cell, StatTable } from './types';
import { cellText, WITHHELD } from './words';

// ECharts loads with the first figures shown, not with the unlock screen.
const OfficeChart = lazy(() =>
  import('./OfficeChart').then((module) => ({ default: module.OfficeChart })),
);

interface StatTableSectionProps {
  table: StatTable;
  chart: { option: Record<string, unknown>; height: number } | undefined;
  threshold: number;
}

function CellContent({ cell }: { cell: Cell }) {
  if (cell.kind !== 'suppressed') return <>{cellText(cell)}</>;
  return (
    <>
      <span aria-hidden="true">c</span>
      <span className="visually-hidden">c, {WITHHELD}</span>
    </>
  );
}

export function StatTableSection({ table, chart, threshold }: StatTableSectionProps) {
  const id = `office-table-${table.id}`;
  const withheld =
    table.rows.some((r) => r.cells.some((c) => c.kind === 'suppressed')) ||
    (table.totals?.some((c) => c.kind === 'suppressed') ?? false);
  return (
    <section className="office-table" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{table.title}</h3>
      <p className="office-table__summary">{table.summary}</p>
      <div className="office-table__body">
        {chart !== undefined && (
          <Suspense fallback={<div className="office-chart" style={{ height: chart.height }} />}>
            <OfficeChart
              option={chart.option}
              height={chart.height}
              label={`Chart of ${table.title}: ${table.summary}`}
            />
          </Suspense>
        )}
        <div className="office-table__figures">
          <table className="figures">
            <caption className="visually-hidden">{table.title}: the figures</caption>
            <thead>
              <tr>
                <th scope="col">{table.rowHeading}</th>
                {table.columns.map((column) => (
                  <th scope="col" key={column.key} className="figures__number">
                    {column.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((row) => (
                <tr key={row.key}>
                  <th scope="row">{row.label}</th>
                  {row.cells.map((cell, index) => (
                    <td key={table.columns[index]?.key ?? index} className="figures__number">
                      <CellContent cell={cell} />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
            {table.totals !== null && (
              <tfoot>
                <tr>
                  <th scope="row">Total</th>
                  {table.totals.map((cell, index) => (
                    <td key={table.columns[index]?.key ?? index} className="figures__number">
                      <CellContent cell={cell} />
                    </td>
                  ))}
                </tr>
              </tfoot>
            )}
          </table>
          {withheld && (
            <p className="office-table__footnote">
              <strong>c</strong>: withheld. The figure counts fewer than {threshold} concerns, or it
              would let a withheld figure be worked out from the others.
            </p>
          )}
        </div>
      </div>
    </section>
  );
}
