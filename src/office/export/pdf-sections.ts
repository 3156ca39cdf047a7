/**
 * The parts of the governors' report: its title page, one section per table (heading, chart,
 * summary, table) and the note on withheld figures. Every word is real, tagged text; the charts
 * are vector drawings from the same ECharts option the office screen shows.
 */
import SVGtoPDF from 'svg-to-pdfkit';
import { chartDescription, chartHeight, chartOption } from '../charts';
import { chartSvg } from '../charts/svg';
import { decoration, printable, tagged } from '../../pdf/tagged';
import type { OfficeReport, StatTable } from '../report/model';
import { aboutLines, CONFIDENTIAL, REPORT_TITLE, SUPPRESSED_MARK, hasWithheld } from './cells';
import { drawTable, ensureRoom } from './pdf-table';
import {
  BOLD,
  FONT,
  GREY,
  INK,
  MARGIN,
  NAVY,
  PAGE,
  printableTable,
  RED,
  RULE,
  TOP,
  WIDTH,
  type Doc,
  type Struct,
} from './pdf-style';

/** The title page: what, whose, when, for whom, and where the figures come from. */
export function titlePage(doc: Doc, root: Struct, report: OfficeReport): void {
  const band = 150;
  decoration(doc, () => doc.rect(0, 0, PAGE.width, band).fill(NAVY));
  root.add(
    tagged(doc, 'P', () => {
      doc.font(FONT).fontSize(13).fillColor('#dbe4f0').text(REPORT_TITLE, MARGIN, 48, {
        width: WIDTH,
      });
    }),
  );
  root.add(
    tagged(doc, 'H1', () => {
      doc
        .font(BOLD)
        .fontSize(26)
        .fillColor('#ffffff')
        .text(printable(report.schoolName), MARGIN, 70, {
          width: WIDTH,
          height: 70,
          ellipsis: true,
        });
    }),
  );
  root.add(
    tagged(doc, 'P', () => {
      doc
        .font(BOLD)
        .fontSize(20)
        .fillColor(INK)
        .text(printable(report.period.label), MARGIN, band + 34, { width: WIDTH });
    }),
  );
  let y = doc.y + 22;
  const boxHeight = 58;
  decoration(doc, () => doc.lineWidth(2).roundedRect(MARGIN, y, WIDTH, boxHeight, 6).stroke(RED));
  root.add(
    tagged(doc, 'P', () => {
      doc
        .font(BOLD)
        .fontSize(15)
        .fillColor(RED)
        .text(CONFIDENTIAL, MARGIN + 16, y + 13, { width: WIDTH - 32 });
      doc
        .font(FONT)
        .fontSize(10.5)
        .fillColor(INK)
        .text('Please return or destroy paper copies after the meeting.', { width: WIDTH - 32 });
    }),
  );
  y += boxHeight + 26;
  const list = doc.struct('L');
  root.add(list);
  for (const [label, value] of aboutLines(report)) {
    const item = doc.struct('LI');
    list.add(item);
    item.add(
      tagged(doc, 'LBody', () => {
        doc.font(BOLD).fontSize(11).fillColor(GREY).text(label, MARGIN, y, { width: 150 });
        const labelBottom = doc.y;
        doc
          .font(FONT)
          .fontSize(11)
          .fillColor(INK)
          .text(printable(value), MARGIN + 160, y, { width: WIDTH - 160, lineGap: 1.5 });
        y = Math.max(doc.y, labelBottom) + 9;
      }),
    );
    item.end();
  }
  list.end();
  y += 14;
  root.add(
    tagged(doc, 'P', () => {
      doc
        .font(FONT)
        .fontSize(10.5)
        .fillColor(GREY)
        .text(
          'The extract holds counts and coarse categories only: no names, descriptions, references or exact dates. ' +
            `Small figures are withheld and shown as ${SUPPRESSED_MARK}; the last page says how.`,
          MARGIN,
          y,
          { width: WIDTH, lineGap: 2 },
        );
    }),
  );
}

/** One table's section, on a page of its own: heading, chart, summary, table. */
export function tableSection(doc: Doc, root: Struct, source: StatTable, number: number): void {
  doc.addPage();
  const table = printableTable(source);
  const heading = `${number}. ${table.title}`;
  doc.outline.addItem(heading);
  const section = doc.struct('Sect');
  root.add(section);
  section.add(
    tagged(doc, 'H2', () => {
      doc.font(BOLD).fontSize(17).fillColor(NAVY).text(heading, MARGIN, TOP, { width: WIDTH });
    }),
  );
  let y = doc.y + 6;
  decoration(doc, () =>
    doc
      .lineWidth(1.5)
      .moveTo(MARGIN, y)
      .lineTo(MARGIN + WIDTH, y)
      .stroke(RULE),
  );
  y += 12;
  const height = chartHeight(table, { title: false });
  const svg = chartSvg(chartOption(table, { title: false }), Math.round(WIDTH), height);
  const top = y;
  section.add(
    doc.struct('Figure', { alt: `Chart: ${table.title}. ${chartDescription(table)}` }, () => {
      // ECharts draws in pixels; one pixel here is one point, so 11px labels print at 11pt.
      SVGtoPDF(doc, svg, MARGIN, top, { width: WIDTH, height, assumePt: true });
    }),
  );
  y += height + 14;
  section.add(
    tagged(doc, 'P', () => {
      doc.font(FONT).fontSize(11).fillColor(INK).text(table.summary, MARGIN, y, {
        width: WIDTH,
        lineGap: 2,
      });
    }),
  );
  y = drawTable(doc, section, table, doc.y + 12);
  if (hasWithheld(table)) {
    y = ensureRoom(doc, y + 8, 16);
    section.add(
      tagged(doc, 'P', () => {
        doc
          .font(FONT)
          .fontSize(9)
          .fillColor(GREY)
          .text(
            `${SUPPRESSED_MARK}: withheld to protect the people involved (see About these figures).`,
            MARGIN,
            y,
            { width: WIDTH },
          );
      }),
    );
  }
  section.end();
}

/** The note on withheld figures, the report's last section. */
export function notesSection(doc: Doc, root: Struct, notes: readonly string[]): void {
  doc.addPage();
  doc.outline.addItem('About these figures');
  const section = doc.struct('Sect');
  root.add(section);
  section.add(
    tagged(doc, 'H2', () => {
      doc
        .font(BOLD)
        .fontSize(17)
        .fillColor(NAVY)
        .text('About these figures', MARGIN, TOP, { width: WIDTH });
    }),
  );
  let y = doc.y + 12;
  for (const note of notes) {
    y = ensureRoom(doc, y, 40);
    section.add(
      tagged(doc, 'P', () => {
        doc.font(FONT).fontSize(11).fillColor(INK).text(printable(note), MARGIN, y, {
          width: WIDTH,
          lineGap: 2,
        });
      }),
    );
    y = doc.y + 10;
  }
  section.end();
}
