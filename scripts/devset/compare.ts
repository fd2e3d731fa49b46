/**
 * Comparing a repaired or extracted text with the truth of a development case, word by word and
 * paragraph by paragraph, and loading the cases. Used by the measurement scripts of the repairs
 * (`scripts/measure-*.ts`, `scripts/devset/baseline.ts`); it prints nothing and never fails on a
 * bad score: it returns numbers and the differences behind them.
 *
 * How texts are compared:
 * - words are the runs between white space (no-break spaces included), in Unicode NFC, with their
 *   punctuation; typographic and straight apostrophes are the same, but case and hyphens count
 *   (`dit-il` ≠ `ditil` ≠ `dit il`, `Réseau` ≠ `réseau`);
 * - Markdown syntax is not a word: `#` heading marks, list markers (`- `, `* `, `+ `) and bullet
 *   glyphs at a line start, `**`/`*`/`_` emphasis marks at a word's edges, code fences, the pipes
 *   of a table's row, HTML comments, footnote calls `[^n]`, the backslash of an escaped
 *   punctuation character (`\<` is `<`);
 * - a number and its unit are one word with or without a space between them (`100 kΩ`, `100kΩ`),
 *   and a period after a space is glued to the word before it (`LDAP .` = `LDAP.`): spacing, not words;
 * - footnote bodies (`[^n]: …` blocks) are taken out of the running text and compared after it, in
 *   the order of their numbers, so a note may be defined anywhere;
 * - truth between `<!-- optional: why -->` and `<!-- /optional -->` (tables, figure captions,
 *   paragraphs with formulas that the PDF shows elsewhere or differently) is not required, and a
 *   candidate's words that match it are not counted as extra;
 * - a formula the truth only names (`<!-- formula: R=R1+R2 -->`, an image in the HTML) is no word,
 *   but the candidate's words in its place (between the truth words around it) are not counted as
 *   extra as far as they are made of the characters it prints, no more of each than it prints
 *   (`R₁` is `R1`, a fraction's lines in any order); other words there are extra.
 *
 * The alignment is `diffArrays` of the `diff` package (Myers' algorithm) on the two word sequences;
 * of two copies of a word on either side of a candidate's paragraph break (a caption's words, then
 * the paragraph that repeats them), it keeps the one that leaves the truth's paragraph whole.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { diffArrays } from 'diff';
import { devsetRoot } from './paths.ts';

/** A word of a compared text, with the paragraph unit it belongs to. */
interface Word {
  /** The word as compared (NFC, apostrophes straightened). */
  norm: string;
  /** The word as written (Markdown marks removed). */
  text: string;
  /** Index of its paragraph unit (a blank-line separated block, a list item, a heading). */
  unit: number;
}

/** A formula the truth only names (an image in the HTML), at its place among the truth's words. */
interface Formula {
  /** Index of the truth word that follows it (the count of words before it). */
  at: number;
  /** The characters its TeX source prints, folded as `formulaGlyph` folds them. */
  chars: string;
}

/** A text read for comparison. */
interface ComparedText {
  words: Word[];
  /** Words of optional regions (truth only), with their counts. */
  optional: Map<string, number>;
  /** Formulas (truth only). */
  formulas: Formula[];
}

const optionalRegion = /<!--\s*optional\b[^>]*-->([\s\S]*?)<!--\s*\/optional\s*-->/g;
const formulaComment = /<!--\s*formula:([\s\S]*?)-->/g;
const formulaMarker = /\u0001(\d+)\u0001/u;
const listMarker = /^\s*(?:[-*+]|[•◦▪▫‣⁃●○■□∙·–—]|\d+[.)])\s+/u;

