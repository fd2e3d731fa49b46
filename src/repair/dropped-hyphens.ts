/**
 * Hyphens an extraction dropped where it joined a line ending in `-` to the next: `pdftotext`
 * takes every hyphen at a line's end for a hyphenation, removes it and puts the two lines on one
 * (`ci-` + `dessus` → `cidessus`, `dit-` + `il` → `ditil`, `libpam-` + `ldap` → `libpamldap`).
 * Such a line is about twice the text's usual measure, and the glued word stands where the first
 * line ended. There, and only there, a word is given its hyphen back when French or the document
 * says so:
 * - the document itself writes the hyphenated form elsewhere (`photo-transistor`), or the French
 *   lexicon knows it and not the welded one (`ci-dessus`, `arc-en-ciel`);
 * - the second piece is a pronoun after a verb (`dit` + `il`, `lui` + `même`), or the euphonic
 *   `t` lost its second hyphen (`pourra-ton` → `pourra-t-on`);
 * - a technical name whose first part the document hyphenates in other names (`docbook-utils`
 *   beside `docbook-xml`), or a command-line option whose first dash went (`-verbose` where the
 *   document writes `--options`).
 * A word the lexicon knows as it stands (`coopération`) keeps no hyphen, unless the document
 * writes it hyphenated. A glued word no rule settles is left and reported.
 *
 * Runs before the layout pass, which joins the lines; needs the lexicon. Written by hand: the
 * decision rests on the line's measure, which no hyphenation library sees.
 */
import { isPostverbalPronoun, restoreEuphonicT } from '../language/fr/inversion.ts';
import { normalizeWord } from '../language/corpus.ts';
import { endsSentence } from '../language/fr/sentence.ts';
import { isFunctionWord } from '../language/fr/words.ts';
import type { Lexicon } from '../language/fr/lexicon.ts';
import type { Edit, Note } from './mapped-text.ts';
import type { PassContext, PassResult } from './pass.ts';

interface TextLine {
  start: number;
  content: string;
}

/**
 * The dropped-hyphen pass.
 * @param text the text (after page furniture)
 * @param context the lexicon (required) and the corpus counts (the document's own spellings)
 */
