/**
 * The reporter's role, as typed on the form ("Class teacher, Year 6", "HLTA", "Site manager"),
 * reduced to one of three groups before it leaves the lead's computer: the role itself could name
 * the one person who holds it. Phrases are tried in this order: assistants who support teaching
 * ("teaching assistant", "TA") before the teaching titles they contain, teaching titles before
 * support words, and a bare "head" last ("head cook" is support, "head of year" teaching).
 */
import type { ReporterGroup } from './format';

const SUPPORTING_TEACHING =
  /teaching assistant|classroom assistant|learning support|\b(ta|hlta|lsa|sna)\b|cover supervisor/;
const TEACHING =
  /teacher|\btutor|lecturer|\bsend?co\b|\bhead ?(master|mistress)\b|\b(deputy|assistant) head|\bhead of\b|principal|\b(ect|nqt)\b|instructor/;
const SUPPORT =
  /admin|office|\bsite\b|caretaker|clean|midday|lunch|technician|librar|bursar|business manager|reception|catering|\bcook|\bchef\b|kitchen|nurse|mentor|support|assistant|pastoral|welfare|counsell?or|\bexams?\b|premises|finance|\bhr\b|\bit\b|data manager|attendance/;
const HEAD = /\bhead\b/;

/** Teaching, support or other, from a reporter's role as typed. */
export function reporterGroupOf(role: string): ReporterGroup {
  // Accents off ("Réceptionist"), then anything but letters is a word break ("Class-teacher!").
  const text = role
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z]+/g, ' ');
  if (SUPPORTING_TEACHING.test(text)) return 'support';
  if (TEACHING.test(text)) return 'teaching';
  if (SUPPORT.test(text)) return 'support';
  if (HEAD.test(text)) return 'teaching';
  return 'other';
}
