/**
 * The French language model the repairs score readings with: how likely a token sequence is as
 * French, from general knowledge first —
 * - word frequencies of general French (`lexicon.ts`): a non-word is very unlikely, a rare word
 *   less likely than a common one (`pourla` against `pour` `la`);
 * - syntax: word classes and how French orders them (`classes.ts`): an article wants a noun;
 * - agreement and form (`agreement.ts`): `la` + a plural noun, `ils` + a singular verb, an elided
 *   article before a consonant, `afin` without `de` are wrong whatever a corpus says;
 * - fixed phrases (`locutions.ts`, from the Lefff): a reading that keeps `à peu près` or `en
 *   fonction de` whole is likelier, as a corpus pair would say, from general data;
 * - word pairs of general French (`word-pairs.ts`, counted in French manuals): `en ligne` is likelier than
 *   `ligne en` —
 * and, when the edition's other texts are given, their word pairs on top (`corpus.ts`): a pair
 * the dossier writes often is likelier. The text under repair never vouches for itself: the
 * caller takes its lines out of the counts (`without`).
 *
 * Not a general-purpose model: its scores compare readings of the same words, nothing else.
 */
import type { CorpusStats } from '../corpus.ts';
import { degreePenalty, junctionPenalty } from './agreement.ts';
import { classScore, readingsOf, STOP, type ClassModel, type Readings } from './classes.ts';
import table from './class-transitions.json' with { type: 'json' };
import type { Lexicon } from './lexicon.ts';
import { normalizeWord } from './tokens.ts';


export interface LanguageModel {
  /**
   * Log-score (natural log) of a token sequence (tokens as `sentenceTokens` gives them).
   * @param endsText true when nothing follows the tokens: the last sentence must be able to end
   *   there (`de les` cannot), as if a full stop followed
   */
  score(tokens: readonly string[], endsText?: boolean): number;
  /**
   * True when token `b` may follow token `a` in French: no agreement, elision or collocation rule
   * is broken (`agreement.ts`) and some reading of their classes follows one another at least
   * now and then in French prose (`classes.ts`).
   */
  mayFollow(a: string, b: string): boolean;
}

/** The weights of the parts of the score, measured by `scripts/measure-repairs.ts` on the tune part. */
export const modelWeights = {
  /** Syntax (class transitions), against words drawn independently. */
  classes: 1,
  /** The edition's word pairs. */
  corpus: 0.5,
  /** Pseudo-count for unseen corpus pairs (larger: the corpus weighs less). */
  corpusSmoothing: 2,
  /** The word pairs of general French (`word-pairs.ts`); 1.5 and 2 did no better on the tune part, 0.5 worse. */
  generalPairs: 1,
  /** Pseudo-count for general French's pairs. */
  generalSmoothing: 2,
  /**
   * Most a general pair can add (before its weight): a rare technical pair must not outweigh the
   * line's evidence. On tune (400 paragraphs, densities 0.05 / 0.1): 1.5 gives exact 79.8 / 79.5 %
   * and 15 phrases moved on clean texts; 2 gives 80.8 / 80.1 % but turns a plain placement
   * (`lead-of-adverb-placement`) into a near-tie; no cap, 81.0 / 80.9 % and 20 moved on clean
   * texts (16 without general pairs).
   */
  generalCap: 1.5,
  /** Below this ratio P(class b | class a) / P(class b), for the likeliest readings, two words do not follow each other. */
  rareTransition: 0.3,
  /** Each pair of words inside a locution of French (`à peu près`) the reading keeps whole. */
  locution: 2,
};

/** The class-transition table shipped with Folio (see `scripts/derive-class-transitions.ts`). */
export const frenchClasses: ClassModel = { transition: table.transition, prior: table.prior };

export interface ModelOptions {
  lexicon: Lexicon;
  /** The edition's statistics (the damaged text's own lines already taken out), when there is an edition. */
  corpus?: CorpusStats;
  /** General French's word pairs (`word-pairs.ts`), when they are at hand. */
  general?: CorpusStats;
}

/**
 * Creates the French model.
 * @returns a model whose `score` can be called many times on readings of the same text (token
 *   readings are cached)
 */
