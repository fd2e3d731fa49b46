/**
 * Word and word-pair counts drawn from the corpus itself, and a small smoothed bigram model over
 * them: what the texts of an edition say tells which of two readings of a damaged line is French
 * as these texts write it (`les partenariats` is frequent, `la règles` never occurs).
 *
 * Tokens are lowercased words (an elided article is its own token: `l’otan` → `l’` `otan`) and
 * the punctuation marks that shape a sentence. Written by hand: the model is twenty lines, and
 * NLP libraries for the browser or Node bring English models, not counts of our own texts.
 */
import type { Lexicon } from './lexicon.ts';

export interface Token {
  /** The word as written. */
  text: string;
  /** Lowercased, apostrophes made typographic. */
  norm: string;
  start: number;
  end: number;
}

/** Words: letters and digits, with inner apostrophes and hyphens (`l’OTAN`, `Bosnie-Herzégovine`). */
const wordPattern = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*['’]?/gu;

/** Splits a text into words with their offsets. A trailing elision mark stays on its word (`l’`). */
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

const elided = /^((?:[cdjlmnst]|qu|jusqu|lorsqu|puisqu|quoiqu)’)(.+)$/u;

/** `l’otan` → [`l’`, `otan`]; other words stay whole. */
export function splitElision(norm: string): string[] {
  const m = elided.exec(norm);
  return m ? [m[1]!, m[2]!] : [norm];
}

const modelPattern = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*['’]?|[.,;:!?()«»]/gu;

/** The token sequence the model counts: normalized words split at elisions, and punctuation. */
export function modelTokens(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(modelPattern)) {
    const norm = normalizeWord(m[0]);
    if (/^[.,;:!?()«»]$/u.test(norm)) out.push(norm);
    else out.push(...splitElision(norm));
  }
  return out;
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

export interface LanguageModel {
  /** Log-probability (natural log) of a token sequence, each token given the two before it. */
  score(tokens: readonly string[]): number;
}

/**
 * An interpolated trigram model (Jelinek-Mercer: fixed weights, so a pair the corpus never saw
 * costs the same wherever it stands, and only pairs and triples the corpus attests make a reading
 * likelier), with unigrams smoothed towards the lexicon: a French word the corpus never uses is
 * unlikely, a non-word very unlikely.
 * @param stats corpus counts
 * @param lexicon tells words from non-words (optional: without it every unseen token is a word)
 * @param exclude counts to subtract (the damaged text itself)
 */
export function createLanguageModel(stats: CorpusStats, lexicon?: Lexicon, exclude?: Exclusion): LanguageModel {
  const minus = (n: number, key: string): number => Math.max(0, n - (exclude?.get(key) ?? 0));
  const c1 = (t: string): number => minus(stats.count(t), t);
  const c2 = (a: string, b: string): number => minus(stats.pairCount(a, b), `${a} ${b}`);
  const c3 = (a: string, b: string, c: string): number => minus(stats.tripleCount(a, b, c), `${a} ${b} ${c}`);
  let excluded = 0;
  for (const [key, n] of exclude ?? []) if (!key.includes(' ')) excluded += n;
  const total = Math.max(1, stats.total - excluded);
  const vocabulary = Math.max(1, stats.vocabulary);
  const unigram = (t: string): number => {
    const known = /^[.,;:!?()«»]$/u.test(t) || /^\d+$/.test(t) || !lexicon || lexicon.has(t);
    return (c1(t) + (known ? 0.5 : 1e-4)) / (total + 0.5 * vocabulary);
  };
  const probability = (a: string | undefined, b: string | undefined, c: string): number => {
    let p = unigram(c);
    if (b !== undefined) {
      const nb = c1(b);
      if (nb > 0) p = 0.4 * (c2(b, c) / nb) + 0.6 * p;
      if (a !== undefined) {
        const nab = c2(a, b);
        if (nab > 0) p = 0.4 * (c3(a, b, c) / nab) + 0.6 * p;
      }
    }
    return p;
  };
  return {
    score(tokens: readonly string[]): number {
      let s = 0;
      for (let i = 0; i < tokens.length; i++) s += Math.log(probability(tokens[i - 2], tokens[i - 1], tokens[i]!));
      return s;
    },
  };
}
