/**
 * French typography on plain text, by the rules of the Imprimerie nationale (Lexique des règles
 * typographiques): the spaces around punctuation, digit groups, typographic apostrophes.
 *
 * Works on one run of text (a paragraph's text, even when it spans several HTML nodes) and says,
 * character by character, what each becomes, so the caller can give each node its part back.
 * Characters marked as protected (code, URLs) are never changed, nor used as context.
 *
 * Not for: the HTML tree (see `rehype-french-typography.ts`), superscript ordinals (they need
 * elements), hyphenation (`hyphenate.ts`).
 */
import { isRomanNumeral, ordinalSuffix } from '../language/fr/numbers.ts';

/** U+202F NARROW NO-BREAK SPACE (espace fine insécable): before ; ! ? and between digit groups. */
export const narrowNbsp = '\u202f';
/** U+00A0 NO-BREAK SPACE (espace mot insécable): before : and inside « ». */
export const nbsp = '\u00a0';

const space = /[ \t\n\r\f\u00a0\u202f\u2009\u2008\u2007\u2006\u2005\u2004]/;
const letter = /\p{L}/u;
/** What may end a word before a high punctuation mark: letters, digits, closing signs. */
const wordEnd = /[\p{L}\p{N}\p{M})\]»”’…%*°]/u;

/** URLs, e-mail addresses and file-like codes, which typography must leave alone. */
const untouchable = /\b(?:https?|ftp|mailto):[^\s<>«»"]+|\bwww\.[^\s<>«»"]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+/giu;

/**
 * Marks the characters of URLs and e-mail addresses as protected.
 * @param text the run's text
 * @param protectedChars already protected characters (modified and returned)
 */
export function protectUrls(text: string, protectedChars: boolean[] = new Array(text.length).fill(false)): boolean[] {
  // Each kind needs a colon, an at sign or `www.`: most runs have none, and are not searched.
  if (!/[:@]|www\./i.test(text)) return protectedChars;
  for (const m of text.matchAll(untouchable)) {
    // A sentence's final full stop or closing sign is not part of the URL.
    const length = m[0].replace(/[.,;:!?)\]]+$/, '').length;
    for (let i = m.index; i < m.index + length; i++) protectedChars[i] = true;
  }
  return protectedChars;
}

/**
 * Applies the French spacing and apostrophe rules to a run of text.
 * @param text the run's text
 * @param protectedChars true for each character that must not change (code, URL)
 * @returns for each character of `text`, what it becomes (the empty string to remove it, or
 *   several characters when a space is inserted); joining them gives the new text
 */