function normalizeWord(word: string): string {
  return word.replace(/[’‘ʼ´`]/g, "'");
}

/** Takes the Markdown marks off one word; returns '' when the word was only markup. */
function stripMarks(token: string, tableRow: boolean): string {
  // A backslash escapes any ASCII punctuation in Markdown (`\<`, `\&`, `\;`): the character stands
  // for itself, set aside while the marks go. Not stars and underscores: the truths write literal
  // ones unescaped (`***.service**`), so they are taken off on both sides alike.
  const t = token
    .replace(/\[\^[^\]\s]+\]/g, '')
    .replace(/\\([!-)+-/:-@[-^`{-~])/g, (_m, c: string) => String.fromCharCode(0xe000 + c.charCodeAt(0)));
  if (tableRow && /^\|+$/.test(t)) return '';
  // Emphasis marks (`**mot**`, `(*mot*)`, `__mot__`), but not a star or underscores inside a word
  // (`a*b`, `pam__x`); a single underscore is always kept (`pam_group`).
  const unmarked = t.replace(/\*+|_{2,}/g, (m: string, i: number) => {
    const word = (c: string | undefined): boolean => c !== undefined && /[\p{L}\p{N}]/u.test(c);
    return word(t[i - 1]) && word(t[i + m.length]) ? m : '';
  });
  return unmarked.replace(/\\([!-/:-@[-`{-~])/g, '$1').replace(/[\ue000-\ue07f]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xe000));
}

/**
 * A number and its unit written apart or together (`100 kΩ`, `100kΩ`, `3500 Hz`): the same
 * quantity, set with or without the space a typesetter puts between them. Joined for comparison.
 */
function joinUnits(line: string): string {
  return line.replace(/(?<=\d)[ \u00a0\u202f\u2009]+(?=[kMGmµnp]?(?:Ω|Hz|F)(?![\p{L}\d]))/gu, '');
}

/**
 * Reads a Markdown or plain text into words and paragraph units.
 * @param text the text (candidate or truth)
 * @param keepOptional false for a truth: optional regions go to `optional`, not to the words
 */
function readText(text: string, keepOptional: boolean): ComparedText {
  const optional = new Map<string, number>();
  const formulaChars: string[] = [];
  const formulas: Formula[] = [];
  // A formula becomes a marker at its place (an optional region's formulas stay where it was),
  // glued to what the truth glues to it: `(<!-- formula -->)` is one word of the PDF, `(230√2)`.
  let body = text
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/\f/g, '\n\n')
    .replace(formulaComment, (_m, chars: string) => `\u0001${formulaChars.push([...chars.replace(/\s+/g, '')].map(formulaGlyph).join('')) - 1}\u0001`);
  body = body.replace(optionalRegion, (_m, inner: string) => {
    if (keepOptional) return `\n\n${inner}\n\n`;
    for (const w of readText(inner, true).words) optional.set(w.norm, (optional.get(w.norm) ?? 0) + 1);
    return `\n\n${inner.split(/\s+/).filter((t) => formulaMarker.test(t)).join(' ')}\n\n`;
  });
  body = body.replace(/<!--[\s\S]*?-->/g, ' ');
  // Footnote bodies: `[^n]: text` and the indented lines that follow it.
  const notes = new Map<string, string>();
  const lines: string[] = [];
  let note: string | undefined;
  for (const line of body.split('\n')) {
    const def = /^\s{0,3}\[\^([^\]\s]+)\]:\s?(.*)$/.exec(line);
    if (def) {
      note = def[1]!;
      notes.set(note, def[2]!);
      lines.push('');
    } else if (note !== undefined && /^(?:\s{2,}|\t)\S/.test(line)) {
      notes.set(note, `${notes.get(note)!}\n${line}`);
      lines.push('');
    } else {
      note = undefined;
      lines.push(line);
    }
  }
  const ordered = [...notes.entries()].sort(([a], [b]) => (Number(a) || 0) - (Number(b) || 0) || a.localeCompare(b));
  const all = [...lines, ...ordered.flatMap(([, t]) => ['', ...t.split('\n')])];
  const words: Word[] = [];
  let unit = 0;
  let open = false;
  let fenced = false;
  for (const raw of all) {
    if (/^\s*(?:```|~~~)/.test(raw)) {
      fenced = !fenced;
      if (open) unit++;
      open = false;
      continue;
    }
    if (!raw.trim()) {
      if (open && !fenced) unit++;
      if (!fenced) open = false;
      continue;
    }
    let line = raw;
    if (!fenced) {
      const heading = /^\s{0,3}#{1,6}\s+/.exec(line);
      const item = listMarker.exec(line);
      if (heading || item) {
        if (open) unit++;
        line = line.slice((heading ?? item)![0].length);
      }
      if (heading) line = line.replace(/\s#+\s*$/, '');
      line = line.replace(/^\s*>\s?/, '');
    }
    const tableRow = /^\s*\|/.test(line);
    for (const token of joinUnits(line).split(/[\s\u00a0\u202f\u2007\u2009]+/u)) {
      const formula = fenced ? null : formulaMarker.exec(token);
      if (formula) {
        // What is glued to the formula (brackets, a full stop) is printed with it.
        const glued = [...token.replace(formulaMarker, '')].map(formulaGlyph).join('');
        formulas.push({ at: words.length, chars: (formulaChars[Number(formula[1])] ?? '') + glued });
        continue;
      }
      const t = fenced ? token : stripMarks(token, tableRow);
      if (!t) continue;
      const previous = words.at(-1);
      if (!fenced && open && previous?.unit === unit && gluesToPrevious(previous.text, t)) {
        previous.text += t;
        previous.norm += normalizeWord(t);
        continue;
      }
      words.push({ norm: normalizeWord(t), text: t, unit });
      open = true;
    }
    if (!fenced && isHeadingLine(raw)) {
      unit++;
      open = false;
    }
  }
  return { words, optional, formulas };
}

const scriptDigits: Record<string, string> = Object.fromEntries(
  [...'⁰¹²³⁴⁵⁶⁷⁸⁹', ...'₀₁₂₃₄₅₆₇₈₉'].map((c, i) => [c, String(i % 10)]),
);

/**
 * One glyph of a formula as compared: a raised or lowered digit is the digit (the text layer of a
 * PDF gives `R₁` or `R1`), and signs with twin code points are one (`∆` for `Δ`, `−` for `-`).
 */
function formulaGlyph(c: string): string {
  return scriptDigits[c] ?? ({ '∆': 'Δ', '−': '-', '⁻': '-', '₋': '-', '⁺': '+', '₊': '+', 'ε': 'ϵ', 'μ': 'µ' } as Record<string, string>)[c] ?? c;
}

function countGlyphs(glyphs: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const c of glyphs) counts.set(c, (counts.get(c) ?? 0) + 1);
  return counts;
}

/** Punctuation a sentence puts around a formula (`… vaut R = U/I.`): never counted against it. */
const aroundFormula = /[.,;:]/u;

/**
 * Candidate words the truth cannot judge: in the place of a formula the truth only names, words
 * made of the characters the formula prints, as many as it prints (a fraction's lines come out in
 * any order). Marks them in `forgiven`.
 */
function forgiveFormulas(truth: ComparedText, candidate: ComparedText, c2t: Int32Array, forgiven: Uint8Array): void {
  if (!truth.formulas.length) return;
  const n = candidate.words.length;
  // The truth words aligned before and after each candidate word: its gap in the truth.
  const before = new Int32Array(n);
  const after = new Int32Array(n);
  for (let i = 0, last = -1; i < n; i++) ((before[i] = last), c2t[i]! >= 0 && (last = c2t[i]!));
  for (let i = n - 1, next = truth.words.length; i >= 0; i--) ((after[i] = next), c2t[i]! >= 0 && (next = c2t[i]!));
  // What each formula has left to print, in glyphs.
  const budgets = new Map(truth.formulas.map((f) => [f, countGlyphs([...f.chars])]));
  for (let i = 0; i < n; i++) {
    if (c2t[i]! >= 0 || forgiven[i]) continue;
    const near = truth.formulas.filter((f) => before[i]! < f.at && f.at <= after[i]!);
    if (!near.length) continue;
    const pool = new Map<string, number>();
    for (const f of near) for (const [c, k] of budgets.get(f)!) pool.set(c, (pool.get(c) ?? 0) + k);
    const need = countGlyphs([...candidate.words[i]!.text].map(formulaGlyph).filter((c) => !aroundFormula.test(c)));
    if (![...need].every(([c, k]) => (pool.get(c) ?? 0) >= k)) continue;
    forgiven[i] = 1;
    for (const [c, k] of need) {
      let left = k;
      for (const f of near) {
        const b = budgets.get(f)!;
        const take = Math.min(left, b.get(c) ?? 0);
        if (take) b.set(c, b.get(c)! - take);
        left -= take;
      }
    }
  }
}

/** A unit symbol after a number (`100 Ω`, `5 kHz`, `3 µF`), with the punctuation after it. */
const unitSymbol = /^(?:[kMGmµnp]?(?:Ω|Hz|V|A|F|W)|°C?)[.,;:)]*$/u;

