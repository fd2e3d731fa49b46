/**
 * French facts for hyphens at a line's end: which hyphens belong to the words, so that a repair
 * that finds two pieces of a word across a line break (or glued by an extraction that dropped the
 * hyphen) knows when French writes the hyphen.
 *
 * General grammar, not drawn from any text: the subject pronouns that follow a verb in an
 * inversion (`dit-il`, `peut-on`, `a-t-elle`), the object pronouns after an imperative
 * (`donne-le`, `dis-moi`), and the few prefixes French always joins with a hyphen (`ex-`,
 * `vice-`, `arrière-`…). Not for deciding the spelling of compounds in general: the lexicon
 * and the document's own spellings do that.
 */

/** Pronouns after a verb in an inversion or an imperative, always joined by a hyphen. */
const postverbalPronouns = new Set([
  'je', 'tu', 'il', 'elle', 'on', 'nous', 'vous', 'ils', 'elles', 'ce',
  'le', 'la', 'les', 'moi', 'toi', 'lui', 'leur', 'même', 'mêmes',
]);

/** Prefixes that French writes with a hyphen before any word (`ex-ministre`, `vice-président`). */
const hyphenatedPrefixes = new Set(['ex', 'vice', 'arrière', 'avant', 'après', 'demi', 'mi', 'semi', 'sous', 'sans', 'non', 'quasi', 'néo', 'pro', 'anti', 'auto', 'contre', 'extra', 'grand', 'haut', 'basse', 'bas', 'nord', 'sud', 'est', 'ouest', 'ci', 'là', 'au', 'belle', 'beau']);

/**
 * True when `tail` is a pronoun French joins to the word before it with a hyphen (`dit` + `il`,
 * `moi` + `même`, `donne` + `le`), or the euphonic `t` with its pronoun (`a` + `t-il`).
 */
export function isPostverbalPronoun(tail: string): boolean {
  const t = tail.toLocaleLowerCase('fr');
  return postverbalPronouns.has(t) || /^t-(?:il|elle|on|ils|elles)$/u.test(t);
}

/**
 * True when `head` is a prefix that may take a hyphen before the next word (`sous` +
 * `échantillonnage`). Such a prefix is also often welded (`soustraire`), so this only says that a
 * hyphen is possible; the lexicon or the document decides.
 */
export function mayTakeHyphen(head: string): boolean {
  return hyphenatedPrefixes.has(head.toLocaleLowerCase('fr'));
}

/** The euphonic `-t-` of an inversion whose second hyphen was dropped: `pourra-ton` → `pourra-t-on`. */
export function restoreEuphonicT(word: string): string | undefined {
  const m = /^(\p{L}+[ae])-t(il|elle|on|ils|elles)$/iu.exec(word);
  return m ? `${m[1]}-t-${m[2]}` : undefined;
}
