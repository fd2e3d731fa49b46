/**
 * Glyphs that typesetting leaves in extracted text, and the letters they stand for: ligatures
 * (`ﬁ` for `fi`), and the spacing accents that TeX's 7-bit fonts (OT1) draw as a glyph of their
 * own over or under a letter (`´` + `e` for `é`, `c` + `¸` for `ç`, `ˆ` + `ı` for `î`).
 *
 * Facts of how documents are typeset, shared by every reader of extracted text (the PDF reader
 * combines accents by position; a text repair can use the same tables on adjacent characters).
 * Not for: deciding where a glyph is (that needs positions, see `src/sources/pdf/`).
 */

/** Ligature glyphs and the letters they join (Unicode's Latin presentation forms). `œ` and `æ` are letters of French, not ligatures to undo. */
export const ligatures: Readonly<Record<string, string>> = {
  '\ufb00': 'ff',
  '\ufb01': 'fi',
  '\ufb02': 'fl',
  '\ufb03': 'ffi',
  '\ufb04': 'ffl',
  '\ufb05': 'st',
  '\ufb06': 'st',
};

/**
 * Spacing accents (drawn as glyphs of their own) and the combining mark each one stands for.
 * TeX's OT1 fonts and some older PDF producers put these beside the letter instead of using an
 * accented glyph.
 */
export const spacingAccents: Readonly<Record<string, string>> = {
  '\u00b4': '\u0301', // ´ acute
  '\u02ca': '\u0301',
  '\u0060': '\u0300', // ` grave
  '\u02cb': '\u0300',
  '\u005e': '\u0302', // ^ circumflex
  '\u02c6': '\u0302',
  '\u00a8': '\u0308', // ¨ diaeresis
  '\u02dc': '\u0303', // ˜ tilde
  '\u02da': '\u030a', // ˚ ring
  '\u00b8': '\u0327', // ¸ cedilla
  '\u02c7': '\u030c', // ˇ caron
  '\u02d8': '\u0306', // ˘ breve
  '\u00af': '\u0304', // ¯ macron
  '\u02dd': '\u030b', // ˝ double acute
  '\u02d9': '\u0307', // ˙ dot above
};

/** True for a spacing accent that may belong to the letter beside it. */
export function isSpacingAccent(ch: string): boolean {
  return spacingAccents[ch] !== undefined;
}

/**
 * The letter an accent glyph and a base letter make together, in NFC (`´` + `e` → `é`), or
 * undefined when Unicode has no such precomposed letter (then the two are better left apart).
 * A dotless `ı` or `ȷ` under an accent is the ordinary `i` or `j`, as TeX draws `î`.
 */
export function combineAccent(accent: string, base: string): string | undefined {
  const mark = spacingAccents[accent];
  if (!mark || !/^\p{L}$/u.test(base)) return undefined;
  const letter = base === 'ı' ? 'i' : base === 'ȷ' ? 'j' : base;
  const combined = (letter + mark).normalize('NFC');
  return [...combined].length === 1 ? combined : undefined;
}

/** Replaces ligature glyphs by their letters. */
export function expandLigatures(text: string): string {
  return text.replace(/[\ufb00-\ufb06]/gu, (c) => ligatures[c] ?? c);
}

/**
 * Hyphens that typesetting chooses for layout, not meaning: the Unicode hyphen (U+2010, what a
 * browser draws at a hyphenation break) and the non-breaking hyphen (U+2011, set so that a short
 * compound does not break) are the hyphen-minus a text writes.
 */
export function plainHyphens(text: string): string {
  return text.replace(/[\u2010\u2011]/gu, '-');
}
