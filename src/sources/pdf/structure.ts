/**
 * What the lines of a PDF are, read from the page as a reader reads it: headings (larger or bold
 * type standing alone; their levels from the sizes the document uses; a heading over two lines is
 * one), paragraphs (a gap, an indent, or a line the next word would have fitted on), list items
 * (a marker and a hanging indent), code (monospace lines), tables (rows of aligned cells, their
 * columns where most rows start a cell: `table-columns.ts`; or cells drawn with rules:
 * `ruled-tables.ts`), notes
 * at the page foot and the calls that point to them, and paragraphs that a column or page break
 * cut in the middle of a sentence, joined.
 *
 * Inline, each line becomes spans of text with their style and their place in the PDF (page,
 * line, column); a word hyphenated at a line end is rejoined unless it is a compound
 * (`porte-avions`), which the French lexicon tells when it is given.
 *
 * Written by hand: PDF libraries stop at positioned text; this reading is what no library does.
 * Not for: writing Markdown (`markdown.ts`) or finding running heads (`furniture.ts`).
 */
import { endsSentence, lastWord } from '../../language/fr/sentence.ts';
import { isFunctionWord } from '../../language/fr/words.ts';
import type { Lexicon } from '../../language/fr/lexicon.ts';
import { superscriptOrdinal } from '../../language/fr/numbers.ts';
import type { LayoutItem } from './layout.ts';
import type { Piece, PlacedLine, TextLine } from './lines.ts';
import type { PlacedImage } from './page-text.ts';
import { splitJoinedCells } from './table-columns.ts';

/** Where a character of the Markdown comes from: a page, a line on it, a column in that line. */
export interface Origin {
  page: number;
  line: number;
  column: number;
}

/** A stretch of inline text in one style. */
export interface Span {
  text: string;
  bold: boolean;
  italic: boolean;
  code: boolean;
  link?: string;
  /** A footnote reference: its label (then `text` is empty). */
  ref?: string;
  /** A superscript number no note of its page answers: perhaps a call of an endnote. */
  call?: string;
  origin: Origin;
}

export type Block =
  | { kind: 'heading'; level: number; spans: Span[]; origin: Origin }
  | { kind: 'paragraph'; spans: Span[]; origin: Origin; caption?: boolean }
  | { kind: 'item'; ordered: boolean; start?: number; depth: number; spans: Span[]; origin: Origin }
  | { kind: 'code'; lines: { text: string; origin: Origin }[]; origin: Origin }
  | { kind: 'table'; rows: Span[][][]; origin: Origin }
  | { kind: 'note'; label: string; spans: Span[]; origin: Origin };

/** A line of the body with its place in the PDF. */
export type { PlacedLine } from './lines.ts';

/** A page as the structure reads it: its regions in reading order, and its foot notes. */
export interface StructurePage {
  number: number;
  regions: { items: ({ kind: 'line'; placed: PlacedLine } | { kind: 'image'; image: PlacedImage })[] }[];
  notes: { label: string; lines: PlacedLine[] }[];
}

/** Something the reading decided that an editor may want to check. */
export interface StructureFinding {
  rule: 'pdf-heading' | 'pdf-table' | 'pdf-image' | 'pdf-note' | 'pdf-hyphen' | 'pdf-page-join' | 'pdf-title' | 'pdf-contents';
  severity: 'info' | 'warning';
  message: string;
  origin: Origin;
}

export interface DocumentStats {
  /** Font size of most of the text. */
  bodySize: number;
  /** Usual distance between the baselines of body lines. */
  lineSpacing: number;
  /** True when paragraphs start with an indent (then an unindented line after a page break goes on). */
  indents: boolean;
}

export interface StructureResult {
  blocks: Block[];
  title?: string;
  findings: StructureFinding[];
}

const bulletPattern = /^([•◦▪▫‣●○■□➢➤►▸✓✔∙⋅·∗*–—-])\s+(?=\S)/u;
const orderedPattern = /^(?:(\d{1,3})|([a-z])|([ivxlc]{1,6}))[.)]\s+(?=\S)|^\((\d{1,3}|[a-z]|[ivx]{1,5})\)\s+(?=\S)/u;
const captionPattern = /^(?:figure|fig\.|tableau|table|illustration|image|graphique|carte|photo|schéma|encadré)\s*[\dIVX]/iu;
const leaderPattern = /^(.*?\S)\s*(?:\.\s*){3,}\s*(\d{1,4}|[ivxlc]{1,6})$/iu;
/** A heading that only numbers what follows: `Chapitre 2`, `ANNEXE B`, `Partie III`. */
const sectionLabel = /^(?:chapitre|chapter|partie|part|annexe|appendix|appendice|livre|titre|leçon|module)\s+(?:\d{1,3}|[IVXLC]{1,6}|[A-Z])\.?$/iu;
const noteMarker = /^(?:(\d{1,3})|([*†‡§¶]))[.)]?(?=\s|$)/u;

/**
 * Measures the body text: its usual size, line spacing and whether paragraphs are indented.
 * @param lines every line of the body (running heads excluded)
 */
export function measureBody(lines: readonly TextLine[], regions: readonly (readonly TextLine[])[] = [lines]): DocumentStats {
  const bySize = new Map<number, number>();
  for (const l of lines) {
    const s = Math.round(l.size * 2) / 2;
    bySize.set(s, (bySize.get(s) ?? 0) + l.text.length);
  }
  const bodySize = [...bySize].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 10;
  const gaps: number[] = [];
  let indented = 0;
  let flush = 0;
  for (const region of regions) {
    const left = Math.min(...region.map((l) => l.x0));
    for (let i = 1; i < region.length; i++) {
      const a = region[i - 1]!;
      const b = region[i]!;
      if (Math.abs(a.size - bodySize) > 0.6 || Math.abs(b.size - bodySize) > 0.6) continue;
      const gap = a.y - b.y;
      if (gap > 0 && gap < bodySize * 3) gaps.push(gap);
      if (b.x0 - left > bodySize * 0.8 && b.x0 - left < bodySize * 4 && Math.abs(a.x0 - left) < bodySize * 0.3) indented += 1;
      else if (Math.abs(b.x0 - left) < bodySize * 0.3) flush += 1;
    }
  }
  gaps.sort((a, b) => a - b);
  const lineSpacing = gaps[Math.floor(gaps.length * 0.3)] ?? bodySize * 1.2;
  return { bodySize, lineSpacing, indents: indented >= 3 && indented > flush * 0.05 };
}

/**
 * Takes the notes off the foot of a page: the last lines, in smaller type than the body, the
 * first of them starting with a note's number or sign.
 * @param lines the page's body lines, top to bottom
 * @param calls the labels the page's text calls (superscripts), to tell a note from a small line
 * @returns the notes (label and lines) and the lines that remain body text
 */
export function takeFootNotes(lines: readonly TextLine[], stats: DocumentStats, calls: ReadonlySet<string>): { notes: { label?: string; lines: TextLine[] }[]; body: TextLine[] } {
  const sorted = lines.slice().sort((a, b) => b.y - a.y);
  let start = sorted.length;
  while (start > 0 && sorted[start - 1]!.size < stats.bodySize * 0.93) start -= 1;
  if (start === sorted.length || start === 0) return { notes: [], body: sorted };
  const zone = sorted.slice(start);
  // A table's row is several cells on one baseline: its first cell is no note, whatever it holds.
  const labels = zone.map((line) => (zone.some((o) => o !== line && Math.abs(o.y - line.y) < line.size * 0.3) ? undefined : noteLabel(line)));
  const numbered = labels.filter((l): l is string => l !== undefined && /^\d+$/u.test(l));
  const notes: { label?: string; lines: TextLine[] }[] = [];
  zone.forEach((line, i) => {
    const label = labels[i];
    // A number is a note's when the text calls it, when it is raised, or when the zone numbers
    // its lines in sequence (n, then n + 1: producers that print their calls as plain digits);
    // any other number at a line start is text (a code line, a list in small type).
    const last = notes.findLast((n) => n.label)?.label;
    const plain = !line.pieces[0]?.monospace;
    const follows = plain && last !== undefined && /^\d+$/u.test(last) && label === String(Number(last) + 1);
    const opens = plain && label !== undefined && /^\d+$/u.test(label) && numbered.includes(String(Number(label) + 1)) && !numbered.includes(String(Number(label) - 1));
    // A page's only numbered note, its call a plain number glued to a word of the page (`mot13.`):
    // the note of a producer that does not raise its calls, alone on its page.
    const glued = plain && !notes.length && label !== undefined && numbered.length === 1 && label === numbered[0] && findPlainCall(sorted.slice(0, start), label, { line: 0, piece: 0, char: 0 }) !== undefined;
    if (label && (calls.has(label) || follows || opens || glued || isSuperscriptStart(line))) notes.push({ label, lines: [line] });
    else if (notes.length) notes[notes.length - 1]!.lines.push(line);
    else notes.push({ lines: [line] });
  });
  // Without a numbered note, the small lines are text (a caption, a legal line), not notes.
  if (!notes.some((n) => n.label)) return { notes: [], body: sorted };
  return { notes, body: sorted.slice(0, start) };
}

