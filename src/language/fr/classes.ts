/**
 * Word classes for the French language model: about twenty syntactic classes (article, `de`,
 * preposition, noun, finite verb, infinitive, comma…), the classes each token can have with how
 * likely each reading is a priori, and the forward algorithm that scores a token sequence under
 * a class-transition table (`class-transitions.json`, see `scripts/derive-class-transitions.ts`).
 *
 * A hidden-Markov model over classes is how French syntax can be known without a corpus of the
 * text at hand: `de la constituent` (article → finite verb) is unlikely whatever the words are,
 * `installer le paquet` (infinitive → article → noun) likely. Words get their classes from the
 * lexicon (Lefff) and `words.ts`; the table says how classes follow one another in French prose.
 */
import type { Lexicon } from './lexicon.ts';
import * as T from './tags.ts';
import { closedClassTags } from './words.ts';

/**
 * The commonest function words are classes of their own: `de`, `à`, `le`, `pour`… each has its
 * own habits (`installer du`, `afin de`, `pas de`), which a class of all prepositions would blur.
 */
const lexicalClasses = [
  'le', 'la', 'les', 'l’', 'un', 'une', 'des', 'du', 'au', 'aux', 'de', 'd’', 'à', 'en', 'et', 'ou', 'que', 'qu’', 'qui',
  'pour', 'par', 'sur', 'dans', 'avec', 'sans', 'entre', 'est', 'sont', 'a', 'ont', 'être', 'avoir', 'il', 'ils', 'on',
  'ne', 'n’', 'pas', 'se', 's’', 'ce', 'c’', 'plus', 'peut', 'si', 'comme', 'dont', 'leur', 'son', 'sa', 'ses', 'cette', 'ces', 'tout', 'y',
  'vous', 'nous', 'elle', 'lui', 'cela', 'votre', 'vos', 'notre', 'chaque', 'même', 'deux', 'mais', 'quand', 'lorsque', 'où', 'aussi',
  'très', 'bien', 'ainsi', 'alors', 'donc', 'non', 'sous', 'vers', 'depuis', 'selon', 'afin', 'été', 'faire', 'fait', 'sera', 'doit',
  'pouvez', 'peuvent', 'permet', 'celui', 'celle', 'ceux',
] as const;

/** The classes, in the order of the transition table's rows and columns. */
export const classNames = [
  ...lexicalClasses,
  'DET_S', 'DET_P', 'PREP', 'NOUN_S', 'NOUN_P', 'PROPER', 'ADJ_S', 'ADJ_P', 'VERB_S', 'VERB_P', 'AUX_S', 'AUX_P', 'INF',
  'PPAST_S', 'PPAST_P', 'PPRES', 'ADV', 'SUBJ', 'CLITIC', 'PRON', 'COORD', 'SUBORD', 'NUM', 'COMMA', 'STOP', 'OPEN', 'CLOSE', 'PUNCT', 'OTHER',
] as const;
export type ClassName = (typeof classNames)[number];
export const classCount = classNames.length;
const C = Object.fromEntries(classNames.map((n, i) => [n, i])) as Record<ClassName, number>;
/** The class that starts a text (and follows a full stop). */
export const STOP = C.STOP;

/** A token's possible classes: class index and prior weight (weights sum to 1). */
export type Readings = [number, number][];

/**
 * The classes a token can have.
 * @param token the token as written (case kept: a capital tells a name mid-sentence)
 * @param lexicon the French lexicon
 * @param sentenceStart true when the token starts a sentence (its capital says nothing then)
 */
