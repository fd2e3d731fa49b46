/**
 * Footnote calls glued to words: a web page or a PDF loses the superscript of a note call, and
 * `rurales²` becomes `rurales2`. A French word (or any word followed by superscript
 * digits) directly followed by one to three digits, before a space or punctuation, is a call; it
 * becomes a Markdown footnote reference. Codes are not calls: capitals and digits (`G7`, `ZKQ4`,
 * `XPV31`, `QT19`), short pieces, anything the lexicon does not know, a number followed by
 * punctuation glued to more text (`user1:x`, `mot2.txt`), a word inside a longer token
 * (`id:alpha2`), a number followed by another (a table's row).
 *
 * When the notes' text is in the source (numbered lines at its end), it becomes the footnotes;
 * otherwise each footnote says that its text is absent from the source, and a warning says so:
 * the note is never invented. A note is announced as absent only for a call that is clearly one
 * (a superscript, or calls that count 1, 2, 3… through the text, outside headings): a word glued
 * to a number out of that order (`latin1`, `Big5`, a label `Bobine1`) is left as it is, with a
 * doubt reported. In a text whose notes were already found (`page-notes.ts` moved
 * the notes printed at the foot of a PDF's pages), a number glued to a word with no note of its
 * number is left as it is and reported as a doubt: it is more likely a code than a lost note.
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
  const calls: string[] = [];
  // The word opens its token (after a space, a bracket, a quote or an emphasis mark: never after
  // `:`, `,` or `/` inside a code such as `group1:x:20:user2`), and no number follows the call
  // (a table's row: `pop3 110`).
  const pattern = new RegExp(`(?<=^|[\\s([«“"'*_])(\\p{L}[\\p{L}’'-]*?\\p{L})(\\d{1,3}|[${superscripts}]{1,3})(?=[\\s)»\\\\]|[.,;:!?](?:\\s|$)|$)(?![ \\t]+\\d)`, 'gmu');
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
  // A call whose note is nowhere must look like one before a note is announced as absent.
  const unsure = new Set(edits.filter((e) => !given.has(callNumber(e)) && !isConvincingCall(e, text, calls)));
  if (unsure.size > 0) {
    const sure = edits.filter((e) => !unsure.has(e));
    const kept = sure.map(callNumber);
    const rest = linkFootnoteCallsOf(text, sure, calls.filter((n) => kept.includes(n)), given);
    return { ...rest, notes: [...(rest.notes ?? []), ...doubtsOf(text, [...unsure])] };
  }
  return linkFootnoteCallsOf(text, edits, calls, given);
}

/** Calls left as they are, each reported as a doubt. */
function doubtsOf(text: string, calls: Edit[]): Note[] {
  return calls.map((e) => ({
    at: e.start,
    finding: {
      rule: 'footnote-call',
      severity: 'info',
      message: `“${text.slice(Math.max(0, e.start - 12), e.end).trimStart()}” may end with the call of a note, but no note of that number is in the text: left as it is.`,
    },
  }));
}

function callNumber(e: Edit): string {
  return /\[\^(\d+)\]/u.exec(e.insert)![1]!;
}

/**
 * Whether a glued number whose note the text does not give is still clearly a note's call, so
 * that its absence is worth announcing: a superscript is; plain digits are when the document's
 * calls count up from 1 in reading order (1, 2, 3…, as notes are numbered) and the call is not
 * the end of a heading (a figure's label, `Bobine1`, read as a title). Codes and names glued to
 * digits (`latin1`, `Big5`, a table's `pop3`) seldom count so.
 */
function isConvincingCall(e: Edit, text: string, calls: string[]): boolean {
  if (/[⁰¹²³⁴⁵⁶⁷⁸⁹]/u.test(text.slice(e.start, e.end))) return true;
  const lineStart = text.lastIndexOf('\n', e.start - 1) + 1;
  if (/^#{1,6} /u.test(text.slice(lineStart, e.start))) return false;
  return calls.every((n, i) => Number(n) === i + 1);
}

function linkFootnoteCallsOf(text: string, edits: Edit[], calls: string[], given: Map<string, { text: string; start: number; end: number }>): PassResult {
  const notes: Note[] = [];
  if (edits.length === 0) return { edits: [] };
  // The document's notes were already found and moved (the notes at the foot of a PDF's pages):
  // a number still glued to a word without its note is a doubt, not a note to announce as absent.
  if (/^\[\^[^\]\s]+\]:/mu.test(text)) {
    const kept = edits.filter((e) => given.has(callNumber(e)));
    const doubts = doubtsOf(text, edits.filter((e) => !kept.includes(e)));
    if (kept.length === 0) return { edits: [], notes: doubts };
    const definitions = [...new Set(kept.map(callNumber))].map((n) => `[^${n}]: ${given.get(n)!.text}`);
    for (const g of given.values()) kept.push({ start: g.start, end: g.end, insert: '' });
    const end = text.replace(/\s+$/u, '').length;
    kept.push({ start: end, end: text.length, insert: `\n\n${definitions.join('\n\n')}\n` });
    return { edits: kept, notes: doubts };
  }
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

/**
 * Numbered lines at the end of the text that give the notes' text: `1. Texte…`, `¹ Texte…`. Only
 * the text's last lines, after its last paragraph: a numbered list in the running text, however
 * near the end, is not a block of notes.
 */
function notesAtEnd(text: string, calls: string[]): Map<string, { text: string; start: number; end: number }> {
  const found = new Map<string, { text: string; start: number; end: number }>();
  const pattern = new RegExp(`^(?:\\\\?\\[)?(\\d{1,3}|[${superscripts}]{1,3})(?:\\\\?[.)\\]])?[ \\t]+(\\S.*)$`, 'u');
  const lines = text.split('\n');
  let offset = text.length + 1;
  const trailing: { m: RegExpExecArray; start: number; length: number }[] = [];
  for (let i = lines.length - 1; i >= 0; i--) {
    offset -= lines[i]!.length + 1;
    if (!lines[i]!.trim()) continue;
    const m = pattern.exec(lines[i]!);
    if (!m) break;
    trailing.unshift({ m, start: offset, length: lines[i]!.length });
  }
  for (const { m, start, length } of trailing) {
    const n = digitsOf(m[1]!);
    if (calls.includes(n) && !found.has(n)) found.set(n, { text: m[2]!.trim(), start, end: start + length });
  }
  return found;
}
