/**
 * The governors' report as an A4 PDF (pdfkit): a title page, a section per table with its chart,
 * summary and table, and the note on withheld figures; page numbers and the confidentiality line
 * on every page. Tagged (structure tree, en-GB, the title shown in the window) with real text in
 * the standard fonts, so it reads aloud, searches and copies; the charts are vector drawings.
 */
import PDFDocument from 'pdfkit';
import { printable } from '../../pdf/tagged';
import type { OfficeReport } from '../report/model';
import { CONFIDENTIAL, REPORT_TITLE } from './cells';
import { notesSection, tableSection, titlePage } from './pdf-sections';
import {
  BOLD,
  BOTTOM,
  FONT,
  GREY,
  MARGIN,
  PAGE,
  RED,
  RULE,
  TOP,
  WIDTH,
  type Doc,
} from './pdf-style';

/** The report as PDF bytes. */
export function reportPdf(report: OfficeReport): Promise<Uint8Array> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: TOP, bottom: PAGE.height - BOTTOM, left: MARGIN, right: MARGIN },
    pdfVersion: '1.7',
    tagged: true,
    lang: 'en-GB',
    displayTitle: true,
    bufferPages: true,
    info: {
      Title: printable(`${REPORT_TITLE}: ${report.schoolName}, ${report.period.label}`),
      Subject: 'Anonymised safeguarding figures for the closed part of the governors\u2019 meeting',
      Author: printable(report.schoolName),
      Creator: 'Safeguard Desk',
      CreationDate: new Date(report.producedAt),
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Uint8Array>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
  });
  const root = doc.struct('Document');
  doc.addStructure(root);
  titlePage(doc, root, report);
  report.tables.forEach((table, index) => tableSection(doc, root, table, index + 1));
  notesSection(doc, root, report.notes);
  root.end();
  footers(doc, printable(`${report.schoolName} \u00b7 ${report.period.label}`));
  doc.end();
  return done;
}

/** The confidentiality line, the school and period, and "Page N of M" at the foot of each page. */
function footers(doc: Doc, whose: string): void {
  const range = doc.bufferedPageRange();
  const top = BOTTOM + 22;
  for (let index = range.start; index < range.start + range.count; index += 1) {
    doc.switchToPage(index);
    // Text below the bottom margin would start a new page; the footer lives there by design.
    const margin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.save();
    doc.markContent('Artifact', { type: 'Pagination' });
    doc
      .lineWidth(0.75)
      .moveTo(MARGIN, top - 8)
      .lineTo(MARGIN + WIDTH, top - 8)
      .stroke(RULE);
    doc.font(BOLD).fontSize(9).fillColor(RED).text(CONFIDENTIAL, MARGIN, top, {
      width: WIDTH,
      lineBreak: false,
    });
    doc
      .font(FONT)
      .fontSize(9)
      .fillColor(GREY)
      .text(`Page ${index + 1} of ${range.count}`, MARGIN, top, {
        width: WIDTH,
        align: 'right',
        lineBreak: false,
      });
    doc.text(whose, MARGIN, top + 13, { width: WIDTH, lineBreak: false, ellipsis: true });
    doc.endMarkedContent();
    doc.restore();
    doc.page.margins.bottom = margin;
  }
}
