/**
 * Word and word-pair counts drawn from the texts of an edition: what the other texts of the
 * dossier say can add to general French (`fr/model.ts`) when a reading of a damaged line uses
 * their words. Never the only source, and never the damaged text's own lines (see `Exclusion`).
 *
 * Tokens are those of `fr/tokens.ts`, normalized (lowercase, typographic apostrophe).
 * Written by hand: counting n-grams is twenty lines.
 */
import { normalizeWord, sentenceTokens } from './fr/tokens.ts';

export { normalizeWord } from './fr/tokens.ts';

export interface Token {
  /** The word as written. */
  text: string;
  /** Lowercased, apostrophes made typographic. */
  norm: string;
  start: number;
  end: number;
}

/** Words: letters and digits, with inner apostrophes and hyphens (`l’Agence`, `porte-parole`). */
const wordPattern = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*['’]?/gu;

/** Splits a text into words with their offsets. A trailing elision mark stays on its word (`l’`). */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(wordPattern)) {
    tokens.push({ text: m[0], norm: normalizeWord(m[0]), start: m.index, end: m.index + m[0].length });
  }
  return tokens;
}

/** The token sequence the statistics count: normalized words split at elisions, and punctuation. */
export function modelTokens(text: string): string[] {
  return sentenceTokens(text).map(normalizeWord);
}

export interface CorpusStats {
  /** Number of times a token (see `modelTokens`) occurs. */
  count(token: string): number;
  /** Number of times token `a` is directly followed by token `b`. */
  pairCount(a: string, b: string): number;
  /** Number of times `a b c` occurs. */
  tripleCount(a: string, b: string, c: string): number;
  /** Number of tokens counted. */
  readonly total: number;
  /** Number of distinct tokens. */
  readonly vocabulary: number;
}

/** Counts of n-grams (n = 1, 2, 3) keyed by tokens joined with spaces. */
type Counts = Map<string, number>;

function countNgrams(texts: readonly string[], into: Counts = new Map()): Counts {
  const add = (key: string): void => {
    into.set(key, (into.get(key) ?? 0) + 1);
  };
  for (const text of texts) {
    for (const paragraph of text.split(/\n\s*\n/)) {
      const seq = modelTokens(paragraph);
      seq.forEach((t, i) => {
        add(t);
        if (i > 0) add(`${seq[i - 1]} ${t}`);
        if (i > 1) add(`${seq[i - 2]} ${seq[i - 1]} ${t}`);
      });
    }
  }
  return into;
}

/** Counts tokens and adjacent token pairs and triples in a set of texts; paragraphs (blank lines) break them. */
export function buildCorpusStats(texts: readonly string[]): CorpusStats {
  const counts = countNgrams(texts);
  let total = 0;
  let vocabulary = 0;
  for (const [key, n] of counts) {
    if (!key.includes(' ')) {
      total += n;
      vocabulary += 1;
    }
  }
  return {
    count: (w) => counts.get(w) ?? 0,
    pairCount: (a, b) => counts.get(`${a} ${b}`) ?? 0,
    tripleCount: (a, b, c) => counts.get(`${a} ${b} ${c}`) ?? 0,
    total,
    vocabulary,
  };
}

/** Counts to take out of the statistics: the text under repair must not vouch for itself. */
export type Exclusion = Counts;

/** The n-gram counts of some paragraphs, to subtract from the corpus statistics. */
export function exclusionOf(paragraphs: readonly string[]): Exclusion {
  return countNgrams(paragraphs);
}

/** Corpus counts with some paragraphs' counts taken out. */
export function without(stats: CorpusStats, exclude: Exclusion): CorpusStats {
  const minus = (n: number, key: string): number => Math.max(0, n - (exclude.get(key) ?? 0));
  let excluded = 0;
  for (const [key, n] of exclude) if (!key.includes(' ')) excluded += n;
  return {
    count: (w) => minus(stats.count(w), w),
    pairCount: (a, b) => minus(stats.pairCount(a, b), `${a} ${b}`),
    tripleCount: (a, b, c) => minus(stats.tripleCount(a, b, c), `${a} ${b} ${c}`),
    total: Math.max(0, stats.total - excluded),
    vocabulary: stats.vocabulary,
  };
}

/** The counts of two sets of statistics added together (an edition's and the text's own). */
export function combined(a: CorpusStats, b: CorpusStats): CorpusStats {
  return {
    count: (w) => a.count(w) + b.count(w),
    pairCount: (x, y) => a.pairCount(x, y) + b.pairCount(x, y),
    tripleCount: (x, y, z) => a.tripleCount(x, y, z) + b.tripleCount(x, y, z),
    total: a.total + b.total,
    vocabulary: Math.max(a.vocabulary, b.vocabulary),
  };
}
