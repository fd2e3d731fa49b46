/**
 * Escapes the characters of the source that Markdown would read as syntax (`*`, `_`, `[`, `<`,
 * a `#` or `1.` at a line start…), so that the text means in the compendium what it says in the
 * source. Runs first: every later pass may add Markdown of its own.
 */
import type { Edit } from './mapped-text.ts';
import type { PassResult } from './pass.ts';

const inline = /[\\`*_[\]<>]|&(?=#?[a-z0-9]+;)/gi;
const lineStart = /^([ \t]*)(#{1,6}(?=[ \t]|$)|[+=](?=[ \t]|$)|\d{1,9}(?=[.)](?:[ \t]|$))|[-=]{3,}[ \t]*$)/gm;

/** Escapes Markdown syntax characters. Silent: it changes no word, only how Markdown reads them. */
export function escapeMarkdown(text: string): PassResult {
  const edits: Edit[] = [];
  for (const m of text.matchAll(inline)) edits.push({ start: m.index, end: m.index, insert: '\\' });
  for (const m of text.matchAll(lineStart)) {
    const at = m.index + m[1]!.length;
    const token = m[2]!;
    // A number starting a line escapes its dot or parenthesis: `1999\. …`
    const offset = /^\d/.test(token) ? at + token.length : at;
    edits.push({ start: offset, end: offset, insert: '\\' });
  }
  return { edits: dedupe(edits) };
}

function dedupe(edits: Edit[]): Edit[] {
  const seen = new Set<number>();
  return edits.filter((e) => (seen.has(e.start) ? false : (seen.add(e.start), true)));
}
