/**
 * The poster's page, type and colours, and the PDF helpers its parts share: tagged structure
 * elements, decoration marked as an artifact, type that shrinks to fit, and text the standard
 * fonts can draw.
 */
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

/** A structure element (heading, paragraph, list item) holding what `draw` writes. */
export function tagged(doc: Doc, type: string, draw: () => void): Struct {
  return doc.struct(type, {}, draw);
}

/** Drawing that carries no meaning (bands, boxes, rules): marked so readers skip it. */
export function decoration(doc: Doc, draw: () => unknown): void {
  doc.save();
  doc.markContent('Artifact', { type: 'Layout' });
  draw();
  doc.endMarkedContent();
  doc.restore();
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

// PDF's standard fonts cover Windows-1252 only: beyond it a letter keeps its base form (ŵ → w)
// rather than vanish; anything else becomes "?".
const CP1252_EXTRA = new Set(
  '\u20ac\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u017d\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u017e\u0178',
);

/** `text` in characters the standard fonts can draw. */
export function printable(text: string): string {
  let out = '';
  for (const char of text.normalize('NFC')) {
    if (drawable(char)) {
      out += char;
      continue;
    }
    const base = char.normalize('NFD').replace(/\p{M}/gu, '');
    out += base !== '' && [...base].every(drawable) ? base : '?';
  }
  return out;
}

function drawable(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  return (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || CP1252_EXTRA.has(char);
}
