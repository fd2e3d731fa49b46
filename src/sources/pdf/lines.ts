/**
 * Glyphs into text lines: what a reader sees as one line of type, with its words, its styled
 * pieces (bold, italic, monospace, superscript, link) and its box.
 *
 * - Glyphs drawn twice at almost the same place (a producer's "poor man's bold", or a fill then a
 *   stroke) are kept once, as bold.
 * - A spacing accent drawn over or under a letter (TeX's `´` + `e`) becomes the accented letter;
 *   ligature glyphs their letters, layout hyphens (U+2010, U+2011) the plain hyphen.
 * - Glyphs that follow each other in the content stream on one baseline make runs; a smaller run
 *   raised above its neighbour's baseline is a superscript (a footnote call, an ordinal), lowered
 *   a subscript; runs on one baseline make a line, cut where a gap is wider than a column gutter.
 * - Words are separated where the gap between two glyphs is wider than a letter's kerning, or
 *   where a space glyph advances (a space glyph that does not advance, as a browser writes a
 *   soft hyphen, separates nothing), or where a glyph is drawn well back over the one before.
 *
 * Rotated text (margin stamps, axis labels) is set aside and counted. Invisible text (an OCR
 * layer) is read only on a page that has no visible text. Not for: reading order across lines
 * (`layout.ts`) or what the lines are (`structure.ts`).
 */
import { combineAccent, expandLigatures, isSpacingAccent, plainHyphens } from '../../language/glyphs.ts';
import type { Glyph, PlacedImage } from './page-text.ts';

/** A glyph with its font's style resolved and the link it is under, if any. */
export interface StyledGlyph extends Glyph {
  bold: boolean;
  italic: boolean;
  monospace: boolean;
  link?: string;
}

/** A stretch of a line in one style. */
export interface Piece {
  text: string;
  bold: boolean;
  italic: boolean;
  monospace: boolean;
  script?: 'super' | 'sub';
  link?: string;
  x0: number;
  x1: number;
  size: number;
  /**
   * The words that start inside the piece after a space: where in its text, and the left edge of
   * their first glyph (to cut a line where a table's column starts).
   */
  words?: { at: number; x: number }[];
}

/** One line of type, or one cell of a line cut by a wide gap. */
export interface TextLine {
  /** Left and right ends of the ink along the baseline. */
  x0: number;
  x1: number;
  /** Baseline. */
  y: number;
  /** Font size of most of its letters. */
  size: number;
  pieces: Piece[];
  /** The plain text of the pieces. */
  text: string;
  /** For a cell of a table drawn with rules: the left and right ends of its row. */
  row?: { x0: number; x1: number };
}

export interface PageLines {
  lines: TextLine[];
  /** Glyphs set aside because their baseline is not horizontal. */
  rotated: number;
  /** True when the page's only text was invisible (an OCR layer), and that is what was read. */
  invisibleOnly: boolean;
}

interface Run {
  glyphs: StyledGlyph[];
  x0: number;
  x1: number;
  y: number;
  size: number;
  script?: 'super' | 'sub';
  /** Baseline of the line the run belongs to (its own, unless it is a script). */
  lineY: number;
}

/** A gap wider than this many font sizes cuts a line in two (a column gutter, a table's cells). */
const gutter = 0.95;
/** A gap wider than this many font sizes between two glyphs is a space. */
const wordGap = 0.15;
/**
 * French sets a fine space (about an eighth of an em, often less once justified) before `; ! ?`
 * and `»` and after `«`, and a typesetter may draw it as white rather than as a glyph: around
 * those marks a narrower gap is already a space. Kerning never opens one that wide.
 */
const fineGap = 0.07;
const fineSpaced = { before: new Set([';', '!', '?', '»', '›']), after: new Set(['«', '‹']) };

/**
 * Builds the lines of a page.
 * @param glyphs the page's glyphs, in content-stream order, styles resolved
 */
export function buildLines(glyphs: readonly StyledGlyph[], marks: readonly PlacedImage[] = []): PageLines {
  let rotated = 0;
  const upright: StyledGlyph[] = [];
  for (const g of glyphs) {
    if (g.rotated) rotated += g.space ? 0 : 1;
    else upright.push(g);
  }
  const visible = upright.filter((g) => !g.invisible);
  const invisibleOnly = visible.length === 0 && upright.some((g) => !g.space);
  const chosen = invisibleOnly ? upright : visible;
  const merged = combineAccents(dropOverprints(chosen));
  const runs = markScripts(makeRuns(merged));
  const lines: TextLine[] = [];
  const known = new Map<string, string>();
  for (const row of groupRows(runs)) for (const cell of splitAtGutters(row)) lines.push(toLine(cell, known));
  if (marks.length) attachBullets(lines, marks);
  return { lines, rotated, invisibleOnly };
}

