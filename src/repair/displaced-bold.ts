/**
 * Displaced bold phrases: the artifact of some PDF extractions (some parliaments' exports, among
 * others) that cut every bold run out of its line and paste it at the end of the same line.
 *
 * The line keeps a gap where each run was — a double space, a space at the line start, a space
 * before a comma or a full stop, an empty « » — and the runs follow the line's last word, in
 * order, separated by spaces, the first one often glued to that word (`pourla`, `aÉtats-Unis`,
 * `développer.La`). This pass:
 * 1. finds the gaps and the places where a pasted tail may start (after the last gap: at a space,
 *    or inside a glued word — two lexicon words that make no word together, a lowercase letter
 *    before a capital, a letter after a full stop or a comma, after an opening quote or an arrow,
 *    a word before a number or an option (`--`), an elided article before a consonant);
 * 2. decides whether the document has the artifact at all (in `auto` mode: at least two lines
 *    with both a gap and a glued tail), so texts without it are never touched;
 * 3. for each damaged line, enumerates every way to cut the tail into runs and to put them back in
 *    the gaps (in order), scores each reading with a bigram model of the corpus (the damaged
 *    lines themselves excluded) smoothed by the French lexicon, and applies the best one only
 *    when it clearly beats both the line as it is and the second best; otherwise the line stays
 *    as it is and a warning says so;
 * 4. sets each run back in bold, joining runs that meet across a line break into one phrase, and
 *    marks with `[…]` a gap that no run fills where the sentence cannot be complete (after an
 *    article, a preposition or an elided `l’`), with a warning: the missing words are never
 *    invented.
 *
 * Written by hand: no library knows this artifact.
 */
import { buildCorpusStats, combined, exclusionOf, modelTokens, without } from '../language/corpus.ts';
import type { Lexicon } from '../language/fr/lexicon.ts';
import { createFrenchModel, type LanguageModel } from '../language/fr/model.ts';
import { sentenceTokens } from '../language/fr/tokens.ts';
import { incompleteNegation } from '../language/fr/negation.ts';
import { endsSentence, lowercaseSentenceStarts } from '../language/fr/sentence.ts';
import { closedClassTags, isAuxiliaryForm, isDeterminer, isFrenchFunctionWord, isFunctionWord, isPreposition } from '../language/fr/words.ts';
import type { Edit, Note } from './mapped-text.ts';
import type { PassContext, PassResult } from './pass.ts';

type GapKind = 'start' | 'double' | 'before-punctuation' | 'quotes' | 'end';

interface Gap {
  kind: GapKind;
  /** Span of the line (relative offsets) that the filled run replaces. */
  start: number;
  end: number;
}

interface LineInfo {
  index: number;
  /** Offset of the line in the pass input. */
  offset: number;
  text: string;
  gaps: Gap[];
  /** Candidate tail starts (relative offsets), with whether the start is a glue point. */
  tails: { at: number; glued: boolean }[];
}

interface Reading {
  /** The line as it would read, with `**` markers. */
  text: string;
  /** The same without markers, for scoring. */
  plain: string;
  runs: { text: string; gap: Gap }[];
  /** Unfilled gaps. */
  open: Gap[];
  tailStart: number;
  score: number;
}

/**
 * The weights of the scoring, in natural-log units of the language model. Measured with
 * `npm run measure:repairs` on the tune part of the development set.
 */
export const weights = {
  /** Margin a reading needs over the line as it is. */
  minGain: 2,
  /** More margin for a line whose tail is not glued to it (it may be a clean line with a stray space). */
  unglued: 4,
  /** Margin the best reading needs over the second best. */
  minLead: 0.8,
  /** More lead for a line whose tail is not glued to it. */
  ungluedLead: 1.2,
  /** An elided article before a consonant. */
  elision: 8,
  /** A glued word that is the source's own typo, nothing moved (see `readingsOf`). */
  sourceTypo: 3,
  /** Each other anomaly (glued punctuation, capital inside a word, two articles in a row). */
  anomaly: 3,
  /** A run put at the end of its line (no visible gap there). */
  endRun: 0.5,
  /** A run put at the end of its line when the next line starts with a gap: a phrase running over the line break. */
  continuedRun: 2,
  /** A run that ends on an article, a preposition or a conjunction: writers set phrases in bold, not fragments. */
  fragmentRun: 5,
  /** More for a run of function words alone. */
  functionRun: 6,
  /** 1 to count the text's own settled word pairs (see `settledParts`) with the edition's, 0 not to. */
  ownPairs: 1,
  /** 1 to settle near-ties by the grammar of the gaps (see `junctionFaults`), 0 not to. */
  grammaticalTie: 1,
  /** Each word moved: long tails need more evidence than short ones. */
  movedWord: 0.15,
  /** An unfilled gap where a word must be missing; where one may be; where only a space is. */
  strongGap: 5,
  /** More for each unfilled gap of a line whose tail is glued. */
  openGapGlued: 1.5,
  mediumGap: 2.5,
  weakGap: 1,
};
/** Longest tail considered, in words. */
const MAX_TAIL_WORDS = 14;
/** Longer lines are paragraphs, not lines of a page: the artifact cuts and pastes within printed lines. */
const MAX_LINE_LENGTH = 200;
const MAX_RUNS = 4;

/**
 * Finds and repairs displaced bold runs.
 * @param text the pass input (escaped source text, line breaks as in the source)
 * @param context lexicon and corpus statistics; `mode` off/auto/on
 */
