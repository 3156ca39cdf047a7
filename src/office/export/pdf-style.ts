/**
 * The governors' report's A4 page, type and colours, and the text the PDF's standard fonts can
 * draw of a report table.
 */
import { printable } from '../../pdf/tagged';
import type { StatTable } from '../report/model';

export const PAGE = { width: 595.28, height: 841.89 };
export const MARGIN = 50;
export const WIDTH = PAGE.width - 2 * MARGIN;
export const TOP = 56;
/** Content stops here; the footer sits below. */
export const BOTTOM = PAGE.height - 66;

export const INK = '#1a1a1a';
export const NAVY = '#16325c';
export const GREY = '#4a4a4a';
export const RED = '#a4161a';
export const RULE = '#c9d3e0';
export const HEADER_FILL = '#e6ecf4';
export const STRIPE_FILL = '#f5f7fa';

export const FONT = 'Helvetica';
export const BOLD = 'Helvetica-Bold';

export type Doc = PDFKit.PDFDocument;
export type Struct = PDFKit.PDFStructureElement;

/** A table with every word in characters the standard fonts can draw (Windows-1252). */
export function printableTable(table: StatTable): StatTable {
  return {
    ...table,
    title: printable(table.title),
    summary: printable(table.summary),
    rowHeading: printable(table.rowHeading),
    columns: table.columns.map((column) => ({ ...column, label: printable(column.label) })),
    rows: table.rows.map((row) => ({ ...row, label: printable(row.label) })),
  };
}
