/**
 * Two-column pages read across: `pdftotext` (default mode) merges the lines of a page's two columns
 * by their height on the page, so the text goes left, right, left… a line or a block at a time.
 * This pass finds such pages and, when it is sure, puts the left column first and the right one
 * after it, with one diagnostic per page it reorders; when a page's numbered headings prove it was
 * read across but no order is convincing, it leaves the page and says so.
 *
 * What the text itself shows, line by line: a line that ends on a hyphen, a comma or a word after
 * which French cannot stop (`de`, `la`, `et`) goes on in the next line of its column, which starts
 * with a lowercase word (a word carried over only where it did not fit on the line above); a line
 * that ends a sentence is followed by a capital; a guillemet or a bracket left open is closed on
 * the next line; numbered headings (`2.3.`) and captions count up, so where they come out of order
 * the lower ones are the left column's. An extraction keeps the order of each column's lines and
 * emits lines by their height, so the reading order is a split of the page's lines into two
 * sequences in their order, each column's lines keeping pace down the page (white space in a
 * column falls between paragraphs, never inside a sentence). The split that reads best is found by
 * dynamic programming over the page, on lines, or on blocks when the extraction gave the page
 * block by block. It is taken when the page's numbers were out of order and the split reads no
 * worse, or when it reads far better with far fewer broken joins; never when it puts numbered
 * headings out of order.
 *
 * Not for: pages of more than two columns, pages where most justified lines were broken into single
 * words (a few such lines inside a block still leave it a block), tables (rows of cells give no signal). Two columns of equal paragraphs whose words say
 * nothing of their order can still be swapped: the diagnostic names each page reordered.
 * Needs the pages: runs after `page-furniture.ts`, which leaves the page breaks as form feeds and
 * takes out running heads that would sit between the columns, and after `page-notes.ts`, which
 * takes the notes out of the page foot.
 */
import { endsSentence, lastWord } from '../language/fr/sentence.ts';
import { isFunctionWord } from '../language/fr/words.ts';
import { sentenceTokens } from '../language/fr/tokens.ts';
import { createFrenchModel, type LanguageModel } from '../language/fr/model.ts';
import type { Edit, Note } from './mapped-text.ts';
import type { PassContext, PassResult } from './pass.ts';

interface Line {
  start: number;
  end: number;
  text: string;
  /** A blank line (or more) follows it in the extraction. */
  blankAfter: boolean;
}

/** Above this many lines a page is left alone: the search grows as the cube of the count. */
const maxLinesPerPage = 200;

/** Fewest broken joins on a page without numbers out of order for the search to run. */
const minBroken = 6;

/** How much better the best order must read than the extracted one, at least. */
const minGain = 6;

/**
 * The columns pass.
 * @param text the text, pages separated by form feeds
 * @returns edits moving the right-hand column of each interleaved page after its left-hand one
 */
export function restoreColumnOrder(text: string, context?: PassContext): PassResult {
  if (!text.includes('\f')) return { edits: [] };
  const pages = readPages(text);
  const measure = columnMeasure(pages.flat());
  if (measure === 0) return { edits: [] };
  const edits: Edit[] = [];
  const notes: Note[] = [];
  const model = context?.lexicon ? createFrenchModel({ lexicon: context.lexicon }) : undefined;
  let previous: Line | undefined;
  pages.forEach((lines, index) => {
    if (lines.length === 0) return;
    const verdict = judgePage(lines, previous, pages[index + 1]?.[0], measure, model);
    const page = index + 1;
    if (verdict.kind === 'reorder') {
      const moves = reorderEdits(text, lines, verdict.right, measure, page);
      if (keepsWords(text, moves)) {
        edits.push(...moves);
        previous = lines[verdict.right.lastIndexOf(true)] ?? lines[lines.length - 1];
        return;
      }
      notes.push({
        at: lines[0]!.start,
        finding: { rule: 'columns', severity: 'warning', message: `Page ${page} reads like two columns taken across, but putting them in order would not give back the same words: it is left as extracted.` },
      });
      previous = lines[lines.length - 1];
      return;
    }
    if (verdict.kind === 'unsure') {
      notes.push({
        at: lines[0]!.start,
        finding: { rule: 'columns', severity: 'warning', message: `Page ${page} reads like two columns taken across (${verdict.broken} broken line joins) but no column order is sure: it is left as extracted.` },
      });
    }
    previous = lines[lines.length - 1];
  });
  return { edits, notes };
}