/**
 * Finds the calls of notes that the producer printed as plain digits glued to the word before
 * them (`mot1`, `ISO-88592,`: WeasyPrint's default footnote call is not raised) and makes them
 * superscripts, so that they link to their notes. Only the page's note numbers that no raised
 * call answers are looked for, in their order, each after the one before: a word's own digits
 * (`IPv6`, `2024`) are left alone unless the note sequence expects exactly them there.
 * @param lines the page's body lines in reading order (their pieces are split in place)
 * @param labels the page's note labels
 * @param calls the labels already called by superscripts
 */
export function markPlainCalls(lines: readonly TextLine[], labels: readonly string[], calls: ReadonlySet<string>): void {
  const wanted = labels.filter((l) => /^\d+$/u.test(l) && !calls.has(l)).sort((a, b) => Number(a) - Number(b));
  // Where the last call was found: a line, a piece, a character in it.
  let at = { line: 0, piece: 0, char: 0 };
  for (const label of wanted) {
    const found = findPlainCall(lines, label, at);
    if (!found) continue;
    const line = lines[found.line]!;
    const piece = line.pieces[found.piece]!;
    const width = (piece.x1 - piece.x0) / Math.max(piece.text.length, 1);
    const x = (i: number): number => piece.x0 + width * i;
    const end = found.char + label.length;
    const parts: Piece[] = [
      { ...piece, text: piece.text.slice(0, found.char), x1: x(found.char) },
      { ...piece, text: label, script: 'super', x0: x(found.char), x1: x(end) },
      { ...piece, text: piece.text.slice(end), x0: x(end) },
    ];
    line.pieces.splice(found.piece, 1, ...parts.filter((q) => q.text));
    at = { line: found.line, piece: found.piece + (found.char > 0 ? 2 : 1), char: 0 };
  }
}

/** The first place, from `from` on, where `label` is glued to the end of a word as a call. */
function findPlainCall(lines: readonly TextLine[], label: string, from: { line: number; piece: number; char: number }): { line: number; piece: number; char: number } | undefined {
  const word = new RegExp(`(\\S*?)${label}(?=[.,;:!?»)\\]]*(?:\\s|$))`, 'gu');
  for (let l = from.line; l < lines.length; l++) {
    const pieces = lines[l]!.pieces;
    for (let p = l === from.line ? from.piece : 0; p < pieces.length; p++) {
      const piece = pieces[p]!;
      if (piece.script || piece.monospace) continue;
      word.lastIndex = l === from.line && p === from.piece ? from.char : 0;
      for (let m = word.exec(piece.text); m; m = word.exec(piece.text)) {
        const head = m[1]!;
        // After a letter or a closing sign, or after a number inside a name (`UTF-8`, `UCS-2`).
        if (((head.length >= 2 && /\p{L}$/u.test(head)) || /[)\]»]$/u.test(head) || (/\p{L}/u.test(head) && /-\d+$/u.test(head)))) return { line: l, piece: p, char: m.index + head.length };
      }
    }
  }
  return undefined;
}

function isSuperscriptStart(line: TextLine): boolean {
  return line.pieces[0]?.script === 'super';
}

/** The number or sign a note line starts with. */
function noteLabel(line: TextLine): string | undefined {
  const first = line.pieces[0];
  if (first?.script === 'super' && /^\s*(?:\d{1,3}|[*†‡§¶])\s*$/u.test(first.text)) return first.text.trim();
  const m = noteMarker.exec(line.text);
  return m ? (m[1] ?? m[2]) : undefined;
}

/** The labels a line calls: its superscript numbers and signs. */
export function callsOf(line: TextLine): string[] {
  return line.pieces.filter((p) => p.script === 'super').flatMap((p) => p.text.split(/[,\s]+/u).filter((t) => /^(?:\d{1,3}|[*†‡§¶])$/u.test(t)));
}

interface Proto {
  kind: 'heading' | 'paragraph' | 'item' | 'code' | 'table' | 'contents';
  lines: PlacedLine[];
  size: number;
  bold: boolean;
  /** For items: where the text after the marker starts, the marker, ordered or not. */
  textX?: number;
  marker?: { ordered: boolean; start?: number; length: number };
  caption?: boolean;
  /** The region the block ends in (to join across breaks). */
  region: number;
  /** For tables: rows of cells, each cell its lines. */
  rows?: PlacedLine[][][];
}

/**
 * Reads the structure of a document.
 * @param pages the pages, their regions in reading order and their notes
 * @param stats the body's measures (`measureBody`)
 * @param lexicon French words, to tell a compound from a word cut at a line end (optional)
 */
