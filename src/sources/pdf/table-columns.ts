/**
 * The columns of a table read from the page: where most of its rows start a cell. A browser sets
 * a table's cells with little white between them, sometimes less than a line cuts at, so that two
 * cells of a row are read as one line (`512 plan→carte`, `zorb V:3,`); where such a line has a
 * word starting exactly where the other rows start a column, it is two cells, cut there.
 *
 * Not for: finding the rows of a table, or the lines of a cell that wrapped (`structure.ts`).
 */
import type { Piece, PlacedLine, TextLine } from './lines.ts';

/** A table: rows of cells, each cell its lines. */
export type TableRows = PlacedLine[][][];

/**
 * Cuts the cells of a table that hold the starts of two columns.
 * @param rows the table's rows, each cell its lines top to bottom
 * @returns the rows with those cells cut, and how many cuts were made
 */
export function splitJoinedCells(rows: TableRows): { rows: TableRows; cuts: number } {
  const sizes = rows.flat(2).map((l) => l.line.size).sort((a, b) => a - b);
  const size = sizes[Math.floor(sizes.length / 2)] ?? 10;
  const columns = columnStarts(rows, size);
  if (columns.length < 2) return { rows, cuts: 0 };
  let cuts = 0;
  const out = rows.map((cells) =>
    cells.flatMap((cell, i) => {
      const next = cells[i + 1]?.[0]?.line.x0 ?? Infinity;
      const parts = [cell];
      for (const column of columns) {
        const last = parts[parts.length - 1]!;
        if (column <= last[0]!.line.x0 + size * 0.5 || column >= next - size * 0.5) continue;
        const split = splitCell(last, column, size);
        if (!split) continue;
        parts.splice(parts.length - 1, 1, ...split);
        cuts += 1;
      }
      return parts;
    }),
  );
  return { rows: out, cuts };
}

/** Where at least two rows, and a quarter of them, start a cell: the left edges of the columns. */
function columnStarts(rows: TableRows, size: number): number[] {
  const starts = rows.flatMap((cells, row) => cells.map((c) => ({ x: c[0]!.line.x0, row }))).sort((a, b) => a.x - b.x);
  const columns: number[] = [];
  let group: typeof starts = [];
  const close = (): void => {
    if (new Set(group.map((s) => s.row)).size >= Math.max(2, rows.length * 0.25)) columns.push(group[0]!.x);
    group = [];
  };
  for (const s of starts) {
    if (group.length && s.x - group[group.length - 1]!.x > size * 0.5) close();
    group.push(s);
  }
  if (group.length) close();
  return columns;
}

/**
 * A cell's lines cut at a column's left edge: each line across it cut where a word starts there,
 * each line beyond it moved to the new cell. Undefined when a line crosses the edge inside a word
 * (a cell that spans two columns, or text running over) or nothing is cut.
 */
function splitCell(lines: PlacedLine[], column: number, size: number): [PlacedLine[], PlacedLine[]] | undefined {
  const left: PlacedLine[] = [];
  const right: PlacedLine[] = [];
  let cut = false;
  for (const placed of lines) {
    const line = placed.line;
    if (line.x0 >= column - size * 0.3) right.push(placed);
    else if (line.x1 <= column) left.push(placed);
    else {
      const parts = cutLineAt(placed, column, size);
      if (!parts) return undefined;
      left.push(parts[0]);
      right.push(parts[1]);
      cut = true;
    }
  }
  return cut && left.length && right.length ? [left, right] : undefined;
}

/** A line cut before its word that starts at `x` (within a third of a letter), or undefined. */
function cutLineAt(placed: PlacedLine, x: number, size: number): [PlacedLine, PlacedLine] | undefined {
  const pieces = placed.line.pieces;
  for (const [p, piece] of pieces.entries()) {
    const word = piece.words?.find((w) => Math.abs(w.x - x) <= size * 0.35);
    if (!word) continue;
    const head: Piece = { ...piece, text: piece.text.slice(0, word.at), x1: Math.min(piece.x1, word.x), words: piece.words!.filter((w) => w.at < word.at) };
    const tail: Piece = { ...piece, text: piece.text.slice(word.at), x0: word.x, words: piece.words!.filter((w) => w.at > word.at).map((w) => ({ at: w.at - word.at, x: w.x })) };
    const before = [...pieces.slice(0, p), head].filter((q) => q.text.trim());
    if (!before.length) return undefined;
    const last = before[before.length - 1]!;
    before[before.length - 1] = { ...last, text: last.text.trimEnd() };
    return [withPieces(placed, before), withPieces(placed, [tail, ...pieces.slice(p + 1)])];
  }
  return undefined;
}

function withPieces(placed: PlacedLine, pieces: Piece[]): PlacedLine {
  const line: TextLine = {
    ...placed.line,
    x0: Math.min(...pieces.map((q) => q.x0)),
    x1: Math.max(...pieces.map((q) => q.x1)),
    pieces,
    text: pieces.map((q) => q.text).join(''),
  };
  return { ...placed, line };
}
