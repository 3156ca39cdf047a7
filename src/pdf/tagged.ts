/**
 * Helpers for tagged PDFs drawn with pdfkit's standard fonts, shared by the staff-room poster and
 * the governors' report: structure elements, decoration marked as an artifact, and text the
 * standard fonts can draw.
 */
type Doc = PDFKit.PDFDocument;
type Struct = PDFKit.PDFStructureElement;

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