/** The non-blank lines of each page (between form feeds). */
function readPages(text: string): Line[][] {
  const pages: Line[][] = [[]];
  let offset = 0;
  for (const raw of text.split('\n')) {
    const parts = raw.split('\f');
    parts.forEach((part, k) => {
      if (k > 0) pages.push([]);
      const content = part.trim();
      const page = pages[pages.length - 1]!;
      const at = offset + parts.slice(0, k).reduce((n, p) => n + p.length + 1, 0);
      if (content) {
        const lead = part.length - part.trimStart().length;
        page.push({ start: at + lead, end: at + lead + content.length, text: content, blankAfter: false });
      } else if (page.length) page[page.length - 1]!.blankAfter = true;
    });
    offset += raw.length + 1;
  }
  return pages;
}

/**
 * The length of a full line of running text: the upper quartile of the lengths of lines that
 * another line follows without a blank (a paragraph's inner lines), over the whole text.
 */
function columnMeasure(lines: Line[]): number {
  const inner = lines.filter((l, i) => !l.blankAfter && i + 1 < lines.length && l.text.length >= 20).map((l) => l.text.length);
  if (inner.length < 10) return 0;
  inner.sort((a, b) => a - b);
  return inner[Math.floor(inner.length * 0.75)]!;
}

type Verdict = { kind: 'keep' } | { kind: 'unsure'; broken: number } | { kind: 'reorder'; right: boolean[] };

/**
 * Whether a page's lines are two columns read across, and which lines are the right column's.
 * @param previous the last line of the page before (in reading order), for the first join
 */
function judgePage(lines: Line[], previous: Line | undefined, next: Line | undefined, measure: number, model: LanguageModel | undefined): Verdict {
  const n = lines.length;
  const features = lines.map((l) => featuresOf(l.text, measure));
  const join = (a: number, b: number): number => joinScore(features[a]!, features[b]!, lines[a]!, a + 1 === b) + (model ? modelJoin(model, features[a]!, features[b]!) : 0);
  const broken = (order: number[]): number => order.slice(1).reduce((k, b, i) => k + (isBroken(features[order[i]!]!, features[b]!) ? 1 : 0), 0);
  const asExtracted = lines.map((_, i) => i);
  const brokenNow = broken(asExtracted);
  // A page read in order breaks few joins; below this, nothing to look into.
  const anchorsFirst = numberedAnchors(lines.map((l) => l.text));
  if (brokenNow < 3 && !(anchorsFirst !== 'none' && anchorsFirst.size > 0)) return { kind: 'keep' };
  const words = lines.filter((l) => !/\s/u.test(l.text)).length;
  // Justified lines broken into single words (a word a line) are beyond a split of lines.
  const outOfOrder = anchorsFirst !== 'none' && anchorsFirst.size > 0;
  if (words > n / 3) return outOfOrder ? { kind: 'unsure', broken: brokenNow } : { kind: 'keep' };
  // Without numbers out of order, only a page with many broken joins is worth the search.
  if (n > maxLinesPerPage || (!outOfOrder && brokenNow < Math.max(minBroken, n / 8))) return { kind: 'keep' };

  const first = previous ? featuresOf(previous.text, measure) : undefined;
  const opening = (b: number): number => (first ? joinScore(first, features[b]!, previous!, false) : 0);
  // How well an order of the lines reads, join by join.
  const readingScore = (order: number[]): number => order.slice(1).reduce((k, b, i) => k + join(order[i]!, b), opening(order[0]!));
  const current = readingScore(lines.map((_, i) => i));

  const anchors = anchorsFirst;
  if (anchors === 'none') return { kind: 'keep' };
  // What is split: blocks when the extraction gave the page block by block (runs of lines without
  // a blank line are then one column's), else single lines.
  // A block is cut where its lines do not read on (a title over a sentence's second half).
  const mode = byBlocks(lines, features) ? 'blocks' : 'lines';
  const units = mode === 'blocks' ? blocksOf(lines).flatMap((b) => cutAt(b, (i) => startsElsewhere(features[i - 1]!, features[i]!))) : lines.map((_, i) => [i]);
  const head = (u: number): number => units[u]![0]!;
  const tail = (u: number): number => units[u]![units[u]!.length - 1]!;
  const side = (u: number, right: boolean): number => units[u]!.reduce((k, i) => k + (anchors.get(i) === undefined || anchors.get(i) === right ? 0 : -anchorWeight), 0);
  const cohesion = (u: number): number => (lines[tail(u)]!.blankAfter ? 0 : mode === 'blocks' ? -cohesionWeight : -cohesionWeight / 3);
  // A numbered heading is set larger, with space around it.
  // Heights in half lines: where two columns' lines stand at one height, or half a line apart.
  const height = (u: number): number => units[u]!.reduce((k, i) => k + (features[i]!.section ? 4 : 2), 0);
  // White space in a column falls between paragraphs, around headings, for figures: never in the
  // middle of a sentence.
  const following = next ? featuresOf(next.text, measure) : undefined;
  // On the text's last page, nothing follows: a text does not end on a heading.
  const closing = (u: number): number => (following ? joinScore(features[tail(u)]!, following, lines[tail(u)]!, false) : features[tail(u)]!.section ? -3 : 0);
  const gapCost = (u: number): number => {
    const f = features[tail(u)]!;
    return f.cut || f.open || (f.full && !f.closed) ? midGapWeight[mode] : gapWeight[mode];
  };
  const unitSplit = bestSplit({ count: units.length, join: (a, b) => join(tail(a), head(b)), opening: (b) => opening(head(b)), side, cohesion, height, gapCost, startGap: gapWeight[mode], closing, endWeight: next ? endWeight : 0 });
  // The joins inside the units are the same in both readings.
  const inside = units.reduce((k, u) => k + u.slice(1).reduce((m, i) => m + join(i - 1, i), 0), 0);
  const best = { score: unitSplit.score + inside, right: lines.map(() => false) };
  units.forEach((u, k) => u.forEach((i) => (best.right[i] = unitSplit.right[k]!)));
  const order = [...asExtracted.filter((i) => !best.right[i]), ...asExtracted.filter((i) => best.right[i])];
  const brokenAfter = broken(order);
  // Numbers that count out of order prove the page was read across; without them, the reading
  // must be far better.
  const gain = readingScore(order) - current;
  const readsBetter = anchors.size > 0 ? gain >= 0 && brokenAfter <= brokenNow : gain >= Math.max(minGain, n / 2) && brokenAfter * 4 <= brokenNow;
  const sure = readsBetter && headingsInOrder(order.map((i) => lines[i]!.text)) >= headingsInOrder(asExtracted.map((i) => lines[i]!.text));
  // A split that leaves a side empty is the page as it was.
  if (sure && best.right.includes(true) && best.right.includes(false)) return { kind: 'reorder', right: best.right };
  // Numbers out of order prove a page read across; without them, a doubt is not worth a warning.
  return anchors.size > 0 ? { kind: 'unsure', broken: brokenNow } : { kind: 'keep' };
}