/** A small shape drawn just left of a line, at the height of its letters, is the line's bullet. */
function attachBullets(lines: TextLine[], marks: readonly PlacedImage[]): void {
  for (const line of lines) {
    const mark = marks.find((m) => {
      const cy = m.y + m.height / 2;
      return m.x + m.width <= line.x0 + 0.5 && line.x0 - (m.x + m.width) < line.size * 2.5 && cy >= line.y - line.size * 0.1 && cy <= line.y + line.size * 0.8 && m.height < line.size * 0.7;
    });
    if (!mark) continue;
    const first = line.pieces[0]!;
    line.pieces.unshift({ text: '• ', bold: first.bold, italic: false, monospace: false, x0: mark.x, x1: mark.x + mark.width, size: first.size });
    line.x0 = mark.x;
    line.text = `• ${line.text}`;
  }
}

/** Keeps once a glyph drawn again at (almost) the same place, and makes it bold. */
function dropOverprints(glyphs: StyledGlyph[]): StyledGlyph[] {
  // Only a glyph of the same text can be an overprint: each text's glyphs, left to right.
  const byText = new Map<string, number[]>();
  for (const [i, g] of glyphs.entries()) {
    const same = byText.get(g.text);
    if (same) same.push(i);
    else byText.set(g.text, [i]);
  }
  const drop = new Set<number>();
  const bold = new Set<number>();
  for (const same of byText.values()) {
    if (same.length < 2) continue;
    const order = same.sort((a, b) => glyphs[a]!.x - glyphs[b]!.x);
    for (let k = 0; k < order.length; k++) {
      const i = order[k]!;
      if (drop.has(i)) continue;
      const a = glyphs[i]!;
      if (a.space) continue;
      for (let m = k + 1; m < order.length; m++) {
        const j = order[m]!;
        const b = glyphs[j]!;
        if (b.x - a.x > a.size * 0.2) break;
        if (Math.abs(b.y - a.y) < a.size * 0.15 && Math.abs(b.size - a.size) < a.size * 0.05) {
          drop.add(j);
          bold.add(i);
        }
      }
    }
  }
  if (!drop.size) return glyphs;
  return glyphs.flatMap((g, i) => (drop.has(i) ? [] : bold.has(i) ? [{ ...g, bold: true }] : [g]));
}

/** Puts a spacing accent on the letter it is drawn over or under (`´` + `e` → `é`). */
function combineAccents(glyphs: StyledGlyph[]): StyledGlyph[] {
  if (!glyphs.some((g) => isSpacingAccent(g.text))) return glyphs;
  const out = glyphs.slice();
  const gone = new Set<number>();
  for (let i = 0; i < out.length; i++) {
    const accent = out[i]!;
    if (!isSpacingAccent(accent.text)) continue;
    const center = accent.x + accent.width / 2;
    // The letter it sits on is next to it in the stream, before or after (TeX draws it first).
    for (const j of [i + 1, i - 1, i + 2, i - 2]) {
      const base = out[j];
      if (!base || gone.has(j) || base.space || Math.abs(base.y - accent.y) > base.size * 0.8) continue;
      if (center < base.x - base.size * 0.05 || center > base.x + base.width + base.size * 0.05) continue;
      const letter = combineAccent(accent.text, base.text);
      if (!letter) continue;
      out[j] = { ...base, text: letter };
      gone.add(i);
      break;
    }
  }
  return out.filter((_, i) => !gone.has(i));
}

/** Consecutive glyphs of the stream that continue each other on one baseline, in one font and size. */
function makeRuns(glyphs: StyledGlyph[]): Run[] {
  const runs: Run[] = [];
  let current: Run | undefined;
  for (const g of glyphs) {
    const last = current?.glyphs[current.glyphs.length - 1];
    const continues =
      current !== undefined &&
      last !== undefined &&
      Math.abs(g.y - last.y) < g.size * 0.1 &&
      Math.abs(g.size - current.size) < current.size * 0.05 &&
      g.x > last.x - g.size * 0.3 &&
      g.x < last.x + last.width + g.size * gutter;
    if (continues && current) {
      current.glyphs.push(g);
      current.x0 = Math.min(current.x0, g.x);
      current.x1 = Math.max(current.x1, g.x + g.width);
    } else {
      current = { glyphs: [g], x0: g.x, x1: g.x + g.width, y: g.y, size: g.size, lineY: g.y };
      runs.push(current);
    }
  }
  return runs.filter((r) => r.glyphs.some((g) => !g.space));
}

/**
 * A run smaller than the run next to it (in the stream, or beside it on the page) and raised
 * above its baseline is a superscript; lowered, a subscript. It then belongs to that run's line.
 */
