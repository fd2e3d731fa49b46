/**
 * French facts for hyphens at a line's end: which hyphens belong to the words, so that a repair
 * that finds two pieces of a word across a line break (or glued by an extraction that dropped the
 * hyphen) knows when French writes the hyphen.
 *
 * General grammar, not drawn from any text: the subject pronouns that follow a verb in an
 * inversion (`dit-il`, `peut-on`, `a-t-elle`) and the stressed pronouns after an imperative or
 * before `même` (`dis-moi`, `lui-même`). Not for deciding the spelling of compounds in general:
 * the lexicon and the document's own spellings do that.
 */

/**
 * Pronouns after a verb in an inversion or an imperative, always joined by a hyphen. `y`, `en`,
 * `le`, `la`, `les` and `leur` are left out: at the end of a glued word they are far more often
 * the end of another word (`rule`, `anyway`, `Ecole`) than a pronoun.
 */
const postverbalPronouns = new Set([
  'je', 'tu', 'il', 'elle', 'on', 'nous', 'vous', 'ils', 'elles', 'ce', 'moi', 'toi', 'lui', 'même', 'mêmes',
]);

/**
 * True when `tail` is a pronoun French joins to the word before it with a hyphen (`dit` + `il`,
 * `moi` + `même`), or the euphonic `t` with its pronoun (`a` + `t-il`).
 */
export function isPostverbalPronoun(tail: string): boolean {
  const t = tail.toLocaleLowerCase('fr');
  return postverbalPronouns.has(t) || /^t-(?:il|elle|on|ils|elles)$/u.test(t);
}

/** The euphonic `-t-` of an inversion whose second hyphen was dropped: `pourra-ton` → `pourra-t-on`. */
export function restoreEuphonicT(word: string): string | undefined {
  const m = /^(\p{L}+[ae])-t(il|elle|on|ils|elles)$/iu.exec(word);
  return m ? `${m[1]}-t-${m[2]}` : undefined;
}
