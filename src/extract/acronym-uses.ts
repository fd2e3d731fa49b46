/**
 * Where a document uses its acronyms: every occurrence of a glossary term, and every word written
 * like an acronym, run by run (a run is one text node of the Markdown and of the HTML made from
 * it). The extraction and the HTML marking (`assemble/mark-extraction.ts`) both count uses with these functions,
 * so "the 3rd use of ASF in this document" names the same place in both.
 *
 * Not for: telling an acronym from a name (`glossary.ts`).
 */
import { slugify } from '../sources/manifest.ts';
import { looksLikeAcronym } from './acronyms.ts';

export interface TermMatcher {
  /** Finds the uses of the terms in one run, longest term first (`CSIRT-UE` before `CSIRT`). */
  find(text: string): { term: string; start: number; end: number }[];
}

const boundaryBefore = String.raw`(?<![\p{L}\p{N}])`;
// A term followed by a hyphen and another capital (`ASF-UE`) is still a use; one followed by
// letters (`ASFs`) is another word.
const boundaryAfter = String.raw`(?![\p{L}\p{N}])`;

/**
 * Builds a matcher for a set of terms.
 * @param terms the glossary's terms, as written
 */
export function createTermMatcher(terms: Iterable<string>): TermMatcher {
  const list = [...new Set(terms)].filter(Boolean).sort((a, b) => b.length - a.length || a.localeCompare(b));
  if (!list.length) return { find: () => [] };
  const alternatives = list.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+'));
  const re = new RegExp(`${boundaryBefore}(?:${alternatives.join('|')})${boundaryAfter}`, 'gu');
  const canonical = new Map(list.map((t) => [t.replace(/\s+/g, ' '), t]));
  return {
    find(text: string) {
      const found: { term: string; start: number; end: number }[] = [];
      re.lastIndex = 0;
      for (let m = re.exec(text); m; m = re.exec(text)) {
        found.push({ term: canonical.get(m[0].replace(/\s+/g, ' ')) ?? m[0], start: m.index, end: m.index + m[0].length });
      }
      return found;
    },
  };
}

/** The anchor id of a glossary entry. */
export function glossaryId(term: string): string {
  return `sigle-${slugify(term) || 'terme'}`;
}

/** The anchor id of the n-th use (1-based) of a term in a document. */
export function useId(documentId: string, term: string, n: number): string {
  return `${documentId}--${glossaryId(term)}-${n}`;
}

/** A word written like an acronym, with the run of such words it belongs to (`NORTHERN SHIELD 2024`). */
export interface AcronymToken {
  text: string;
  start: number;
  end: number;
  /** `[start, end)` of the run of capitals-and-numbers words around it. */
  runStart: number;
  runEnd: number;
}

/**
 * Finds the words written like acronyms in a text, parts of hyphenated compounds apart
 * (`ASF-UE` gives `ASF` and `UE`).
 * @param text a run of text
 * @param skip ranges already taken by glossary terms
 */
export function findAcronymTokens(text: string, skip: { start: number; end: number }[] = []): AcronymToken[] {
  const words: { text: string; start: number; end: number; acronym: boolean; number: boolean }[] = [];
  for (const m of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    const start = m.index;
    const end = start + m[0].length;
    words.push({ text: m[0], start, end, acronym: looksLikeAcronym(m[0]), number: /^\p{N}+$/u.test(m[0]) });
  }
  const tokens: AcronymToken[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (!w.acronym || skip.some((s) => w.start < s.end && w.end > s.start)) continue;
    // The run: neighbours separated by one space that are acronyms or numbers.
    let a = i;
    while (a > 0 && (words[a - 1]!.acronym || words[a - 1]!.number) && /^ $/.test(text.slice(words[a - 1]!.end, words[a]!.start))) a--;
    let b = i;
    while (b + 1 < words.length && (words[b + 1]!.acronym || words[b + 1]!.number) && /^ $/.test(text.slice(words[b]!.end, words[b + 1]!.start))) b++;
    while (a < i && words[a]!.number) a++;
    tokens.push({ text: w.text, start: w.start, end: w.end, runStart: words[a]!.start, runEnd: words[b]!.end });
  }
  return tokens;
}
