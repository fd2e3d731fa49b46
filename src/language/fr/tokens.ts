/**
 * How French text is cut into the tokens the language model scores: words (with their inner
 * apostrophes and hyphens: `aujourd’hui`, `porte-parole`), an elided word split off its host
 * (`l’usage` → `l’` `usage`), and the punctuation marks that shape a sentence. Case is kept:
 * a capital mid-sentence says “name”.
 */
import { splitElision } from './elision.ts';

const pattern = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*['’]?|[.,;:!?()«»…]/gu;

/** The form words are counted under: lowercase, typographic apostrophe. */
export function normalizeWord(word: string): string {
  return word.toLowerCase().replace(/'/gu, '’');
}

/** Tokens as written, elisions split off (`L’État` → `L’` `État`), punctuation kept. */
export function sentenceTokens(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(pattern)) {
    const word = m[0].replace(/'/gu, '’');
    const parts = splitElision(normalizeWord(word));
    if (parts.length === 2) {
      const cut = parts[0]!.length;
      out.push(word.slice(0, cut), word.slice(cut));
    } else out.push(word);
  }
  return out;
}
