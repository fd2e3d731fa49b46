/**
 * A damage generator for tests: takes clean paragraphs, marks random runs of words bold, wraps
 * the lines, then damages them the way the European Parliament's PDF extraction does — every
 * bold run cut out of its line (its surrounding spaces stay, leaving a gap) and pasted at the end
 * of the same line, runs in order, separated by spaces, the first glued to the last word.
 */

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
}

export interface DamagedParagraph {
  /** The paragraph as the damaged extraction gives it (hard-wrapped lines). */
  damaged: string;
  /** Each line as it should read: its words, and whether each is bold. */
  lines: { word: string; bold: boolean }[][];
  /** The paragraph as it should read, on one line, bold runs marked `**`. */
  expected: string;
  /** Number of bold runs. */
  runs: number;
}

/** Damages one clean paragraph (one line of plain text). */
export function damageParagraph(paragraph: string, random: () => number, options: DamageOptions): DamagedParagraph {
  // Words, with the punctuation that follows them kept apart: a bold run never takes it.
  const words = paragraph.split(/\s+/u).filter(Boolean).map((w) => {
    const m = /^(.*?)([,.;:!?)»]*)$/u.exec(w)!;
    return m[1] ? { core: m[1], punct: m[2]! } : { core: w, punct: '' };
  });
  const bold = new Array<boolean>(words.length).fill(false);
  let runs = 0;
  for (let i = 0; i < words.length; i++) {
    if (random() < options.boldRate && (i === 0 || !bold[i - 1])) {
      const length = 1 + Math.floor(random() * 6);
      let k = i;
      for (; k < Math.min(words.length, i + length); k++) {
        bold[k] = true;
        if (words[k]!.punct) break; // a run stops at punctuation
      }
      runs += 1;
      i = k + 1;
    }
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

  const damagedLines = lines.map((line) => {
    let base = '';
    const pasted: string[] = [];
    let run: string[] = [];
    line.forEach((i, k) => {
      const w = words[i]!;
      const sep = k === 0 ? '' : ' ';
      if (bold[i]) {
        if (run.length === 0) base += sep;
        run.push(w.core);
        if (w.punct) {
          pasted.push(run.join(' '));
          run = [];
          base += w.punct;
        }
      } else {
        if (run.length) pasted.push(run.join(' '));
        run = [];
        base += sep + w.core + w.punct;
      }
    });
    if (run.length) pasted.push(run.join(' '));
    if (random() < options.trailingSpace && !base.endsWith(' ')) base += ' ';
    return base + pasted.join(' ');
  });

  const expected = words.map((w, i) => {
    const open = bold[i] && !bold[i - 1];
    const close = bold[i] && (!bold[i + 1] || w.punct !== '');
    return `${open ? '**' : ''}${w.core}${close ? '**' : ''}${w.punct}`;
  });
  // A run that stops at punctuation and a run right after it are two runs: reopen.
  const text = expected.map((w, i) => (i > 0 && bold[i] && bold[i - 1] && words[i - 1]!.punct ? `**${w}` : w)).join(' ');
  const expectedLines = lines.map((line) => line.flatMap((i) => wordTokens(words[i]!.core, bold[i]!).concat(wordTokens(words[i]!.punct, false))));
  return { damaged: damagedLines.join('\n'), lines: expectedLines, expected: text, runs };
}

function wordTokens(text: string, bold: boolean): { word: string; bold: boolean }[] {
  return text ? [{ word: text, bold }] : [];
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