export function repairDisplacedBold(text: string, context: PassContext): PassResult {
  const lexicon = context.lexicon;
  if (context.mode === 'off' || !lexicon) return { edits: [] };
  const known = wordsOfCleanLines(text, lexicon);
  const lines = analyseLines(text, lexicon, known);
  const damaged = lines.filter((l) => l.gaps.length > 0 && l.text.length <= MAX_LINE_LENGTH && l.tails.some((t) => t.glued));
  // Evidence enough to try moving text: a glued word, an anomaly, or a gap that is more than a space.
  const candidates = lines.filter(
    (l) =>
      l.tails.length > 0 &&
      l.text.length <= MAX_LINE_LENGTH &&
      (l.tails.some((t) => t.glued) || anomalies(l.text) > 0 || l.gaps.some((g) => gapWeight(g, l.text, previousEndOf(lines, l.index)) >= weights.mediumGap)),
  );
  // Without a glued word, a gap in mid-sentence (a double space, a space before a comma) is evidence
  // enough to look — a reading must then win by more (`unglued`).
  const gapped = candidates.filter((l) => l.gaps.some((g) => g.kind !== 'start' && gapWeight(g, l.text, undefined) >= weights.mediumGap));
  // …and so is a line that opens on one space (or on a comma, a full stop) in the middle of a
  // sentence, under a line that is not indented: a run was cut from its start.
  const opened = candidates.filter((l) => {
    const p = previousNonBlank(lines, l.index);
    return !!p && p.index === l.index - 1 && !/^\s/u.test(p.text) && /^(?: \p{Ll}|[,.;)] ?\p{L})/u.test(l.text) && l.gaps.some((g) => g.kind === 'start' && gapWeight(g, l.text, previousEndOf(lines, l.index)) >= weights.mediumGap);
  });
  const openedLines = new Set(opened.map((l) => l.index));
  if (context.mode === 'auto' && damaged.length < 1 && gapped.length < 1 && opened.length < 1) return { edits: [] };

  // General French, and the edition's statistics on top — without the paragraphs under repair.
  const edition = context.corpus ? without(context.corpus, exclusionOf(paragraphsOf(text, candidates))) : undefined;
  // …and the text's own word pairs where no run can have been cut out or pasted: a document
  // repeats its terms (`ligne de commande`), and its settled parts say how it writes them.
  const own = weights.ownPairs ? buildCorpusStats(settledParts(lines)) : undefined;
  const corpus = edition && own ? combined(edition, own) : (edition ?? own);
  // General French's pairs are the base (`word-pairs.ts`); the edition's and the text's add to them.
  const model = createFrenchModel({ lexicon, corpus, general: lexicon.wordPairs });
  const chosen = new Map<number, Reading>();
  const notes: Note[] = [];
  const ambiguous = new Map<number, Reading[]>();
  // Rounds: each scores a line against its neighbours as the previous round read them (their best
  // reading, even an unsure one), so that two lines a phrase runs over are read together.
  const tentative = new Map<number, Reading>();
  for (let round = 0; round < 3; round++) {
    const context = new Map([...tentative, ...chosen]);
    for (const line of candidates) {
      const readings = readingsOf(line, lines, context, model, lexicon, known);
      if (readings[0]!.runs.length > 0) tentative.set(line.index, readings[0]!);
      else tentative.delete(line.index);
      const original = readings.find((r) => r.runs.length === 0)!;
      const best = readings[0]!;
      const second = readings.find((r) => r !== best && r.runs.length > 0 && r.plain !== best.plain);
      // Without a glued word, a gap may be a stray space: the line as it is pays nothing for it, and
      // the reading must win on its French alone, by more…
      const glued = line.tails.some((t) => t.glued);
      // A next line that starts with a gap, where this one's best reading ends with a run: a phrase
      // running over the line break — evidence of the artifact as good as a glued word.
      const next = nextNonBlank(lines, line.index);
      const continued =
        (!!next && next.gaps.some((g) => g.kind === 'start') && best.runs.some((r) => r.gap.kind === 'end')) ||
        // So is a line opening in mid-sentence on the gap its best reading fills.
        (openedLines.has(line.index) && best.runs.some((r) => r.gap.kind === 'start'));
      // A line that opens on a comma or a full stop, or whose tail starts a sentence in lowercase
      // (`fini. du reste`), shows the cut as surely as a glued word: French writes neither.
      const evident = glued || continued || evidentDamage(line, lexicon);
      const needed = weights.minGain + (evident ? 0 : weights.unglued);
      const cost = (g: Gap): number => gapWeight(g, line.text, contextBefore(lines, line.index, context).pop());
      // …except a gap right after an article or a preposition, where a word must be missing.
      const asItIs = glued ? original.score : original.score + original.open.reduce((n, g) => n + (cost(g) < weights.strongGap && !spaceBeforePunctuation(g, line.text, lexicon) ? cost(g) : 0), 0);
      // Without that evidence, a line may be clean with stray spaces: its best reading must also
      // stand further from the others.
      // Two gaps in mid-sentence that the best reading fills, with every run in a gap the line shows:
      // one stray double space happens, two on one line, each just where a run reads well, hardly.
      const twoGaps = best.runs.filter((r) => r.gap.kind !== 'start').length >= 2 && best.runs.every((r) => r.gap.kind !== 'end');
      const lead = weights.minLead + (evident || twoGaps ? 0 : weights.ungluedLead);
      const gains = best.runs.length > 0 && best.score - asItIs >= needed;
      let clear = gains && (!second || best.score - second.score >= lead);
      // A near-tie on a line that shows the artifact is settled by grammar: the best reading wins
      // when it is the only one so close whose every gap reads as French on both sides.
      if (gains && !clear && evident && weights.grammaticalTie) {
        const before = contextBefore(lines, line.index, context);
        const after = contextAfter(lines, line.index, context);
        const faults = (r: Reading): number => junctionFaults(r, line, before, after, model);
        const rivals = readings.filter((r) => r !== best && r.runs.length > 0 && r.plain !== best.plain && best.score - r.score < lead);
        clear = faults(best) === 0 && rivals.every((r) => faults(r) > 0);
      }
      if (clear) {
        chosen.set(line.index, best);
        ambiguous.delete(line.index);
      } else {
        chosen.delete(line.index);
        if (best.runs.length > 0 && second) ambiguous.set(line.index, [best, second]);
        else ambiguous.delete(line.index);
      }
    }
  }

  for (const [index, [a, b]] of ambiguous) {
    const line = lines[index]!;
    notes.push({
      at: line.offset + (a!.tailStart < line.text.length ? a!.tailStart : 0),
      finding: {
        rule: 'displaced-bold',
        severity: 'warning',
        message: `This line seems to end with displaced bold text, but where it belongs is not clear (“${differing(a!.plain, b!.plain)}” or “${differing(b!.plain, a!.plain)}”): left as it is. Check it against the original.`,
      },
    });
  }

  const edits: Edit[] = [];
  const runEnds = new Map<number, { startsWithRun: boolean; endsWithRun: boolean }>();
  for (const line of lines) {
    const r = chosen.get(line.index);
    if (!r) continue;
    runEnds.set(line.index, {
      startsWithRun: r.runs.some((x) => x.gap.kind === 'start' && x.gap.start === 0),
      endsWithRun: r.runs.some((x) => x.gap.kind === 'end'),
    });
  }
  // Lacunae are marked only in a text that shows the artifact for sure: one line at least repaired.
  const detected = context.mode === 'on' || chosen.size > 0;
  for (const line of lines) {
    const reading = chosen.get(line.index);
    const previous = previousNonBlank(lines, line.index);
    const next = nextNonBlank(lines, line.index);
    const openStart = !!next && runEnds.get(line.index)?.endsWithRun === true && runEnds.get(next.index)?.startsWithRun === true;
    const closeEnd = !!previous && runEnds.get(previous.index)?.endsWithRun === true && runEnds.get(line.index)?.startsWithRun === true;
    // A line left as it is because its runs' places are unclear has no lacuna: a run may fill the gap.
    // So has a line left as it is whose end shows a glued tail: the gap's words are most likely on the
    // line itself, pasted at its end, and a `[…]` would only hide them. The line is reported instead.
    const unplacedTail = !reading && !ambiguous.has(line.index) && line.tails.some((t) => t.glued) && line.gaps.some((g) => g.kind !== 'end' && isLacuna(g, line, lines, chosen));
    if (detected && unplacedTail) {
      notes.push({
        at: line.offset,
        finding: {
          rule: 'displaced-bold',
          severity: 'warning',
          message: 'This line has a gap and seems to end with displaced bold text, but no reading of it is clearly right: left as it is. Check it against the original.',
        },
      });
    }
    const open = reading ? reading.open : detected && !ambiguous.has(line.index) && !unplacedTail ? line.gaps.filter((g) => g.kind !== 'end') : [];
    edits.push(...lineEdits(line, reading, { mergeWithNext: openStart, mergeWithPrevious: closeEnd }));
    for (const gap of open) {
      if (!isLacuna(gap, line, lines, chosen)) continue;
      const insert = gap.kind === 'start' ? (gap.end > gap.start ? '[…] ' : '[…]') : gap.kind === 'before-punctuation' ? ' […]' : ' […] ';
      edits.push({
        start: line.offset + gap.start,
        end: line.offset + gap.end,
        insert,
        finding: {
          rule: 'lacuna',
          severity: 'warning',
          message: 'Text is missing here: a gap left by a displaced bold phrase that no phrase of the line fills. Marked […]; check the original for the missing words.',
        },
      });
    }
  }
  if (chosen.size > 0) {
    const first = lines[[...chosen.keys()][0]!]!;
    notes.push({
      at: first.offset,
      finding: {
        rule: 'displaced-bold',
        severity: 'info',
        message: `${chosen.size} lines had bold phrases cut out and pasted at the line end (an artifact of PDF extraction): each phrase was put back in its gap, in bold.`,
      },
    });
  }
  return { edits: mergeEdits(edits), notes };
}

