/**
 * A report table drawn into the PDF as a tagged table (Table, TR, TH with its scope, TD): the row
 * heading column on the left, figures right-aligned, totals in bold under a rule. A table too long
 * for the page goes on over the next, its header row repeated there (marked as a pagination
 * artifact, so a screen reader reads it once); a table too wide is drawn in column blocks, each
 * with the row headings again.
 */
import { decoration } from '../../pdf/tagged';
import type { Cell, StatTable } from '../report/model';
import { printedText } from './cells';
import {
  BOLD,
  BOTTOM,
  FONT,
  GREY,
  HEADER_FILL,
  INK,
  MARGIN,
  RULE,
  STRIPE_FILL,
  TOP,
  WIDTH,
  type Doc,
  type Struct,
} from './pdf-style';

const SIZE = 10;
const PAD_X = 6;
const PAD_Y = 5;
const MIN_FIGURE_WIDTH = 56;
const MAX_FIGURE_WIDTH = 92;
const MIN_LABEL_WIDTH = 150;

interface Line {
  label: string;
  cells: Array<Cell | undefined>;
  total: boolean;
}

interface Block {
  headings: string[];
  lines: Line[];
  labelWidth: number;
  figureWidth: number;
}

// pdfkit writes `scope` into the element's table attributes; its type declarations omit it.
type CellOptions = PDFKit.Mixins.StructureElementOptions & { scope?: 'Row' | 'Column' };

/** Draws `table` from `top`, going on to new pages as needed; returns where it ends. */
export function drawTable(doc: Doc, parent: Struct, table: StatTable, top: number): number {
  let y = top;
  blocks(table).forEach((block, index) => {
    if (index > 0) {
      y = ensureRoom(doc, y + 10, 60);
      const first = block.headings[1] ?? '';
      const last = block.headings[block.headings.length - 1] ?? '';
      parent.add(
        doc.struct('P', {}, () => {
          doc
            .font(FONT)
            .fontSize(9)
            .fillColor(GREY)
            .text(`${table.title}, continued: ${first} to ${last}`, MARGIN, y, { width: WIDTH });
        }),
      );
      y = doc.y + 4;
    }
    y = drawBlock(doc, parent, block, y);
  });
  return y;
}

/** The table split into blocks of columns narrow enough for the page. */
function blocks(table: StatTable): Block[] {
  const lines: Line[] = table.rows.map((row) => ({
    label: row.label,
    cells: row.cells,
    total: false,
  }));
  if (table.totals) lines.push({ label: 'Total', cells: table.totals, total: true });
  const perBlock = Math.max(1, Math.floor((WIDTH - MIN_LABEL_WIDTH) / MIN_FIGURE_WIDTH));
  const result: Block[] = [];
  for (let start = 0; start < Math.max(1, table.columns.length); start += perBlock) {
    const columns = table.columns.slice(start, start + perBlock);
    const figureWidth = Math.min(
      MAX_FIGURE_WIDTH,
      (WIDTH - MIN_LABEL_WIDTH) / Math.max(1, columns.length),
    );
    // Full width: the row headings take what the figures leave.
    const labelWidth = Math.max(MIN_LABEL_WIDTH, WIDTH - figureWidth * columns.length);
    result.push({
      headings: [table.rowHeading, ...columns.map((column) => column.label)],
      lines: lines.map((line) => ({
        ...line,
        cells: columns.map((_column, index) => line.cells[start + index]),
      })),
      labelWidth,
      figureWidth,
    });
  }
  return result;
}

function drawBlock(doc: Doc, parent: Struct, block: Block, top: number): number {
  const tableStruct = doc.struct('Table');
  parent.add(tableStruct);
  let y = ensureRoom(doc, top, headerHeight(doc, block) + rowHeight(doc, block, block.lines[0]));
  y = drawHeader(doc, block, y, tableStruct);
  block.lines.forEach((line, index) => {
    const height = rowHeight(doc, block, line);
    if (y + height > BOTTOM) {
      doc.addPage();
      y = drawHeader(doc, block, TOP, null);
    }
    drawRow(doc, block, line, y, height, index % 2 === 1, tableStruct);
    y += height;
  });
  tableStruct.end();
  return y;
}

