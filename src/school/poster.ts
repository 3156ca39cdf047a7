/**
 * The staff-room poster: one A4 page that tells every adult in school how to report, who the
 * safeguarding leads are, and the safety code a computer must show when it is connected. Real text
 * in PDF's standard fonts (nothing embedded, no images of text), tagged so a screen reader and a
 * search both find every word. It carries names and roles only: no phone numbers of people.
 */
import { contactList, contactsHeight, leads } from './poster-leads';
import {
  BOLD,
  CODE_FONT,
  decoration,
  fitSize,
  FONT,
  GREY,
  INK,
  MARGIN,
  NAVY,
  PAGE,
  printable,
  RED,
  RULE,
  sectionHeading,
  tagged,
  WIDTH,
  type Doc,
  type Struct,
} from './poster-style';

export { printable } from './poster-style';

export interface PosterInput {
  schoolName: string;
  safetyCode: string;
  /** From the verified school profile, in the order to print. */
  leads: ReadonlyArray<{ name: string; roleLabel: string }>;
  /** Organisations' lines (LADO, social care, police…) when the school has recorded them. */
  contacts?: ReadonlyArray<{ name: string; detail: string }> | undefined;
  /** The date printed at the foot (default: today). */
  printedOn?: Date | undefined;
}

export const NSPCC_WHISTLEBLOWING_LINE = '0800 028 0285';
export const NSPCC_WHISTLEBLOWING_EMAIL = 'help@nspcc.org.uk';

const STEPS = [
  'Open Safeguard Desk on any school computer.',
  'Choose \u201cReport a concern\u201d.',
  'Choose what happened and answer the questions. It takes about two minutes.',
];

/**
 * Renders the poster; resolves to the PDF's bytes. pdfkit is loaded here, on first use, not when
 * the core starts: it takes a fifth of a second to load, and most runs never print a poster.
 */