/**
 * Signs in the line itself that text was cut out of it, besides a glued word: the line opens on a
 * comma, a semicolon, a closing bracket or a full stop and a space (no French line does), or its
 * last gap is followed by a sentence end and a French word in lowercase (`fini. du reste`: the
 * tail pasted after a finished sentence).
 */
function evidentDamage(line: LineInfo, lexicon: Lexicon): boolean {
  if (/^(?:[,;)] ?|\. )[\p{L}\p{N}(«]/u.test(line.text)) return true;
  // A space between a word and the comma, full stop or closing bracket after it: French sets them close.
  if (line.gaps.some((g) => spaceBeforePunctuation(g, line.text, lexicon))) return true;
  const after = lastOf(line.gaps)?.end ?? 0;
  // …a French word: a name in lowercase (a command's) may start a sentence of a clean text.
  const word = (at: number): string => /^[\p{L}’'-]+/u.exec(line.text.slice(at))?.[0] ?? '';
  return lowercaseSentenceStarts(line.text).some((at) => at >= after && line.tails.some((t) => t.at === at) && lexicon.has(word(at)));
}

/**
 * True for a gap that is a space between a French word and the comma, full stop or closing bracket
 * after it (`la ville , puis`): French typography sets them close, so it is no stray space.
 */
function spaceBeforePunctuation(gap: Gap, text: string, lexicon: Lexicon): boolean {
  if (gap.kind !== 'before-punctuation') return false;
  const word = /\p{L}{2,}$/u.exec(text.slice(0, gap.start))?.[0];
  return !!word && lexicon.has(word);
}

function trim(s: string, n = 70): string {
  return s.length <= n ? s : `${s.slice(0, n)}…`;
}

/**
 * Where a reading differs from another, shown: from a word a little before the first difference
 * (both readings share what comes before), up to `n` characters.
 */
function differing(reading: string, other: string, n = 70): string {
  let same = 0;
  while (same < reading.length && reading[same] === other[same]) same++;
  if (same <= 30) return trim(reading, n);
  const from = reading.indexOf(' ', same - 30) + 1;
  return `…${trim(reading.slice(from > 0 && from <= same ? from : same), n)}`;
}

// ---------------------------------------------------------------------------------------------
// Reading the lines

/**
 * The words the lexicon lacks that the text writes on lines showing no gap (`device`, a name): words
 * of the text, which a glue point must not split into two French words (`de` `vice`).
 */
function wordsOfCleanLines(text: string, lexicon: Lexicon): Set<string> {
  const out = new Set<string>();
  for (const line of text.split('\n')) {
    if (!laidOut(line) && findGaps(line).length > 0) continue;
    for (const [word] of line.matchAll(/\p{L}+(?:['’]\p{L}+)*/gu)) if (word.length >= 4 && !lexicon.has(word)) out.add(word);
  }
  return out;
}

function analyseLines(text: string, lexicon: Lexicon, known: ReadonlySet<string>): LineInfo[] {
  const out: LineInfo[] = [];
  let offset = 0;
  let previous = '';
  const all = text.split('\n');
  // A line that opens like the lines around it (one space, a semicolon) is indented or laid out
  // so, as a listing or a configuration file's comments are: a layout, not prose.
  const opening = (line: string | undefined): string => /^[ ;]/u.exec(line ?? '')?.[0] ?? '';
  const alignedOpening = (index: number): boolean => {
    const own = opening(all[index]);
    if (own === '' || (opening(all[index - 1]) !== own && opening(all[index + 1]) !== own)) return false;
    // One space may open two lines that a phrase cut in two runs over: three lines are a layout.
    return own !== ' ' || [index - 2, index - 1, index + 1, index + 2].filter((i) => opening(all[i]) === own).length >= 2;
  };
  for (const [index, line] of all.entries()) {
    // A space before a capital that starts a sentence (or the text) is only a space: no run was cut there.
    const sentenceStart = !previous.trim() || endsSentence(previous);
    // Likewise two spaces between a full stop and a capital: the typewriter's way, not a cut.
    // A full stop or a comma that opens a line and a number or a name the lexicon lacks (`.zip`,
    // `,5`) opens a file name or a decimal, not a line whose run was cut (`,leur`: the tail glued).
    const opener = /^[,.;]([\p{L}\p{N}]+)/u.exec(line)?.[1];
    const startCut = (g: Gap): boolean => g.kind !== 'start' || opener === undefined || (!/^\p{N}/u.test(opener) && lexicon.has(opener.toLowerCase()));
    // …unless the line shows the artifact itself: a gap in mid-line and, after it, two French
    // words glued together (`composédu`) — an indented listing has neither.
    const aligned = alignedOpening(index) && !gluedAfterMidGap(line, lexicon, known);
    const found = laidOut(line) || aligned ? [] : findGaps(line).filter(startCut);
    const spaceBeforeSentence = (g: Gap): boolean => g.kind === 'start' && g.end > g.start && sentenceStart && /^ \p{Lu}/u.test(line);
    // A space before a file's extension is no gap: `l’extension .abc`, whose letters make no word.
    const extension = (g: Gap): boolean => {
      const name = /^\.(\p{Ll}[\p{Ll}\p{N}]*)(?![\p{L}\p{N}])/u.exec(line.slice(g.end))?.[1];
      return g.kind === 'before-punctuation' && !!name && !lexicon.has(name);
    };
    let gaps = found.filter(
      (g) => !spaceBeforeSentence(g) && !extension(g) && !(g.kind === 'double' && /[.!?…]["»”)]?$/u.test(line.slice(0, g.start)) && /^[\p{Lu}\p{N}(«"“]/u.test(line.slice(g.end))),
    );
    let tails = gaps.length ? findTailStarts(line, lastOf(gaps), lexicon, known) : [];
    // …unless the line has a glued tail and no other gap: its run was cut from the line start.
    if (!tails.some((t) => t.glued) && found.some(spaceBeforeSentence)) {
      const withStart = [...found.filter(spaceBeforeSentence), ...gaps].sort((a, b) => a.start - b.start);
      const withTails = findTailStarts(line, lastOf(withStart), lexicon, known);
      if (withTails.some((t) => t.glued)) [gaps, tails] = [withStart, withTails];
    }
    if (line.trim()) previous = line;
    out.push({ index, offset, text: line, gaps, tails });
    offset += line.length + 1;
  }
  return out;
}

/** True when a line has a gap in mid-line and, after it, a word two French words make glued (`composédu`). */
function gluedAfterMidGap(line: string, lexicon: Lexicon, known: ReadonlySet<string>): boolean {
  const gap = lastOf(findGaps(line).filter((g) => g.kind === 'double' || g.kind === 'before-punctuation'));
  if (!gap) return false;
  return [...line.slice(gap.end).matchAll(/\S+/gu)].some((m) => wordGlueCuts(m[0], lexicon, known).length > 0);
}

/**
 * A line set out by a layout rather than run as prose — its spaces are alignment, not cuts: columns
 * aligned with tabs or runs of three spaces or more (a table, a listing, a terminal page's list of
 * options), a line indented as code or as a listing, a shell prompt or a comment (`#`, `$ `). A run
 * cut out of a line of prose leaves exactly the two spaces around it, at one place.
 */
function laidOut(line: string): boolean {
  return /\S {3,}\S|\t/u.test(line) || /^\s{2,}\S/u.test(line) || /^ ?\\?(?:#|\$ )/u.test(line);
}

function lastOf(gaps: Gap[]): Gap | undefined {
  return gaps.reduce<Gap | undefined>((m, g) => (!m || g.end > m.end ? g : m), undefined);
}

/** The gaps a removed run leaves in a line. */
export function findGaps(line: string): Gap[] {
  const gaps: Gap[] = [];
  if (/^ (?=\S)/u.test(line)) gaps.push({ kind: 'start', start: 0, end: 1 });
  else if (/^[,.;)]/u.test(line)) gaps.push({ kind: 'start', start: 0, end: 0 });
  for (const m of line.matchAll(/(?<=\S) {2,}(?=\S)/gu)) gaps.push({ kind: 'double', start: m.index, end: m.index + m[0].length });
  // A space before a comma, a full stop or a closing bracket (which may have the tail glued after it:
  // `renforcer ,leur`), after a word, a bracket or the arrow of a menu path (`Fichier → .`).
  for (const m of line.matchAll(/(?<=[\p{L}\p{N}’'«»),.→←⇒]) (?=[,.)]+(?:\s|$|\p{L}|\p{N}|[(«]|--))/gu)) gaps.push({ kind: 'before-punctuation', start: m.index, end: m.index + 1 });
  for (const m of line.matchAll(/«( *)»/gu)) gaps.push({ kind: 'quotes', start: m.index + 1, end: m.index + 1 + m[1]!.length });
  // One place, one gap: the spaces of an empty « » are not a double space besides.
  const sorted = gaps.sort((a, b) => a.start - b.start || (a.kind === 'quotes' ? -1 : 1));
  return sorted.filter((g, i) => !sorted.slice(0, i).some((h) => g.start < h.end && h.start < g.end));
}

/**
 * Where a pasted tail may start, after the last gap: at each space, and at each glue point inside
 * a word.
 */
function findTailStarts(line: string, lastGap: Gap | undefined, lexicon: Lexicon, known: ReadonlySet<string>): { at: number; glued: boolean }[] {
  const after = lastGap?.end ?? 0;
  const starts: { at: number; glued: boolean }[] = [];
  const trimmedEnd = line.replace(/\s+$/u, '').length;
  // Something must stay between the last gap and the tail: a word, or the punctuation a gap stood
  // before (`lors . de la fête`, `. de la fête`: the tail may be all the words after the full stop).
  const baseHasWord = (at: number): boolean => /[\p{L}\p{N}]/u.test(line.slice(after, at)) || ((lastGap?.kind === 'before-punctuation' || lastGap?.kind === 'start') && /\S/u.test(line.slice(after, at)));
  for (const m of line.slice(after, trimmedEnd).matchAll(/\S+/gu)) {
    const wordStart = after + m.index;
    if (wordStart > after && baseHasWord(wordStart)) starts.push({ at: wordStart, glued: false });
    // A glued tail may start right after the last gap: the glue itself shows that text was moved.
    for (const cut of glueCuts(m[0], lexicon, known)) starts.push({ at: wordStart + cut, glued: true });
  }
  // A glued word marks where the tail starts: a tail starting at a space would leave the glue in the text.
  // The extraction glues once, at the tail's start; the runs after it are set apart by spaces. So a
  // letter glued after a full stop or a comma further on is where the tail starts, and what seems
  // glued before it is only a word the lexicon lacks (`plait`).
  const strong = starts.filter((s) => s.glued && /[.,;!?»)]/u.test(line[s.at - 1] ?? '') && /\p{L}/u.test(line[s.at] ?? ''));
  const lastStrong = strong.length ? strong[strong.length - 1]!.at : -1;
  const glued = starts.filter((s) => s.glued && s.at >= lastStrong);
  return (glued.length ? glued : starts).slice(-MAX_TAIL_WORDS);
}

/**
 * Cut points inside a space-free segment where two pieces were glued together.
 * @param known words of the text that are no glue, though the lexicon lacks them (see `wordsOfCleanLines`)
 */
export function glueCuts(segment: string, lexicon: Lexicon, known: ReadonlySet<string> = new Set()): number[] {
  const cuts = new Set<number>();
  // An address is written without a seam: a URL, a domain's `www.`, an e-mail (`https://exemple.org/w`).
  if (/:\/\/|^\(?www\.|\p{L}@\p{L}/u.test(segment)) return [];
  // A word right after a full stop, a comma or a closing bracket: `développer.La`, `outre,le`, `).région` —
  // not a file name or an address (`disk.img`, `www.exemple.org`), whose ending is no word.
  for (const m of segment.matchAll(/(?<=[.,;!?)»])(?=\p{L})/gu)) {
    const next = /^[\p{L}’'-]+/u.exec(segment.slice(m.index))?.[0] ?? '';
    // `à` is no file's extension; a comma after a word is followed by a space in French, whatever comes next.
    const afterWordComma = segment[m.index - 1] === ',' && /\p{L}/u.test(segment[m.index - 2] ?? '');
    if (m.index > 0 && (/^\p{Lu}/u.test(next) || (next.length >= 2 && lexicon.has(next)) || next === 'à' || afterWordComma)) cuts.add(m.index);
  }
  // A number or an option right after a full stop that ends no number: `».2`, `.--rapide`.
  for (const m of segment.matchAll(/(?<=(?:^|[^\p{N}])[.,;»])(?=\p{N}|--\p{L})/gu)) cuts.add(m.index);
  // An opening bracket or quote right after a letter or a full stop: `les(novembre`, `fin.(voir`.
  for (const m of segment.matchAll(/(?<=\p{L}|[\p{L}\p{N})\]»][.,;])(?=[(«])/gu)) cuts.add(m.index);
  // A letter right after an opening quote, which French follows with a space (`«selon`), unless the
  // quote is closed in the same word (`«oui»`, a style without spaces).
  for (const m of segment.matchAll(/(?<=«)(?=\p{L})/gu)) if (!segment.slice(m.index).includes('»')) cuts.add(m.index);
  // A letter right after an arrow of a menu path: `→ouvrir`.
  for (const m of segment.matchAll(/(?<=[→←⇒])(?=\p{L})/gu)) if (m.index > 0) cuts.add(m.index);
  // A command-line option glued after a word: `fichiers--rapide`.
  for (const m of segment.matchAll(/(?<=\p{Ll}{2})(?=--\p{L})/gu)) cuts.add(m.index);
  // A run in capitals right after a lowercase word: `câblesUSB`.
  for (const m of segment.matchAll(/(?<=\p{Ll}{2})(?=\p{Lu}{2,}(?:\P{L}|$))/gu)) {
    const word = /\p{L}+$/u.exec(segment.slice(0, m.index))?.[0] ?? '';
    if (lexicon.has(word)) cuts.add(m.index);
  }
  // A number right after a word: `chapitre3`, `pages12` (not `ext4` or `mp3`, which are no words).
  for (const m of segment.matchAll(/(?<=\p{L}{2})(?=\d)/gu)) {
    const word = /\p{L}+$/u.exec(segment.slice(0, m.index))?.[0] ?? '';
    if (word.length >= 2 && lexicon.has(word) && (m.index === word.length || !/[\p{L}\p{N}]/u.test(segment[m.index - word.length - 1]!))) cuts.add(m.index);
  }
  // A word right after a number: `74présent`; with a capital, a word that starts a sentence (`4Le`,
  // `4Cette`), not a unit (`12Mo`, `50Hz`).
  for (const m of segment.matchAll(/(?<=(?:^|[^\p{L}\p{N}])\d+)(?=\p{Ll}{3,})/gu)) cuts.add(m.index);
  for (const m of segment.matchAll(/(?<=(?:^|[^\p{L}\p{N}])\d+)(\p{Lu}\p{Ll}+)$/gu)) {
    const word = m[1]!.toLowerCase();
    if (closedClassTags(word) !== 0 || (word.length >= 4 && lexicon.has(word))) cuts.add(m.index);
  }
  // A word in small letters right after a run in capitals (`PDFest`), a lone capital before or after
  // a word (`Xdonne`, `pourX`): where the glued whole is no word and the small letters make one.
  for (const m of segment.matchAll(/(?<=(?:^|[^\p{L}])\p{Lu}+)(?=\p{Ll}{2,}$)/gu)) {
    const caps = /\p{Lu}+$/u.exec(segment.slice(0, m.index))![0];
    const rest = segment.slice(m.index);
    // Short small letters may be the end of a name in mixed case (`IPsec`): only a function word
    // or an auxiliary then (`PDFest`).
    if (!lexicon.has(caps + rest) && lexicon.has(rest) && (rest.length >= 4 || isFunctionWord(rest) || isAuxiliaryForm(rest))) cuts.add(m.index);
  }
  for (const m of segment.matchAll(/(?<=(?:^|[^\p{L}])\p{Ll}{2,})(?=\p{Lu}$)/gu)) {
    const word = /\p{Ll}+$/u.exec(segment.slice(0, m.index))![0];
    if (lexicon.has(word) && !lexicon.has(segment)) cuts.add(m.index);
  }
  // A capital right after a lowercase letter: `aÉtats-Unis`.
  for (const m of segment.matchAll(/(?<=\p{Ll})(?=\p{Lu}\p{Ll})/gu)) cuts.add(m.index);
  // An elided article before a consonant: `l’manipulation`.
  for (const m of segment.matchAll(/(?<=(?:^|[^\p{L}])[ldLD]['’])(?=[bcdfgjklmnpqrstvwxzç])/gu)) cuts.add(m.index);
  for (const cut of wordGlueCuts(segment, lexicon, known)) cuts.add(cut);
  return [...cuts].sort((a, b) => a - b);
}

/**
 * The glue points inside a segment that only the lexicon shows: an elided word glued after
 * another word, two words that make no word together — where the glued whole is no French word.
 */
function wordGlueCuts(segment: string, lexicon: Lexicon, known: ReadonlySet<string>): number[] {
  const cuts = new Set<number>();
  // An elided word glued after another word: `Emacsl’une` (the whole is no word).
  for (const m of segment.matchAll(/(?<=\p{L}{2})(?=(?:[cdjlmnst]|qu)['’]\p{L})/gu)) {
    const word = /[\p{L}'’]+$/u.exec(segment.slice(0, m.index))?.[0] ?? '';
    const whole = word + (/^[\p{L}'’]+/u.exec(segment.slice(m.index))?.[0] ?? '');
    if (!lexicon.has(whole)) cuts.add(m.index);
  }
  // A rare word that two common ones make, where a phrase may have been glued: `deva` (`de` `va`).
  for (const cut of rareWordCuts(segment, lexicon)) cuts.add(cut);
  // Two words that make no word together: `pourla`, `desl’Europe`.
  for (const m of segment.matchAll(/[\p{L}]+(?:['’][\p{L}]+)*/gu)) {
    const word = m[0];
    if (word.length < 2 || lexicon.has(word) || known.has(word)) continue;
    // Letters joined to `=`, `_`, `/`, `@`, `#`, `$`, `%`, `&`, `+`, `\`, `<`, `>` or a digit belong to
    // an identifier (`taille=4`, `mon_fichier`, `abc/def`), not to two glued words: the extraction glues
    // a run to the line's last character, and an identifier is written without such a seam.
    const identifier = /[=_/@#$%&+\\<>\p{N}]/u;
    if (identifier.test(segment[m.index - 1] ?? '') || identifier.test(segment[m.index + word.length] ?? '')) continue;
    const oneLetterWord = (w: string): boolean => w.length > 1 || /^[aàyAÀY]$/u.test(w);
    for (let i = 1; i < word.length; i++) {
      const head = word.slice(0, i);
      const tail = word.slice(i);
      if (!/^\p{L}/u.test(tail)) continue;
      // After a one-letter word, two letters make no word of a tail but a function word (`ala`, not `apt`).
      const short = (a: string, b: string): boolean => a.length === 1 && b.length === 2 && !isFunctionWord(b);
      // Two letters make a glued piece only as a word French writes often (`la`, `va`), not an abbreviation (`st`).
      const twoLetters = (w: string): boolean => w.length !== 2 || isFrenchFunctionWord(w) || lexicon.logFrequency(w) >= -7;
      if (oneLetterWord(head) && oneLetterWord(tail) && !short(head, tail) && !short(tail, head) && twoLetters(head) && twoLetters(tail) && lexicon.has(head) && lexicon.has(tail)) cuts.add(m.index + i);
    }
  }
  return [...cuts];
}

/** Below this log-frequency a word is rare in general French (about one in a million words). */
const RARE = -12;
/** Above this, a word is common (one in a thousand or so). */
const COMMON = -7.5;

/**
 * Cut points inside a rare word of the lexicon that two common words make with a far likelier
 * sum (`deva`: `de` `va`): the extraction glues a run to whatever word ends the line, and the
 * lexicon holds many rare words that are such pairs. Only the last word before the tail's others.
 */
function rareWordCuts(segment: string, lexicon: Lexicon): number[] {
  const m = /^\p{Ll}{3,}$/u.exec(segment);
  if (!m || lexicon.logFrequency(segment) > RARE) return [];
  const cuts: number[] = [];
  for (let i = 2; i <= segment.length - 2; i++) {
    const [head, tail] = [segment.slice(0, i), segment.slice(i)];
    const common = (w: string): boolean => lexicon.logFrequency(w) >= COMMON && (w.length > 2 || isFrenchFunctionWord(w) || lexicon.logFrequency(w) >= -7);
    if (common(head) && common(tail)) cuts.push(i);
  }
  return cuts;
}

// ---------------------------------------------------------------------------------------------
// Readings and their scores

function readingsOf(line: LineInfo, lines: LineInfo[], chosen: Map<number, Reading>, model: LanguageModel, lexicon: Lexicon, known: ReadonlySet<string>): Reading[] {
  const before = contextBefore(lines, line.index, chosen);
  const after = contextAfter(lines, line.index, chosen);
  const previousEnd = before[before.length - 1];
  // The text's last line ends its last sentence: a reading that leaves it on `de la` is no French.
  const next = nextNonBlank(lines, line.index);
  const endsText = !next;
  const nextStartsWithGap = !!next && next.gaps.some((g) => g.kind === 'start');
  // A glued pair of rare words is one non-word to the model, likelier than its two words: the glue
  // costs what the other signs of damage cost, and the non-word at least what its words would.
  const glued = new Map<string, number>();
  const glueCost = (plain: string): number => {
    let cost = 0;
    for (const [segment] of plain.matchAll(/\S+/gu)) {
      let c = glued.get(segment);
      if (c === undefined) {
        const cuts = wordGlueCuts(segment, lexicon, known).sort((a, b) => a - b);
        const pieces = cuts.length ? [segment.slice(0, cuts[0]), segment.slice(cuts[0])] : [];
        const word = (w: string): string => w.replace(/^[^\p{L}]+|[^\p{L}’']+$/gu, '');
        const words = pieces.reduce((n, w) => n + lexicon.logFrequency(word(w)), 0);
        c = cuts.length ? weights.anomaly + Math.max(0, lexicon.logFrequency(word(segment)) - words) : 0;
        glued.set(segment, c);
      }
      cost += c;
    }
    return cost;
  };
  const lineGlued = line.tails.some((t) => t.glued);
  const score = (reading: Reading): number => {
    const tokens = [...before, ...sentenceTokens(reading.plain), ...after];
    let s = model.score(tokens, endsText);
    s -= weights.anomaly * anomalies(reading.plain) + glueCost(reading.plain);
    for (const gap of reading.open) s -= gapWeight(gap, line.text, previousEnd);
    // On a line that shows the artifact for sure, a gap is a cut far more often than a stray space.
    if (lineGlued) s -= weights.openGapGlued * reading.open.length;
    const endRuns = reading.runs.filter((r) => r.gap.kind === 'end').length;
    s += nextStartsWithGap ? weights.continuedRun * endRuns : -weights.endRun * endRuns;
    s -= weights.movedWord * reading.runs.reduce((n, r) => n + r.text.split(' ').length, 0);
    // …except a run at the line end when the next line starts with a gap: the phrase goes on there.
    s -= weights.fragmentRun * reading.runs.filter((r) => endsOnFunctionWord(r.text) && !(r.gap.kind === 'end' && nextStartsWithGap)).length;
    // A run of function words alone (`le`, `de la`) is no phrase anyone sets in bold.
    s -= weights.functionRun * reading.runs.filter((r) => r.text.split(' ').every((w) => isFunctionWord(w)) && !(r.gap.kind === 'end' && nextStartsWithGap)).length;
    return s;
  };
  const original: Reading = { text: line.text, plain: line.text, runs: [], open: line.gaps, tailStart: line.text.length, score: 0 };
  original.score = score(original);
  const readings: Reading[] = [original];
  // A glued word may be the source's own typo (`quele`): the line with only that glue split, nothing
  // moved, is a reading too — never applied, but one a repair must beat.
  for (const tail of line.tails.filter((t) => t.glued && weights.sourceTypo > 0)) {
    const plain = `${line.text.slice(0, tail.at)} ${line.text.slice(tail.at)}`;
    const typo: Reading = { text: line.text, plain, runs: [], open: line.gaps, tailStart: line.text.length, score: 0 };
    typo.score = score(typo) - weights.sourceTypo;
    readings.push(typo);
  }
  const seen = new Set<string>();
  for (const tail of line.tails) {
    const base = line.text.slice(0, tail.at);
    const words = line.text.slice(tail.at).trim().split(/ +/u);
    if (words.length === 0 || words.length > MAX_TAIL_WORDS || !words[0]) continue;
    // Punctuation after a run stays in the line; only a comma may stand inside one (`la ville, la région`).
    if (words.some((w, i) => (i === words.length - 1 ? endsWithPunctuation(w) : endsWithPunctuation(w) && !w.endsWith(',')))) continue;
    const visible = line.gaps.filter((g) => g.end <= tail.at);
    // A tail glued to the last word means the line did not end in bold: no run goes to its end.
    const gaps = tail.glued ? visible : [...visible, { kind: 'end' as const, start: tail.at, end: tail.at }];
    for (let r = 1; r <= Math.min(MAX_RUNS, words.length, gaps.length); r++) {
      for (const runs of splitInto(words, r)) {
        // A bold phrase ends on a word, not on the arrow of a menu path (`Édition →`).
        // …and holds a word (not a lone `«`).
        if (runs.some((run) => endsWithPunctuation(run) || /[→←⇒]$/u.test(run) || !/[\p{L}\p{N}]/u.test(run))) continue;
        for (const chosenGaps of choose(gaps, r)) {
          const reading = build(base, visible, runs, chosenGaps, tail.at);
          if (seen.has(reading.text)) continue;
          seen.add(reading.text);
          reading.score = score(reading);
          readings.push(reading);
        }
      }
    }
  }
  return readings.sort((a, b) => b.score - a.score);
}

/**
 * Signs of damage a good reading does not have, seen in the characters: a letter right after a
 * full stop or a comma, a capital inside a word, a sentence that starts in lowercase, an article
 * or a preposition with a capital in the middle of a sentence (`selon La`), an article or a
 * preposition right before a comma or a full stop.
 */
export function anomalies(plain: string): number {
  let n = 0;
  const tokens = modelTokens(plain);
  for (let i = 1; i < tokens.length; i++) {
    const [a, b] = [tokens[i - 1]!, tokens[i]!];
    if ((isDeterminer(a) || isPreposition(a) || a === 'de' || a === 'd’') && /^[,.;:)]$/u.test(b)) n += 1; // `à ,`
    else if (a === ',' && b === ',') n += 1;
    else if (a === b && isFunctionWord(a)) n += 1; // `de de`
  }
  // `ne` without its second half (`pas`, `plus`, `que`…) in the next three words: a cut went between them.
  for (let i = 0; i + 3 < tokens.length; i++) {
    if (incompleteNegation(tokens, i)) n += 1;
  }
  for (const _ of plain.matchAll(/(?<=[\p{L}\p{N}][.,;!?]|[\p{L}\p{N}]\)[.,]?)\p{L}/gu)) n += 1;
  for (const _ of plain.matchAll(/\p{Ll}\p{Lu}\p{Ll}/gu)) n += 1;
  // A line that starts with a comma or a full stop glued to a word; a bracket or a quote glued after a letter.
  if (/^[.,;)]\p{L}/u.test(plain)) n += 1;
  for (const _ of plain.matchAll(/(?<= )[.,;]\p{L}/gu)) n += 1;
  for (const _ of plain.matchAll(/\p{L}[(«]/gu)) n += 1;
  // A sentence that starts with a lowercase word, after a word (not an abbreviation) and a full stop.
  for (const _ of plain.matchAll(/(?<=\p{Ll}{3}[.!?]) +\p{Ll}/gu)) n += 1;
  // A function word with a capital in the middle of a sentence: `selon La`.
  for (const m of plain.matchAll(/(?<=[\p{Ll}\p{N},] )(\p{Lu}\p{Ll}*(?:['’])?)(?=[\s\p{L}])/gu)) {
    const w = m[1]!.toLowerCase().replace(/'/gu, '’');
    if (closedClassTags(w) !== 0) n += 1;
  }
  return n;
}

/**
 * How much an unfilled gap costs a reading: a gap where the sentence cannot be complete (after an
 * article, a preposition, an elided `l’`, in empty quotes) almost certainly lost a run; a space at
 * the start of a line after a finished sentence may be only a space.
 */
function gapWeight(gap: Gap, line: string, previousEnd: string | undefined): number {
  if (gap.kind === 'quotes') return weights.strongGap;
  const before = gap.kind === 'start' ? previousEnd : modelTokens(line.slice(0, gap.start)).pop();
  if (before === undefined) return weights.weakGap;
  if (/’$/u.test(before) || isFunctionWord(before)) return weights.strongGap;
  if (gap.kind === 'start' && /^[.!?:;»]$/u.test(before)) return weights.weakGap;
  return weights.mediumGap;
}

/** True when a run ends on a word a phrase cannot end on (`de`, `la`, `et`, an elided `l’`). */
function endsOnFunctionWord(run: string): boolean {
  const last = run.split(' ').pop() ?? '';
  return /['’]$/u.test(last) || isFunctionWord(last);
}

/** True when a word or a run ends with punctuation that a bold run leaves in its line. */
function endsWithPunctuation(text: string): boolean {
  return /[,.;:!?)»]$/u.test(text);
}

/** Every way to cut a list of words into `r` non-empty consecutive runs. */
function* splitInto(words: string[], r: number): Generator<string[]> {
  if (r === 1) {
    yield [words.join(' ')];
    return;
  }
  for (let i = 1; i <= words.length - r + 1; i++) {
    for (const rest of splitInto(words.slice(i), r - 1)) yield [words.slice(0, i).join(' '), ...rest];
  }
}

/** Every increasing choice of `r` items. */
function* choose<T>(items: T[], r: number, from = 0): Generator<T[]> {
  if (r === 0) {
    yield [];
    return;
  }
  for (let i = from; i <= items.length - r; i++) for (const rest of choose(items, r - 1, i + 1)) yield [items[i]!, ...rest];
}

function build(base: string, gaps: Gap[], runs: string[], filled: Gap[], tailStart: number): Reading {
  let text = '';
  let plain = '';
  let cursor = 0;
  const placed: Reading['runs'] = [];
  filled.forEach((gap, i) => {
    const run = runs[i]!;
    const [pre, post] = padding(gap, base);
    text += base.slice(cursor, gap.start) + pre + `**${run}**` + post;
    plain += base.slice(cursor, gap.start) + pre + run + post;
    cursor = gap.end;
    placed.push({ text: run, gap });
  });
  text += base.slice(cursor).replace(/\s+$/u, '');
  plain += base.slice(cursor).replace(/\s+$/u, '');
  return { text, plain, runs: placed, open: gaps.filter((g) => !filled.includes(g)), tailStart, score: 0 };
}

/** What goes around a run put back in a gap. */
function padding(gap: Gap, base: string): [string, string] {
  switch (gap.kind) {
    case 'start':
      return ['', gap.end > gap.start ? ' ' : ''];
    case 'double':
    case 'quotes':
      return [' ', ' '];
    case 'before-punctuation':
      return [' ', ''];
    case 'end':
      return [/\s$/u.test(base) || gap.start === 0 ? '' : ' ', ''];
  }
}

/**
 * The places of a reading where two words meet that French does not put side by side (see
 * `LanguageModel.mayFollow`): on both sides of each run put back, on both sides of each gap left
 * open, and where the tail was cut off, against the next line's first word.
 * @param before the previous line's last tokens; `after`, the next line's first ones
 */
function junctionFaults(reading: Reading, line: LineInfo, before: string[], after: string[], model: LanguageModel): number {
  const base = line.text.slice(0, reading.tailStart);
  const last = (s: string): string | undefined => sentenceTokens(s).pop();
  const first = (s: string): string | undefined => sentenceTokens(s)[0];
  const previous = before[before.length - 1];
  const fault = (a: string | undefined, b: string | undefined): number => (a !== undefined && b !== undefined && !model.mayFollow(a, b) ? 1 : 0);
  let n = 0;
  for (const { text, gap } of reading.runs) {
    const run = sentenceTokens(text);
    n += fault(last(base.slice(0, gap.start)) ?? previous, run[0]);
    n += fault(run[run.length - 1], gap.kind === 'end' ? after[0] : (first(base.slice(gap.end)) ?? after[0]));
  }
  for (const gap of reading.open) if (gap.kind !== 'end') n += fault(last(base.slice(0, gap.start)) ?? previous, first(base.slice(gap.end)) ?? after[0]);
  if (!reading.runs.some((r) => r.gap.kind === 'end')) n += fault(last(base), after[0]);
  return n;
}

/** Model tokens of the end of the previous non-blank line (as repaired when it was). */
function contextBefore(lines: LineInfo[], index: number, chosen: Map<number, Reading>): string[] {
  const p = previousNonBlank(lines, index);
  if (!p) return [];
  return sentenceTokens(chosen.get(p.index)?.plain ?? p.text).slice(-2);
}

function contextAfter(lines: LineInfo[], index: number, chosen: Map<number, Reading>): string[] {
  const n = nextNonBlank(lines, index);
  if (!n) return [];
  // A next line that starts with a gap will start with a run put back there: what follows is not known yet.
  if (!chosen.has(n.index) && n.gaps.some((g) => g.kind === 'start')) return [];
  return sentenceTokens(chosen.get(n.index)?.plain ?? n.text).slice(0, 2);
}

/**
 * The parts of a text where no run can have been cut out or pasted: each line cut at its gaps, and
 * before the first place its pasted tail may start. Each part is its own paragraph (no word pair
 * across a gap), so a reading gains nothing from the text but the pairs the text shows for sure.
 */
function settledParts(lines: LineInfo[]): string[] {
  const parts: string[] = [];
  for (const line of lines) {
    const end = Math.min(line.text.length, ...line.tails.map((t) => t.at));
    let from = 0;
    for (const gap of line.gaps) {
      if (gap.start >= end) break;
      parts.push(line.text.slice(from, gap.start));
      from = gap.end;
    }
    parts.push(line.text.slice(from, end));
  }
  return parts.filter((p) => /\p{L}/u.test(p)).map((p) => `${p}\n\n`);
}

/** The paragraphs (blank-line separated, as the corpus counts them) that hold candidate lines. */
function paragraphsOf(text: string, candidates: LineInfo[]): string[] {
  const wanted = new Set(candidates.map((l) => l.index));
  const out: string[] = [];
  let current: string[] = [];
  let hit = false;
  const flush = (): void => {
    if (hit) out.push(current.join('\n'));
    current = [];
    hit = false;
  };
  text.split('\n').forEach((line, i) => {
    if (!line.trim()) flush();
    else {
      current.push(line);
      hit ||= wanted.has(i);
    }
  });
  flush();
  return out;
}

function previousEndOf(lines: LineInfo[], index: number): string | undefined {
  const p = previousNonBlank(lines, index);
  return p ? modelTokens(p.text).pop() : undefined;
}

function previousNonBlank(lines: LineInfo[], index: number): LineInfo | undefined {
  for (let i = index - 1; i >= 0; i--) if (lines[i]!.text.trim()) return lines[i];
  return undefined;
}

function nextNonBlank(lines: LineInfo[], index: number): LineInfo | undefined {
  for (let i = index + 1; i < lines.length; i++) if (lines[i]!.text.trim()) return lines[i];
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Lacunae and edits

/** An unfilled gap is a lacuna when the sentence cannot be complete there. */
function isLacuna(gap: Gap, line: LineInfo, lines: LineInfo[], chosen: Map<number, Reading>): boolean {
  if (gap.kind === 'quotes') return true;
  if (gap.kind === 'end') return false;
  let before: string | undefined;
  if (gap.kind === 'start') {
    const p = previousNonBlank(lines, line.index);
    if (!p) return false;
    before = modelTokens(chosen.get(p.index)?.plain ?? p.text).pop();
  } else {
    before = modelTokens(line.text.slice(0, gap.start)).pop();
  }
  if (!before) return false;
  return /’$/u.test(before) || isFunctionWord(before);
}

/** The edits that turn a line into its chosen reading: runs into their gaps, the tail removed. */
function lineEdits(line: LineInfo, reading: Reading | undefined, merge: { mergeWithNext: boolean; mergeWithPrevious: boolean }): Edit[] {
  if (!reading) return [];
  const edits: Edit[] = [];
  const lastWord = (s: string): string => /(\S+)\s*$/u.exec(s)?.[1] ?? '';
  for (const { text: run, gap } of reading.runs) {
    const [pre, post] = padding(gap, line.text.slice(0, reading.tailStart));
    const open = gap.kind === 'start' && gap.start === 0 && merge.mergeWithPrevious ? '' : '**';
    const close = gap.kind === 'end' && merge.mergeWithNext ? '' : '**';
    const where = gap.kind === 'start' ? 'at the start of the line' : `after “${lastWord(line.text.slice(0, gap.start))}”`;
    edits.push({
      start: line.offset + gap.start,
      end: line.offset + gap.end,
      insert: `${pre}${open}${run}${close}${post}`,
      finding: {
        rule: 'displaced-bold',
        severity: 'info',
        message: `“${trim(run, 60)}” had been cut out and pasted at the end of the line: put back ${where}, in bold.`,
      },
    });
  }
  // Remove the pasted tail (and the spaces before it).
  const baseEnd = line.text.slice(0, reading.tailStart).replace(/\s+$/u, '').length;
  const endRun = edits.find((e) => e.start === line.offset + reading.tailStart);
  if (endRun) {
    endRun.start = line.offset + baseEnd;
    endRun.end = line.offset + line.text.length;
    if (baseEnd > 0 && !endRun.insert.startsWith(' ')) endRun.insert = ` ${endRun.insert}`;
  } else {
    edits.push({ start: line.offset + baseEnd, end: line.offset + line.text.length, insert: '' });
  }
  return edits;
}

/** Lacuna edits and run edits may touch the same gap only when one of them is empty: keep order. */
function mergeEdits(edits: Edit[]): Edit[] {
  // Where two edits meet, the one that puts words back wins over a […] mark: no letter is ever dropped.
  const letters = (e: Edit): number => (/[\p{L}\p{N}]/u.test(e.insert.replace(/\[…\]/gu, '')) ? 0 : 1);
  const sorted = edits.sort((a, b) => a.start - b.start || letters(a) - letters(b) || a.end - b.end);
  const out: Edit[] = [];
  for (const e of sorted) {
    const last = out[out.length - 1];
    if (last && e.start < last.end) continue;
    out.push(e);
  }
  return out;
}
