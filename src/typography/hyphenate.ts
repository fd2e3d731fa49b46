/**
 * French hyphenation at build time: soft hyphens (U+00AD) where the French patterns of TeX
 * (npm `hyphen`) allow a break, so that justified text breaks words in any browser, offline —
 * headless Chromium has no hyphenation dictionaries without the network.
 *
 * The Imprimerie nationale's rules decide which words are not cut: acronyms and words with
 * capitals inside (ASF, iPhone), proper nouns (a capitalized word that does not open a
 * sentence), codes and words touching digits, slashes or underscores, parts of compound words
 * (they break at their own hyphen), and words shorter than six letters. At least three letters
 * stay before a break and three after it (`src/language/fr/line-breaking.ts`). A compound that is
 * a proper noun, a number or a code gets non-breaking hyphens, so no line ends inside it. Only
 * running text is cut (paragraphs, list items, table cells…), never headings, headers, the table
 * of contents, abbreviations, code, text in other languages, nor what is inside an element of
 * class `no-hyphens`.
 *
 * Not for: the other typography rules (see `french-typography.ts`).
 */
import type { Element, Root } from 'hast';
import { createRequire } from 'node:module';
import type { HyphenateOptions } from 'hyphen/fr';
import { collectTextRuns, isFrench, writeBack } from './text-runs.ts';
import { protectUrls } from './french-rules.ts';
import {
  compoundHyphen,
  isUnbreakableCompound,
  minHyphenatedWordLength,
  minLettersAfterBreak,
  minLettersBeforeBreak,
  nonBreakingHyphen,
} from '../language/fr/line-breaking.ts';

const require = createRequire(import.meta.url);
// `hyphen` is a CommonJS package: its named exports are not visible to ESM imports.
const { hyphenateSync } = require('hyphen/fr') as { hyphenateSync: (text: string, options?: HyphenateOptions) => string };

export const softHyphen = '\u00ad';

export interface HyphenationOptions {
  /** Shortest word cut (default 6 letters). */
  minWordLength?: number;
  /** Fewest letters left before a break (default 3). */
  leftMin?: number;
  /** Fewest letters carried after a break (default 3). */
  rightMin?: number;
}

/** Elements whose words are never cut: titles, short labels, acronyms, navigation, headers. */
const neverIn = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'abbr', 'nav', 'header', 'th', 'caption', 'a', 'time', 'dt', 'button', 'label', 'cite']);
/** Elements of running text, the only ones whose words are cut. */
const runningText = new Set(['p', 'li', 'dd', 'td', 'blockquote', 'figcaption']);

/** The word's pieces between the breaks the patterns allow, remembered: a book repeats its words. */
const piecesOf = new Map<string, string[]>();
function patternParts(word: string): string[] {
  let parts = piecesOf.get(word);
  if (!parts) {
    parts = hyphenateSync(word, { hyphenChar: softHyphen, minWordLength: 1 }).split(softHyphen);
    if (piecesOf.size > 200_000) piecesOf.clear();
    piecesOf.set(word, parts);
  }
  return parts;
}

/**
 * Hyphenates one word if the rules allow it.
 * @param word a word of letters only
 * @param opensSentence whether the word opens a sentence (then a capital does not make it a proper noun)
 * @returns the word with soft hyphens, or the word unchanged
 */
export function hyphenateWord(word: string, opensSentence: boolean, options: HyphenationOptions = {}): string {
  const { minWordLength = minHyphenatedWordLength, leftMin = minLettersBeforeBreak, rightMin = minLettersAfterBreak } = options;
  if ([...word].length < minWordLength) return word;
  if (/\p{Lu}/u.test(word.slice(1))) return word; // acronym, or capitals inside
  if (/^\p{Lu}/u.test(word) && !opensSentence) return word; // proper noun
  const parts = patternParts(word);
  let out = '';
  let before = 0;
  const total = [...word].length;
  parts.forEach((part, i) => {
    const length = [...part].length;
    if (i > 0 && before >= leftMin && total - before >= rightMin) out += softHyphen;
    out += part;
    before += length;
  });
  return out;
}

/**
 * Hyphenates a run of text.
 * @param text the run's text (with soft hyphens already in it, they are kept where they are)
 * @param protectedChars characters not to touch (code placeholders, URLs)
 * @returns for each character, what it becomes
 */
export function hyphenateText(text: string, protectedChars: readonly boolean[] = [], options: HyphenationOptions = {}): string[] {
  const out = text.split('');
  // (The pattern looks behind at every position: only a run with a hyphen is searched.)
  if (/[-\u2010]/.test(text)) for (const m of text.matchAll(compoundHyphen)) {
    if (!protectedChars[m.index] && isUnbreakableCompound(m[1]!, m[2]!)) out[m.index] = nonBreakingHyphen;
  }
  // A word: letters and marks, soft hyphens included (so a hyphenated word is found whole).
  for (const m of text.matchAll(/[\p{L}\p{M}\u00ad]+/gu)) {
    const start = m.index;
    const end = start + m[0].length;
    if (anyProtected(protectedChars, start, end)) continue;
    const before = text[start - 1] ?? '';
    const after = text[end] ?? '';
    // Codes, compounds, numbers, domains: A400M, nord-coréen, 3e, example.org, snake_case.
    if (/[\p{N}_\/@\-‐‑&]/u.test(before) || /[\p{N}_\/@\-‐‑&]/u.test(after)) continue;
    if (after === '.' && /\p{L}/u.test(text[end + 1] ?? '')) continue;
    if (before === '.' && /\p{L}/u.test(text[start - 2] ?? '')) continue;
    const word = m[0].replace(/\u00ad/g, '');
    const hyphenated = hyphenateWord(word, opensSentence(text, start), options);
    if (hyphenated === word || m[0].includes(softHyphen)) continue;
    out[start] = hyphenated;
    for (let i = start + 1; i < end; i++) out[i] = '';
  }
  return out;
}

function anyProtected(protectedChars: readonly boolean[], start: number, end: number): boolean {
  for (let i = start; i < end && i < protectedChars.length; i++) if (protectedChars[i]) return true;
  return false;
}

/** True when nothing but spaces, quotes or brackets stands between a sentence end and `index`. */
function opensSentence(text: string, index: number): boolean {
  let i = index - 1;
  while (i >= 0 && /[\s«»“”"'‘’(\[\u00a0\u202f—–-]/u.test(text[i]!)) i--;
  return i < 0 || /[.!?…]/u.test(text[i]!);
}

/**
 * Inserts soft hyphens in the French text of a hast tree, in place.
 * @param tree the document or a fragment
 * @param lang language of the document when no element says (default `fr`)
 */
export function hyphenateTree(tree: Root | Element, lang = 'fr', options: HyphenationOptions = {}): void {
  const skip = (el: Element): boolean => neverIn.has(el.tagName) || el.properties?.translate === 'no' || hasClass(el, 'no-hyphens');
  for (const run of collectTextRuns(tree, { lang, skip })) {
    if (!isFrench(run.lang) || !run.ancestors.some((a) => runningText.has(a))) continue;
    writeBack(run, hyphenateText(run.text, protectUrls(run.text, run.protectedChars.slice()), options));
  }
}

/** rehype plugin form of `hyphenateTree`. */
export default function rehypeFrenchHyphenation(options: HyphenationOptions & { lang?: string } = {}) {
  return (tree: Root): void => hyphenateTree(tree, options.lang ?? 'fr', options);
}

function hasClass(el: Element, name: string): boolean {
  const c = el.properties?.className;
  return Array.isArray(c) && c.includes(name);
}
