/**
 * French numbers in words and figures: Roman numerals, ordinal suffixes as the Imprimerie
 * nationale writes them (1er, 1re, 2e, 2d, XXIe — not 2ème, 2nd), and ordinals written out
 * (`troisième` → 3). The one place these facts live: repairs, extraction and typography ask here.
 */

/** A Roman numeral up to 3999, in capitals. */
const roman = /^M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$/u;

/** True for a Roman numeral (`II`, `XXI`, `MMXXV`); the empty string is none. */
export function isRomanNumeral(token: string): boolean {
  return token.length > 0 && roman.test(token);
}

/**
 * The suffix of an ordinal as French typography writes it, or undefined when the number and the
 * suffix make no French ordinal: `ème` → `e`, `ère` → `re`, `nd` → `d` (only after 2),
 * `er`/`re` only after 1 (or I).
 * @param number the figures or the Roman numeral
 * @param suffix the letters written after it
 */
export function ordinalSuffix(number: string, suffix: string): string | undefined {
  const s = suffix.toLowerCase();
  const one = number === '1' || number === 'I';
  if (/^(?:ers?|res?|ères?)$/u.test(s) && !one) return undefined;
  if (/^(?:nde?s?|de?s?)$/u.test(s) && number !== '2' && number !== 'II') return undefined;
  return s
    .replace(/^(?:ème|eme|è)(s?)$/u, 'e$1')
    .replace(/^ère(s?)$/u, 're$1')
    .replace(/^nd(e?)(s?)$/u, 'd$1$2');
}

/** Ordinals written out, with their number (`deuxième` → 2). */
const ordinalWords: Record<string, number> = {
  premier: 1, première: 1, deuxième: 2, second: 2, seconde: 2, troisième: 3, quatrième: 4, cinquième: 5, sixième: 6,
  septième: 7, huitième: 8, neuvième: 9, dixième: 10, onzième: 11, douzième: 12, treizième: 13, quatorzième: 14,
  quinzième: 15, seizième: 16, vingtième: 20, trentième: 30, centième: 100,
};

/**
 * The number an ordinal stands for, written out (`troisième`) or in figures (`3e`, `1er`, `2ème`).
 * @returns the number, or undefined for any other word
 */
export function ordinalValue(word: string): number | undefined {
  const lower = word.toLowerCase();
  if (Object.hasOwn(ordinalWords, lower)) return ordinalWords[lower];
  const m = /^(\d+)(e|er|re|ème|eme|è|nd|d)$/u.exec(lower);
  return m && ordinalSuffix(m[1]!, m[2]!) !== undefined ? Number(m[1]) : undefined;
}

const superscriptLetters: Record<string, string> = { e: 'ᵉ', r: 'ʳ', s: 'ˢ', n: 'ⁿ', d: 'ᵈ' };

/**
 * An ordinal's suffix as French typography prints it, in superior letters: `1` + `er` → `ᵉʳ`,
 * `24` + `ème` → `ᵉ`, `2` + `nd` → `ᵈ`; undefined when the suffix does not fit the number.
 */
export function superscriptOrdinal(number: string, suffix: string): string | undefined {
  const s = ordinalSuffix(number, suffix);
  return s === undefined ? undefined : [...s].map((c) => superscriptLetters[c] ?? c).join('');
}

