/**
 * Word and word-pair counts drawn from the corpus itself: what the texts of an edition say
 * tells which of two readings of a damaged line is French as these texts write it
 * (`les partenariats` is frequent, `la règles` never occurs).
 */

export interface Token {
  /** The word as written. */
  text: string;
  /** Lowercased, apostrophes made typographic. */
  norm: string;
  start: number;
  end: number;
}

/** Words: letters and digits, with inner apostrophes and hyphens (`l’OTAN`, `Bosnie-Herzégovine`). */
const wordPattern = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;

/** Splits a text into words with their offsets. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(wordPattern)) {
    tokens.push({ text: m[0], norm: normalizeWord(m[0]), start: m.index, end: m.index + m[0].length });
  }
  return tokens;
}

/** The form words are counted under: lowercase, typographic apostrophe. */
export function normalizeWord(word: string): string {
  return word.toLocaleLowerCase('fr').replace(/'/g, '’');
}

export interface CorpusStats {
  /** Number of times a word (normalized) occurs. */
  count(word: string): number;
  /** Number of times `a` is directly followed by `b` (both normalized). */
  pairCount(a: string, b: string): number;
  /** Number of word occurrences counted. */
  readonly total: number;
  /** Number of distinct words. */
  readonly vocabulary: number;
}

/**
 * Counts words and adjacent word pairs in a set of texts. Elided articles count as their own
 * word (`l’OTAN` gives `l’` then `otan`) so that pairs generalise.
 */
export function buildCorpusStats(texts: readonly string[]): CorpusStats {
  const words = new Map<string, number>();
  const pairs = new Map<string, number>();
  let total = 0;
  for (const text of texts) {
    for (const paragraph of text.split(/\n\s*\n/)) {
      let previous: string | undefined;
      for (const token of tokenize(paragraph)) {
        for (const part of splitElision(token.norm)) {
          words.set(part, (words.get(part) ?? 0) + 1);
          total += 1;
          if (previous !== undefined) {
            const key = `${previous} ${part}`;
            pairs.set(key, (pairs.get(key) ?? 0) + 1);
          }
          previous = part;
        }
      }
    }
  }
  return {
    count: (w) => words.get(w) ?? 0,
    pairCount: (a, b) => pairs.get(`${a} ${b}`) ?? 0,
    total,
    vocabulary: words.size,
  };
}

const elided = /^((?:[cdjlmnst]|qu|jusqu|lorsqu|puisqu|quoiqu)’)(.+)$/u;

/** `l’otan` → [`l’`, `otan`]; other words stay whole. */
export function splitElision(norm: string): string[] {
  const m = elided.exec(norm);
  return m ? [m[1]!, m[2]!] : [norm];
}