export function restoreDroppedHyphens(text: string, context: Pick<PassContext, 'lexicon' | 'corpus'>): PassResult {
  const lexicon = context.lexicon;
  // Markdown that Folio wrote (headings marked, no pages) has had its lines joined already.
  if (!lexicon || (!text.includes('\f') && /^#{2,6} \S/mu.test(text))) return { edits: [] };
  const lines = readLines(text);
  const width = measure(lines);
  if (width < 30) return { edits: [] };
  // Only in hard-wrapped text: where most lines are paragraphs (Markdown, a web page), a long line
  // is no sign of two lines joined.
  const filled = lines.map((l) => l.content.trim().length).filter((n) => n > 0).sort((a, b) => a - b);
  if (filled[Math.floor(filled.length / 2)]! > width * 1.15) return { edits: [] };
  const vocabulary = wordsOf(text);
  const counts = (w: string): number => context.corpus?.count(normalizeWord(w)) ?? vocabulary.get(normalizeWord(w)) ?? 0;
  const hyphenParts = partsOf(vocabulary);
  const edits: Edit[] = [];
  const notes: Note[] = [];

  for (const line of lines) {
    if (line.content.length < width * 1.3) continue;
    for (const m of line.content.matchAll(/[-\p{L}\p{N}][\p{L}\p{N}’'-]*/gu)) {
      const start = m.index;
      const end = start + m[0].length;
      // The first line ended inside this word: near a multiple of the measure.
      if (!nearJoin(start, end, width, line.content.length)) continue;
      const word = m[0].replace(/^\p{L}’/u, '').replace(/['’-]+$/u, '');
      const offset = line.start + start + (m[0].length - m[0].replace(/^\p{L}’/u, '').length);
      const fix = decide(word, lexicon, counts, hyphenParts, text);
      if (fix && fix.hyphenated !== word) {
        edits.push({
          start: offset,
          end: offset + word.length,
          insert: fix.hyphenated,
          finding: {
            rule: 'dropped-hyphen',
            severity: 'info',
            message: `“${word}” stands where the extraction joined two lines and dropped the hyphen at the first one's end: restored as “${fix.hyphenated}” (${fix.why}).`,
          },
        });
      } else if (!fix && unsure(word, lexicon)) {
        notes.push({
          at: offset,
          finding: {
            rule: 'dropped-hyphen',
            severity: 'info',
            message: `“${word}” stands where the extraction joined two lines and may have lost a hyphen, but neither French nor the document says so: left as it is.`,
          },
        });
      }
    }
  }
  return { edits, notes };
}

interface Fix {
  hyphenated: string;
  why: string;
}

/** Where the word gets its hyphen back, and why; undefined when nothing settles it. */
function decide(word: string, lexicon: Lexicon, counts: (w: string) => number, parts: Parts, text: string): Fix | undefined {
  const { prefixes, suffixes } = parts;
  if (word.length < 3 || /^\d+$/u.test(word)) return undefined;
  const euphonic = restoreEuphonicT(word);
  if (euphonic) return { hyphenated: euphonic, why: 'the euphonic “t” of an inversion stands between two hyphens' };
  // `--option` whose first dash ended a line: only when the document writes this very option with two.
  if (/^-\p{L}{2,}/u.test(word) && !word.startsWith('--') && new RegExp(`(?<![\\p{L}\\p{N}-])-${escapeRegExp(word)}(?![\\p{L}\\p{N}-])`, 'u').test(text)) return { hyphenated: `-${word}`, why: 'a command-line option the document writes with two dashes' };
  const known = lexicon.has(word);
  // The glued occurrence itself is one welded spelling.
  const welded = Math.max(1, counts(word));
  const cuts: Fix[] = [];
  for (let i = 1; i < word.length; i++) {
    const a = word.slice(0, i);
    const b = word.slice(i);
    if (/-$/u.test(a) || /^-/u.test(b)) continue;
    const hyphenated = `${a}-${b}`;
    if (counts(hyphenated) > welded - 1 && counts(hyphenated) > 0 && (!known || counts(hyphenated) > welded)) cuts.push({ hyphenated, why: 'the document writes it so elsewhere' });
    else if (!known && welded <= 2 && lexicon.has(hyphenated)) cuts.push({ hyphenated, why: 'the French lexicon knows it' });
    else if (!known && welded <= 1 && invertedPronoun(a, b, lexicon)) {
      cuts.push({ hyphenated, why: 'a pronoun after its verb takes a hyphen' });
    } else if (!known && welded <= 1 && a.length >= 3 && b.length >= 3 && (prefixes.get(normalizeWord(a)) ?? 0) >= 3 && (suffixes.get(normalizeWord(b)) ?? 0) >= 1) {
      cuts.push({ hyphenated, why: `other names of the document start with “${a}-”` });
    }
  }
  return cuts[0];
}

/** A glued word at a join that may have lost a hyphen: unknown, and two words of the lexicon. */
function unsure(word: string, lexicon: Lexicon): boolean {
  if (lexicon.has(word) || word.length < 6 || !/^\p{Ll}+$/u.test(word)) return false;
  for (let i = 3; i <= word.length - 3; i++) if (lexicon.has(word.slice(0, i)) && lexicon.has(word.slice(i))) return true;
  return false;
}

/** True when a word spanning `[start, end)` of a joined line stands where one of its lines ended. */
function nearJoin(start: number, end: number, width: number, length: number): boolean {
  for (let k = 1; k * width * 0.78 < length; k++) {
    const low = k * width * (k === 1 ? 0.78 : 0.7);
    const high = k * width * (k === 1 ? 1.15 : 1.25);
    if (end > low && start < high) return true;
  }
  return false;
}

/** The usual length of a full line: the median of the lines that run on into the next. */
function measure(lines: TextLine[]): number {
  const lengths: number[] = [];
  for (let i = 0; i + 1 < lines.length; i++) {
    const a = lines[i]!.content;
    const b = lines[i + 1]!.content;
    if (a.length > 20 && b && !endsSentence(a)) lengths.push(a.length);
  }
  if (lengths.length < 5) return 0;
  lengths.sort((x, y) => x - y);
  return lengths[Math.floor(lengths.length / 2)]!;
}

function readLines(text: string): TextLine[] {
  const out: TextLine[] = [];
  let start = 0;
  for (const raw of text.split('\n')) {
    out.push({ start, content: raw });
    start += raw.length + 1;
  }
  return out;
}

/** The document's words with their counts, hyphenated compounds whole. */
function wordsOf(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const m of text.matchAll(/[\p{L}\p{N}]+(?:[-’'][\p{L}\p{N}]+)*/gu)) {
    const w = normalizeWord(m[0]);
    counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  return counts;
}

interface Parts {
  /** First parts of the document's hyphenated words (`docbook` for `docbook-xml`), with how many words they start. */
  prefixes: Map<string, number>;
  /** Last parts (`xml`), with how many words they end. */
  suffixes: Map<string, number>;
}

function partsOf(vocabulary: Map<string, number>): Parts {
  const prefixes = new Map<string, number>();
  const suffixes = new Map<string, number>();
  for (const w of vocabulary.keys()) {
    const i = w.indexOf('-');
    const j = w.lastIndexOf('-');
    if (i <= 0 || j >= w.length - 1) continue;
    prefixes.set(w.slice(0, i), (prefixes.get(w.slice(0, i)) ?? 0) + 1);
    suffixes.set(w.slice(j + 1), (suffixes.get(w.slice(j + 1)) ?? 0) + 1);
  }
  return { prefixes, suffixes };
}

/**
 * A verb and the pronoun of its inversion (`dit` + `il`, `peut` + `on`, `moi` + `même`): the
 * pronoun is one French joins with a hyphen, the first piece a word of the lexicon that is not an
 * article or a conjunction, and a vowel-final verb before `il`, `elle`, `on` would need `-t-`.
 */
function invertedPronoun(a: string, b: string, lexicon: Lexicon): boolean {
  if (a.length < 2 || !/^\p{Ll}+$/u.test(a) || !/^\p{Ll}{2,}$/u.test(b) || !isPostverbalPronoun(b) || !lexicon.has(a) || isFunctionWord(a)) return false;
  if (/[aeé]$/u.test(a) && /^(?:il|elle|on)$/u.test(b)) return false;
  return b !== 'ce' || /^(?:est|sera|serait|était|fût)$/u.test(a);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}
