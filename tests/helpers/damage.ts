/**
 * A damage generator for tests and measurements: takes a clean paragraph, marks random runs of
 * words bold, wraps the lines, then damages them the way PDF extractions that write a line's
 * regular text first and its bold text after it do (the European Parliament's, among others):
 *
 * - every bold run is cut out of its line; the spaces around it stay, so the line keeps a gap —
 *   a double space, a space at the line start, a space before a comma or a full stop, an empty
 *   « » — and the runs follow the line's last character, in order, separated by spaces;
 * - the first run is glued to that last character (`pourla`, `développer.La`), unless the line
 *   ended with a space or its last word was itself bold (then the run stays where it was: a run
 *   at the line end shows no damage);
 * - a bold phrase that runs over a line end is two runs, one on each line (the second one's line
 *   starts with a gap);
 * - a run may hold commas (`la ville, la région et l’État`), never a sentence's end, and ends on a
 *   word that can end a phrase (writers set phrases in bold, not `la ville de`);
 * - lines that start with a bold run often come with a blank line before or after them, as the
 *   extraction saw a jump in the baseline.
 */

import { isFunctionWord } from '../../src/language/fr/words.ts';

/** A seeded pseudo-random generator (mulberry32): the same seed gives the same damage. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface DamageOptions {
  /** Line width for hard wrapping. */
  width: number;
  /** Chance that a word starts a bold run. */
  boldRate: number;
  /** Chance that a line ends with a space in the extraction. */
  trailingSpace: number;
  /** Chance that a bold run goes on over a comma (default 0.3). */
  overComma?: number;
  /** Chance that a line starting with a bold run gets a blank line before or after it (default 0.5). */
  blankLines?: number;
}

/** One token of the text as it should read: a word or a punctuation mark, and its bold phrase. */
export interface ExpectedToken {
  word: string;
  /** Index of the bold phrase the token belongs to, or -1. */
  phrase: number;
}

export interface DamagedParagraph {
  /** The paragraph as the damaged extraction gives it (hard-wrapped lines, maybe blank ones). */
  damaged: string;
  /** Each line as it should read: its words, and whether each is bold. */
  lines: { word: string; bold: boolean }[][];
  /** The paragraph as it should read, on one line, bold phrases marked `**`. */
  expected: string;
  /** The tokens of the paragraph as it should read. */
  tokens: ExpectedToken[];
  /** Number of bold phrases. */
  runs: number;
  /** Index of each damaged line (in `damaged`) whose text differs from its clean wrapping. */
  damagedLines: number[];
  /** For each bold phrase, whether the damage shows it (some part of it was moved). */
  displaced: boolean[];
  /** For each bold phrase, whether every part of it was moved (none stayed, unseen, at a line end). */
  wholly: boolean[];
  /**
   * For each bold phrase, whether every line it lies on shows damage: a part alone at the end of an
   * otherwise clean line leaves no trace, and no repair can know it was bold (the ceiling).
   */
  visible: boolean[];
  /** For each line of `damaged` (blank ones included), its index in `lines`, or -1 for a blank line. */
  lineOf: number[];
}

interface Word {
  core: string;
  punct: string;
}

