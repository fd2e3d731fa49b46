/**
 * Verb–subject inversion: French writes a verb and the subject pronoun after it with a hyphen
 * (`contient-il`, `disent-elles`), and a euphonic `t` between a verb ending in a vowel and
 * `il`, `elle`, `on` (`a-t-il`, `va-t-on`). An extraction that drops the hyphens leaves
 * `contientil`, `atil`: this module tells such a word apart and gives it back its hyphens,
 * checking with the lexicon that the verb is a verb of the pronoun's person. Also the pronouns
 * French always joins with a hyphen to the word before them (`dis-moi`, `lui-même`, `est-ce`),
 * for repairs that find two pieces of a word across a line break.
 */
import type { Lexicon } from './lexicon.ts';
import * as T from './tags.ts';

/** Pronouns that follow the verb, with the person the verb must have. */
const inverted: [string, number][] = [
  ['elles', T.P3P], ['ils', T.P3P], ['elle', T.P3S], ['il', T.P3S], ['on', T.P3S],
  ['nous', T.P1P], ['vous', T.P2P], ['je', T.P1S], ['tu', T.P2S],
];

/**
 * The hyphenated inversion a welded word stands for, if it is one: `contientil` → `contient-il`,
 * `atil` → `a-t-il`, `dit-il` stays; undefined for any other word.
 */
export function restoreInversion(word: string, lexicon: Lexicon): string | undefined {
  const lower = word.toLowerCase();
  for (const [pronoun, person] of inverted) {
    if (!lower.endsWith(pronoun) || lower.length <= pronoun.length) continue;
    const head = word.slice(0, word.length - pronoun.length).replace(/-$/u, '');
    const tail = word.slice(word.length - pronoun.length);
    // `a-t-il`: a vowel-final verb, the euphonic t, a third-person pronoun.
    const euphonic = /^(.*[aeé])-?t$/iu.exec(head);
    if (euphonic && person === T.P3S && isVerbOf(euphonic[1]!, person, lexicon)) return `${euphonic[1]}-t-${tail}`;
    // Without the t, a third-person verb must end in a consonant (`dit-il`, not `aime-il`).
    const needsT = person === T.P3S && /[ae]$/iu.test(head);
    if (!needsT && head.length > 1 && isVerbOf(head, person, lexicon)) return `${head}-${tail}`;
  }
  return undefined;
}

function isVerbOf(form: string, person: number, lexicon: Lexicon): boolean {
  const t = lexicon.tags(form);
  return (t & T.VERB) !== 0 && (t & person) !== 0;
}

/**
 * Pronouns joined by a hyphen to the word before them: the subject pronouns of an inversion, and
 * the stressed pronouns after an imperative or before `même`. `y`, `en`, `le`, `la`, `les` and
 * `leur` are left out: at the end of a glued word they are far more often the end of another word
 * (`rule`, `anyway`) than a pronoun.
 */
const postverbalPronouns = new Set([...inverted.map(([p]) => p), 'ce', 'moi', 'toi', 'lui', 'même', 'mêmes']);

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