export function readStructure(pages: readonly StructurePage[], stats: DocumentStats, lexicon?: Lexicon): StructureResult {
  const findings: StructureFinding[] = [];
  const protos: Proto[] = [];
  const noteLabels = new Map<string, string>();
  const notesByPage = new Map<number, Map<string, string>>();
  const usedLabels = new Set<string>();
  // Labels are the PDF's own numbers, made unique where numbering restarts on each page.
  for (const page of pages) {
    const map = new Map<string, string>();
    for (const note of page.notes) {
      let label = /^\d+$/u.test(note.label) ? note.label : `n${page.number}`;
      if (usedLabels.has(label)) label = `${note.label}-p${page.number}`;
      let k = 2;
      while (usedLabels.has(label)) label = `${note.label}-p${page.number}-${k++}`;
      usedLabels.add(label);
      map.set(note.label, label);
      noteLabels.set(`${page.number}:${note.label}`, label);
    }
    notesByPage.set(page.number, map);
  }

  let regionIndex = 0;
  const rightEdges = new Map<number, number>();
  for (const page of pages) {
    for (const region of page.regions) {
      regionIndex += 1;
      const lines = region.items;
      let current: Proto | undefined;
      let previousLine: PlacedLine | undefined;
      const placedLines = lines.flatMap((i) => (i.kind === 'line' ? [i.placed] : []));
      const left = placedLines.length ? Math.min(...placedLines.map((p) => p.line.x0)) : 0;
      const right = rightEdge(placedLines.map((p) => p.line));
      rightEdges.set(regionIndex, right);
      const rows = groupRows(lines, left, right);
      for (const [rowIndex, row] of rows.entries()) {
        if (row.kind === 'image') {
          const origin = previousLine ? { page: previousLine.page, line: previousLine.number, column: 1 } : { page: page.number, line: 1, column: 1 };
          findings.push({
            rule: 'pdf-image',
            severity: 'info',
            message: `An image (${Math.round((row.image.width / 72) * 25.4)} × ${Math.round((row.image.height / 72) * 25.4)} mm) is not read: any text inside it is not in the Markdown.`,
            origin,
          });
          current = undefined;
          continue;
        }
        const cells = row.cells;
        const inTable = current?.kind === 'table' && protos[protos.length - 1] === current;
        const wrapped = inTable && previousLine ? wrappedCells(current!.rows!.at(-1)!, cells, previousLine) : undefined;
        if (wrapped) {
          wrapped.forEach((lines, k) => current!.rows!.at(-1)![k]!.push(...lines));
          previousLine = cells[cells.length - 1];
          continue;
        }
        const isTableRow = cells.length >= 2;
        if (isTableRow) {
          if (inTable) current!.rows!.push(cells.map((c) => [c]));
          else {
            current = { kind: 'table', lines: [cells[0]!], size: cells[0]!.line.size, bold: false, region: regionIndex, rows: [cells.map((c) => [c])] };
            protos.push(current);
          }
          previousLine = cells[cells.length - 1];
          continue;
        }
        const placed = cells[0]!;
        const line = placed.line;
        // A line of dots or dashes alone (a cover's ornament, a leader cut off) carries no word.
        if (!/[\p{L}\p{N}]/u.test(line.text) && current?.kind !== 'code' && /^[\s.·•,;:_\-–—]*$/u.test(line.text)) continue;
        let kind = lineKind(line, stats);
        // A line in bold type of the text's size that the paragraph runs on into is bold words
        // of that paragraph, not a heading.
        // So is a line mostly in monospace (an address, a command name) that a sentence runs on into.
        const runsOn = (): boolean => !!current && !!previousLine && (current.kind === 'paragraph' || current.kind === 'item') && continuesBlock(current, previousLine, placed, 'text', undefined, { left, right }, stats);
        if (kind === 'heading' && line.size < stats.bodySize * 1.12 && runsOn()) kind = 'text';
        // So is a full line of it whose bold run stops inside the next line: the bold opening words
        // of a paragraph or an item (`2. **Ouvrez le fichier et donnez-lui** : …`).
        if (kind === 'heading' && line.size < stats.bodySize * 1.12 && boldRunsInto(rows, rowIndex, right, stats)) kind = 'text';
        // A figure's or a table's caption in bold type of the text's size is a caption, no heading.
        if (kind === 'heading' && line.size < stats.bodySize * 1.12 && captionPattern.test(line.text)) kind = 'text';
        if (kind === 'code' && previousLine && !endsSentence(previousLine.line.text) && runsOn()) kind = 'text';
        // A bullet in the text's font before an address is an item, not code.
        if (kind === 'code' && !line.pieces[0]!.monospace && bulletPattern.test(line.text)) kind = 'text';
        // The rest of an address that a column or page break cut goes on with its sentence.
        if (kind === 'code' && !previousLine) {
          const before = protos.findLast((p) => !isFloat(p));
          const lastLine = before?.lines.at(-1)?.line;
          if (lastLine && (before!.kind === 'paragraph' || before!.kind === 'item') && cutAddress(lastLine.text.trimEnd(), line.text)) kind = 'text';
        }
        let marker = kind === 'text' ? listMarker(line) : undefined;
        // `n) en tant que` after `(https://example.org/Daemo` is the address going on, no item.
        if (marker && previousLine && cutAddress(previousLine.line.text.trimEnd(), line.text)) marker = undefined;
        // A dash at a line start goes on with a sentence (`Table 3 – Liste…` over two lines)
        // unless a list can start there: after a sentence, a colon, an item, or a gap. So does a
        // star (a list of signs cut at the line end: `< > |` + `* ?`).
        if (marker && !marker.ordered && /^[–—*-]/u.test(line.text) && previousLine && current?.kind !== 'item') {
          const gap = previousLine.line.y - line.y > Math.max(stats.lineSpacing, line.size * 1.1) * 1.32;
          if (!gap && !endsSentence(previousLine.line.text)) marker = undefined;
        }
        const continues = current && previousLine && continuesBlock(current, previousLine, placed, kind, marker, { left, right }, stats);
        if (continues && current) {
          current.lines.push(placed);
        } else {
          const proto: Proto = {
            kind: kind === 'heading' ? 'heading' : kind === 'code' ? 'code' : kind === 'contents' ? 'contents' : marker ? 'item' : 'paragraph',
            lines: [placed],
            size: line.size,
            bold: line.pieces.every((p) => p.bold || !p.text.trim()),
            region: regionIndex,
            ...(marker ? { marker, textX: markerTextX(line, marker.length) } : {}),
            caption: captionPattern.test(line.text),
          };
          // The first line of a column or page goes on with the paragraph the break cut; so does
          // a line in lowercase after a table or a figure set in the middle of a paragraph.
          let k = protos.length - 1;
          while (k >= 0 && isFloat(protos[k]!)) k -= 1;
          const last = protos[k];
          const overFloat = k < protos.length - 1 || (!!previousLine && rowsSinceImage(rows, row));
          if (last && (!previousLine || overFloat) && joinsAcrossBreak(last, proto, stats, left, rightEdges.get(last.region)) && (!overFloat || /^\p{Ll}/u.test(line.text))) {
            last.lines.push(placed);
            last.region = regionIndex;
            findings.push({
              rule: 'pdf-page-join',
              severity: 'info',
              message: `The paragraph goes on after a ${last.lines[last.lines.length - 2]!.page === placed.page ? 'column' : 'page'} break: joined.`,
              origin: { page: placed.page, line: placed.number, column: 1 },
            });
            current = last;
          } else {
            protos.push(proto);
            current = proto;
          }
        }
        previousLine = placed;
      }
    }
  }

  const levels = headingLevels(protos, stats);
  const blocks: Block[] = [];
  let title: string | undefined;
  const seen = documentWords(pages);
  const inline = (lines: PlacedLine[], skipFirst = 0, cell = false): Span[] => joinLines(lines, skipFirst, notesByPage, lexicon, findings, seen, cell);
  for (const proto of protos) {
    const first = proto.lines[0]!;
    const origin: Origin = { page: first.page, line: first.number, column: 1 };
    switch (proto.kind) {
      case 'heading': {
        const spans = inline(proto.lines).map((s) => ({ ...s, bold: false }));
        const text = spans.map((s) => s.text).join('').trim();
        const level = levels.get(proto) ?? 2;
        if (level === 1 && title === undefined) {
          // A short heading just above the title on its page (`Chapitre 5`, `Rapport`) belongs to it.
          const before = blocks[blocks.length - 1];
          if (before?.kind === 'heading' && before.origin.page === first.page && blocks.length === 1 && plainText(before.spans).split(/\s+/u).length <= 4) {
            blocks.pop();
            findings.splice(findings.findIndex((f) => f.rule === 'pdf-heading' && f.origin === before.origin), 1);
            title = `${plainText(before.spans)} ${text}`;
          } else title = text;
          findings.push({ rule: 'pdf-title', severity: 'info', message: `“${clip(text)}”, the largest type of the first page, is the document's own title: it moves to the metadata.`, origin });
          continue;
        }
        // `Chapitre 2` over the chapter's title is one heading with it.
        const previous = blocks[blocks.length - 1];
        if (previous?.kind === 'heading' && previous.origin.page === first.page && sectionLabel.test(plainText(previous.spans))) {
          previous.spans = [...previous.spans, { ...spans[0]!, text: ' ' }, ...spans];
          previous.level = Math.min(previous.level, Math.max(2, level));
          break;
        }
        blocks.push({ kind: 'heading', level: Math.max(2, level), spans, origin });
        findings.push({ rule: 'pdf-heading', severity: 'info', message: `“${clip(text)}” is a heading (level ${Math.max(2, level)}): ${proto.size >= stats.bodySize * 1.12 ? 'its type is larger than the text’s' : 'a line of bold type standing alone'}.`, origin });
        break;
      }
      case 'item': {
        const depth = itemDepth(proto, protos, stats);
        blocks.push({ kind: 'item', ordered: proto.marker!.ordered, start: proto.marker!.start, depth, spans: trimStart(inline(proto.lines, proto.marker!.length)), origin });
        break;
      }
      case 'code': {
        // Indentation from the left edge of the code on each page (left and right pages differ).
        const leftOf = new Map<number, number>();
        for (const l of proto.lines) leftOf.set(l.page, Math.min(leftOf.get(l.page) ?? Infinity, l.line.x0));
        const codeLines = proto.lines.map((l) => {
          const charWidth = (l.line.x1 - l.line.x0) / Math.max(1, l.line.text.length);
          const indent = charWidth > 0 ? Math.max(0, Math.round((l.line.x0 - leftOf.get(l.page)!) / charWidth)) : 0;
          return { text: ' '.repeat(indent) + l.line.text, origin: { page: l.page, line: l.number, column: 1 } };
        });
        blocks.push({ kind: 'code', lines: unwrapCode(codeLines, findings), origin });
        break;
      }
      case 'table': {
        const { rows: cells, cuts } = splitJoinedCells(proto.rows!);
        const rows = cells.map((row) => row.map((lines) => inline(lines, 0, true)));
        blocks.push({ kind: 'table', rows, origin });
        const cut = cuts ? ` ${cuts} line(s) holding two cells, the white between them narrow, were cut where the other rows start a column.` : '';
        findings.push({ rule: 'pdf-table', severity: 'info', message: `A table of ${rows.length} rows was read from aligned cells: check it against the PDF (a cell over several lines is joined only when the row's first cell is one line).${cut}`, origin });
        break;
      }
      case 'contents': {
        for (const l of proto.lines) {
          const m = leaderPattern.exec(l.line.text);
          const spans = inline([l]);
          if (m) cutAfter(spans, m[1]!.length);
          blocks.push({ kind: 'item', ordered: false, depth: 0, spans, origin: { page: l.page, line: l.number, column: 1 } });
        }
        findings.push({ rule: 'pdf-contents', severity: 'info', message: `${proto.lines.length} lines of a table of contents: kept as a list, without their dot leaders and page numbers.`, origin });
        break;
      }
      default:
        blocks.push({ kind: 'paragraph', spans: inline(proto.lines), origin, ...(proto.caption ? { caption: true } : {}) });
    }
  }
  linkEndnotes(blocks, usedLabels, findings);
  linkCallsToLaterNotes(blocks, pages, noteLabels, findings);
  // The notes, in the order of their pages.
  for (const page of pages) {
    for (const note of page.notes) {
      const label = noteLabels.get(`${page.number}:${note.label}`)!;
      const first = note.lines[0]!;
      const spans = trimStart(joinLines(note.lines, noteMarkerLength(first.line), notesByPage, lexicon, findings, seen));
      blocks.push({ kind: 'note', label, spans, origin: { page: first.page, line: first.number, column: 1 } });
    }
  }
  return { blocks, title, findings };
}

