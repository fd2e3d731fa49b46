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