export async function posterPdf(input: PosterInput): Promise<Buffer> {
  const { default: PDFDocument } = await import('pdfkit');
  const printedOn = input.printedOn ?? new Date();
  const doc = new PDFDocument({
    size: 'A4',
    margin: 0,
    pdfVersion: '1.7',
    tagged: true,
    lang: 'en-GB',
    displayTitle: true,
    info: {
      Title: `Safeguarding: how to report \u2014 ${input.schoolName}`,
      Subject: 'How to report a safeguarding concern in Safeguard Desk, and who the leads are',
      Author: input.schoolName,
      Creator: 'Safeguard Desk',
      CreationDate: printedOn,
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const root = doc.struct('Document');
  doc.addStructure(root);
  drawPoster(doc, root, input, printedOn);
  root.end();
  doc.end();
  return await done;
}

function drawPoster(doc: Doc, root: Struct, input: PosterInput, printedOn: Date): void {
  let y = header(doc, root, printable(input.schoolName));
  y = headline(doc, root, y + 20);
  y = emergency(doc, root, y + 14);
  y = steps(doc, root, y + 18);

  // From the foot up: the footer, the whistleblowing line, the safety code; leads fill between.
  const footerTop = PAGE.height - 30 - 10;
  const contacts = input.contacts ?? [];
  const whistleTop = footerTop - 14 - whistleHeight(doc);
  const codeTop = whistleTop - 14 - CODE_BOX_HEIGHT;
  const contactsTop = contacts.length > 0 ? codeTop - 12 - contactsHeight(contacts) : codeTop;
  leads(doc, root, input.leads, y + 18, contactsTop - 12);
  if (contacts.length > 0) contactList(doc, root, contacts, contactsTop);
  safetyCode(doc, root, input.safetyCode, codeTop);
  whistleblowing(doc, root, whistleTop);
  footer(doc, root, printedOn, footerTop);
}

/** The school's name, white on a navy band across the top; shrinks to fit two lines. */
function header(doc: Doc, root: Struct, schoolName: string): number {
  const size = fitSize(doc, BOLD, schoolName, WIDTH, 2, 30, 16);
  doc.font(BOLD).fontSize(size);
  const nameHeight = doc.heightOfString(schoolName, { width: WIDTH, lineGap: 2 });
  const bandHeight = 44 + nameHeight + 20;
  decoration(doc, () => doc.rect(0, 0, PAGE.width, bandHeight).fill(NAVY));
  root.add(
    tagged(doc, 'P', () => {
      doc
        .font(FONT)
        .fontSize(12)
        .fillColor('#dbe4f0')
        .text('Keeping children safe online at', MARGIN, 26, { width: WIDTH });
    }),
  );
  root.add(
    tagged(doc, 'H1', () => {
      doc
        .font(BOLD)
        .fontSize(size)
        .fillColor('#ffffff')
        .text(schoolName, MARGIN, 44, { width: WIDTH, lineGap: 2 });
    }),
  );
  return bandHeight;
}

function headline(doc: Doc, root: Struct, top: number): number {
  root.add(
    tagged(doc, 'H2', () => {
      doc
        .font(BOLD)
        .fontSize(24)
        .fillColor(INK)
        .text('Worried about a child or a colleague online?', MARGIN, top, {
          width: WIDTH,
          lineGap: 1,
        });
      doc.fillColor(NAVY).text('Report it in Safeguard Desk.', { width: WIDTH });
    }),
  );
  return doc.y;
}

/** 999 comes before everything else, in a red box. */
function emergency(doc: Doc, root: Struct, top: number): number {
  const text = 'If a child is in immediate danger, call 999 first.';
  const height = 36;
  decoration(doc, () => doc.roundedRect(MARGIN, top, WIDTH, height, 6).fill(RED));
  root.add(
    tagged(doc, 'P', () => {
      doc
        .font(BOLD)
        .fontSize(18)
        .fillColor('#ffffff')
        .text(text, MARGIN + 14, top + 11, { width: WIDTH - 28 });
    }),
  );
  return top + height;
}

function steps(doc: Doc, root: Struct, top: number): number {
  sectionHeading(doc, root, 'How to report', top);
  let y = top + 28;
  const list = doc.struct('L');
  root.add(list);
  STEPS.forEach((step, index) => {
    const circle = 13;
    const textX = MARGIN + 2 * circle + 12;
    doc.font(FONT).fontSize(16);
    const height = Math.max(
      2 * circle,
      doc.heightOfString(step, { width: WIDTH - textX + MARGIN }),
    );
    decoration(doc, () => doc.circle(MARGIN + circle, y + circle, circle).fill(NAVY));
    const item = doc.struct('LI');
    list.add(item);
    item.add(
      tagged(doc, 'Lbl', () => {
        doc
          .font(BOLD)
          .fontSize(15)
          .fillColor('#ffffff')
          .text(`${index + 1}`, MARGIN, y + circle - 6, { width: 2 * circle, align: 'center' });
      }),
    );
    item.add(
      tagged(doc, 'LBody', () => {
        doc
          .font(FONT)
          .fontSize(16)
          .fillColor(INK)
          .text(step, textX, y + circle - 8, { width: WIDTH - textX + MARGIN });
      }),
    );
    item.end();
    y += height + 8;
  });
  list.end();
  return y - 8;
}

const CODE_BOX_HEIGHT = 124;

/** The safety code, very large, in a box: what a computer shows when it is connected. */
function safetyCode(doc: Doc, root: Struct, code: string, top: number): void {
  decoration(doc, () =>
    doc.lineWidth(3).roundedRect(MARGIN, top, WIDTH, CODE_BOX_HEIGHT, 8).stroke(NAVY),
  );
  root.add(
    tagged(doc, 'H2', () => {
      doc
        .font(BOLD)
        .fontSize(12)
        .fillColor(NAVY)
        .text('Safety code', MARGIN, top + 14, { width: WIDTH, align: 'center' });
    }),
  );
  const text = printable(code);
  const size = fitSize(doc, CODE_FONT, text, WIDTH - 40, 1, 50, 20, 2);
  root.add(
    tagged(doc, 'P', () => {
      doc
        .font(CODE_FONT)
        .fontSize(size)
        .fillColor(INK)
        .text(text, MARGIN, top + 38, { width: WIDTH, align: 'center', characterSpacing: 2 });
    }),
  );
  root.add(
    tagged(doc, 'P', () => {
      doc
        .font(FONT)
        .fontSize(12)
        .fillColor(INK)
        .text(
          'When you connect a computer, check the code it shows matches this one.',
          MARGIN + 16,
          top + CODE_BOX_HEIGHT - 28,
          { width: WIDTH - 32, align: 'center' },
        );
    }),
  );
}

const WHISTLE_HEADING = 'Cannot raise it in school, or worried about how it was handled?';
const WHISTLE_TEXT = `NSPCC Whistleblowing Advice Line: ${NSPCC_WHISTLEBLOWING_LINE} \u00b7 ${NSPCC_WHISTLEBLOWING_EMAIL}`;

function whistleHeight(doc: Doc): number {
  doc.font(BOLD).fontSize(12);
  const heading = doc.heightOfString(WHISTLE_HEADING, { width: WIDTH - 28 });
  doc.font(FONT).fontSize(14);
  return 12 + heading + 5 + doc.heightOfString(WHISTLE_TEXT, { width: WIDTH - 28 }) + 12;
}

function whistleblowing(doc: Doc, root: Struct, top: number): void {
  const height = whistleHeight(doc);
  decoration(doc, () => doc.roundedRect(MARGIN, top, WIDTH, height, 6).fill('#eef2f7'));
  root.add(
    tagged(doc, 'P', () => {
      doc
        .font(BOLD)
        .fontSize(12)
        .fillColor(INK)
        .text(WHISTLE_HEADING, MARGIN + 14, top + 12, { width: WIDTH - 28 });
    }),
  );
  const textTop = doc.y + 5;
  root.add(
    tagged(doc, 'P', () => {
      doc
        .font(FONT)
        .fontSize(14)
        .fillColor(INK)
        .text(WHISTLE_TEXT, MARGIN + 14, textTop, { width: WIDTH - 28 });
    }),
  );
}

function footer(doc: Doc, root: Struct, printedOn: Date, top: number): void {
  const date = printedOn.toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  });
  decoration(doc, () =>
    doc
      .lineWidth(0.75)
      .moveTo(MARGIN, top - 6)
      .lineTo(PAGE.width - MARGIN, top - 6)
      .stroke(RULE),
  );
  root.add(
    tagged(doc, 'P', () => {
      doc
        .font(FONT)
        .fontSize(9)
        .fillColor(GREY)
        .text(
          `Printed on ${date} by Safeguard Desk. Print a new poster when the safeguarding leads change.`,
          MARGIN,
          top,
          { width: WIDTH },
        );
    }),
  );
}