/**
 * Endnotes: numbered paragraphs or items at the end of the document (under a heading such as
 * `Notes`) whose numbers answer superscript calls of the text become footnotes, their link back
 * to the call (`↩`) left out.
 */
function linkEndnotes(blocks: Block[], used: Set<string>, findings: StructureFinding[]): void {
  const calls = new Map<string, Span[]>();
  for (const b of blocks) {
    if (!('spans' in b)) continue;
    for (const s of b.spans) if (s.call) calls.set(s.call, [...(calls.get(s.call) ?? []), s]);
  }
  if (!calls.size) return;
  const numberOf = (b: Block): string | undefined => {
    if (b.kind === 'item' && b.ordered && b.start !== undefined) return String(b.start);
    if (b.kind === 'paragraph') return /^(\d{1,3})[.)]?\s/u.exec(b.spans[0]?.text ?? '')?.[1];
    return undefined;
  };
  let k = blocks.length;
  while (k > 0 && calls.has(numberOf(blocks[k - 1]!) ?? '')) k -= 1;
  if (k === blocks.length) return;
  const notes = blocks.splice(k);
  const heading = blocks[blocks.length - 1];
  if (heading?.kind === 'heading' && /^(?:notes?|notes de fin|footnotes|endnotes|références|renvois)$/iu.test(heading.spans.map((s) => s.text).join('').trim())) blocks.pop();
  for (const b of notes) {
    const n = numberOf(b)!;
    let label = n;
    while (used.has(label)) label = `e${label}`;
    used.add(label);
    const spans = (b as Extract<Block, { spans: Span[] }>).spans.map((s) => ({ ...s }));
    if (b.kind === 'paragraph' && spans[0]) spans[0].text = spans[0].text.replace(/^\d{1,3}[.)]?\s+/u, '');
    const last = spans[spans.length - 1];
    if (last) last.text = last.text.replace(/\s*[↩↑⤴]\uFE0E?\s*$/u, '');
    for (const call of calls.get(n) ?? []) {
      call.ref = label;
      call.text = '';
      delete call.call;
    }
    blocks.push({ kind: 'note', label, spans: spans.filter((s) => s.ref || s.text), origin: b.origin });
  }
  findings.push({ rule: 'pdf-note', severity: 'info', message: `${notes.length} note(s) at the end of the document were linked to their calls in the text, as footnotes.`, origin: notes[0]!.origin });
}

type Row = { kind: 'image'; image: PlacedImage } | { kind: 'line'; cells: PlacedLine[] };

/** Tables and captions stand apart from the text: a paragraph may go on after them. */
/**
 * Notes gathered at the foot of a later page (endnotes set in small type at the document's end,
 * numbered in sequence) that no call of their own page answers: the raised calls left unanswered
 * before them, of the same numbers, are theirs.
 */
function linkCallsToLaterNotes(blocks: Block[], pages: readonly StructurePage[], noteLabels: Map<string, string>, findings: StructureFinding[]): void {
  const referenced = new Set<string>();
  const open = new Map<string, Span[]>();
  for (const b of blocks) {
    if (!('spans' in b)) continue;
    for (const s of b.spans) {
      if (s.ref) referenced.add(s.ref);
      if (s.call) open.set(s.call, [...(open.get(s.call) ?? []), s]);
    }
  }
  let linked = 0;
  let first: Origin | undefined;
  for (const page of pages) {
    for (const note of page.notes) {
      const label = noteLabels.get(`${page.number}:${note.label}`)!;
      const calls = (open.get(note.label) ?? []).filter((c) => c.origin.page <= page.number);
      if (referenced.has(label) || !calls.length) continue;
      for (const call of calls) {
        call.ref = label;
        call.text = '';
        delete call.call;
      }
      open.delete(note.label);
      linked += 1;
      first ??= { page: page.number, line: note.lines[0]!.number, column: 1 };
    }
  }
  if (linked) findings.push({ rule: 'pdf-note', severity: 'info', message: `${linked} note(s) at the foot of a later page were linked to the calls in the text that no note of their own page answered.`, origin: first! });
}

function isFloat(p: Proto): boolean {
  return p.kind === 'table' || (p.kind === 'paragraph' && p.caption === true);
}

/** True when the row comes right after an image. */
function rowsSinceImage(rows: Row[], row: Row): boolean {
  return rows[rows.indexOf(row) - 1]?.kind === 'image';
}

/** Lines of a region that share a baseline are the cells of one row. */
function groupRows(items: StructurePage['regions'][number]['items'], left: number, right: number): Row[] {
  const rows: Row[] = [];
  for (const item of items) {
    if (item.kind === 'image') {
      rows.push(item);
      continue;
    }
    const last = rows[rows.length - 1];
    const l = item.placed.line;
    if (last?.kind === 'line' && Math.abs(last.cells[0]!.line.y - l.y) < Math.min(l.size, last.cells[0]!.line.size) * 0.4) {
      last.cells.push(item.placed);
      last.cells.sort((a, b) => a.line.x0 - b.line.x0);
    } else rows.push({ kind: 'line', cells: [item.placed] });
  }
  // A row of cells is one line when it reads as one: a table of contents' entry, a number set
  // apart from its heading or item, code aligned in columns.
  // (Not cells that each start under a cell of the row above, of three cells or more: a
  // table's rows, or the rest of a row whose cells wrapped.)
  const underCells = (i: number): boolean => {
    const row = rows[i]!;
    // The row above, or the one above it when the row above is the rest of a wrapped row.
    const above = [rows[i - 1], rows[i - 2]].find((r) => r?.kind === 'line' && r.cells.length >= 3);
    if (above?.kind !== 'line' || row.kind !== 'line') return false;
    const size = row.cells[0]!.line.size;
    return row.cells.every((c) => above.cells.some((a) => Math.abs(a.line.x0 - c.line.x0) < size * 0.5));
  };
  // (Nor the cells of a table drawn with rules: the rules said they are cells.)
  const ruled = (row: Row): boolean => row.kind === 'line' && row.cells.every((c) => c.line.row);
  const merged = rows.map((row, i): Row => (row.kind === 'line' && row.cells.length >= 2 && !ruled(row) && !underCells(i) && readsAsOneLine(row.cells, left, right) ? { kind: 'line', cells: [mergeCells(row.cells)] } : row));
  // A row of cells alone, that no other row continues, is one line too (a term and its definition).
  return merged.map((row, i) => {
    if (row.kind !== 'line' || row.cells.length < 2 || ruled(row)) return row;
    if (tableNeighbour(merged, i, -1) || tableNeighbour(merged, i, 1)) return row;
    return { kind: 'line', cells: [mergeCells(row.cells)] };
  });
}