/**
 * True when the page was given block by block: most lines come in runs of three or more without
 * blank lines, and hardly a join inside a run is broken (else the runs mix the columns' lines).
 */
function byBlocks(lines: Line[], features: Features[]): boolean {
  const blocks = blocksOf(lines);
  // A justified line broken into single words breaks joins inside one block of one column.
  const single = (i: number): boolean => !/\s/u.test(lines[i]!.text);
  const inner = blocks.flatMap((b) => b.slice(1)).filter((i) => !single(i - 1) && !single(i));
  const broken = inner.filter((i) => isBroken(features[i - 1]!, features[i]!)).length;
  return blocks.filter((b) => b.length >= 3).reduce((k, b) => k + b.length, 0) >= lines.length * 0.6 && broken <= inner.length * 0.1;
}

/** The runs of lines without a blank line between them, as lists of line indices. */
function blocksOf(lines: Line[]): number[][] {
  const blocks: number[][] = [[]];
  lines.forEach((l, i) => {
    blocks[blocks.length - 1]!.push(i);
    if (l.blankAfter && i + 1 < lines.length) blocks.push([]);
  });
  return blocks;
}

/** A full line going on a sentence under a sentence's end or a short line (not the second line of a title). */
function startsElsewhere(a: Features, b: Features): boolean {
  return b.lower && (a.closed || (!a.full && b.full));
}

/** A run of line indices cut before each line where `cut` says so. */
function cutAt(run: number[], cut: (line: number) => boolean): number[][] {
  const parts: number[][] = [];
  run.forEach((i, k) => {
    if (k === 0 || cut(i)) parts.push([]);
    parts[parts.length - 1]!.push(i);
  });
  return parts;
}

