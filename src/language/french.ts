/**
 * Small facts of French grammar the repairs rely on: which words cannot end a sentence
 * (articles, prepositions, conjunctions), and what ends one.
 * General linguistic knowledge, not a list drawn from any text of the corpus.
 */

/** Words after which a French sentence cannot stop. */
const functionWords = new Set([
  'à', 'au', 'aux', 'avec', 'ce', 'ces', 'cet', 'cette', 'chez', 'comme', 'contre', 'dans', 'de', 'des', 'dont',
  'du', 'en', 'entre', 'et', 'la', 'le', 'les', 'leur', 'leurs', 'ma', 'mais', 'mes', 'mon', 'nos', 'notre', 'ou',
  'par', 'parmi', 'pour', 'que', 'qui', 'sa', 'sans', 'ses', 'son', 'sous', 'sur', 'ta', 'tes', 'ton', 'un', 'une',
  'vers', 'vos', 'votre', 'afin', 'selon', 'depuis', 'lors', 'quant', 'dès', 'jusqu', 'lorsque', 'puisque', 'si',
  'ni', 'car', 'donc', 'or', 'tel', 'telle', 'tels', 'telles', 'plus', 'très', 'ainsi', 'notamment', 'également',
  'the', 'of', 'and', 'to', 'in', 'for', 'with', 'a', 'an',
]);

/** True for an article, preposition or conjunction after which a sentence cannot stop. */
export function isFunctionWord(word: string | undefined): boolean {
  return word !== undefined && functionWords.has(word.toLocaleLowerCase('fr'));
}

/** The last word of a text (letters only), or undefined. */
export function lastWord(text: string): string | undefined {
  return /(\p{L}+)\P{L}*$/u.exec(text)?.[1];
}

/** True when the text ends a sentence: `.`, `!`, `?`, `…`, `:` or `;`, possibly followed by closing quotes, brackets or bold markers. */
export function endsSentence(text: string): boolean {
  return /[.!?…:;](?:\s*[»”"’)\]]|\*\*)*\s*$/u.test(text);
}

/** True when an elided article or pronoun (`l’`, `d’`, `qu’`…) stands before a word that starts with a consonant: impossible in French (`h` aside). */
export function elisionBeforeConsonant(a: string, b: string): boolean {
  return /^(?:[cdjlmnst]|qu|jusqu|lorsqu|puisqu|quoiqu)’$/u.test(a) && /^[bcdfgjklmnpqrstvwxzç]/u.test(b.toLocaleLowerCase('fr'));
}

/**
 * Words that French only uses before certain others (`afin de`, `lors de`, `grâce à`, `quant à`):
 * a reading that puts anything else after them is wrong.
 */
const requiredNext: Record<string, RegExp> = {
  afin: /^(?:de|d’|que|qu’)$/u,
  lors: /^(?:de|d’|du|des|que|qu’)$/u,
  grâce: /^(?:à|au|aux)$/u,
  quant: /^(?:à|au|aux)$/u,
  auprès: /^(?:de|d’|du|des)$/u,
  'jusqu’': /^\p{L}/u,
  parmi: /^(?:les|des|ces|leurs|nos|vos|eux|elles|lesquels|lesquelles|\p{L}+s)$/u,
};

/** True when `next` cannot follow `word` (`afin par`, `grâce de`). */
export function breaksCollocation(word: string, next: string): boolean {
  const rule = requiredNext[word];
  return rule !== undefined && !rule.test(next);
}