export function createFrenchModel(options: ModelOptions): LanguageModel {
  const { lexicon, corpus, general } = options;
  const readingCache = new Map<string, Readings>();
  const readings = (token: string, start: boolean): Readings => {
    const key = start ? `^${token}` : token;
    let r = readingCache.get(key);
    if (!r) {
      r = readingsOf(token, lexicon, start);
      readingCache.set(key, r);
    }
    return r;
  };
  const unigram = (token: string): number => {
    if (/^[\p{P}\p{S}]+$/u.test(token)) return Math.log(0.05);
    if (/^\d+$/u.test(token)) return Math.log(1e-4);
    return lexicon.logFrequency(token);
  };
  /**
   * How much likelier `b` is after `a` than anywhere, in some counts (a log-ratio). Only a reward:
   * a pair the counts do not hold says nothing (the edition is small, and the general table drops
   * rare pairs; a penalty for unseen general pairs did worse on the tune part).
   */
  const pairBonus = (stats: CorpusStats | undefined, k: number, a: string, b: string): number => {
    if (!stats || stats.total === 0) return 0;
    const na = normalizeWord(a);
    const nb = normalizeWord(b);
    const pb = (stats.count(nb) + 0.5) / (stats.total + 0.5 * stats.vocabulary);
    return Math.max(0, Math.log((stats.pairCount(na, nb) + k * pb) / ((stats.count(na) + k) * pb)));
  };
  // General French's pairs and the edition's, each with its weight: the edition's say how this dossier writes.
  const corpusBonus = (a: string, b: string): number =>
    modelWeights.corpus * pairBonus(corpus, modelWeights.corpusSmoothing, a, b) + modelWeights.generalPairs * Math.min(modelWeights.generalCap, pairBonus(general, modelWeights.generalSmoothing, a, b));
  // Readings of the same line share most of their words and pairs: each is judged once.
  const unigrams = new Map<string, number>();
  const pairs = new Map<string, number>();
  const unigramOf = (t: string): number => {
    let v = unigrams.get(t);
    if (v === undefined) unigrams.set(t, (v = unigram(t)));
    return v;
  };
  const pairOf = (a: string, b: string): number => {
    const key = `${a}\u0000${b}`;
    let v = pairs.get(key);
    if (v === undefined) pairs.set(key, (v = corpusBonus(a, b) - junctionPenalty(a, b, lexicon)));
    return v;
  };
  const mayFollow = (a: string, b: string): boolean => {
    if (junctionPenalty(a, b, lexicon) > 0) return false;
    const ra = readings(a, /^[.!?…]+$/u.test(a));
    const rb = readings(b, /^[.!?…]+$/u.test(a));
    let best = 0;
    for (const [ca] of ra) for (const [cb] of rb) best = Math.max(best, frenchClasses.transition[ca]![cb]! / frenchClasses.prior[cb]!);
    return best >= modelWeights.rareTransition;
  };
  return {
    mayFollow,
    score(tokens, endsText = false) {
      let s = 0;
      const r: Readings[] = [];
      for (let i = 0; i < tokens.length; i++) {
        const t = tokens[i]!;
        s += unigramOf(t);
        const start = i === 0 || /^[.!?…]+$/u.test(tokens[i - 1]!);
        r.push(readings(t, start));
        if (i > 0) s += pairOf(tokens[i - 1]!, t);
        if (i > 1) s -= degreePenalty(tokens[i - 2]!, tokens[i - 1]!, t, lexicon);
      }
      if (modelWeights.locution > 0) {
        const norm = tokens.map(normalizeWord);
        for (let i = 0; i < norm.length; i++) {
          const k = lexicon.locutions.longestAt(norm, i);
          if (k > 1) s += modelWeights.locution * (k - 1);
        }
      }
      // Only the class transition into the end: the words are the same whatever the reading.
      if (endsText && tokens.length > 0 && !/^[.!?…]+$/u.test(tokens[tokens.length - 1]!)) r.push([[STOP, 1]]);
      return s + modelWeights.classes * classScore(frenchClasses, r, STOP);
    },
  };
}
