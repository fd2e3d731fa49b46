/**
 * Verb–subject inversion: French writes a verb and the subject pronoun after it with a hyphen
 * (`contient-il`, `disent-elles`), and a euphonic `t` between a verb ending in a vowel and
 * `il`, `elle`, `on` (`a-t-il`, `va-t-on`). An extraction that drops the hyphens leaves
 * `contientil`, `atil`: this module tells such a word apart and gives it back its hyphens,
 * checking with the lexicon that the verb is a verb of the pronoun's person.
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