/**
 * True when a row of cells has another row of cells next to it in direction `step`, past the
 * lines of its wrapped cells: single lines at a line's distance, each set right of the first
 * column (the end of a cell whose text wrapped), which belong to the row above them.
 */
function tableNeighbour(rows: Row[], index: number, step: 1 | -1): boolean {
  const row = rows[index]!;
  if (row.kind !== 'line') return false;
  const size = row.cells[0]!.line.size;
  const column = row.cells[0]!.line.x0;
  // The rest of a wrapped cell is a line's distance under its row's line; between rows the
  // distance is the rows' own (their padding), which is not checked.
  const near = (upper: TextLine, lower: TextLine): boolean => upper.y - lower.y < size * 1.6;
  let previous = row.cells[0]!.line;
  for (let k = index + step, hop = 0; k >= 0 && k < rows.length && hop <= 3; k += step, hop++) {
    const other = rows[k]!;
    if (other.kind !== 'line') return false;
    const line = other.cells[0]!.line;
    if (step < 0 && hop > 0 && !near(line, previous)) return false;
    if (other.cells.length >= 2) return true;
    // A lone line is a wrapped cell's rest only when it stands right of the first column.
    // (Only beside a row of three cells or more: a term beside its wrapped definition is no table.)
    if (line.x0 < column + size || row.cells.length < 3) return false;
    if (step > 0 && !near(previous, line)) return false;
    previous = line;
  }
  return false;
}

function readsAsOneLine(cells: PlacedLine[], left: number, right: number): boolean {
  const text = cells.map((c) => c.line.text.trim()).join(' ');
  // A justified line of a narrow column, its spaces stretched alike, from edge to edge.
  const size = cells[0]!.line.size;
  const gaps = cells.slice(1).map((c, i) => c.line.x0 - cells[i]!.line.x1);
  const mean = gaps.reduce((a, b) => a + b, 0) / gaps.length;
  const even = gaps.every((g) => Math.abs(g - mean) <= Math.max(size * 0.25, mean * 0.15));
  if (even && cells[0]!.line.x0 - left < size && right - cells[cells.length - 1]!.line.x1 < size) return true;
  if (leaderPattern.test(text)) return true;
  if (cells.length === 2 && /^(?:\d{1,3}(?:\.\d{1,3})*\.?|[A-Z]\.|[IVXLC]{1,5}\.?|[•◦▪‣●○■□∗*–—-])$/u.test(cells[0]!.line.text.trim())) return true;
  return cells.every((c) => monospaceShare(c.line) >= 0.6);
}

/** The share of a line's letters and digits set in a monospace font. */
function monospaceShare(line: TextLine): number {
  let all = 0;
  let mono = 0;
  for (const p of line.pieces) {
    const n = (p.text.match(/[\p{L}\p{N}]/gu) ?? []).length;
    all += n;
    if (p.monospace) mono += n;
  }
  return all ? mono / all : 0;
}

/** Cells of one baseline as one line. */
function mergeCells(cells: PlacedLine[]): PlacedLine {
  const first = cells[0]!;
  const pieces: Piece[] = [];
  for (const [i, c] of cells.entries()) {
    if (i > 0 && pieces.length) pieces[pieces.length - 1] = { ...pieces[pieces.length - 1]!, text: `${pieces[pieces.length - 1]!.text.replace(/\s+$/u, '')} ` };
    pieces.push(...c.line.pieces);
  }
  const sizes = cells.map((c) => c.line.size);
  const line: TextLine = {
    x0: Math.min(...cells.map((c) => c.line.x0)),
    x1: Math.max(...cells.map((c) => c.line.x1)),
    y: first.line.y,
    size: Math.max(...sizes),
    pieces,
    text: pieces.map((p) => p.text).join(''),
  };
  return { ...first, line };
}

/**
 * Where the lines of a region end when they are full: the right edge of its text block. A line
 * that overflows it (an unbreakable address) or ends short does not move it.
 */
function rightEdge(lines: TextLine[]): number {
  const ends = lines.filter((l) => l.text.length > 25).map((l) => l.x1).sort((a, b) => a - b);
  if (ends.length < 3) return Math.max(0, ...lines.map((l) => l.x1));
  return ends[Math.floor(ends.length * 0.8)]!;
}

type LineKind = 'heading' | 'code' | 'contents' | 'text';

/** The line of a row when that row is one line of text. */
function soleLine(row: Row | undefined): TextLine | undefined {
  return row?.kind === 'line' && row.cells.length === 1 ? row.cells[0]!.line : undefined;
}

/**
 * True when the bold line of row `index`, filled up to the right edge, goes on at a line's distance
 * through more such lines into one that starts bold and ends in other type, or that goes on with
 * the sentence in other type: a bold run that opens a paragraph, no heading.
 */
function boldRunsInto(rows: Row[], index: number, right: number, stats: DocumentStats): boolean {
  let line = soleLine(rows[index]);
  for (let k = index + 1; line && k < index + 8; k++) {
    const next = soleLine(rows[k]);
    if (!next) return false;
    // Filled: the next line's first word would not have fitted at its end.
    const charWidth = (next.x1 - next.x0) / Math.max(1, next.text.length);
    if (right - line.x1 > (unbreakableStart(next.text).length + 1.5) * charWidth) return false;
    const spacing = line.y - next.y;
    if (spacing <= 0 || spacing > Math.max(stats.lineSpacing, line.size * 1.1) * 1.32 || Math.abs(next.size - line.size) > line.size * 0.08) return false;
    const letters = next.pieces.filter((p) => /\p{L}/u.test(p.text));
    // The run ended at the line end, and the sentence goes on in other type (`: allez…`).
    if (!next.pieces[0]!.bold) return /^\s*[,;:.)»”\p{Ll}]/u.test(next.text);
    if (letters[0]?.bold !== true) return false;
    if (next.pieces.some((p) => !p.bold && /[^\s\p{P}]|[:;.,]/u.test(p.text) && p.x0 > letters[0]!.x0)) return true;
    line = next;
  }
  return false;
}

/** A line ending in a word cut by a hyphen, and a next line in bold type that starts in lowercase: the word's rest. */
function cutIntoBold(a: TextLine, b: TextLine): boolean {
  const letters = b.pieces.filter((p) => /\p{L}/u.test(p.text));
  return /\p{L}-$/u.test(a.text.trimEnd()) && /^\p{Ll}/u.test(b.text.trim()) && letters.length > 0 && letters.every((p) => p.bold);
}

function isHeadingLike(line: TextLine, stats: DocumentStats): boolean {
  const text = line.text.trim();
  if (text.length < 2 || !/\p{L}/u.test(text) || text.length > 220) return false;
  if (line.size >= stats.bodySize * 1.12) return true;
  if (/^\p{Ll}/u.test(text)) return false;
  const letters = line.pieces.filter((p) => /\p{L}/u.test(p.text));
  return letters.length > 0 && letters.every((p) => p.bold && !p.script) && line.size >= stats.bodySize * 0.95 && !/[.,;]$/u.test(text);
}

function lineKind(line: TextLine, stats: DocumentStats): LineKind {
  const text = line.text.trim();
  if (leaderPattern.test(text)) return 'contents';
  // Words in the text's font before or after an address make a sentence, not code.
  if (monospaceShare(line) >= 0.6 && line.pieces.filter((p) => !p.monospace).flatMap((p) => p.text.match(/\p{L}{2,}/gu) ?? []).length < 2) return 'code';
  if (isHeadingLike(line, stats)) return 'heading';
  return 'text';
}