interface Features {
  /** Guillemets and brackets the line leaves open. */
  quotes: number;
  /** Closes, before opening any, a guillemet or a bracket: it goes on from an earlier line. */
  closesFirst: boolean;
  /** The number of a numbered heading (`2.3.`), when the line is one. */
  section?: number[];
  /** The first and last words, for the language model. */
  head: string[];
  tail: string[];
  /** Ends with a letter and a hyphen: a word cut at the line end. */
  cut: boolean;
  /** Ends on a comma or a word after which no sentence stops. */
  open: boolean;
  /** Ends on a comma (a list of names may go on with a capital). */
  comma: boolean;
  /** Ends a sentence. */
  closed: boolean;
  /** As long as a full line of the column. */
  full: boolean;
  /** Length of the first word; the longest line the column takes, a little less. */
  firstWord: number;
  room: number;
  /** Starts with a lowercase letter (a sentence going on). */
  lower: boolean;
}

function featuresOf(text: string, measure: number): Features {
  const cut = /\p{L}-$/u.test(text);
  let depth = 0;
  let closesFirst = false;
  for (const ch of text) {
    if (ch === '«' || ch === '(') depth++;
    else if (ch === '»' || ch === ')') {
      if (depth === 0 && !closesFirst) closesFirst = true;
      depth = Math.max(0, depth - 1);
    }
  }
  const tokens = sentenceTokens(text);
  const section = numberedKinds[0]!.exec(text);
  return {
    section: section && text.length < 90 ? section[1]!.split('.').map(Number) : undefined,
    quotes: depth,
    closesFirst,
    head: tokens.slice(0, 2),
    tail: tokens.slice(-2),
    cut,
    open: !cut && (/,$/u.test(text) || (/\p{L}$/u.test(text) && isFunctionWord(lastWord(text)))),
    closed: endsSentence(text),
    comma: /,$/u.test(text),
    full: text.length >= measure * 0.8,
    firstWord: text.split(' ')[0]!.length,
    room: measure * 0.92,
    lower: /^\p{Ll}/u.test(text),
  };
}

/** A join that no text reads: a cut word, or a sentence left hanging, before a capital; a lowercase start after a sentence's end. */
function isBroken(a: Features, b: Features): boolean {
  return ((a.cut || a.open) && !b.lower) || (b.lower && (a.closed || !a.full));
}

/** How much likelier the language model finds the words across the join than the two ends read apart, bounded. */
function modelJoin(model: LanguageModel, a: Features, b: Features): number {
  // Only where a sentence may go on: after a title or a sentence's end the words say nothing.
  if (!a.tail.length || !b.head.length || a.closed || !(a.cut || a.open || a.full)) return 0;
  const gain = model.score([...a.tail, ...b.head]) - model.score(a.tail) - model.score(b.head);
  return modelWeight * Math.max(-3, Math.min(3, gain));
}

/** The weight of the language model's view of a join, against the signs of `joinScore`. */
const modelWeight = 0.5;

/**
 * How well line `b` reads after line `a` in one column (higher is better).
 * @param adjacent `b` follows `a` in the extraction
 */
function joinScore(a: Features, b: Features, lineA: Line, adjacent: boolean): number {
  let s = 0;
  if (a.cut) s += b.lower ? 3 : -3;
  else if (a.open) s += b.lower ? 2 : a.comma ? -0.5 : -2;
  else if (a.closed) s += b.lower ? -2.5 : 0.5;
  else if (a.full) s += b.lower ? 2 : -0.5;
  else s += b.lower ? -1.5 : 0.5;
  // A word goes to the next line only when it does not fit on this one.
  if (b.lower && !a.cut && lineA.text.length + 1 + b.firstWord < a.room) s -= 1.5;
  // A short line that is no sentence (a title, a label) has its text after it, not a numbered heading.
  if (!a.full && !a.closed && !a.section && b.section) s -= 1;
  // A heading is followed by its text or by a heading under it, not by the next one of its rank.
  if (a.section && b.section && !(b.section.length > a.section.length && a.section.every((x, i) => x === b.section![i]))) s -= 2;
  // A guillemet or a bracket left open is closed on the next line of its column, not of the other.
  if (b.closesFirst) s += a.quotes > 0 ? 2 : -1.5;
  else if (a.quotes > 0 && !a.closed) s -= 0.5;
  // Lines the extraction kept together without a blank line are mostly one block of one column.
  if (adjacent && !lineA.blankAfter) s += 0.5;
  return s;
}

