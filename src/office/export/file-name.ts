/**
 * Export file names: the school and the period only, never a figure or a category, so a name seen
 * in a downloads list or a mail attachment says nothing about what is inside. Plain ASCII that
 * Windows, macOS and Linux all accept: letters lose their accents (Æ → Ae), characters a file
 * system reserves are dropped, no part ends in a dot or space, and the whole stays under 150
 * characters.
 */

const PREFIX = 'Safeguarding summary';
const MAX_PART = 56;

// Letters that do not decompose into a base letter and a mark.
const SPELLED: Record<string, string> = {
  Æ: 'Ae',
  æ: 'ae',
  Œ: 'Oe',
  œ: 'oe',
  Ø: 'O',
  ø: 'o',
  ß: 'ss',
  Þ: 'Th',
  þ: 'th',
  Ð: 'D',
  ð: 'd',
  Đ: 'D',
  đ: 'd',
  Ł: 'L',
  ł: 'l',
  ı: 'i',
  '\u2018': "'",
  '\u2019': "'",
  '\u2013': '-',
  '\u2014': '-',
};

/** "Safeguarding summary - St Aethelburga's - Autumn term 2026.pdf". */
export function reportFileName(
  schoolName: string,
  periodLabel: string,
  extension: 'csv' | 'xlsx' | 'pdf',
): string {
  // Always led by PREFIX, so never one of Windows' reserved names (CON, NUL, COM1…).
  const parts = [PREFIX, safePart(schoolName, 'School'), safePart(periodLabel, 'Period')];
  return `${parts.join(' - ')}.${extension}`;
}

/** One part of the name in safe ASCII, at most MAX_PART characters, never empty. */
export function safePart(text: string, fallback: string): string {
  const ascii = [...text.normalize('NFKC')]
    .map((char) => SPELLED[char] ?? char.normalize('NFKD').replace(/\p{M}/gu, ''))
    .join('')
    // Windows' reserved characters and control characters part words; other non-ASCII goes.
    .replace(/[<>:"/\\|?*\p{Cc}]/gu, ' ')
    .replace(/[^\x20-\x7e]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  const short = ascii.length > MAX_PART ? ascii.slice(0, MAX_PART) : ascii;
  const clean = short.replace(/[. ]+$/, '').replace(/^[. -]+/, '');
  return clean === '' ? fallback : clean;
}