function markScripts(runs: Run[]): Run[] {
  const relation = (r: Run, n: Run | undefined): 'super' | 'sub' | undefined => {
    if (!n || r.size > n.size * 0.88) return undefined;
    const touching = r.x0 <= n.x1 + n.size * 0.6 && r.x1 >= n.x0 - n.size * 0.6;
    if (!touching) return undefined;
    const rise = r.y - n.y;
    if (rise > n.size * 0.12 && rise < n.size * 0.75) return 'super';
    if (rise < -n.size * 0.08 && rise > -n.size * 0.45) return 'sub';
    return undefined;
  };
  for (let i = 0; i < runs.length; i++) {
    const r = runs[i]!;
    for (const n of [runs[i - 1], runs[i + 1]]) {
      const kind = relation(r, n);
      if (kind && n && !n.script) {
        r.script = kind;
        r.lineY = n.lineY;
        break;
      }
    }
  }
  // Scripts the stream did not put beside their line: look for the line on the page. (Only a run
  // smaller than the page's largest can be one: the others are not compared with every run.)
  const largest = runs.reduce((max, r) => Math.max(max, r.size), -Infinity);
  const small = runs.filter((r) => !r.script && !(r.size > largest * 0.88) && runs.some((n) => n !== r && relation(r, n)));
  for (const r of small) {
    const n = runs.find((m) => m !== r && !m.script && relation(r, m));
    if (n) {
      r.script = relation(r, n);
      r.lineY = n.lineY;
    }
  }
  return runs;
}

/** Runs on one baseline, top of the page first, each row left to right. */
function groupRows(runs: Run[]): Run[][] {
  const sorted = runs.slice().sort((a, b) => b.lineY - a.lineY || a.x0 - b.x0);
  const rows: { y: number; size: number; runs: Run[] }[] = [];
  for (const r of sorted) {
    const tolerance = Math.min(r.size, 1e9) * 0.3;
    let row: (typeof rows)[number] | undefined;
    for (let k = rows.length - 1; k >= 0 && k >= rows.length - 4; k--) {
      const candidate = rows[k]!;
      if (Math.abs(candidate.y - r.lineY) <= Math.min(tolerance, candidate.size * 0.3)) {
        row = candidate;
        break;
      }
    }
    if (row) {
      row.runs.push(r);
      if (!r.script && r.size > row.size) row.size = r.size;
    } else rows.push({ y: r.lineY, size: r.script ? r.size / 0.7 : r.size, runs: [r] });
  }
  return rows.map((row) => row.runs.sort((a, b) => a.x0 - b.x0));
}

/** Cuts a row where a gap is wider than a gutter: two columns, or two cells of a table. */
function splitAtGutters(row: Run[]): Run[][] {
  const cells: Run[][] = [];
  let current: Run[] = [];
  let right = -Infinity;
  // Justification stretches every space of a line alike: a line with a single white wider than a
  // gutter after a space glyph is no stretched line, but two columns' lines on one baseline (the
  // first ending in a space).
  let wide = 0;
  row.reduce((end, r, i) => ((wide += i > 0 && r.x0 - end > r.size * gutter ? 1 : 0), Math.max(end, r.x1)), -Infinity);
  for (const r of row) {
    const own = r.script ? r.size / 0.7 : r.size;
    const before = current.filter((c) => !c.script).at(-1)?.size ?? current[0]?.size ?? own;
    // Type of two sizes side by side with more than a word space between them is two blocks (a
    // table's cell overflowing into the gutter beside a column).
    const last = current.at(-1);
    // (Monospace type is set smaller inside running text: a change to it is no change of block.)
    const mono = r.glyphs[0]?.monospace === true || last?.glyphs[0]?.monospace === true;
    const mixed = !mono && Math.abs(own - before) > Math.max(own, before) * 0.15;
    // White after a space glyph is a word space that justification stretched (browsers draw the
    // space, then move the next word): a gutter only when it is far wider.
    const spaced = last?.glyphs.at(-1)?.space === true;
    // Not so far when the type changes from code to text or back: a code line's trailing space
    // beside the next column's text (code set with its spaces kept) is no stretched word space.
    const toCode = last !== undefined && (r.glyphs[0]?.monospace === true) !== (last.glyphs[0]?.monospace === true);
    const limit = spaced ? Math.max(own, before) * (toCode || wide === 1 ? 2 : 4) : mixed ? Math.min(own, before) * 0.6 : Math.max(own, before) * gutter;
    if (current.length && r.x0 - right > limit) {
      cells.push(current);
      current = [];
      right = -Infinity;
    }
    current.push(r);
    right = Math.max(right, r.x1);
  }
  if (current.length) cells.push(current);
  return cells;
}