/** Articles, prepositions, conjunctions, elided words: a phrase does not end on them. */
function endsOnFunctionWord(w: Word): boolean {
  return !w.punct && (/['’]$/u.test(w.core) || isFunctionWord(w.core));
}

/** Damages one clean paragraph (one line of plain text). */
export function damageParagraph(paragraph: string, random: () => number, options: DamageOptions): DamagedParagraph {
  const overComma = options.overComma ?? 0.3;
  const blankLines = options.blankLines ?? 0.5;
  // Words, with the punctuation that follows them kept apart: a bold run never takes it.
  const words: Word[] = paragraph.split(/\s+/u).filter(Boolean).map((w) => {
    const m = /^(.*?)([,.;:!?)»]*)$/u.exec(w)!;
    return m[1] ? { core: m[1], punct: m[2]! } : { core: w, punct: '' };
  });
  const markable = (w: Word): boolean => /[\p{L}\p{N}]/u.test(w.core);
  // phrase[i]: the bold phrase word i belongs to, or -1.
  const phrase = new Array<number>(words.length).fill(-1);
  let runs = 0;
  for (let i = 0; i < words.length; i++) {
    if (!(random() < options.boldRate) || !markable(words[i]!) || (i > 0 && phrase[i - 1]! >= 0)) continue;
    const length = 1 + Math.floor(random() * 6);
    let k = i;
    for (; k < Math.min(words.length, i + length) && markable(words[k]!); k++) {
      const p = words[k]!.punct;
      // A run stops at punctuation, except (sometimes) at a comma inside it.
      if (p && !(p === ',' && k + 1 < i + length && random() < overComma)) break;
    }
    let end = Math.min(k, words.length - 1, i + length - 1);
    if (end < i || !markable(words[end]!)) end -= 1;
    // Writers set phrases in bold, not fragments: a bold run ends on a word that can end a phrase.
    while (end >= i && endsOnFunctionWord(words[end]!)) end -= 1;
    if (end < i) continue;
    for (let m = i; m <= end; m++) phrase[m] = runs;
    runs += 1;
    i = end + 1;
  }
  // Wrap into lines of whole words.
  const lines: number[][] = [];
  let current: number[] = [];
  let width = 0;
  words.forEach((w, i) => {
    const len = w.core.length + w.punct.length;
    if (current.length && width + 1 + len > options.width) {
      lines.push(current);
      current = [];
      width = 0;
    }
    width += (current.length ? 1 : 0) + len;
    current.push(i);
  });
  if (current.length) lines.push(current);

  const out: string[] = [];
  const damagedLines: number[] = [];
  const displaced = new Array<boolean>(runs).fill(false);
  const wholly = new Array<boolean>(runs).fill(true);
  const visible = new Array<boolean>(runs).fill(true);
  const lineOf: number[] = [];
  lines.forEach((line, li) => {
    let base = '';
    const pasted: string[] = [];
    let run: string[] = [];
    let runPhrase = -1;
    const flush = (): void => {
      if (run.length) pasted.push(run.join(' '));
      run = [];
    };
    line.forEach((i, k) => {
      const w = words[i]!;
      const sep = k === 0 ? '' : ' ';
      if (phrase[i]! >= 0) {
        if (run.length && phrase[i] !== runPhrase) flush();
        if (run.length === 0) base += sep;
        runPhrase = phrase[i]!;
        // Punctuation inside a run (a comma) is bold and moves with it; after its last word it stays.
        const last = k === line.length - 1 || phrase[line[k + 1]!] !== phrase[i];
        run.push(last ? w.core : w.core + w.punct);
        if (last && w.punct) {
          flush();
          base += w.punct;
        }
      } else {
        flush();
        base += sep + w.core + w.punct;
      }
    });
    flush();
    if (random() < options.trailingSpace && !base.endsWith(' ')) base += ' ';
    const text = base + pasted.join(' ');
    const clean = line.map((i) => words[i]!.core + words[i]!.punct).join(' ');
    const startsBold = phrase[line[0]!]! >= 0;
    const blank = startsBold && li > 0 && random() < blankLines;
    const before = blank && random() < 0.5;
    if (before && out.length) {
      out.push('');
      lineOf.push(-1);
    }
    const damagedLine = text.split(/\s+/u).filter(Boolean).join(' ') !== clean;
    if (damagedLine) damagedLines.push(out.length);
    else for (const i of line) if (phrase[i]! >= 0) visible[phrase[i]!] = false;
    // A part of a phrase stays in place only when it ends the line with no punctuation after it.
    const lastWord = line[line.length - 1]!;
    const endPart = phrase[lastWord]! >= 0 && !words[lastWord]!.punct ? phrase[lastWord]! : -1;
    for (const i of line) if (phrase[i]! >= 0 && phrase[i] !== endPart) displaced[phrase[i]!] = true;
    if (endPart >= 0) wholly[endPart] = false;
    out.push(text);
    lineOf.push(li);
    if (blank && !before && li < lines.length - 1) {
      out.push('');
      lineOf.push(-1);
    }
  });

  const tokens: ExpectedToken[] = [];
  words.forEach((w, i) => {
    tokens.push({ word: w.core, phrase: phrase[i]! });
    const inner = phrase[i]! >= 0 && phrase[i + 1] === phrase[i];
    for (const m of w.punct.matchAll(/[,.;:!?)»]+/gu)) tokens.push({ word: m[0], phrase: inner ? phrase[i]! : -1 });
  });
  const expected = words
    .map((w, i) => {
      const p = phrase[i]!;
      const open = p >= 0 && phrase[i - 1] !== p;
      const close = p >= 0 && phrase[i + 1] !== p;
      return `${open ? '**' : ''}${w.core}${close ? `**${w.punct}` : w.punct}`;
    })
    .join(' ');
  const expectedLines = lines.map((line) =>
    line.flatMap((i) => {
      const w = words[i]!;
      const bold = phrase[i]! >= 0;
      const inner = bold && phrase[i + 1] === phrase[i];
      return [{ word: w.core, bold }, ...(w.punct ? [{ word: w.punct, bold: inner }] : [])];
    }),
  );
  return { damaged: out.join('\n'), lines: expectedLines, expected, tokens, runs, damagedLines, displaced, wholly, visible, lineOf };
}

