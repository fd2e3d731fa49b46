/**
 * Escapes the characters of the source that Markdown would read as syntax, so that the text
 * means in the compendium what it says in the source: a `*` or `_` that could open emphasis, a
 * backtick, a bracket that would make a link, a `<` that would open a tag, an entity, a number
 * followed by a dot at a line start (an ordered list), a line of dashes (a rule), a lone `#` at a
 * line start (a level-one heading: Folio never writes one, a source's `# ` is a prompt or a comment).
 *
 * Runs first: later passes add Markdown of their own. It leaves alone what is already Markdown
 * of the kind Folio writes — backslash escapes, `**bold**` pairs, `[^1]` footnotes, `[…]`,
 * `#` headings and `-` items — so that normalizing a normalized text changes nothing.
 */
import type { Edit } from './mapped-text.ts';
import type { PassResult } from './pass.ts';

/** Escapes Markdown syntax characters. Silent: it changes no word, only how Markdown reads them. */
export function escapeMarkdown(text: string): PassResult {
  const at = new Set<number>();
  let offset = 0;
  for (const line of text.split('\n')) {
    for (const i of escapesInLine(line)) at.add(offset + i);
    offset += line.length + 1;
  }
  const edits: Edit[] = [...at].sort((a, b) => a - b).map((i) => ({ start: i, end: i, insert: '\\' }));
  return { edits };
}

/** Offsets in a line before which a backslash is needed. */
export function escapesInLine(line: string): number[] {
  const out: number[] = [];
  const escaped = (i: number): boolean => {
    let n = 0;
    for (let j = i - 1; j >= 0 && line[j] === '\\'; j--) n++;
    return n % 2 === 1;
  };
  const strong = strongSpans(line);
  const inStrongMarker = (i: number): boolean => strong.some(([s, e]) => i === s || i === s + 1 || i === e - 2 || i === e - 1);

  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (escaped(i)) continue;
    const prev = line[i - 1] ?? ' ';
    const next = line[i + 1] ?? ' ';
    switch (c) {
      case '*':
        if (!inStrongMarker(i) && !(/\s/u.test(prev) && /\s/u.test(next))) out.push(i);
        break;
      case '_':
        if (!(/[\p{L}\p{N}]/u.test(prev) && /[\p{L}\p{N}]/u.test(next)) && !(/\s/u.test(prev) && /\s/u.test(next))) out.push(i);
        break;
      case '`':
        out.push(i);
        break;
      case '[': {
        if (next === '^' || line.startsWith('[…]', i)) break;
        const close = line.indexOf(']', i + 1);
        if (close > 0 && /^[([:]/u.test(line[close + 1] ?? '')) out.push(i);
        if (prev === '!' && !escaped(i - 1)) out.push(i - 1);
        break;
      }
      case '<':
        if (/[A-Za-z/!?]/u.test(next)) out.push(i);
        break;
      case '&':
        if (/^&(?:#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);/iu.test(line.slice(i))) out.push(i);
        break;
    }
  }
  // Line starts: `1999. ` would start an ordered list, `+ ` an item, `---` a rule or a heading underline.
  const start = /^([ \t]*)(\d{1,9})([.)])(?=[ \t]|$)/u.exec(line);
  if (start && !escaped(start[1]!.length + start[2]!.length)) out.push(start[1]!.length + start[2]!.length);
  // Folio's own headings start at level 2 (`## `) and are left alone.
  const hash = /^([ \t]*)#(?=[ \t]|$)/u.exec(line);
  if (hash && !escaped(hash[1]!.length)) out.push(hash[1]!.length);
  const plus = /^([ \t]*)\+(?=[ \t])/u.exec(line);
  if (plus) out.push(plus[1]!.length);
  const rule = /^([ \t]*)([-=_*])(?:[ \t]*\2){2,}[ \t]*$/u.exec(line);
  if (rule && !out.includes(rule[1]!.length)) out.push(rule[1]!.length);
  return out.sort((a, b) => a - b);
}

/** `**…**` pairs on one line whose content neither starts nor ends with a space. */
function strongSpans(line: string): [number, number][] {
  const spans: [number, number][] = [];
  for (const m of line.matchAll(/(?<![\\*])\*\*(?=\S)(.+?)(?<=\S)\*\*(?!\*)/gu)) spans.push([m.index, m.index + m[0].length]);
  return spans;
}