/** The pieces and plain text of a cell of runs. */
function toLine(runs: Run[], known: Map<string, string>): TextLine {
  const pieces: Piece[] = [];
  const sizes = new Map<number, number>();
  let previous: StyledGlyph | undefined;
  let spaceGlyph: StyledGlyph | undefined;
  for (const run of runs) {
    for (const g of run.glyphs) {
      // Words are told apart by the white between them, or by a space glyph that the next glyph
      // comes after (a narrow no-break space before `»`); a space glyph that does not advance is
      // how a browser writes a soft hyphen's break opportunity, and separates nothing.
      if (g.space) {
        spaceGlyph = g;
        continue;
      }
      const gap = previous ? g.x - (previous.x + previous.width) : 0;
      const advancing = spaceGlyph !== undefined && spaceGlyph.width > g.size * 0.04 && g.x - spaceGlyph.x >= spaceGlyph.width * 0.6;
      spaceGlyph = undefined;
      const fine = previous !== undefined && (fineSpaced.before.has(g.text) || fineSpaced.after.has(previous.text));
      // A glyph drawn well back over the one before starts other words: a table's cell whose text
      // ran over into the next cell, printed over it (`TeX` + `convertir`).
      const overprinted = previous !== undefined && gap < -Math.min(g.size, previous.size) * 0.5;
      const space = previous !== undefined && (gap > Math.min(g.size, previous.size) * (fine ? fineGap : wordGap) || (advancing && gap > g.size * 0.04) || overprinted);
      const text = letters(g.text, known);
      if (!run.script) sizes.set(round(g.size), (sizes.get(round(g.size)) ?? 0) + text.length);
      const last = pieces[pieces.length - 1];
      const same =
        last &&
        last.bold === g.bold &&
        last.italic === g.italic &&
        last.monospace === g.monospace &&
        last.script === run.script &&
        last.link === g.link;
      if (same && last) {
        last.text += space ? ' ' : '';
        if (space) (last.words ??= []).push({ at: last.text.length, x: g.x });
        last.text += text;
        last.x1 = Math.max(last.x1, g.x + g.width);
      } else {
        if (space && last) last.text += ' ';
        pieces.push({
          ...(space && last ? { words: [{ at: 0, x: g.x }] } : {}),
          text,
          bold: g.bold,
          italic: g.italic,
          monospace: g.monospace,
          script: run.script,
          link: g.link,
          x0: g.x,
          x1: g.x + g.width,
          size: g.size,
        });
      }
      previous = g;
    }
  }
  for (const p of pieces) {
    const text = texSigns(p.text.normalize('NFC'));
    // Composed letters move the words' places: they are dropped rather than kept wrong.
    if (text.length !== p.text.length) delete p.words;
    p.text = text;
  }
  const size = [...sizes].sort((a, b) => b[1] - a[1])[0]?.[0] ?? runs[0]!.size;
  const main = runs.find((r) => !r.script) ?? runs[0]!;
  return {
    x0: Math.min(...runs.map((r) => r.x0)),
    x1: Math.max(...runs.map((r) => r.x1)),
    y: main.lineY,
    size,
    pieces,
    text: pieces.map((p) => p.text).join(''),
  };
}

/**
 * Two signs of TeX's fonts that a PDF's text layer names wrongly:
 * - the degree sign (`\textdegree`, slot 0xB0 of the symbol encoding TS1) named by the glyph of
 *   the same slot in the text encoding T1, `ř`, when the fonts' names were taken from the wrong
 *   table: after a number (`360ř`), where no word has an `ř`;
 * - the Greek capital delta of a formula (`ΔD`), whose glyph name `Delta` the Adobe Glyph List
 *   maps first to the increment sign U+2206: before a letter, it is the letter.
 */
function texSigns(text: string): string {
  let out = text.includes('ř') ? text.replace(/(?<=\d ?)ř(?![\p{L}\p{N}])/gu, '°') : text;
  if (out.includes('∆')) out = out.replace(/∆(?=\p{L})/gu, 'Δ');
  return out;
}

/**
 * A glyph's letters: ligatures expanded, layout hyphens made plain. A page draws the same few
 * hundred glyphs thousands of times: each text is worked out once a page, in `known`.
 */
function letters(glyph: string, known: Map<string, string>): string {
  let out = known.get(glyph);
  if (out === undefined) {
    out = plainHyphens(expandLigatures(glyph));
    known.set(glyph, out);
  }
  return out;
}

function round(size: number): number {
  return Math.round(size * 4) / 4;
}

/** A line with where it stands in the document: its page and its place on the page. */
export interface PlacedLine {
  line: TextLine;
  page: number;
  /** 1-based number of the line on its page, in reading order. */
  number: number;
}