function listMarker(line: TextLine): Proto['marker'] | undefined {
  const text = line.text;
  const bullet = bulletPattern.exec(text);
  if (bullet) return { ordered: false, length: bullet[0].length };
  const ordered = orderedPattern.exec(text);
  if (ordered) {
    const n = ordered[1] ?? ordered[4];
    return { ordered: true, start: n && /^\d+$/u.test(n) ? Number(n) : undefined, length: ordered[0].length };
  }
  return undefined;
}

/** Where an item's text starts, after its marker: its continuation lines hang there. */
function markerTextX(line: TextLine, markerLength: number): number {
  let seen = 0;
  for (const p of line.pieces) {
    if (seen + p.text.length > markerLength) {
      const share = (markerLength - seen) / Math.max(1, p.text.length);
      return p.x0 + (p.x1 - p.x0) * share;
    }
    seen += p.text.length;
  }
  return line.x0;
}

function noteMarkerLength(line: TextLine): number {
  const first = line.pieces[0];
  if (first?.script === 'super') return first.text.length;
  return noteMarker.exec(line.text)?.[0].length ?? 0;
}

/**
 * What a line starts with that no line could have broken inside: its first word, with the
 * guillemet before it and the signs after it that French sets with a no-break space
 * (`« Buffers ».`).
 */
function unbreakableStart(text: string): string {
  return /^(?:[«“]\s?)?\S+(?:\s?[»”;:!?]+\S*)*/u.exec(text.trimStart())?.[0] ?? '';
}

/** Does `next` go on with the block `block`, whose last line is `previous`? */
function continuesBlock(
  block: Proto,
  previous: PlacedLine,
  next: PlacedLine,
  kind: LineKind,
  marker: Proto['marker'] | undefined,
  edges: { left: number; right: number },
  stats: DocumentStats,
): boolean {
  const a = previous.line;
  const b = next.line;
  const spacing = a.y - b.y;
  if (spacing <= 0) return false;
  // Monospace type is often set smaller than the text around it.
  const tolerance = monospaceShare(a) > 0.3 || monospaceShare(b) > 0.3 ? 0.22 : 0.08;
  const sameSize = Math.abs(a.size - b.size) <= Math.max(a.size, b.size) * tolerance;
  switch (block.kind) {
    case 'heading':
      // A heading line that ends on a word no heading ends on (`de`, `et`, `l’`) goes on, into a
      // line too short or too plain to look like a heading by itself.
      // So does one that leaves a quotation or a parenthesis open, and one whose last word the
      // line end cut, into the rest of the word in the heading's bold type (`enregis-` + `trements`).
      return (kind === 'heading' || (!marker && (isFunctionWord(lastWord(a.text)) || leavesOpen(block.lines.map((l) => l.line.text).join(' ')) || cutIntoBold(a, b)))) && sameSize && spacing < Math.max(a.size, b.size) * 1.6 && block.lines.length < 4 && !endsSentence(a.text);
    case 'code':
      // Braces and other signs alone on a line of code may come from another font.
      // A blank line inside code leaves a gap of a line or two.
      return (kind === 'code' || (!/[\p{L}\p{N}]/u.test(b.text) && b.text.trim().length <= 6)) && spacing < stats.lineSpacing * 3.6;
    case 'contents':
      return kind === 'contents';
    case 'table':
      return false;
    default:
      break;
  }
  if (kind !== 'text' || marker || !sameSize) return false;
  if (spacing > Math.max(stats.lineSpacing, a.size * 1.1) * 1.32) return false;
  if (block.kind === 'item') {
    // An item goes on with lines that hang at its text, not with a line back at the margin.
    if (b.x0 <= (block.textX ?? a.x0) - b.size * 0.6) return false;
  } else {
    const indent = b.x0 - edges.left;
    if (stats.indents && indent > b.size * 0.8 && indent < b.size * 5 && a.x0 - edges.left < b.size * 0.5) return false;
    if (block.caption !== captionPattern.test(block.lines[0]!.line.text)) return false;
  }
  // A line the next word would have fitted on ended its paragraph (or a line break was wanted);
  // in an item, a sentence ended so ends the item's first paragraph, a second one hanging at its
  // text without a gap.
  if (!/[-\u2010\u00ad]$/u.test(a.text.trimEnd())) {
    const firstWord = unbreakableStart(b.text);
    const charWidth = (b.x1 - b.x0) / Math.max(1, b.text.length);
    const room = edges.right - a.x1;
    if (room > (firstWord.length + 1.5) * charWidth && endsSentence(a.text)) return false;
    if (room > (firstWord.length + 4) * charWidth && block.kind !== 'item') return false;
  }
  return true;
}

/**
 * The lines of a table's row whose cells wrapped: a row right under the last, at a line's
 * distance, with nothing in the first column and each of its cells under a cell of that row.
 * @returns for each cell of the last row, the lines to add to it; undefined when the row is a
 *   row of its own (or no table's)
 */
function wrappedCells(last: PlacedLine[][], cells: PlacedLine[], previous: PlacedLine): PlacedLine[][] | undefined {
  const starts = last.map((c) => c[0]!.line.x0);
  const size = previous.line.size;
  if (last.length < 2 || previous.line.y - cells[0]!.line.y > size * 1.6) return undefined;
  // Something in the first column starts a row, unless the first cell was cut after a hyphen
  // (`libfoo-` + `bar`) and the row leaves a column empty: the rest of that cell.
  const firstCut = /[-\u2010_/]$/u.test(last[0]!.at(-1)!.line.text.trimEnd());
  const first = cells.some((c) => c.line.x0 < starts[1]! - size * 0.5);
  if (first && !(firstCut && cells.length < last.length && /^[\p{Ll}\p{N}]/u.test(cells[0]!.line.text.trimStart()))) return undefined;
  const out: PlacedLine[][] = last.map(() => []);
  for (const c of cells) {
    const k = starts.findLastIndex((x) => x <= c.line.x0 + size * 0.5);
    // A cell must start at its column, or inside it (a line of the cell indented).
    if (k < (first ? 0 : 1) || c.line.x0 > (starts[k + 1] ?? Infinity)) return undefined;
    out[k]!.push(c);
  }
  return out;
}

/**
 * A code line too long for the page that the typesetter wrapped, marking the cut with an arrow
 * at the line end (`←↩`, `↩`, `↵`, as LaTeX's listings and dblatex do): one line again, the
 * arrow left out and listed.
 */
export function unwrapCode(lines: { text: string; origin: Origin }[], findings: StructureFinding[]): { text: string; origin: Origin }[] {
  const out: { text: string; origin: Origin }[] = [];
  let open = false;
  for (const line of lines) {
    if (open) out[out.length - 1]!.text += ` ${line.text.trim()}`;
    else out.push({ ...line });
    const last = out[out.length - 1]!;
    const mark = /\s*(?:←↩|↩|↵|⤶|↪)$/u.exec(last.text);
    open = !!mark && line !== lines[lines.length - 1];
    if (open) {
      last.text = last.text.slice(0, mark!.index);
      findings.push({ rule: 'pdf-page-join', severity: 'info', message: `A code line that the page wrapped (“${mark![0].trim()}” at its end) is one line again: the mark is left out.`, origin: line.origin });
    }
  }
  return out;
}

/** True when a text opens more guillemets or parentheses than it closes. */
function leavesOpen(text: string): boolean {
  const count = (re: RegExp): number => text.match(re)?.length ?? 0;
  return count(/«/gu) > count(/»/gu) || count(/\(/gu) > count(/\)/gu);
}