/**
 * Spacing that says nothing: a period after a space (`mot .`, what an HTML truth
 * keeps of the white between two elements), and the space between a number and its unit
 * (`100 Ω` as typeset, `100Ω` as written). Both texts are read the same way, so this only
 * decides where one word ends, never whether a letter is there.
 */
function gluesToPrevious(previous: string, token: string): boolean {
  return (token === '.' && /[\p{L}\p{N})»”"']$/u.test(previous)) || (/\d$/u.test(previous) && unitSymbol.test(token));
}

function isHeadingLine(line: string): boolean {
  return /^\s{0,3}#{1,6}\s+/.test(line);
}

/**
 * The words of a text as they are compared (Markdown marks off, apostrophes straightened).
 * @param text a candidate or a truth
 * @param role `truth` leaves optional regions out; `candidate` keeps everything
 */
export function comparedWords(text: string, role: 'truth' | 'candidate'): string[] {
  return readText(text, role === 'candidate').words.map((w) => w.norm);
}

/** A run of words one text has and the other lacks, with the words around it. */
export interface WordDifference {
  /** The words of the run, as written. */
  words: string;
  /** Up to six words before and after, in the text that has the run: `before ⟦run⟧ after`. */
  context: string;
}

/** Word-level agreement of a candidate with the truth. */
export interface WordScores {
  /** Required words of the truth (optional regions excluded). */
  truthWords: number;
  /** Words of the candidate, less those forgiven because they match an optional region. */
  candidateWords: number;
  /** Words aligned with an equal word of the other text. */
  matched: number;
  /** matched / truthWords (1 when the truth is empty). */
  recall: number;
  /** matched / candidateWords (1 when the candidate is empty). */
  precision: number;
  /** Runs of truth words missing from the candidate. */
  missed: WordDifference[];
  /** Runs of candidate words the truth does not have. */
  extra: WordDifference[];
}

interface Alignment {
  truth: ComparedText;
  candidate: ComparedText;
  /** For each candidate word: the index of the truth word it is aligned with, or -1. */
  candidateToTruth: Int32Array;
  /** For each truth word: the index of the candidate word it is aligned with, or -1. */
  truthToCandidate: Int32Array;
  /** Candidate words forgiven as optional-region words. */
  forgiven: Uint8Array;
}

function align(candidateText: string, truthText: string): Alignment {
  const truth = readText(truthText, false);
  const candidate = readText(candidateText, true);
  const t2c = new Int32Array(truth.words.length).fill(-1);
  const c2t = new Int32Array(candidate.words.length).fill(-1);
  const changes = diffArrays(truth.words.map((w) => w.norm), candidate.words.map((w) => w.norm));
  let ti = 0;
  let ci = 0;
  for (const part of changes) {
    const n = part.count ?? part.value.length;
    if (part.added) ci += n;
    else if (part.removed) ti += n;
    else for (let k = 0; k < n; k++, ti++, ci++) ((t2c[ti] = ci), (c2t[ci] = ti));
  }
  slideIntoParagraphs(truth.words, candidate.words, t2c, c2t);
  const left = new Map(truth.optional);
  const forgiven = new Uint8Array(candidate.words.length);
  candidate.words.forEach((w, i) => {
    const n = left.get(w.norm) ?? 0;
    if (c2t[i] === -1 && n > 0) {
      forgiven[i] = 1;
      left.set(w.norm, n - 1);
    }
  });
  forgiveFormulas(truth, candidate, c2t, forgiven);
  return { truth, candidate, candidateToTruth: c2t, truthToCandidate: t2c, forgiven };
}

/**
 * Where the candidate has a word twice, once before a paragraph break (in a caption the truth
 * keeps optional) and once after it, next to the words aligned after it: the alignment may take
 * either copy, and takes the one that keeps the truth's paragraph whole. Moves alignments in place.
 */
function slideIntoParagraphs(T: Word[], C: Word[], t2c: Int32Array, c2t: Int32Array): void {
  const aligned: number[] = [];
  c2t.forEach((t, c) => t >= 0 && aligned.push(c));
  for (let k = aligned.length - 2; k >= 0; k--) {
    const c = aligned[k]!;
    const next = aligned[k + 1]!;
    const t = c2t[c]!;
    if (C[c]!.unit === C[next]!.unit || T[t]!.unit !== T[c2t[next]!]!.unit) continue;
    for (let j = next - 1; j > c; j--) {
      if (C[j]!.unit !== C[next]!.unit) break;
      if (C[j]!.norm !== C[c]!.norm) continue;
      c2t[c] = -1;
      c2t[j] = t;
      t2c[t] = j;
      aligned[k] = j;
      break;
    }
  }
}

function runs(words: Word[], keep: (i: number) => boolean): WordDifference[] {
  const out: WordDifference[] = [];
  for (let i = 0; i < words.length; i++) {
    if (!keep(i)) continue;
    let j = i;
    while (j + 1 < words.length && keep(j + 1)) j++;
    const before = words.slice(Math.max(0, i - 6), i).map((w) => w.text).join(' ');
    const after = words.slice(j + 1, j + 7).map((w) => w.text).join(' ');
    const run = words.slice(i, j + 1).map((w) => w.text).join(' ');
    out.push({ words: run, context: `${before} ⟦${run}⟧ ${after}`.trim() });
    i = j;
  }
  return out;
}

/**
 * Word recall and precision of a candidate against the truth, from an alignment of their word
 * sequences, with the missed and extra runs of words in context.
 * @param candidate the text to score (a repair's Markdown, or a raw extraction)
 * @param truth the truth's Markdown (`truth.md` of a PDF case, or a prose paragraph)
 */
export function wordScores(candidate: string, truth: string): WordScores {
  const a = align(candidate, truth);
  const matched = a.truthToCandidate.reduce((n, c) => n + (c >= 0 ? 1 : 0), 0);
  const forgiven = a.forgiven.reduce((n, f) => n + f, 0);
  const truthWords = a.truth.words.length;
  const candidateWords = a.candidate.words.length - forgiven;
  return {
    truthWords,
    candidateWords,
    matched,
    recall: truthWords ? matched / truthWords : 1,
    precision: candidateWords ? matched / candidateWords : 1,
    missed: runs(a.truth.words, (i) => a.truthToCandidate[i] === -1),
    extra: runs(a.candidate.words, (i) => a.candidateToTruth[i] === -1 && !a.forgiven[i]),
  };
}

/** Paragraph-level agreement of a candidate with the truth. */
export interface ParagraphScores {
  /** Paragraph units of the truth (blank-line separated blocks, list items and headings). */
  truthParagraphs: number;
  /** Truth units whose start and end the candidate reproduces, with no break inside. */
  reproduced: number;
  /** Candidate breaks inside a truth paragraph after a word that does not end a sentence. */
  cut: number;
  /** Candidate breaks inside a truth paragraph after a sentence end (a paragraph split in two). */
  split: number;
  /** Truth breaks the candidate does not make (two paragraphs merged into one). */
  merged: number;
  /** Examples of cuts and merges, in context, to see what went wrong. */
  examples: { kind: 'cut' | 'merged'; context: string }[];
}

const sentenceEnd = /[.!?…:;](?:[»”"')\]]*|\[\^[^\]]+\])*$/u;

/**
 * Which paragraph breaks of the truth the candidate reproduces, and where it cuts or merges.
 * Breaks are compared through the word alignment: a break sits between two aligned words.
 * @param candidate the text to score
 * @param truth the truth's Markdown
 */
export function paragraphScores(candidate: string, truth: string): ParagraphScores {
  const a = align(candidate, truth);
  const T = a.truth.words;
  const C = a.candidate.words;
  // Aligned pairs, in order: (truth index, candidate index).
  const pairs: [number, number][] = [];
  a.truthToCandidate.forEach((c, t) => c >= 0 && pairs.push([t, c]));
  const examples: ParagraphScores['examples'] = [];
  const show = (words: Word[], i: number): string =>
    `${words.slice(Math.max(0, i - 5), i + 1).map((w) => w.text).join(' ')} ¶ ${words.slice(i + 1, i + 6).map((w) => w.text).join(' ')}`;
  let cut = 0;
  let split = 0;
  let merged = 0;
  const truthBreakKept = new Map<number, boolean>();
  for (let k = 0; k + 1 < pairs.length; k++) {
    const [t0, c0] = pairs[k]!;
    const [t1, c1] = pairs[k + 1]!;
    const truthBreak = T[t0]!.unit !== T[t1]!.unit;
    const candidateBreak = C[c0]!.unit !== C[c1]!.unit;
    if (truthBreak) truthBreakKept.set(t0, candidateBreak);
    if (truthBreak && !candidateBreak) {
      merged++;
      if (examples.length < 40) examples.push({ kind: 'merged', context: show(C, c0) });
    } else if (!truthBreak && candidateBreak) {
      // The last word the candidate has before its break (furniture between the halves included).
      const before = C.slice(c0, c1).findLast((w, i) => C[c0 + i + 1] && C[c0 + i + 1]!.unit !== w.unit) ?? C[c0]!;
      if (sentenceEnd.test(before.text)) split++;
      else {
        cut++;
        if (examples.length < 40) examples.push({ kind: 'cut', context: show(C, c0) });
      }
    }
  }
  // A truth unit is reproduced when the breaks on both sides are kept and none is made inside.
  const unitWords = new Map<number, number[]>();
  T.forEach((w, i) => unitWords.set(w.unit, [...(unitWords.get(w.unit) ?? []), i]));
  let reproduced = 0;
  for (const indexes of unitWords.values()) {
    const first = indexes[0]!;
    const last = indexes.at(-1)!;
    const cands = indexes.map((i) => a.truthToCandidate[i]!).filter((c) => c >= 0);
    if (!cands.length) continue;
    const oneUnit = cands.every((c) => C[c]!.unit === C[cands[0]!]!.unit);
    const startKept = first === 0 || truthBreakKept.get(lastAlignedBefore(a.truthToCandidate, first)) !== false;
    const endKept = last === T.length - 1 || truthBreakKept.get(lastAlignedBefore(a.truthToCandidate, last + 1)) !== false;
    if (oneUnit && startKept && endKept) reproduced++;
  }
  return { truthParagraphs: unitWords.size, reproduced, cut, split, merged, examples };
}

function lastAlignedBefore(t2c: Int32Array, index: number): number {
  for (let i = index - 1; i >= 0; i--) if (t2c[i]! >= 0) return i;
  return -1;
}

/** A line of page furniture found in a candidate. */
export interface FurnitureHit {
  furniture: string;
  /** Times it appears in the candidate, less the times the truth itself has it. */
  count: number;
}

const pageNumberLike = /^(?:[-–—]\s*)?(?:page\s+)?(?:\d{1,4}|[ivxlcdm]{1,7})(?:\s*(?:\/|sur|de|of)\s*\d{1,4})?(?:\s*[-–—])?$/iu;

function flat(text: string): string {
  return ` ${text.normalize('NFC').replace(/[’‘]/g, "'").replace(/[*#]+/g, ' ').replace(/\s+/g, ' ').trim()} `;
}

function occurrences(haystack: string, needle: string): number {
  let n = 0;
  for (let i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + needle.length)) n++;
  return n;
}

/**
 * Running heads, feet and page numbers of a PDF that are still in a candidate text.
 * A furniture line that is only a page number (`12`, `xii`, `12 / 40`, `Page 3`) is looked for as a
 * line of its own; any other is looked for anywhere, between word boundaries (glued into a
 * sentence counts). With the truth given, the times the truth has the same words (a chapter title
 * that is also a heading) are not counted.
 * @param candidate the text to check
 * @param furniture the furniture lines (`meta.json`'s `furniture`)
 * @param truth the truth, to discount its own occurrences
 */
export function furnitureLeft(candidate: string, furniture: string[], truth?: string): FurnitureHit[] {
  const lineCount = (text: string, f: string): number =>
    text.split('\n').filter((l) => l.replace(/^[#*\s]+|[*\s]+$/g, '').replace(/\s+/g, ' ') === f).length;
  const hits: FurnitureHit[] = [];
  const candidateFlat = flat(candidate);
  const truthFlat = truth === undefined ? '' : flat(truth);
  for (const raw of new Set(furniture.map((f) => f.replace(/\s+/g, ' ').trim()).filter(Boolean))) {
    let count: number;
    if (pageNumberLike.test(raw)) count = lineCount(candidate, raw) - (truth === undefined ? 0 : lineCount(truth, raw));
    else {
      const needle = flat(raw);
      count = occurrences(candidateFlat, needle) - (truth === undefined ? 0 : occurrences(truthFlat, needle));
    }
    if (count > 0) hits.push({ furniture: raw, count });
  }
  return hits;
}

/** A paragraph of the prose set. */
export interface ProseCase {
  id: string;
  doc: string;
  package: string;
  text: string;
  split: 'tune' | 'test';
}

/** What `meta.json` of a PDF case holds (see pdf/README.md). */
export interface PdfMeta {
  case: string;
  doc: string;
  package: string;
  split: 'tune' | 'test';
  /** `shipped` (the package's own PDF), `chrome` or `weasyprint` (printed by the generator). */
  made: 'shipped' | 'chrome' | 'weasyprint';
  typesetter: string;
  pages: number;
  /** Running heads, feet and page numbers as pdftotext gives them. */
  furniture: string[];
  /** What the truth leaves out or keeps optional, in words. */
  truthOmits: string[];
  /** What the case exercises (running heads, hyphenation, footnotes…). */
  exercises: string[];
  [key: string]: unknown;
}

/** A PDF extraction case: the PDF, what pdftotext gives of it, and the true text. */
export interface PdfCase {
  name: string;
  dir: string;
  split: 'tune' | 'test';
  meta: PdfMeta;
  /** Path of `source.pdf`. */
  pdf: string;
  /** `pdftotext -enc UTF-8 source.pdf -` (default mode). */
  input: string;
  /** `pdftotext -layout`, when the case has it. */
  inputLayout?: string;
  /** `truth.md`. */
  truth: string;
}

/**
 * Loads the cases of a development set.
 * @param kind `prose` (paragraphs) or `pdf` (extraction pairs)
 * @param split `tune`, `test` or `all`
 * @param root the sets' folder (default `$FOLIO_DEVSET`, else `~/.cache/folio/devset`)
 * @throws when the set has not been generated (`npm run devset`)
 */
export function loadCases(kind: 'prose', split: 'tune' | 'test' | 'all', root?: string): ProseCase[];
export function loadCases(kind: 'pdf', split: 'tune' | 'test' | 'all', root?: string): PdfCase[];
export function loadCases(kind: 'prose' | 'pdf', split: 'tune' | 'test' | 'all', root = devsetRoot()): ProseCase[] | PdfCase[] {
  const dir = path.join(root, kind);
  if (!existsSync(path.join(dir, 'READY'))) throw new Error(`no ${kind} set in ${dir}: run \`npm run devset\` (or set FOLIO_DEVSET)`);
  const splits = split === 'all' ? (['tune', 'test'] as const) : [split];
  if (kind === 'prose') {
    return splits.flatMap((s) =>
      readFileSync(path.join(dir, `${s}.jsonl`), 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => ({ ...(JSON.parse(line) as Omit<ProseCase, 'split'>), split: s })),
    );
  }
  const cases: PdfCase[] = [];
  for (const name of readdirSync(dir).sort()) {
    const caseDir = path.join(dir, name);
    if (!existsSync(path.join(caseDir, 'meta.json'))) continue;
    const meta = JSON.parse(readFileSync(path.join(caseDir, 'meta.json'), 'utf8')) as PdfMeta;
    if (!splits.includes(meta.split)) continue;
    const layout = path.join(caseDir, 'input-layout.txt');
    cases.push({
      name,
      dir: caseDir,
      split: meta.split,
      meta,
      pdf: path.join(caseDir, 'source.pdf'),
      input: readFileSync(path.join(caseDir, 'input.txt'), 'utf8'),
      ...(existsSync(layout) ? { inputLayout: readFileSync(layout, 'utf8') } : {}),
      truth: readFileSync(path.join(caseDir, 'truth.md'), 'utf8'),
    });
  }
  return cases;
}
