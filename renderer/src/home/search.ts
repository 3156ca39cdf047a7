/**
 * "Search concern types": which forms a few typed words find. Pure (no DOM, no React), so the node
 * tests check the very function the home screen uses.
 */

/** What a search looks at in one form. */
export interface Searchable {
  title: string;
  summary: string;
  searchWords: readonly string[];
}

/** Lowercase, curly apostrophes made straight, so "Teacher’s" finds "teacher's". */
const normalise = (text: string) => text.toLowerCase().replace(/[\u2018\u2019]/g, "'");

/** The words of a query, normalised; empty when nothing was typed. */
export function queryWords(query: string): string[] {
  return normalise(query)
    .split(/\s+/)
    .filter((word) => word !== '');
}

/**
 * Whether every typed word appears in the form's title, summary or search words, ignoring case.
 * A plural finds its singular ("nudes" finds "nude", "photos" finds "photo"). No words: a match.
 */
export function matchesSearch(form: Searchable, query: string): boolean {
  const text = normalise([form.title, form.summary, ...form.searchWords].join('\n'));
  return queryWords(query).every(
    (word) =>
      text.includes(word) ||
      (word.length > 3 && word.endsWith('s') && text.includes(word.slice(0, -1))),
  );
}