export function readingsOf(token: string, lexicon: Lexicon, sentenceStart = false): Readings {
  if (token === ',') return [[C.COMMA, 1]];
  if (/^[.!?…]+$/u.test(token)) return [[C.STOP, 1]];
  if (/^[(«[]$/u.test(token)) return [[C.OPEN, 1]];
  if (/^[)»\]]$/u.test(token)) return [[C.CLOSE, 1]];
  if (/^\p{P}+$/u.test(token)) return [[C.PUNCT, 1]];
  if (/^\d/u.test(token)) return [[C.NUM, 1]];
  const lower = token.toLowerCase().replace(/'/gu, '’');
  // `tous les`, `toute la`: the forms of `tout` stand before an article, which no other determiner
  // does — in the class of all plural determiners they would teach it `plusieurs les`.
  const norm = /^tou(?:te|s|tes)$/u.test(lower) ? 'tout' : lower;
  const capitalized = /^\p{Lu}/u.test(token) && !sentenceStart;
  if (Object.hasOwn(C, norm) && (lexicalClasses as readonly string[]).includes(norm)) {
    // `Le` mid-sentence is a title's or a name's (`Le Monde`): the word, or a name.
    return capitalized ? [[C[norm as ClassName], 0.5], [C.PROPER, 0.5]] : [[C[norm as ClassName], 1]];
  }
  const closed = closedClassTags(norm);
  const tags = closed || lexicon.tags(token);
  const out: Readings = [];
  const add = (c: number): void => {
    if (!out.some(([x]) => x === c)) out.push([c, 1]);
  };
  const byNumber = (singular: number, plural: number): void => {
    if (!(tags & T.PLUR) || tags & T.SING) add(singular);
    if (tags & T.PLUR) add(plural);
  };
  const byPerson = (singular: number, plural: number): void => {
    if (tags & (T.P1S | T.P2S | T.P3S) || !(tags & T.PERSONS)) add(singular);
    if (tags & (T.P1P | T.P2P | T.P3P)) add(plural);
  };
  if (tags & T.NOUN) byNumber(C.NOUN_S, C.NOUN_P);
  if (tags & T.PROPER || (!closed && capitalized && out.length === 0)) add(C.PROPER);
  if (tags & T.ADJ) byNumber(C.ADJ_S, C.ADJ_P);
  if (tags & T.VERB) (tags & T.AUX ? byPerson(C.AUX_S, C.AUX_P) : byPerson(C.VERB_S, C.VERB_P));
  if (tags & T.INFINITIVE) add(C.INF);
  if (tags & T.PAST_PARTICIPLE) byNumber(C.PPAST_S, C.PPAST_P);
  if (tags & T.PRESENT_PARTICIPLE) add(C.PPRES);
  if (tags & T.ADV) add(C.ADV);
  if (tags & T.DET) add(tags & T.DET_PLUR ? C.DET_P : C.DET_S);
  if (tags & T.PREP) add(C.PREP);
  if (tags & T.PRONOUN) add(C.PRON);
  if (tags & T.COORD) add(C.COORD);
  if (tags & T.SUBORD) add(C.SUBORD);
  if (tags & T.SUBJECT) add(C.SUBJ);
  if (tags & T.CLITIC) add(C.CLITIC);
  // A capitalized open-class word mid-sentence is most often a name, whatever else it could be.
  if (!closed && capitalized && !out.some(([c]) => c === C.PROPER)) out.push([C.PROPER, out.length]);
  if (out.length === 0) return [[C.OTHER, 1]];
  const sum = out.reduce((x, [, w]) => x + w, 0);
  return out.map(([c, w]) => [c, w / sum]);
}

/** A class-transition model: `transition[a][b]` = P(b | a); `prior[b]` = P(b). */
export interface ClassModel {
  transition: number[][];
  prior: number[];
}

/**
 * Log-likelihood ratio of a token sequence under the class model against the same words drawn
 * independently: log Σ over class paths Π P(c_i | c_{i-1}) · q(c_i | w_i) / P(c_i). Positive
 * when the words' classes follow one another as French has them.
 * @param readings the readings of each token
 * @param start the class before the first token (STOP at a sentence start)
 */
export function classScore(model: ClassModel, readings: readonly Readings[], start: number = STOP): number {
  let alpha = new Map<number, number>([[start, 1]]);
  let log = 0;
  for (const token of readings) {
    const next = new Map<number, number>();
    let total = 0;
    for (const [c, q] of token) {
      let s = 0;
      for (const [a, pa] of alpha) s += pa * model.transition[a]![c]!;
      const v = (s * q) / model.prior[c]!;
      if (v > 0) {
        next.set(c, v);
        total += v;
      }
    }
    if (total === 0) return log - 50;
    log += Math.log(total);
    alpha = new Map([...next].map(([c, v]) => [c, v / total]));
  }
  return log;
}

/**
 * Estimates a class model from French prose by expectation–maximization (the forward–backward
 * algorithm with the lexicon's readings as the only constraint): how French sequences its classes.
 * @param sentences token readings of each training paragraph
 * @param iterations EM rounds
 */
export function estimateClassModel(sentences: readonly Readings[][], iterations = 12): ClassModel {
  const n = classCount;
  let transition = Array.from({ length: n }, () => new Array<number>(n).fill(1 / n));
  let prior = new Array<number>(n).fill(1 / n);
  for (let round = 0; round < iterations; round++) {
    const pairs = Array.from({ length: n }, () => new Array<number>(n).fill(0.01));
    const singles = new Array<number>(n).fill(0.01);
    for (const seq of sentences) {
      if (seq.length === 0) continue;
      // Forward.
      const alphas: Map<number, number>[] = [];
      let prev = new Map<number, number>([[STOP, 1]]);
      for (const token of seq) {
        const cur = new Map<number, number>();
        let total = 0;
        for (const [c, q] of token) {
          let s = 0;
          for (const [a, pa] of prev) s += pa * transition[a]![c]!;
          const v = (s * q) / prior[c]!;
          cur.set(c, v);
          total += v;
        }
        for (const [c, v] of cur) cur.set(c, total > 0 ? v / total : 1 / cur.size);
        alphas.push(cur);
        prev = cur;
      }
      // Backward, accumulating expected counts.
      let beta = new Map<number, number>([...alphas[alphas.length - 1]!.keys()].map((c) => [c, 1]));
      for (let i = seq.length - 1; i >= 0; i--) {
        const a = alphas[i]!;
        let z = 0;
        for (const [c, v] of a) z += v * beta.get(c)!;
        for (const [c, v] of a) singles[c]! += (v * beta.get(c)!) / z;
        const before = i > 0 ? alphas[i - 1]! : new Map([[STOP, 1]]);
        const qs = new Map(seq[i]!);
        let zz = 0;
        const contributions: [number, number, number][] = [];
        for (const [p, pv] of before) {
          for (const [c] of a) {
            const v = pv * transition[p]![c]! * (qs.get(c)! / prior[c]!) * beta.get(c)!;
            contributions.push([p, c, v]);
            zz += v;
          }
        }
        for (const [p, c, v] of contributions) if (zz > 0) pairs[p]![c]! += v / zz;
        const nb = new Map<number, number>();
        for (const [p] of before) {
          let s = 0;
          for (const [c] of a) s += transition[p]![c]! * (qs.get(c)! / prior[c]!) * beta.get(c)!;
          nb.set(p, s);
        }
        const m = Math.max(...nb.values(), 1e-300);
        beta = new Map([...nb].map(([p, v]) => [p, v / m]));
      }
    }
    transition = pairs.map((row) => {
      const s = row.reduce((x, y) => x + y, 0);
      return row.map((v) => v / s);
    });
    const total = singles.reduce((x, y) => x + y, 0);
    prior = singles.map((v) => v / total);
  }
  return { transition, prior };
}
