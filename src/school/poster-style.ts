/**
 * The poster's page, type and colours, and the PDF helpers its parts share: type that shrinks to
 * fit, and (from src/pdf/tagged.ts, shared with the governors' report) tagged structure elements,
 * decoration marked as an artifact, and text the standard fonts can draw.
 */
import { decoration, tagged } from '../pdf/tagged';

export { decoration, printable, tagged } from '../pdf/tagged';

export const PAGE = { width: 595.28, height: 841.89 };
export const MARGIN = 44;
export const WIDTH = PAGE.width - 2 * MARGIN;
export const INK = '#1a1a1a';
export const NAVY = '#16325c';
export const GREY = '#4a4a4a';
export const RED = '#a4161a';
export const RULE = '#c9d3e0';
export const FONT = 'Helvetica';
export const BOLD = 'Helvetica-Bold';
export const CODE_FONT = 'Courier-Bold';

export type Doc = PDFKit.PDFDocument;
export type Struct = PDFKit.PDFStructureElement;

export function sectionHeading(doc: Doc, root: Struct, text: string, top: number): void {
  root.add(
    tagged(doc, 'H2', () => {
      doc.font(BOLD).fontSize(15).fillColor(NAVY).text(text, MARGIN, top, { width: WIDTH });
    }),
  );
  decoration(doc, () =>
    doc
      .lineWidth(1.5)
      .moveTo(MARGIN, top + 20)
      .lineTo(PAGE.width - MARGIN, top + 20)
      .stroke(RULE),
  );
}

/** The largest size from `max` down to `min` at which `text` fits in `lines` lines of `width`. */
export function fitSize(
  doc: Doc,
  font: string,
  text: string,
  width: number,
  lines: number,
  max: number,
  min: number,
  characterSpacing = 0,
): number {
  doc.font(font);
  for (let size = max; size > min; size -= 1) {
    doc.fontSize(size);
    if (lines === 1) {
      if (doc.widthOfString(text, { characterSpacing }) <= width) return size;
      continue;
    }
    const lineHeight = doc.currentLineHeight(true) + 2;
    if (doc.heightOfString(text, { width, lineGap: 2 }) <= lines * lineHeight + 1) return size;
  }
  return min;
}
