/**
 * Footnotes printed at the foot of a PDF's pages: the extraction leaves their text at the bottom
 * of each page, between two halves of the running text, and their calls glued to the words
 * (`ASCII1`, `électroniques.3`, `l’équation1 .`, `« Titre »3`). Each note whose call is found on its page (or
 * the page before) becomes a Markdown footnote: the call `[^n]`, the note's text `[^n]: …` at the
 * end of the document; both moves are reported.
 *
 * A note is the bottom run of a page's lines that start with a number (`1 `, `2. `, `³`, `1Si`),
 * in order, each with its call above; its continuation lines go with it. A number at a page foot
 * with no call above (a numbered list, a table's row) is not a note and stays where it is.
 *
 * Needs the pages: runs after `page-furniture.ts`, which leaves each page break as a form feed on
 * a line of its own; does nothing to a text without them.
 */
import type { Edit, Note } from './mapped-text.ts';
import type { PassResult } from './pass.ts';

interface PageLine {
  start: number;
  end: number;
  content: string;
}

interface FootNote {
  n: number;
  /** The lines of the note's text, the number taken off the first. */
  lines: PageLine[];
  body: string;
}

const superscripts = '⁰¹²³⁴⁵⁶⁷⁸⁹';
/** The start of a note: its number, then its text (`1 Texte`, `2. Texte`, `1Texte` in capitals, `¹ Texte`). */
const noteStart = new RegExp(`^(?:(\\d{1,3})(?:\\\\?[.)])?[ \\t]+(?=\\S)|(\\d{1,3})(?=\\p{Lu}\\p{Ll})|([${superscripts}]{1,3})[ \\t]?(?=\\S))`, 'u');

/**
 * The page-notes pass.
 * @param text the text after page furniture (pages separated by form-feed lines)
 * @returns edits that turn each found note into a Markdown footnote, and notes on what moved
 */
export function movePageNotes(text: string): PassResult {
  if (!text.includes('\f')) return { edits: [] };
  const pages = readPages(text);
  const edits: Edit[] = [];
  const notes: Note[] = [];
  const used = new Map<number, number>();
  const definitions: string[] = [];
  const called = new Set<number>();

  const atFoot = pages.map(notesAtFoot);
  const running = pages.map((page, p) => {
    const first = atFoot[p]![0];
    return first ? page.slice(0, page.indexOf(first.lines[0]!)) : page;
  });
  pages.forEach((_page, p) => {
    const found = atFoot[p]!;
    if (found.length === 0) return;
    // The call stands above its note, on the same page or, when the note ran over, the one before.
    const above = [...(running[p - 1] ?? []), ...running[p]!];
    const pageStart = running[p]![0]?.start ?? found[0]!.lines[0]!.start;
    // Calls come in the order of their notes: each after the one before, the first on its page
    // (or at the end of the page before, when the note was carried over).
    const calls: (number | undefined)[] = [];
    for (const note of found) {
      const after = calls.findLast((x) => x !== undefined) ?? pageStart;
      calls.push(findCall(above, note.n, called, after) ?? (calls.every((x) => x === undefined) ? findCall(running[p - 1] ?? [], note.n, called, -1) : undefined));
    }
    // A call glued to a number (`ISO-8859` + `2`) is found between the calls of its neighbours.
    // Only after the call of the note before it, and before the next one's (or close after).
    calls.forEach((c, k) => {
      if (c !== undefined) return;
      const from = calls.slice(0, k).findLast((x) => x !== undefined);
      if (from === undefined) return;
      const to = calls.slice(k + 1).find((x) => x !== undefined) ?? from + 400;
      calls[k] = findGluedCall(above, found[k]!.n, from, to);
    });
    found.forEach((note, index) => {
      const call = calls[index];
      if (call === undefined || called.has(call)) return;
      called.add(call);
      const times = (used.get(note.n) ?? 0) + 1;
      used.set(note.n, times);
      // Numbering that starts again (per chapter) gets labels of its own: `3`, then `3.2`.
      const label = times === 1 ? String(note.n) : `${note.n}.${times}`;
      edits.push({
        start: call,
        end: call + String(note.n).length,
        insert: `[^${label}]`,
        finding: { rule: 'page-note', severity: 'info', message: `The call of note ${note.n} became a footnote reference; the note's text, printed at the foot of the page, became its footnote.` },
      });
      for (const l of note.lines) {
        const end = text[l.end] === '\n' ? l.end + 1 : l.end;
        edits.push({ start: l.start, end, insert: '' });
      }
      notes.push({
        at: note.lines[0]!.start,
        finding: { rule: 'page-note', severity: 'info', message: `The text of note ${note.n} (“${shorten(note.body)}”) was moved from the foot of the page to the end of the document, as footnote ${label}.` },
      });
      definitions.push(`[^${label}]: ${note.body}`);
    });
  });
  if (definitions.length === 0) return { edits: [] };
  const end = text.replace(/\s+$/u, '').length;
  // The notes' lines may run to the end of the text: the definitions come after every removal.
  const lastRemoval = Math.max(...edits.map((e) => e.end));
  const at = Math.max(end, lastRemoval);
  edits.push({ start: at, end: Math.max(at, text.length), insert: `${at > 0 && text[at - 1] !== '\n' ? '\n' : ''}\n${definitions.join('\n\n')}\n` });
  return { edits, notes };
}

