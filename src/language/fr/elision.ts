/**
 * Elision: the words French writes with an apostrophe before a vowel or a mute `h` (`l’`, `d’`,
 * `qu’`, `jusqu’`…), the pattern that splits them off a word, and the two mistakes a damaged
 * reading makes with them — an elided word before a consonant (`l’manipulation`), a full word
 * before a vowel (`de accord`). The one place these facts live.
 */

/** The elided forms, without their apostrophe. */
const elidable = '(?:[cdjlmnst]|qu|jusqu|lorsqu|puisqu|quoiqu)';

/** An elided word at the start of a word (`l’`, `qu’`), either apostrophe, before a letter. */
export const elisionPrefix = new RegExp(`^${elidable}['’](?=\\p{L})`, 'iu');

/** A whole normalized token that is an elided word (`l’`, `jusqu’`). */
const elidedToken = new RegExp(`^${elidable}’$`, 'u');

const elidedHead = new RegExp(`^(${elidable}’)(.+)$`, 'u');

/** Splits a normalized word at its elision: `l’europe` → [`l’`, `europe`]; other words stay whole. */
export function splitElision(norm: string): string[] {
  const m = elidedHead.exec(norm);
  return m ? [m[1]!, m[2]!] : [norm];
}

/** True for an elided token (`l’`, `d’`, `qu’`). */
export function isElided(token: string): boolean {
  return elidedToken.test(token);
}

/** True when a word starts with a consonant other than `h` (elision is impossible before it). */
export function startsWithConsonant(word: string): boolean {
  return /^[bcdfgjklmnpqrstvwxzç]/u.test(word.toLowerCase());
}

/** True when a word starts with a vowel (not `y`, not `h`: both may or may not elide). */
export function startsWithVowel(word: string): boolean {
  return /^[aeiouàâäéèêëîïôöùûüœæ]/u.test(word.toLowerCase());
}

/** True when an elided word stands before a consonant: impossible in French (`h` aside). */
export function elisionBeforeConsonant(a: string, b: string): boolean {
  return isElided(a) && startsWithConsonant(b);
}

/** Words French elides before a vowel: written in full there, they show a wrong reading. */
const elidedBeforeVowel = new Set(['le', 'la', 'de', 'que', 'ne', 'se', 'je', 'me', 'te', 'jusque', 'lorsque', 'puisque']);
/** Vowel-initial words that take no elision (`le onze`, `le oui`). */
const noElision = new Set(['onze', 'onzième', 'oui', 'ouistiti', 'ouate']);

/** True when a word that elides stands in full before a vowel (`la industrie`, `de accord`); both normalized. */
export function missingElision(a: string, b: string): boolean {
  return elidedBeforeVowel.has(a) && startsWithVowel(b) && !noElision.has(b);
}