/** What the solver needs to know of the units it splits. */
interface SplitProblem {
  count: number;
  /** The score of unit `b` read after unit `a` in one column. */
  join: (a: number, b: number) => number;
  /** The score of unit `b` as the first of the page. */
  opening: (b: number) => number;
  side: SideScore;
  /** What parting unit `u` from the next one costs. */
  cohesion: (u: number) => number;
  /** The height of a unit on the page, in lines. */
  height: (u: number) => number;
  /** What each half line of white space after unit `u` in its column costs. */
  gapCost: (u: number) => number;
  /** The same above the right column's first unit. */
  startGap: number;
  /** The score of the next page's first line after unit `u`. */
  closing: (u: number) => number;
  /** What each line of difference between the columns' ends costs (0 on a text's last page). */
  endWeight: number;
}


/** How far ahead or behind, in half lines, one column's position is followed. */
const maxLead = 16;

/**
 * What each half line of white space the split needs in a column costs, between lines and between
 * blocks: lines read across go left, right, left… at a steady pace, while blocks come whole.
 */
const gapWeight = { lines: 1, blocks: 0.1 };

/** What each half line of difference between where the two columns end costs. */
const endWeight = 0.5;

/** The same inside a sentence. */
const midGapWeight = { lines: 3, blocks: 1.5 };

/**
 * The best split of units 0…n−1 into a left and a right sequence (each in the extraction's order),
 * read left then right, by dynamic programming. An extraction emits lines by their height on the
 * page, so each column's position is followed: a unit starts where its column's previous one
 * ended, or lower when the other column's last unit started lower; the white space this asks of
 * a column is a cost. The state after unit i is its side, the last unit of the other side, and
 * how far the other column's end is from unit i's start.
 * @returns which units are the right column's, and the score of that reading
 */
function bestSplit(p: SplitProblem): { right: boolean[]; score: number } {
  const n = p.count;
  const scores = new Float64Array(n * n);
  for (let a = 0; a < n; a++) for (let b = a + 1; b < n; b++) scores[a * n + b] = p.join(a, b);
  let best: { right: boolean[]; score: number } = { right: new Array<boolean>(n).fill(false), score: -Infinity };
  // The right column starts near the top of the page, so among the first units.
  for (let f = 1; f < Math.min(n, maxRightStart + 1); f++) {
    const found = splitFrom(p, f, scores);
    if (found.score > best.score) best = found;
  }
  return best;
}

/** The units the right column may start at, at most (it starts at the top of the page). */
const maxRightStart = 8;

/** `bestSplit` with the right column starting at unit f (the units before it are on the left). */
function splitFrom(p: SplitProblem, f: number, scores: Float64Array): { right: boolean[]; score: number } {
  const n = p.count;
  const W = 2 * maxLead + 1;
  const O = n + 1;
  const NEG = -Infinity;
  const value = new Float64Array(n * 2 * O * W).fill(NEG);
  const back = new Int32Array(n * 2 * O * W).fill(-1);
  const key = (i: number, s: number, o: number, d: number): number => ((i * 2 + s) * O + (o + 1)) * W + (Math.max(-maxLead, Math.min(maxLead, d)) + maxLead);
  const put = (k: number, v: number, from: number): void => {
    if (v > value[k]!) {
      value[k] = v;
      back[k] = from;
    }
  };
  // Units before f read on the left, from the top; the right column, empty, is at the top.
  let start = p.opening(0) + p.side(0, false);
  let top = 0;
  for (let i = 1; i < f; i++) {
    start += scores[(i - 1) * n + i]! + p.side(i, false);
    top += p.height(i - 1);
  }
  // Unit f starts the right column at the top, beside unit f − 1 (whose start is `top`).
  const hLast = p.height(f - 1);
  // It is emitted after them, so it starts no higher than unit f − 1: white space above it.
  value[key(f, 1, f - 1, hLast)] = start + p.side(f, true) + p.cohesion(f - 1) - top * p.startGap;
  for (let i = f; i + 1 < n; i++) {
    const h = p.height(i);
    const apart = p.cohesion(i);
    for (let s = 0; s < 2; s++) {
      const stay = p.side(i + 1, s === 1);
      const move = p.side(i + 1, s === 0);
      for (let o = -1; o < i; o++) {
        for (let d = -maxLead; d <= maxLead; d++) {
          const k = key(i, s, o, d);
          const v = value[k]!;
          if (v === NEG) continue;
          // i + 1 on the same side: it starts where i ends; the other column is d − h ahead of it.
          put(key(i + 1, s, o, d - h), v + scores[i * n + i + 1]! + stay, k);
          // i + 1 on the other side: it starts where that column ended, or at i's start if lower;
          // after a right-hand line, a left-hand one is lower (at one height the left comes first).
          if (o < 0) continue;
          const tie = s === 1 ? 1 : 0;
          const gap = (Math.max(d, tie) - d) * p.gapCost(o);
          put(key(i + 1, 1 - s, i, h - Math.max(d, tie)), v + scores[o * n + i + 1]! + move + apart - gap, k);
        }
      }
    }
  }
  let best = NEG;
  let state = -1;
  for (let s = 0; s < 2; s++) {
    for (let o = -1; o < n - 1; o++) {
      const lastLeft = s === 0 ? n - 1 : o;
      const lastRight = s === 1 ? n - 1 : o;
      if (lastLeft < 0 || lastRight < 0) continue;
      // The column break: the right column's first unit after the left column's last.
      const ends = p.join(lastLeft, f) + p.closing(lastRight);
      for (let d = -maxLead; d <= maxLead; d++) {
        const k = key(n - 1, s, o, d);
        if (value[k] === NEG) continue;
        // Both columns of a full page end at its foot.
        const v = value[k]! + ends - p.endWeight * Math.abs(d - p.height(n - 1));
        if (v > best) {
          best = v;
          state = k;
        }
      }
    }
  }
  const right = new Array<boolean>(n).fill(false);
  for (let i = n - 1; i >= f && state >= 0; i--) {
    right[i] = Math.floor(state / W / O) % 2 === 1;
    state = back[state]!;
  }
  return { right, score: best };
}