/**
 * The words of lines of Markdown with their bold state, `**` toggling it (across line breaks, as
 * a bold phrase may run over one). Punctuation glued to a word is split off as its own token.
 */
export function boldWords(lines: string[]): { word: string; bold: boolean }[][] {
  let bold = false;
  return lines.map((line) => {
    const out: { word: string; bold: boolean }[] = [];
    for (const part of line.split(/(\*\*)/u)) {
      if (part === '**') {
        bold = !bold;
        continue;
      }
      for (const m of part.matchAll(/[^\s,.;:!?)»]+|[,.;:!?)»]+/gu)) out.push({ word: m[0], bold: bold && !/^[,.;:!?)»]+$/u.test(m[0]) });
    }
    return out;
  });
}

/**
 * The tokens of a Markdown text with the bold phrase each belongs to (phrases numbered in order;
 * `**` opens and closes them, across line breaks). Same tokens as `ExpectedToken`: words, and
 * runs of punctuation; a comma inside a phrase belongs to it.
 */
export function phraseTokens(markdown: string): ExpectedToken[] {
  const out: ExpectedToken[] = [];
  let inside = false;
  let count = -1;
  for (const part of markdown.split(/(\*\*)/u)) {
    if (part === '**') {
      inside = !inside;
      if (inside) count += 1;
      continue;
    }
    for (const m of part.matchAll(/[^\s,.;:!?)»]+|[,.;:!?)»]+/gu)) out.push({ word: m[0], phrase: inside ? count : -1 });
  }
  return out;
}

/** The letters and digits of a text, sorted: repairs may move text, never lose or add any. */
export function lettersOf(text: string): string {
  return [...text.replace(/\[…\]/gu, '').replace(/[^\p{L}\p{N}]/gu, '')].sort().join('');
}

/** Bold phrases of a Markdown text with the index of the word they start at. */
export function boldSpans(markdown: string): string[] {
  const spans: string[] = [];
  let index = 0;
  for (const part of markdown.split(/(\*\*[^*]+\*\*)/u)) {
    if (part.startsWith('**')) spans.push(`${index}:${part.slice(2, -2)}`);
    index += part.replace(/\*\*/gu, '').split(/\s+/u).filter(Boolean).length;
  }
  return spans;
}