/** The header row: tagged the first time, an artifact where it is repeated on a new page. */
function drawHeader(doc: Doc, block: Block, top: number, tableStruct: Struct | null): number {
  const height = headerHeight(doc, block);
  const widthRight = block.figureWidth * (block.headings.length - 1);
  decoration(doc, () =>
    doc.rect(MARGIN, top, block.labelWidth + widthRight, height).fill(HEADER_FILL),
  );
  const draw = (text: string, index: number) => () => {
    const { x, width } = columnBox(block, index);
    doc
      .font(BOLD)
      .fontSize(SIZE)
      .fillColor(INK)
      .text(text, x + PAD_X, top + PAD_Y, {
        width: width - 2 * PAD_X,
        align: index === 0 ? 'left' : 'right',
      });
  };
  if (tableStruct) {
    const row = doc.struct('TR');
    tableStruct.add(row);
    block.headings.forEach((text, index) => {
      const options: CellOptions = { scope: 'Column' };
      row.add(doc.struct('TH', options, draw(text, index)));
    });
    row.end();
  } else {
    doc.markContent('Artifact', { type: 'Pagination' });
    block.headings.forEach((text, index) => draw(text, index)());
    doc.endMarkedContent();
  }
  return top + height;
}

function drawRow(
  doc: Doc,
  block: Block,
  line: Line,
  top: number,
  height: number,
  striped: boolean,
  tableStruct: Struct,
): void {
  const width = block.labelWidth + block.figureWidth * line.cells.length;
  decoration(doc, () => {
    if (striped && !line.total) doc.rect(MARGIN, top, width, height).fill(STRIPE_FILL);
    doc
      .lineWidth(line.total ? 1 : 0.5)
      .moveTo(MARGIN, top)
      .lineTo(MARGIN + width, top)
      .stroke(line.total ? INK : RULE);
  });
  const font = line.total ? BOLD : FONT;
  const row = doc.struct('TR');
  tableStruct.add(row);
  const heading: CellOptions = { scope: 'Row' };
  row.add(
    doc.struct('TH', heading, () => {
      doc
        .font(font)
        .fontSize(SIZE)
        .fillColor(INK)
        .text(line.label, MARGIN + PAD_X, top + PAD_Y, { width: block.labelWidth - 2 * PAD_X });
    }),
  );
  line.cells.forEach((cell, index) => {
    const box = columnBox(block, index + 1);
    row.add(
      doc.struct('TD', {}, () => {
        doc
          .font(font)
          .fontSize(SIZE)
          .fillColor(INK)
          .text(printedText(cell), box.x + PAD_X, top + PAD_Y, {
            width: box.width - 2 * PAD_X,
            align: 'right',
            lineBreak: false,
          });
      }),
    );
  });
  row.end();
}

function columnBox(block: Block, index: number): { x: number; width: number } {
  if (index === 0) return { x: MARGIN, width: block.labelWidth };
  return {
    x: MARGIN + block.labelWidth + (index - 1) * block.figureWidth,
    width: block.figureWidth,
  };
}

function headerHeight(doc: Doc, block: Block): number {
  doc.font(BOLD).fontSize(SIZE);
  const heights = block.headings.map((text, index) =>
    doc.heightOfString(text, { width: columnBox(block, index).width - 2 * PAD_X }),
  );
  return Math.max(...heights) + 2 * PAD_Y;
}

function rowHeight(doc: Doc, block: Block, line: Line | undefined): number {
  if (!line) return 0;
  doc.font(line.total ? BOLD : FONT).fontSize(SIZE);
  return doc.heightOfString(line.label, { width: block.labelWidth - 2 * PAD_X }) + 2 * PAD_Y;
}

/** `top`, or the top of a new page when `height` does not fit below it. */
export function ensureRoom(doc: Doc, top: number, height: number): number {
  if (top + height <= BOTTOM) return top;
  doc.addPage();
  return TOP;
}