/** Does the first block of a new region go on with the last block of the one before? */
function joinsAcrossBreak(last: Proto, next: Proto, stats: DocumentStats, left: number, lastRight?: number): boolean {
  // Code that a page break cut goes on as the same block.
  if (last.kind === 'code' && next.kind === 'code') return true;
  if (!(last.kind === 'paragraph' || last.kind === 'item') || next.kind !== 'paragraph' || next.caption || last.caption) return false;
  const a = last.lines[last.lines.length - 1]!.line;
  const b = next.lines[0]!.line;
  // Monospace type is often set smaller than the text around it.
  const tolerance = monospaceShare(a) > 0.3 || monospaceShare(b) > 0.3 ? 0.22 : 0.08;
  if (Math.abs(a.size - b.size) > Math.max(a.size, b.size) * tolerance) return false;
  if (/[-\u2010\u00ad]$/u.test(a.text.trimEnd())) return true;
  // An address cut at the break goes on, however short its first part left the line.
  if (cutAddress(a.text.trimEnd(), b.text)) return true;
  // A line that ended well short of its column's edge ended its paragraph (a term of a
  // description list at a page's foot, its definition on the next page).
  const charWidth = (b.x1 - b.x0) / Math.max(1, b.text.length);
  if (lastRight !== undefined && lastRight - a.x1 > (unbreakableStart(b.text).length + 4) * charWidth) return false;
  if (!endsSentence(a.text) && !/[:»”)]$/u.test(a.text.trim())) return true;
  // A sentence ended at the break: the paragraph goes on only when paragraphs are known by their indent.
  return stats.indents && b.x0 - left < b.size * 0.5;
}

/**
 * Heading levels from the sizes headings use: the largest first, bold before regular of one
 * size. Sizes used only once, on the first page (a cover's lines), do not take a level of their
 * own; the largest of them, if it is the largest of the document, is the title.
 */
function headingLevels(protos: Proto[], stats: DocumentStats): Map<Proto, number> {
  const headings = protos.filter((p) => p.kind === 'heading');
  const key = (p: Proto): number => Math.round(p.size * 2) / 2;
  const styleRank = (p: Proto): number => key(p) * 2 + (p.bold ? 1 : 0);
  const uses = new Map<number, Proto[]>();
  for (const h of headings) uses.set(styleRank(h), [...(uses.get(styleRank(h)) ?? []), h]);
  const coverOnly = (r: number): boolean => {
    const list = uses.get(r)!;
    return list.length === 1 && list[0]!.lines[0]!.page === 1;
  };
  const ranked = [...uses.keys()].filter((r) => !coverOnly(r)).sort((a, b) => b - a);
  // Ranks closer than half a point of size are one level.
  const levelOf = new Map<number, number>();
  let level = 1;
  ranked.forEach((r, i) => {
    if (i > 0 && ranked[i - 1]! - r >= 1) level += 1;
    levelOf.set(r, level);
  });
  const levels = new Map<Proto, number>();
  const largest = Math.max(...headings.map((h) => h.size));
  let titled = false;
  for (const h of headings) {
    const r = styleRank(h);
    if (coverOnly(r)) {
      const isTitle = !titled && h.size >= largest - 0.01 && h.size >= stats.bodySize * 1.3;
      if (isTitle) titled = true;
      levels.set(h, isTitle ? 1 : 2);
    } else levels.set(h, Math.min(6, (levelOf.get(r) ?? 1) + 1));
  }
  return levels;
}

/** Nesting of a list item: by where its marker is, among the items before it. */
function itemDepth(item: Proto, protos: Proto[], stats: DocumentStats): number {
  const i = protos.indexOf(item);
  const x = item.lines[0]!.line.x0;
  let depth = 0;
  const stack: number[] = [];
  for (let k = i - 1; k >= 0; k--) {
    const p = protos[k]!;
    if (p.kind !== 'item') break;
    stack.push(p.lines[0]!.line.x0);
  }
  const bases = [...new Set(stack.map((v) => Math.round(v / (stats.bodySize * 0.5))))].map((v) => v * stats.bodySize * 0.5);
  for (const b of bases) if (x > b + stats.bodySize * 0.9) depth = Math.max(depth, bases.filter((c) => x > c + stats.bodySize * 0.9).length);
  return Math.min(depth, 3);
}

/**
 * The spans of a block's lines, each line joined to the next: with a space, without one after an
 * apostrophe, and across a hyphen that only cut a word.
 */
function joinLines(lines: PlacedLine[], skipFirst: number, notes: Map<number, Map<string, string>>, lexicon: Lexicon | undefined, findings: StructureFinding[], seen?: DocumentWords, cell = false): Span[] {
  const spans: Span[] = [];
  lines.forEach((placed, index) => {
    const own = lineSpans(placed, index === 0 ? skipFirst : 0, notes.get(placed.page));
    if (index > 0 && spans.length && own.length) {
      const last = spans[spans.length - 1]!;
      const next = own.find((s) => s.text.length > 0);
      last.text = last.text.replace(/\s+$/u, '');
      const hyphen = /([\p{L}]+)[-\u2010\u00ad]$/u.exec(last.text);
      const nextWord = next ? /^\p{L}+/u.exec(next.text)?.[0] : undefined;
      if (hyphen && nextWord) {
        // A name whose part before the cut holds a digit, a sign or a hyphen already
        // (`libfoo-doc-` + `extra`) keeps it, unless its last part joined is a known word.
        const token = /\S*$/u.exec(last.text.slice(0, -1 - hyphen[1]!.length))![0];
        const name = /[\p{N}_:./-]/u.test(token) && !last.text.endsWith('\u00ad') && !!lexicon && !lexicon.has(hyphen[1]! + nextWord);
        // Monospace type is not hyphenated (LaTeX turns it off for typewriter fonts, and code is
        // set unbroken): a hyphen at the end of a monospace word is the name's own (`foo-` + `lite`).
        const code = !!last.code && !!next!.code && !last.text.endsWith('\u00ad');
        // In a table's cell, where narrow columns break names after their hyphens
        // (`zorb-` + `outils`), a hyphen goes only when it cut a word the lexicon knows.
        const joined = (hyphen[1]! + nextWord).toLocaleLowerCase('fr');
        const named = cell && !!lexicon && !lexicon.has(joined) && !seen?.words.has(joined) && !last.text.endsWith('\u00ad');
        const keep = name || code || named || keepHyphen(hyphen[1]!, nextWord, last.text.endsWith('\u00ad'), lexicon, seen);
        if (!keep) {
          last.text = last.text.slice(0, -1);
          if (lexicon && !lexicon.has(hyphen[1]! + nextWord)) {
            findings.push({
              rule: 'pdf-hyphen',
              severity: 'info',
              message: `“${hyphen[1]}-” + “${nextWord}” at a line end was read as one word cut by hyphenation: “${hyphen[1]}${nextWord}”, which the lexicon does not know. Check it.`,
              origin: next!.origin,
            });
          }
        }
      } else if (!joinsWithoutSpace(last.text, next?.text ?? '', cell)) {
        last.text += ' ';
      }
    }
    spans.push(...own);
  });
  return mergeSpans(spans);
}

/**
 * Whether a line ending on `before` meets the next, starting with `after`, without a space:
 * after an apostrophe or a slash, before a closing sign, inside an address or an option cut at the
 * line end, after a name's hyphen that a number's end cannot be (`python3-` + `foo`), and in a
 * table's narrow cell inside a value cut after its colon (`V:` + `12`). Words cut by
 * hyphenation are the caller's (`keepHyphen`).
 */
export function joinsWithoutSpace(before: string, after: string, cell: boolean): boolean {
  return (
    /['’/]$/u.test(before) ||
    /^[,.;:)\]]/u.test(after) ||
    cutAddress(before, after) ||
    cutOption(before, after) ||
    (/\p{N}-$/u.test(before) && /^[\p{L}\p{N}]/u.test(after)) ||
    (cell && /\p{L}:$/u.test(before) && /^\p{N}/u.test(after))
  );
}

/**
 * A web address cut at a line end, anywhere (browsers and TeX break long addresses without a
 * hyphen): the line ends inside an address that the next line goes on with.
 */