/** A line's score for a side: 0, or a penalty where a numbered heading cannot be. */
type SideScore = (line: number, right: boolean) => number;

/** What putting a numbered heading on the wrong side costs: more than any reading gains. */
const anchorWeight = 40;

/** What parting two lines the extraction gave without a blank line between them costs. */
const cohesionWeight = 1.5;

/** Numbered headings (`2.3. Titre`) and captions (`Figure 4.2. …`, `Figure 7` alone): each kind counts up through a text. */
const numberedKinds: readonly RegExp[] = [/^(\d+(?:\.\d+)+)\.?\s+\p{Lu}/u, /^(?:Figure|Tableau|Table|Exemple|Example)\s+(\d+(?:\.\d+)*)(?:\.\s|$)/u];

/**
 * The side of the numbered lines of a page that count out of order as extracted: in reading order
 * each kind counts up, so the left column holds the lower numbers, the right one the higher. A
 * line is fixed when every split of the numbers into two rising runs puts it on the same side.
 * @returns line index → true for the right column; `none` when no split into two rising runs exists
 */
function numberedAnchors(texts: string[]): Map<number, boolean> | 'none' {
  const anchors = new Map<number, boolean>();
  for (const kind of numberedKinds) {
    const items = texts.flatMap((t, line) => {
      const m = kind.exec(t);
      return m && t.length < 90 ? [{ line, value: m[1]!.split('.').map(Number) }] : [];
    });
    const rising = (list: typeof items): boolean => list.every((x, i) => i === 0 || compareNumbers(list[i - 1]!.value, x.value) < 0);
    if (items.length < 2 || rising(items)) continue;
    const sorted = [...items].sort((a, b) => compareNumbers(a.value, b.value));
    const splits: number[] = [];
    for (let k = 1; k < sorted.length; k++) {
      const low = items.filter((x) => compareNumbers(x.value, sorted[k]!.value) < 0);
      const high = items.filter((x) => compareNumbers(x.value, sorted[k]!.value) >= 0);
      if (rising(low) && rising(high)) splits.push(k);
    }
    if (!splits.length) return 'none';
    const lowest = Math.min(...splits);
    const highest = Math.max(...splits);
    sorted.forEach((x, k) => {
      if (k < lowest) anchors.set(x.line, false);
      else if (k >= highest) anchors.set(x.line, true);
    });
  }
  return anchors;
}

