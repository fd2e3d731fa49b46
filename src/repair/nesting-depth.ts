/**
 * Nesting kept to a depth a page can show: block quotes (`>`) and lists nested deeper than
 * `maxNestingDepth` levels are flattened to that depth, with a warning. A text nested two
 * thousand levels deep is an attack or a broken export, not a document; parsing and laying it
 * out costs time that grows with the square of the depth (and overflows the stack of the HTML
 * tools), so the Markdown that the later stages parse never goes deeper than this.
 *
 * Works on each line's container prefix as Markdown reads it — spaces, `>` markers, list
 * markers (`-`, `*`, `+`, `1.`) — bounding the depth it can open: one level per marker, one per
 * two columns of indentation (a nested item needs at least two more). A line within the bound
 * is left alone; deeper markers are removed, their words kept. Runs last, on the Markdown the
 * other passes wrote.
 */
import type { Edit } from './mapped-text.ts';
import type { PassResult } from './pass.ts';

/** Deepest nesting of block quotes and lists kept. */
export const maxNestingDepth = 20;

const prefixToken = /[ \t]+|>|(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$)/y;

/** The nesting-depth pass. */
export function limitNesting(text: string): PassResult {
  const edits: Edit[] = [];
  let offset = 0;
  let runStart = -1;
  let runDepth = 0;
  let runLines = 0;
  const flush = (): void => {
    if (runStart < 0) return;
    const first = edits.findIndex((e) => e.start >= runStart);
    edits[first]!.finding = {
      rule: 'nesting-depth',
      severity: 'warning',
      message: `${runLines > 1 ? `${runLines} lines nest` : 'This line nests'} block quotes or lists ${runDepth} levels deep: the levels beyond ${maxNestingDepth} were flattened (their text is kept).`,
    };
    runStart = -1;
    runDepth = 0;
    runLines = 0;
  };
  for (const line of text.split('\n')) {
    const edit = clampLine(line, offset);
    if (edit) {
      if (runStart < 0) runStart = offset;
      runDepth = Math.max(runDepth, edit.depth);
      runLines++;
      edits.push(edit.edit);
    } else flush();
    offset += line.length + 1;
  }
  flush();
  return { edits };
}

function clampLine(line: string, offset: number): { edit: Edit; depth: number } | undefined {
  // Cheap test first: a line whose prefix is short cannot be deep.
  if (line.length < maxNestingDepth || !/^[\s>*+\-\d.)]{20}/u.test(line)) return undefined;
  const tokens: { text: string; space: boolean; width: number }[] = [];
  prefixToken.lastIndex = 0;
  let end = 0;
  for (let m = prefixToken.exec(line); m; m = prefixToken.exec(line)) {
    const space = m[0].trim() === '';
    tokens.push({ text: m[0], space, width: space ? width(m[0]) : 0 });
    end = prefixToken.lastIndex;
  }
  const cost = (t: (typeof tokens)[number]): number => (t.space ? Math.floor(t.width / 2) : 1);
  const depth = tokens.reduce((n, t) => n + cost(t), 0);
  if (depth <= maxNestingDepth) return undefined;
  let excess = depth - maxNestingDepth;
  // Indentation first: down to one space after a marker, none at the line start.
  tokens.forEach((t, i) => {
    if (!t.space || excess <= 0) return;
    const least = i > 0 ? 1 : 0;
    const keep = Math.max(least, t.width - 2 * excess);
    excess -= cost(t) - Math.floor(keep / 2);
    t.width = keep;
    t.text = ' '.repeat(keep);
  });
  // Then the innermost markers.
  for (let i = tokens.length - 1; i >= 0 && excess > 0; i--) {
    if (tokens[i]!.space) continue;
    tokens.splice(i, 1);
    excess--;
  }
  // Spaces that surrounded a removed marker: keep the first, or they would make a code block.
  let prefix = tokens
    .filter((t, i) => !(t.space && tokens[i - 1]?.space))
    .map((t) => t.text)
    .join('');
  if (prefix && !/[ \t]$/u.test(prefix) && end < line.length) prefix += ' ';
  return { edit: { start: offset, end: offset + end, insert: prefix }, depth };
}

function width(space: string): number {
  let n = 0;
  for (const c of space) n += c === '\t' ? 4 - (n % 4) : 1;
  return n;
}
