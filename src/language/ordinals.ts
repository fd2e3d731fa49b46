/**
 * How French typography writes ordinals: the suffix as superior letters (`1ᵉʳ`, `24ᵉ`, `2ⁿᵈ`),
 * `ème` and `è` reduced to `ᵉ`. Shared by the repair of caret ordinals (`24^e`) and by the PDF
 * reader, which sees the suffix set as a superscript.
 */

const superscriptLetters: Record<string, string> = { e: 'ᵉ', r: 'ʳ', s: 'ˢ', n: 'ⁿ', d: 'ᵈ' };

/** `er` → `ᵉʳ`; `ème` → `ᵉ`. */
export function superscriptOrdinal(suffix: string): string {
  const s = suffix.toLowerCase().replace(/^(?:ème|è|eme)(s?)$/u, 'e$1').replace(/^ère(s?)$/u, 're$1');
  return [...s].map((c) => superscriptLetters[c] ?? c).join('');
}