/** How many pairs of successive numbered headings (`2.3.`, `2.4.1.`) go forward, less those that go back. */
function headingsInOrder(texts: string[]): number {
  const numbers = texts.flatMap((t) => {
    const m = /^(\d+(?:\.\d+)+)\.?\s+\p{Lu}/u.exec(t);
    return m && t.length < 80 ? [m[1]!.split('.').map(Number)] : [];
  });
  let score = 0;
  for (let i = 1; i < numbers.length; i++) score += compareNumbers(numbers[i - 1]!, numbers[i]!) < 0 ? 1 : -1;
  return score;
}

function compareNumbers(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? -1) - (b[i] ?? -1);
    if (d) return d;
  }
  return 0;
}

/**
 * The edits that move a page's right-column lines after its left-column ones: each run of right
 * lines leaves its place (the left lines around it then join as the text asks), and all of them
 * come back, in order, after the last left line.
 */
function reorderEdits(text: string, lines: Line[], right: boolean[], measure: number, page: number): Edit[] {
  const sep = (a: Line, b: Line, adjacent: boolean): string => {
    if (adjacent) return a.blankAfter ? '\n\n' : '\n';
    const fa = featuresOf(a.text, measure);
    const fb = featuresOf(b.text, measure);
    return fb.lower && (fa.cut || fa.open || (fa.full && !fa.closed)) ? '\n' : '\n\n';
  };
  const left = lines.map((_, i) => i).filter((i) => !right[i]);
  const moved = lines.map((_, i) => i).filter((i) => right[i]);
  const lastLeft = left[left.length - 1]!;
  const edits: Edit[] = [];
  // Runs of right lines before the last left line: removed, the left lines on each side joined.
  let i = 0;
  while (i < lastLeft) {
    if (!right[i]) {
      i++;
      continue;
    }
    let j = i;
    while (right[j]) j++;
    const before = i > 0 ? lines[i - 1]! : undefined;
    const after = lines[j]!;
    if (before) edits.push({ start: before.end, end: after.start, insert: sep(before, after, false) });
    else edits.push({ start: lineStartOf(text, lines[i]!.start), end: lineStartOf(text, after.start), insert: '' });
    i = j;
  }
  // The right column, after the last left line (replacing the right lines that followed it).
  let body = '';
  moved.forEach((k, n) => {
    if (n > 0) body += sep(lines[moved[n - 1]!]!, lines[k]!, moved[n - 1]! + 1 === k);
    body += lines[k]!.text;
  });
  const tail = lines[lines.length - 1]!;
  const end = right[lines.length - 1] ? tail.end : lines[lastLeft]!.end;
  edits.push({
    start: lines[lastLeft]!.end,
    end,
    insert: sep(lines[lastLeft]!, lines[moved[0]!]!, false) + body,
    finding: {
      rule: 'columns',
      severity: 'info',
      message: `The two columns of page ${page} were read across by the extraction: ${moved.length} lines of the right-hand column were put after the left-hand one.`,
    },
  });
  return edits;
}

/**
 * Whether a page's edits give back its words, each as many times: a reorder moves words, never
 * drops, doubles or glues them.
 * @param edits the edits of one page, in the text's order and without overlap
 */
export function keepsWords(text: string, edits: readonly Edit[]): boolean {
  if (edits.length === 0) return true;
  // Out to the words the first and last edits touch, so that a word glued at an edge is seen.
  let from = Math.min(...edits.map((e) => e.start));
  let to = Math.max(...edits.map((e) => e.end));
  while (from > 0 && !/\s/u.test(text[from - 1]!)) from--;
  while (to < text.length && !/\s/u.test(text[to]!)) to++;
  let after = '';
  let at = from;
  for (const e of [...edits].sort((a, b) => a.start - b.start)) {
    if (e.start < at) return false;
    after += text.slice(at, e.start) + e.insert;
    at = e.end;
  }
  after += text.slice(at, to);
  return sameWords(text.slice(from, to), after);
}

/** Whether two texts hold the same words (split at white space), counted, in any order. */
function sameWords(a: string, b: string): boolean {
  const counts = new Map<string, number>();
  for (const w of a.split(/\s+/u)) if (w) counts.set(w, (counts.get(w) ?? 0) + 1);
  for (const w of b.split(/\s+/u)) {
    if (!w) continue;
    const k = counts.get(w);
    if (!k) return false;
    counts.set(w, k - 1);
  }
  return [...counts.values()].every((k) => k === 0);
}

function lineStartOf(text: string, at: number): number {
  return Math.max(text.lastIndexOf('\n', at - 1), text.lastIndexOf('\f', at - 1)) + 1;
}
