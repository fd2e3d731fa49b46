/**
 * The repaired Markdown of a document as plain text, the way the extractors read it: blocks
 * (paragraphs, list items, headings, table cells) of plain sentences, and the runs of text in
 * document order.
 *
 * Positions are shared with the final HTML by content, not by offsets: a place in a document is
 * "the k-th occurrence of these letters" in the document's *letter stream* (its letters only, in
 * order). Whitespace, digits, punctuation and entities are left out, so the same place is found in
 * the HTML although remark-rehype and the final transforms change spacing, add footnote numbers or
 * narrow spaces. For the same reason footnote definitions are left out: the HTML moves them to the
 * end of the document.
 *
 * Not for: deciding what a block means (dates, acronyms); see `chronology.ts` and `acronyms.ts`.
 */
import type { Nodes, Root } from 'mdast';
import { parseMarkdown } from '../sources/markdown.ts';

/** One run of text, as one text node of the Markdown tree (and of the HTML made from it). */
export interface TextRun {
  value: string;
  /** Offset of the run's first character in the Markdown (approximate when escapes precede). */
  offset: number;
}

export interface TextBlock {
  kind: 'paragraph' | 'heading' | 'cell' | 'code' | 'title';
  /** The block's plain text. */
  text: string;
  /** Markdown offset of each character of `text` (one more entry: the end). */
  offsets: number[];
  /** Index, in the document's letter stream, of the first letter of `text`. */
  letterStart: number;
}

export interface DocumentText {
  blocks: TextBlock[];
  runs: TextRun[];
  /** The letters of the runs, in order (see the module comment). */
  letters: string;
}

const letterRe = /\p{L}/u;

/** True for a character that counts in the letter stream. */
export function isLetter(ch: string): boolean {
  return letterRe.test(ch);
}

/** The letters of a text, in order. */
export function lettersOf(text: string): string {
  return text.replace(/\P{L}+/gu, '');
}

/**
 * Reads a document's Markdown into blocks and runs.
 * @param markdown the repaired Markdown (no front matter), or its tree (`parseMarkdown`), which
 *   the HTML is made from too: footnote calls and definitions are syntax, not text
 */
export function readDocumentText(markdown: string | Root): DocumentText {
  const tree = typeof markdown === 'string' ? parseMarkdown(markdown) : markdown;
  const blocks: TextBlock[] = [];
  const runs: TextRun[] = [];
  let letterCount = 0;
  const letterParts: string[] = [];

  const addRun = (value: string, offset: number): void => {
    runs.push({ value, offset });
    const l = lettersOf(value);
    letterParts.push(l);
    letterCount += l.length;
  };

  const inline = (node: Nodes, block: { text: string[]; offsets: number[] }): void => {
    if (node.type === 'text' || node.type === 'inlineCode') {
      const offset = node.position?.start.offset ?? 0;
      // An inline code's offset points at its backtick.
      const shift = node.type === 'inlineCode' ? 1 : 0;
      addRun(node.value, offset + shift);
      block.text.push(node.value);
      for (let i = 0; i < node.value.length; i++) block.offsets.push(offset + shift + i);
      return;
    }
    if (node.type === 'break') {
      block.text.push('\n');
      block.offsets.push(node.position?.start.offset ?? 0);
      return;
    }
    if ('children' in node) for (const child of node.children) inline(child as Nodes, block);
  };

  const walk = (node: Nodes): void => {
    switch (node.type) {
      case 'footnoteDefinition':
      case 'definition':
      case 'html':
        return;
      case 'paragraph':
      case 'heading':
      case 'tableCell': {
        const letterStart = letterCount;
        const acc = { text: [] as string[], offsets: [] as number[] };
        inline(node, acc);
        const text = acc.text.join('');
        acc.offsets.push(node.position?.end.offset ?? 0);
        const kind = node.type === 'heading' ? 'heading' : node.type === 'tableCell' ? 'cell' : 'paragraph';
        if (text.trim()) blocks.push({ kind, text, offsets: acc.offsets, letterStart });
        return;
      }
      case 'code': {
        const letterStart = letterCount;
        const offset = node.position?.start.offset ?? 0;
        addRun(node.value, offset);
        blocks.push({ kind: 'code', text: node.value, offsets: [...node.value].map((_, i) => offset + i).concat(offset + node.value.length), letterStart });
        return;
      }
      default:
        if ('children' in node) for (const child of node.children) walk(child as Nodes);
    }
  };
  walk(tree);
  return { blocks, runs, letters: letterParts.join('') };
}

/** Index in the letter stream of the character at `index` of a block. */
export function letterIndexAt(block: TextBlock, index: number): number {
  return block.letterStart + lettersOf(block.text.slice(0, index)).length;
}

/** How many letters a place quote holds: enough to be rare, short enough to survive local edits. */
export const quoteLength = 40;

/** A place in a document, findable in its HTML: the `occurrence`-th time `quote` starts in the letter stream. */
export interface TextPlace {
  quote: string;
  occurrence: number;
}

/**
 * The place of a letter of the letter stream, as a quote and its occurrence number.
 * @param letters the document's letter stream
 * @param at index of the letter where the place starts
 */
export function placeAt(letters: string, at: number): TextPlace {
  const quote = letters.slice(at, at + quoteLength);
  let occurrence = 0;
  for (let i = letters.indexOf(quote); i !== -1 && i < at; i = letters.indexOf(quote, i + 1)) occurrence++;
  return { quote, occurrence };
}

/**
 * Splits a block's text into sentences; returns `[start, end)` ranges. A parenthesis after a
 * full stop (`… de Jean Dupont. (12 mai 2031)`, the way a reference gives its date) ends the
 * sentence before it rather than standing as one.
 */
export function sentences(text: string): [number, number][] {
  const ranges: [number, number][] = [];
  // A hard line break (a title line, then its text) ends a sentence too.
  const lineBreak = /\n+/gu;
  let lineStart = 0;
  for (let m = lineBreak.exec(text); m; m = lineBreak.exec(text)) {
    for (const [a, b] of sentencesOfLine(text.slice(lineStart, m.index))) ranges.push([lineStart + a, lineStart + b]);
    lineStart = m.index + m[0].length;
  }
  for (const [a, b] of sentencesOfLine(text.slice(lineStart))) ranges.push([lineStart + a, lineStart + b]);
  return ranges;
}

function sentencesOfLine(text: string): [number, number][] {
  const ranges: [number, number][] = [];
  // A sentence ends at . ! ? … (and the quote that closes on it, French-spaced or not: `. »`)
  // followed by space and a capital, a digit or an opening quote; not after an abbreviation of
  // one or two letters (`M.`, `n°`), which French writes before names.
  const re = /[.!?…]+(?:[ \u00a0\u202f]?[»”"’)])?(\s+)(?=[«"“(\p{Lu}\d])/gu;
  let start = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const before = text.slice(Math.max(0, m.index - 4), m.index);
    if (/(?:^|[\s(])(?:\p{Lu}|\p{Lu}\p{Ll}|Mme|Mgr|cf|p|art|no|n°)$/u.test(before)) continue;
    const end = m.index + m[0].length - m[1]!.length;
    ranges.push([start, end]);
    start = m.index + m[0].length;
  }
  if (start < text.length && text.slice(start).trim()) ranges.push([start, text.length]);
  for (let k = ranges.length - 1; k > 0; k--) {
    const [a, b] = ranges[k]!;
    if (/^\s*\([^()]*\)\s*[.]?\s*$/u.test(text.slice(a, b))) ranges.splice(k - 1, 2, [ranges[k - 1]![0], b]);
  }
  return ranges;
}
