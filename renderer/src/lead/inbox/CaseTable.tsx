/**
 * Cases as rows — the inbox, search results and a person's cases: reference (opens the case),
 * type, received, urgency, status, pathway, assigned lead, people named, and what is due.
 */
import { formatDateTime } from '../../format';
import type { InboxRow } from '../types';
import { outcomeWord, pathwayWords, statusWords, wordFor } from '../words';

const MAX_NAMES = 3;

function PeopleNamed({ people }: { people: readonly string[] }) {
  if (people.length === 0) return <span className="muted">None</span>;
  const shown = people.slice(0, MAX_NAMES).join(', ');
  const more = people.length - MAX_NAMES;
  return <>{more > 0 ? `${shown} and ${more} more` : shown}</>;
}

function Due({ row }: { row: InboxRow }) {
  if (row.status === 'closed') return <span className="muted">—</span>;
  const ladoOverdue = row.ladoDue !== null && Date.parse(row.ladoDue) < Date.now();
  return (
    <div className="due">
      {row.overdue && <span className="badge badge--danger">Overdue</span>}
      {row.ladoDue !== null && (
        <span className={ladoOverdue ? 'badge badge--danger' : 'badge badge--lado'}>
          {ladoOverdue ? 'LADO overdue since' : 'LADO by'} {formatDateTime(row.ladoDue)}
        </span>
      )}
      {row.nextDue !== null && row.nextDue !== row.ladoDue && (
        <span className="due__next">Next due {formatDateTime(row.nextDue)}</span>
      )}
      {row.nextDue === null && row.ladoDue === null && !row.overdue && (
        <span className="muted">Nothing due</span>
      )}
    </div>
  );
}

function Urgency({ row }: { row: InboxRow }) {
  if (row.untriagedUrgent) {
    return (
      <span className="badge badge--danger">
        Urgent<span className="badge__extra"> · not triaged</span>
      </span>
    );
  }
  if (row.urgency === 'urgent') return <span className="badge badge--urgent">Urgent</span>;
  return <span className="muted">Normal</span>;
}

interface CaseTableProps {
  rows: readonly InboxRow[];
  caption: string;
  onOpen: (reference: string) => void;
}

export function CaseTable({ rows, caption, onOpen }: CaseTableProps) {
  return (
    <div className="table-wrap case-table-wrap">
      <table className="case-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Reference</th>
            <th scope="col">Type</th>
            <th scope="col">Received</th>
            <th scope="col">Urgency</th>
            <th scope="col">Status</th>
            <th scope="col">Pathway</th>
            <th scope="col">Assigned lead</th>
            <th scope="col">People named</th>
            <th scope="col">Due</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr
              key={row.reference}
              className={row.untriagedUrgent ? 'case-table__row--urgent' : undefined}
            >
              <th scope="row" className="case-table__reference">
                <button type="button" className="link-button" onClick={() => onOpen(row.reference)}>
                  {row.reference}
                </button>
                {!row.opened && <span className="case-table__unread">Not opened</span>}
              </th>
              <td>{row.formTitle}</td>
              <td className="case-table__date">{formatDateTime(row.filedAt)}</td>
              <td>
                <Urgency row={row} />
              </td>
              <td>
                {statusWords[row.status]}
                {row.status === 'closed' && row.outcome !== null && (
                  <span className="case-table__outcome">{outcomeWord(row.outcome)}</span>
                )}
              </td>
              <td>
                {row.pathway === null ? (
                  <span className="muted">Not triaged</span>
                ) : (
                  wordFor(pathwayWords, row.pathway)
                )}
              </td>
              <td>{row.assignedName ?? <span className="muted">Not assigned</span>}</td>
              <td>
                <PeopleNamed people={row.people} />
              </td>
              <td>
                <Due row={row} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