export function frenchTypography(text: string, protectedChars: readonly boolean[] = []): string[] {
  // One slot per UTF-16 unit, so indices match `text[i]` (a surrogate pair keeps its two halves).
  const out = text.split('');
  const free = (i: number): boolean => i >= 0 && i < text.length && !protectedChars[i];
  const at = (i: number): string => (i >= 0 && i < text.length ? text[i]! : '');

  /** Replaces the spaces before position i by one unbreakable space, or inserts one. */
  const spaceBefore = (i: number, kind: string): void => {
    let j = i - 1;
    while (j >= 0 && free(j) && space.test(at(j))) j--;
    if (j < i - 1) {
      if (j < 0 || !free(j)) return; // only spaces before: the mark opens the run, leave it
      if (/[«(\[]/.test(at(j))) return; // right after an opening sign, the space is that sign's
      out[j + 1] = kind;
      for (let k = j + 2; k < i; k++) out[k] = '';
    } else if (j >= 0 && (!free(j) || wordEnd.test(at(j)))) out[i] = kind + out[i];
  };
  /** Replaces the spaces after position i by one unbreakable space, or inserts one. */
  const spaceAfter = (i: number, kind: string): void => {
    let j = i + 1;
    while (j < text.length && free(j) && space.test(at(j))) j++;
    if (j > i + 1) {
      if (j >= text.length || !free(j)) return;
      out[i + 1] = kind;
      for (let k = i + 2; k < j; k++) out[k] = '';
    } else if (free(j) && !space.test(at(j))) out[i] = out[i] + kind;
  };

  for (let i = 0; i < text.length; i++) {
    if (!free(i)) continue;
    const c = text[i]!;
    if (c === "'" && letter.test(at(i - 1)) && letter.test(at(i + 1))) out[i] = '’';
    else if (c === ';' || c === '!' || c === '?') {
      // “?!”, “!!”: the space goes before the first mark only.
      if (!/[!?]/.test(at(i - 1))) spaceBefore(i, narrowNbsp);
    } else if (c === ':') {
      // A colon that ends a phrase (“le : 26”), not one inside a time, a ratio or a reference.
      const next = at(i + 1);
      if (next === '' || space.test(next) || next === '»') spaceBefore(i, nbsp);
    } else if (c === '«') spaceAfter(i, nbsp);
    else if (c === '»') spaceBefore(i, nbsp);
  }
  groupDigits(text, out, free);
  bindNumbers(text, out, free);
  return out;
}

/**
 * A number stays on the line of what it counts: “6 décembre”, “1er mai”, “90 000 hommes”
 * (no-break space), and “20 %” (narrow no-break space). Years (four digits) are not bound.
 */
function bindNumbers(text: string, out: string[], free: (i: number) => boolean): void {
  for (const m of text.matchAll(/(?<![\p{L}\p{N}_.,:\/-])(?:\d{1,3}(?:[ \u00a0\u202f]\d{3})*|\d{5,})(?:ers?|res?|èmes?|es?)? (?=\p{L})/gu)) {
    const at = m.index + m[0].length - 1;
    if (rangeFree(m.index, m[0].length, free) && out[at] === ' ') out[at] = nbsp;
  }
  for (const m of text.matchAll(/\d( ?)%/gu)) {
    const at = m.index + 1;
    if (!rangeFree(m.index, m[0].length, free)) continue;
    if (m[1]) out[at] = narrowNbsp;
    else out[m.index] = out[m.index] + narrowNbsp;
  }
}

/** Applies `frenchTypography` and joins the result. */
export function applyFrenchTypography(text: string, protectedChars?: readonly boolean[]): string {
  return frenchTypography(text, protectedChars ?? protectUrls(text)).join('');
}

/**
 * Digit groups: numbers of five digits or more get narrow no-break spaces every three digits
 * (90000 → 90 000), and groups already spaced get the unbreakable space. Numbers of four digits
 * are left alone (years), and so are digits in codes (A9-0123/2024, 2016/1234) and decimals.
 */
function groupDigits(text: string, out: string[], free: (i: number) => boolean): void {
  // Already grouped: 1 to 3 digits, then groups of three after a space.
  for (const m of text.matchAll(/(?<![\p{L}\p{N}_.,\/-])\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+(?![\p{L}\p{N}_\/-]|[.,]\d)/gu)) {
    if (!rangeFree(m.index, m[0].length, free)) continue;
    for (let i = m.index; i < m.index + m[0].length; i++) if (!/\d/.test(text[i]!)) out[i] = narrowNbsp;
  }
  for (const m of text.matchAll(/(?<![\p{L}\p{N}_.,\/-])\d{5,}(?![\p{L}\p{N}_\/-]|[.,]\d)/gu)) {
    if (!rangeFree(m.index, m[0].length, free)) continue;
    const digits = m[0];
    for (let k = digits.length - 3; k > 0; k -= 3) out[m.index + k] = narrowNbsp + out[m.index + k]!;
  }
}

function rangeFree(start: number, length: number, free: (i: number) => boolean): boolean {
  for (let i = start; i < start + length; i++) if (!free(i)) return false;
  return true;
}

/** A superscript ordinal found in a text: the number, and the suffix as the rules write it. */
export interface Ordinal {
  index: number;
  length: number;
  number: string;
  suffix: string;
  /** True for Roman numerals (centuries, sovereigns), set in small capitals. */
  roman: boolean;
}

/**
 * Finds ordinals to set in superscript: 1er, 1re, 2e, 3es, XXIe… The suffixes written out by
 * mistake (2ème, 3ème, 2nd…) are given the Imprimerie nationale's form (2e, 3e, 2d).
 * @returns ordinals in text order
 */
export function findOrdinals(text: string): Ordinal[] {
  const found: Ordinal[] = [];
  const pattern = /(?<![\p{L}\p{N}_.,\/-])(\d{1,4}|[IVXLCDM]{1,7})(ers|res|er|re|èmes|ème|emes|eme|es|e|nds|ndes|nde|nd|des|de|d)(?![\p{L}\p{N}_\/-])/gu;
  for (const m of text.matchAll(pattern)) {
    const [whole, number, raw] = m as unknown as [string, string, string];
    const roman = !/\d/.test(number);
    if (roman) {
      // One letter (“Le”, “De”) is a word, not a numeral, except I in “Ier”, “Ire”.
      if (!isRomanNumeral(number)) continue;
      if (number.length < 2 && !(number === 'I' && /^(er|re)$/.test(raw))) continue;
    }
    // “1d”, “3nd” are no French ordinals; `numbers.ts` knows which suffix goes with which number.
    const suffix = ordinalSuffix(number, raw);
    if (suffix === undefined) continue;
    found.push({ index: m.index, length: whole.length, number, suffix, roman });
  }
  return found;
}
