/**
 * Where a French sentence ends, and the last word of a text: what paragraph joining and the
 * truncation check ask. The words after which a sentence cannot stop are in `words.ts`.
 */

/** The last word of a text (letters only), or undefined. */
export function lastWord(text: string): string | undefined {
  return /(\p{L}+)\P{L}*$/u.exec(text)?.[1];
}

/** True when the text ends a sentence: `.`, `!`, `?`, `…`, `:` or `;`, possibly followed by closing quotes, brackets or bold markers. */
export function endsSentence(text: string): boolean {
  return /[.!?…:;](?:\s*[»”"’)\]]|\*\*)*\s*$/u.test(text);
}

/** Abbreviations whose full stop ends no sentence, so a lowercase word may follow it (`etc. ou`, `cf. la`). */
const abbreviations = new Set(['etc', 'cf', 'ex', 'env', 'resp', 'vol', 'chap', 'fig', 'art', 'al', 'coll', 'éd', 'cit', 'op', 'ibid', 'min', 'max', 'sq', 'av', 'apr', 'hab', 'tél', 'réf', 'sqq', 'var', 'vs', 'gr', 'lat', 'mr', 'mme', 'mlle', 'dr', 'pr', 'st', 'ste']);

/** True when a word written before a full stop is a common abbreviation (any case). */
export function isAbbreviation(word: string): boolean {
  return abbreviations.has(word.toLowerCase());
}

/**
 * Where a sentence starts with a word in lowercase (`fini. puis`): the offsets of such words, after
 * a full stop, a question or exclamation mark (maybe after a stray space) that follows a word of
 * three letters or more that is no abbreviation. French starts its sentences with a capital.
 */
export function lowercaseSentenceStarts(text: string): number[] {
  const out: number[] = [];
  for (const m of text.matchAll(/(\p{L}{3,}) ?[.!?] +(?=\p{Ll})/gu)) if (!isAbbreviation(m[1]!) && /\p{Ll}$/u.test(m[1]!)) out.push(m.index + m[0].length);
  return out;
}