function shorten(s: string, n = 50): string {
  return s.length <= n ? s : `${s.slice(0, n)}…`;
}

/** The pages' non-blank lines, split at form-feed lines. */
function readPages(text: string): PageLine[][] {
  const pages: PageLine[][] = [[]];
  let start = 0;
  for (const raw of text.split('\n')) {
    // Not `trim()`: it would take the form feed for white space.
    const content = raw.replace(/^[ \t]+|[ \t]+$/gu, '');
    if (/^\f+$/u.test(content)) pages.push([]);
    else if (content) pages[pages.length - 1]!.push({ start: start + raw.indexOf(content), end: start + raw.indexOf(content) + content.length, content });
    start += raw.length + 1;
  }
  return pages;
}

/** The notes at the foot of a page: the last run of lines numbered in order, with their continuations. */
function notesAtFoot(page: PageLine[]): FootNote[] {
  // Walk up from the foot: collect lines until the notes' numbers stop following each other.
  let notes: FootNote[] = [];
  let pending: PageLine[] = [];
  for (let i = page.length - 1; i >= 0 && i >= page.length - 30; i--) {
    const line = page[i]!;
    const m = noteStart.exec(line.content);
    if (!m) {
      pending.unshift(line);
      // More than a few lines without a number: this is running text, not a note's continuation.
      if (pending.length > 6) break;
      continue;
    }
    const n = m[1] ? Number(m[1]) : m[2] ? Number(m[2]) : Number([...m[3]!].map((c) => superscripts.indexOf(c)).join(''));
    if (notes.length && n !== notes[0]!.n - 1) break;
    notes.unshift({ n, lines: [line, ...pending], body: [line.content.slice(m[0].length), ...pending.map((l) => l.content)].reduce(joinNoteLines) });
    pending = [];
  }
  // Lines left above the first note belong to the running text.
  notes = notes.filter((note) => note.body.length > 0 && note.n > 0);
  return notes;
}

/** Joins two lines of a note's text: without the soft hyphen of a word cut at the line's end. */
function joinNoteLines(a: string, b: string): string {
  return a.endsWith('\u00ad') ? a.slice(0, -1) + b : `${a} ${b}`;
}

/**
 * Where the call of note `n` stands in the lines above its text: the number glued to a word or
 * after its punctuation (`mot3`, `mot.3`, `mot3 .`), not part of a longer number, the first one
 * after `after` (the call of the note before).
 * @returns the offset of the call's first digit, or undefined
 */
function findCall(lines: PageLine[], n: number, taken: Set<number>, after: number): number | undefined {
  const digits = String(n);
  const sup = [...digits].map((d) => superscripts[Number(d)]).join('');
  const pattern = new RegExp(`(?<=[\\p{L}.,;!?)»”’\\]])(?:${digits}|${sup})(?![\\d${superscripts}]|\\p{L}|[.,]\\d)`, 'gu');
  for (const line of lines) {
    for (const m of line.content.matchAll(pattern)) {
      const at = line.start + m.index;
      if (at < after || taken.has(at)) continue;
      // Not a code or a version (`IN1`, `A2`, `x86`): a call follows a word of two letters or
      // more, not one or two capitals, or a word's final punctuation, or a closing guillemet
      // after the space French sets before it (`« Titre »3`, `« Quoi ? »3`).
      const before = line.content.slice(0, m.index);
      const word = /[\p{L}]+$/u.exec(before)?.[0];
      const ok = word === undefined ? /(?:[\p{L}»”][.,;!?)»”’\]]|\d[;!?)»”’\]]|[\p{L}\d.!?)][ \u00a0\u202f]»)$/u.test(before) : word.length >= 2 && !/^\p{Lu}\p{Lu}?$/u.test(word);
      if (ok) return at;
    }
  }
  return undefined;
}

/** A call whose digits are glued to a number or a code (`ISO-88592` for note 2), between two offsets. */
function findGluedCall(lines: PageLine[], n: number, from: number, to: number): number | undefined {
  const pattern = new RegExp(`(?<=[\\p{L}\\d-])${n}(?=[\\s.,;:!?)»]|$)(?![.,]\\d)`, 'gu');
  for (const line of lines) {
    for (const m of line.content.matchAll(pattern)) {
      const at = line.start + m.index;
      if (at > from && at < to) return at;
    }
  }
  return undefined;
}