function cutAddress(before: string, after: string): boolean {
  // Cut inside its scheme: `(htt` + `ps://…`.
  const scheme = /(?:^|[\s(«"'<])(h(?:t(?:t(?:p(?:s?:?\/?)?)?)?)?)$/u.exec(before)?.[1];
  if (scheme && /^https?:\/\/[^\s()<>«»]/u.test(scheme + after)) return true;
  const tail = /(?:https?:\/\/|www\.)[^\s()<>«»]*$/u.exec(before)?.[0];
  if (!tail) return false;
  // A dot at the cut ends the sentence, unless the host's name goes on (`example.` + `org/page`).
  if (/[.,;:!?]$/u.test(tail)) return /\.$/u.test(tail) && /^\p{Ll}[\p{Ll}\d-]*\/\S/u.test(after);
  // A capital after the cut starts a sentence, unless the address was cut after a joining sign.
  return /^[^\s()«»]*[\p{L}\p{N}/._~%#?=&-]/u.test(after) && (!/^\p{Lu}\p{Ll}/u.test(after) || /[_\-=&#%]$/u.test(tail));
}

/** The words a document writes inside its lines, to tell how it spells a word cut at a line end. */
interface DocumentWords {
  /** Hyphenated words (`porte-avions`), lower-cased. */
  compounds: Set<string>;
  /** Words without hyphen, lower-cased. */
  words: Set<string>;
}

function documentWords(pages: readonly StructurePage[]): DocumentWords {
  const compounds = new Set<string>();
  const words = new Set<string>();
  for (const page of pages) {
    const lines = [...page.regions.flatMap((r) => r.items.flatMap((i) => (i.kind === 'line' ? [i.placed.line] : []))), ...page.notes.flatMap((n) => n.lines.map((l) => l.line))];
    for (const line of lines) {
      // A line's last word may be cut: only what stands before it counts.
      const text = line.text.replace(/\S*$/u, '').toLocaleLowerCase('fr');
      for (const m of text.matchAll(/\p{L}+(?:-\p{L}+)+/gu)) compounds.add(m[0]);
      for (const m of text.matchAll(/(?<![\p{L}-])\p{L}+(?![\p{L}-])/gu)) words.add(m[0]);
    }
  }
  return { compounds, words };
}

/** A command's option cut after its dashes (`« w3m -` + `dump »`): browsers break after a hyphen. */
function cutOption(before: string, after: string): boolean {
  return /(?:^|[\s«(])--?$/u.test(before) && /^[a-z][a-z0-9-]*(?=[\s»),.;:]|$)/u.test(after);
}

/**
 * Whether a hyphen at a line end belongs to the word: `porte-` + `avions` keeps it (a compound
 * the lexicon knows, two words, a combining form such as `gréco-` before a word, or a capital
 * after it), `réhabi-` + `litation` loses it.
 */
export function keepHyphen(head: string, tail: string, soft: boolean, lexicon?: Lexicon, seen?: DocumentWords): boolean {
  if (soft) return false;
  if (/^\p{Lu}/u.test(tail)) return true;
  // The document's own spelling elsewhere, inside a line, decides first (`libfoo-bar`,
  // `protocol`: words no French lexicon has).
  const key = (w: string): string => w.toLocaleLowerCase('fr');
  if (seen?.compounds.has(key(`${head}-${tail}`))) return true;
  if (seen?.words.has(key(head + tail))) return false;
  if (!lexicon) return false;
  const joined = head + tail;
  const compound = `${head}-${tail}`;
  if (lexicon.has(compound)) return true;
  if (lexicon.has(joined)) return false;
  // Two words, or a combining form in -o before a word (`franco-`, `indo-`): a compound.
  return (head.length > 1 && lexicon.has(head) && lexicon.has(tail) && tail.length > 2) || (/o$/u.test(head) && head.length >= 3 && lexicon.has(tail));
}

/** The spans of one line. Superscript numbers the page's notes answer become references. */
function lineSpans(placed: PlacedLine, skip: number, notes: Map<string, string> | undefined): Span[] {
  const spans: Span[] = [];
  let column = 1;
  let skipLeft = skip;
  for (const piece of placed.line.pieces) {
    let text = piece.text;
    let start = column;
    column += text.length;
    if (skipLeft > 0) {
      const cut = Math.min(skipLeft, text.length);
      text = text.slice(cut);
      start += cut;
      skipLeft -= cut;
      if (!text) continue;
    }
    const origin: Origin = { page: placed.page, line: placed.number, column: start };
    const base = { bold: piece.bold, italic: piece.italic, code: piece.monospace, ...(piece.link ? { link: piece.link } : {}), origin };
    if (piece.script === 'super') {
      const labels = text.split(/[,\s]+/u).filter(Boolean);
      if (labels.length && notes && labels.every((l) => notes.has(l))) {
        for (const l of labels) spans.push({ ...base, text: '', ref: notes.get(l)!, bold: false, italic: false, code: false });
        const trailing = /\s+$/u.exec(text)?.[0];
        if (trailing) spans.push({ ...base, text: trailing, bold: false, italic: false });
        continue;
      }
      const call = labels.length === 1 && /^\d{1,3}$/u.test(labels[0]!) ? { call: labels[0]! } : {};
      const raised = superscript(text, spans);
      // A call keeps the space after it apart: linked to a note later, its text goes.
      const after = call.call ? (/\s+$/u.exec(raised)?.[0] ?? '') : '';
      spans.push({ ...base, text: raised.slice(0, raised.length - after.length), ...call });
      if (after) spans.push({ ...base, text: after, bold: false, italic: false });
      continue;
    }
    if (piece.script === 'sub') {
      spans.push({ ...base, text: subscript(text) });
      continue;
    }
    spans.push({ ...base, text });
  }
  return spans;
}

const superDigits: Record<string, string> = { '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹', '+': '⁺', '-': '⁻', '(': '⁽', ')': '⁾' };
const subDigits: Record<string, string> = { '0': '₀', '1': '₁', '2': '₂', '3': '₃', '4': '₄', '5': '₅', '6': '₆', '7': '₇', '8': '₈', '9': '₉', '+': '₊', '-': '₋' };

/** A superscript in Unicode where it has one: ordinals after a number (`1er` → `1ᵉʳ`), digits. */
function superscript(text: string, before: Span[]): string {
  const previous = before[before.length - 1]?.text ?? '';
  const t = text.trim();
  const number = /(\d+|\b[IVXLC]+)$/u.exec(previous)?.[1];
  const ordinal = number === undefined ? undefined : superscriptOrdinal(number, t);
  if (ordinal !== undefined) return keepSpaces(text, ordinal);
  if (/^[\d+\-()]+$/u.test(t)) return keepSpaces(text, [...t].map((c) => superDigits[c] ?? c).join(''));
  return text;
}

function subscript(text: string): string {
  const t = text.trim();
  return /^[\d+-]+$/u.test(t) ? keepSpaces(text, [...t].map((c) => subDigits[c] ?? c).join('')) : text;
}

/** The script's characters in place of its text, with the word spaces around it (`R₁ la`). */
function keepSpaces(text: string, script: string): string {
  return (/^\s*/u.exec(text)?.[0] ?? '') + script + (/\s*$/u.exec(text)?.[0] ?? '');
}

/** Joins neighbouring spans of the same style. */
function mergeSpans(spans: Span[]): Span[] {
  const out: Span[] = [];
  for (const s of spans) {
    const last = out[out.length - 1];
    if (last && !last.ref && !s.ref && !last.call && !s.call && last.bold === s.bold && last.italic === s.italic && last.code === s.code && last.link === s.link) {
      last.text += s.text;
    } else out.push({ ...s });
  }
  return out.filter((s) => s.ref || s.text.length > 0);
}

function trimStart(spans: Span[]): Span[] {
  while (spans.length && !spans[0]!.ref && !spans[0]!.text.trim()) spans.shift();
  if (spans[0] && !spans[0].ref) spans[0] = { ...spans[0], text: spans[0].text.replace(/^\s+/u, '') };
  return spans;
}

/** Keeps the first `n` characters of the spans' text. */
function cutAfter(spans: Span[], n: number): void {
  let seen = 0;
  for (let i = 0; i < spans.length; i++) {
    const s = spans[i]!;
    if (seen + s.text.length >= n) {
      s.text = s.text.slice(0, n - seen);
      spans.length = i + 1;
      return;
    }
    seen += s.text.length;
  }
}

function plainText(spans: Span[]): string {
  return spans.map((s) => s.text).join('').trim();
}

function clip(text: string, n = 60): string {
  return text.length <= n ? text : `${text.slice(0, n)}…`;
}
