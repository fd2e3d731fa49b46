/**
 * Footnote calls glued to words: a web page or a PDF loses the superscript of a note call, and
 * `rurales²` becomes `rurales2`. A French word (or any word followed by superscript
 * digits) directly followed by one to three digits, before a space or punctuation, is a call; it
 * becomes a Markdown footnote reference. Codes are not calls: capitals and digits (`G7`, `ZX41`,
 * `QRT27`, `KB26`), short pieces, anything the lexicon does not know.
 *
 * When the notes' text is in the source (numbered lines at its end), it becomes the footnotes;
 * otherwise each footnote says that its text is absent from the source, and a warning says so:
 * the note is never invented.
 */
import type { Edit, Note } from './mapped-text.ts';
import type { PassContext, PassResult } from './pass.ts';

const superscripts = '⁰¹²³⁴⁵⁶⁷⁸⁹';

function digitsOf(call: string): string {
  return [...call].map((c) => (superscripts.includes(c) ? String(superscripts.indexOf(c)) : c)).join('');
}

/** Text of a footnote whose note the source does not give. */
export const absentNote = 'Texte de la note absent de la source.';

/**
 * The footnote-call pass.
 * @param text the Markdown so far
 * @param context the lexicon tells words from codes
 */
export function linkFootnoteCalls(text: string, context: PassContext): PassResult {
  const lexicon = context.lexicon;
  const edits: Edit[] = [];
  const notes: Note[] = [];
  const calls: string[] = [];
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}\\\\])(\\p{L}[\\p{L}’'-]*?\\p{L})(\\d{1,3}|[${superscripts}]{1,3})(?=[\\s.,;:!?)»\\\\]|$)`, 'gu');
  for (const m of text.matchAll(pattern)) {
    const word = m[1]!;
    const call = m[2]!;
    const superscript = superscripts.includes(call[0]!);
    if (!superscript) {
      if (word.length < 3 || !/\p{Ll}/u.test(word) || !lexicon?.has(word)) continue;
    }
    const n = digitsOf(call);
    const at = m.index + word.length;
    edits.push({
      start: at,
      end: at + call.length,
      insert: `[^${n}]`,
      finding: { rule: 'footnote-call', severity: 'info', message: `“${word}${call}” ends with the call of note ${n}: made a footnote reference.` },
    });
    if (!calls.includes(n)) calls.push(n);
  }
  if (calls.length === 0) return { edits };
  const given = notesAtEnd(text, calls);
  const definitions = calls.map((n) => `[^${n}]: ${given.get(n)?.text ?? absentNote}`);
  for (const n of calls) {
    if (given.has(n)) continue;
    const call = edits.find((e) => e.insert === `[^${n}]`)!;
    notes.push({
      at: call.start,
      finding: {
        rule: 'missing-note',
        severity: 'warning',
        message: `The text of note ${n} is absent from the source: the footnote says so. Find it in the original document.`,
      },
    });
  }
  for (const g of given.values()) edits.push({ start: g.start, end: g.end, insert: '' });
  const end = text.replace(/\s+$/u, '').length;
  edits.push({ start: end, end: text.length, insert: `\n\n${definitions.join('\n\n')}\n` });
  return { edits, notes, meta: { missingNotes: calls.filter((n) => !given.has(n)) } };
}

/** Numbered lines after the last call that give the notes' text: `1. Texte…`, `¹ Texte…`. */
function notesAtEnd(text: string, calls: string[]): Map<string, { text: string; start: number; end: number }> {
  const found = new Map<string, { text: string; start: number; end: number }>();
  const pattern = new RegExp(`^(?:\\\\?\\[)?(\\d{1,3}|[${superscripts}]{1,3})(?:\\\\?[.)\\]])?[ \\t]+(\\S.*)$`, 'gmu');
  const tail = Math.floor(text.length * 0.6);
  for (const m of text.slice(tail).matchAll(pattern)) {
    const n = digitsOf(m[1]!);
    if (calls.includes(n) && !found.has(n)) found.set(n, { text: m[2]!.trim(), start: tail + m.index, end: tail + m.index + m[0].length });
  }
  return found;
}
