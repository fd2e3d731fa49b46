/**
 * What two neighbouring French words must respect, whatever the text: an article agrees with
 * its noun in gender and number (`la règles`, `les partenariat`), a subject pronoun with its
 * verb in person (`ils contient`), an elided word stands before a vowel and only there
 * (`l’manipulation`, `de accord`), some words take only certain others after them (`afin de`).
 * Each broken rule costs a reading a penalty in the language model (`model.ts`).
 *
 * Written by hand from French grammar, with the lexicon's morphology (`tags.ts`); not a grammar
 * checker: only adjacent words, only rules without exceptions worth the name.
 */
import { elisionBeforeConsonant, missingElision } from './elision.ts';
import type { Lexicon } from './lexicon.ts';
import * as T from './tags.ts';
import { breaksCollocation, closedClassTags } from './words.ts';

/** Penalties, in natural-log units of the model; measured on the tune part. */
export const agreementWeights = {
  /** An article and a noun that cannot agree. */
  determiner: 6,
  /** …when the second word may also be a verb (`la porte` / `tu la portes`). */
  determinerOrVerb: 2,
  /** A subject pronoun before a finite verb of another person. */
  subject: 5,
  /** An elided word before a consonant; a full one before a vowel. */
  elision: 8,
  missingElision: 4,
  /** A word French only follows with certain others (`afin` + `de`). */
  collocation: 5,
  /** A noun and the adjective right after it with no gender or number in common. */
  nounAdjective: 1.5,
};

/** Persons a subject pronoun takes. */
const subjectPersons: Record<string, number> = {
  je: T.P1S, 'j’': T.P1S, tu: T.P2S, il: T.P3S, elle: T.P3S, on: T.P3S, ils: T.P3P, elles: T.P3P, nous: T.P1P, vous: T.P2P,
};

function norm(word: string): string {
  return word.toLowerCase().replace(/'/gu, '’');
}

/** Adverbs of degree that stand between an article and its adjective (`les plus fortes`, `la très grande`). */
const degreeAdverbs = new Set(['plus', 'moins', 'très', 'si', 'aussi', 'trop', 'assez']);

/** An article and a word that cannot agree: the penalty, or 0. */
function determinerPenalty(na: string, b: string, nb: string, lexicon: Lexicon): number {
  const ta = closedClassTags(na);
  if (!(ta & T.DET) || na === 'de' || na === 'd’' || /^\p{Lu}/u.test(b)) return 0;
  const tb = lexicon.tags(b);
  if (!(tb & T.NOMINAL) || closedClassTags(nb) || !T.disagrees(ta, tb)) return 0;
  return tb & (T.VERB | T.INFINITIVE) ? agreementWeights.determinerOrVerb : agreementWeights.determiner;
}

/**
 * The penalty for word `c` two words after an article `a`, across an adverb of degree (`les plus
 * forte`): the article agrees with the adjective as it would right before it.
 */
export function degreePenalty(a: string, middle: string, c: string, lexicon: Lexicon): number {
  if (!degreeAdverbs.has(norm(middle)) || !/^\p{L}/u.test(c)) return 0;
  return determinerPenalty(norm(a), c, norm(c), lexicon);
}

/**
 * The penalty for word `b` right after word `a` (0 when they may stand together).
 * @param a the first token as written
 * @param b the second token as written
 */
export function junctionPenalty(a: string, b: string, lexicon: Lexicon): number {
  const na = norm(a);
  const nb = norm(b);
  let p = 0;
  if (elisionBeforeConsonant(na, nb)) p += agreementWeights.elision;
  else if (missingElision(na, nb)) p += agreementWeights.missingElision;
  if (breaksCollocation(na, nb)) p += agreementWeights.collocation;
  if (!/^\p{L}/u.test(nb)) return p;
  p += determinerPenalty(na, b, nb, lexicon);
  const persons = subjectPersons[na];
  if (persons !== undefined) {
    const tb = lexicon.tags(b);
    // Only a word that can be nothing but a finite verb: `il porte` / `ils porte` both have readings otherwise.
    if (tb & T.VERB && !(tb & (T.NOUN | T.ADJ | T.CLITIC | T.PRONOUN | T.ADV | T.PAST_PARTICIPLE)) && !(tb & persons)) p += agreementWeights.subject;
  }
  if (!closedClassTags(na) && !closedClassTags(nb)) {
    const tA = lexicon.tags(a);
    const tB = lexicon.tags(b);
    const nounOnly = (tA & (T.NOUN | T.ADJ | T.VERB | T.INFINITIVE | T.ADV | T.PROPER)) === T.NOUN;
    const adjOnly = (tB & (T.NOUN | T.ADJ | T.VERB | T.INFINITIVE | T.ADV | T.PROPER)) === T.ADJ;
    if (nounOnly && adjOnly && (T.clash(tA, tB, T.MASC | T.FEM) || T.clash(tA, tB, T.SING | T.PLUR))) p += agreementWeights.nounAdjective;
  }
  return p;
}
