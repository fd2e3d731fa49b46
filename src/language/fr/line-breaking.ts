/**
 * Facts of French line breaking (Imprimerie nationale, Lexique des règles typographiques; the
 * habits of French book printing), for the hyphenation pass and the print checks:
 *
 * - at least three letters before a word break and three after it (`dé-` and `-ne` alone on a
 *   line read badly);
 * - no more than two hyphenated lines in a row (a “ladder”);
 * - a compound is broken at its own hyphen, never elsewhere, and a compound that names someone or
 *   something (a proper noun: `Saint-Lô`), a number (`2025-2028`) or a code (`AB-12`, `ASF-UE`) is
 *   never broken at all.
 *
 * Not for: where the breaks fall in a word (the hyphenation patterns of `hyphen`).
 */

/** Fewest letters left before a word break. */
export const minLettersBeforeBreak = 3;
/** Fewest letters carried to the next line after a word break. */
export const minLettersAfterBreak = 3;
/** Most lines in a row that may end with a hyphen. */
export const maxHyphenatedLinesInARow = 2;
/** Shortest word that is hyphenated at all. */
export const minHyphenatedWordLength = 6;

/** U+2011 NON-BREAKING HYPHEN: looks like a hyphen, never ends a line. */
export const nonBreakingHyphen = '\u2011';

/**
 * True when a line must not break at the hyphen between two parts of a compound: the parts make a
 * proper noun (a capital after the hyphen), a number or a code (digits, or capitals only).
 * @param left the part before the hyphen (letters and digits)
 * @param right the part after it
 */
export function isUnbreakableCompound(left: string, right: string): boolean {
  if (/\p{N}/u.test(left.slice(-1)) || /^\p{N}/u.test(right)) return true;
  if (/^\p{Lu}/u.test(right)) return true;
  if (left.length > 1 && !/\p{Ll}/u.test(left)) return true;
  return false;
}

/** Hyphens that join the parts of a compound in running text. */
export const compoundHyphen = /(?<=([\p{L}\p{N}]+))[-\u2010](?=([\p{L}\p{N}]+))/gu;
