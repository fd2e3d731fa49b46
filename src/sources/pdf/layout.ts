/**
 * Reading order on a page: the lines (and images) of the page cut into regions the way a reader
 * reads them — columns left to right, what spans the columns before or after them, a caption
 * with the figure it stands beside — each region top to bottom.
 *
 * A recursive XY cut (Nagy & Seth), with two guards learned from typeset pages: a gutter is a
 * column gutter only when the text on both sides fills its width (a table's cells or a
 * description list's terms leave the same white band, but are short and ragged; a cell of a
 * table drawn with rules stands for its whole row), and a line
 * that crosses the gutter (a title over two columns, a wide figure) cuts the page across first.
 *
 * Not for: what the lines are (`structure.ts`).
 */
import type { TextLine } from './lines.ts';
import type { PlacedImage } from './page-text.ts';

/** A line, or an image, in the order of reading. */
export type LayoutItem = { kind: 'line'; line: TextLine } | { kind: 'image'; image: PlacedImage };

interface Box {
  item: LayoutItem;
  x0: number;
  x1: number;
  /** Top and bottom (PDF units, y upwards: top > bottom). */
  top: number;
  bottom: number;
}

/**
 * Orders a page's lines and images for reading.
 * @returns the regions, in reading order; each region's items top to bottom
 */
export function readingOrder(lines: readonly TextLine[], images: readonly PlacedImage[] = []): LayoutItem[][] {
  const boxes: Box[] = [
    // A cell of a ruled table stands for its whole row: no gutter runs between a table's columns.
    ...lines.map((line): Box => ({ item: { kind: 'line', line }, x0: line.row?.x0 ?? line.x0, x1: line.row?.x1 ?? line.x1, top: line.y + line.size * 0.75, bottom: line.y - line.size * 0.25 })),
    ...images.map((image): Box => ({ item: { kind: 'image', image }, x0: image.x, x1: image.x + image.width, top: image.y + image.height, bottom: image.y })),
  ];
  if (!boxes.length) return [];
  const sizes = lines.map((l) => l.size).sort((a, b) => a - b);
  const size = sizes[Math.floor(sizes.length / 2)] ?? 12;
  return cut(boxes, size, 0).map((region) => region.map((b) => b.item));
}

function topDown(boxes: Box[]): Box[] {
  return boxes.slice().sort((a, b) => b.top - a.top || a.x0 - b.x0);
}

function cut(boxes: Box[], size: number, depth: number): Box[][] {
  if (boxes.length < 2 || depth > 40) return [topDown(boxes)];
  const gutter = findGutter(boxes, size);
  if (gutter) {
    // What the left side holds above the right side's top is not yet in columns (the end of a
    // paragraph over a table, before the table's cells start): it is read first either way.
    const rightTop = Math.max(...gutter.right.map((b) => b.top));
    const early = (b: Box): boolean => b.bottom >= rightTop && gutter.left.some((o) => o.bottom < rightTop);
    const left = gutter.left.filter((b) => !early(b));
    const right = gutter.right;
    const crossing = [...gutter.crossing, ...gutter.left.filter(early)];
    const sides = [...left, ...right];
    const sidesTop = Math.max(...sides.map((b) => b.top));
    const sidesBottom = Math.min(...sides.map((b) => b.bottom));
    const spanning = spanningHeading(left, right, size);
    if (spanning) {
      const upper = boxes.filter((b) => !spanning.includes(b) && b.bottom >= spanning[0]!.top - size * 0.3);
      const lower = boxes.filter((b) => !spanning.includes(b) && !upper.includes(b));
      if (upper.length && lower.length) return [...cut(upper, size, depth + 1), topDown(spanning), ...cut(lower, size, depth + 1)];
    }
    const above = crossing.filter((b) => b.bottom >= sidesTop - size * 0.3);
    const below = crossing.filter((b) => b.top <= sidesBottom + size * 0.3);
    if (above.length + below.length === crossing.length) {
      return [...(above.length ? cut(above, size, depth + 1) : []), ...cut(left, size, depth + 1), ...cut(right, size, depth + 1), ...(below.length ? cut(below, size, depth + 1) : [])];
    }
    // A line across the gutter in the middle (a title between two sets of columns): cut across it.
    const middle = crossing.filter((b) => !above.includes(b) && !below.includes(b)).sort((a, b) => b.top - a.top)[0]!;
    const upper = boxes.filter((b) => b !== middle && b.bottom >= middle.top - size * 0.3);
    const lower = boxes.filter((b) => b !== middle && !upper.includes(b));
    if (upper.length && lower.length && upper.length + lower.length + 1 === boxes.length) {
      return [...cut(upper, size, depth + 1), [middle], ...cut(lower, size, depth + 1)];
    }
  }
  return [topDown(boxes)];
}

/**
 * A heading in larger type at the left of two columns with white beside it, where the right
 * column stops above it and starts again below it: a heading across both sets of columns, too
 * short to cross the gutter (WeasyPrint's `column-span: all`, each part's columns balanced).
 * Returns its lines (a heading over two lines), or undefined.
 */
function spanningHeading(left: Box[], right: Box[], size: number): Box[] | undefined {
  const large = (b: Box): boolean => b.item.kind === 'line' && b.item.line.size >= size * 1.15;
  for (const first of left.filter(large).sort((a, b) => b.top - a.top)) {
    const lines = [first];
    for (let next = left.find((b) => b !== first && large(b) && b.top < first.bottom + size * 0.2 && b.top > first.bottom - size * 2); next; ) {
      lines.push(next);
      const last = next;
      next = left.find((b) => !lines.includes(b) && large(b) && b.top < last.bottom + size * 0.2 && b.top > last.bottom - size * 2);
    }
    const top = first.top;
    const bottom = Math.min(...lines.map((b) => b.bottom));
    if (!right.some((r) => r.bottom >= top) || !right.some((r) => r.top <= bottom)) continue;
    if (right.some((r) => r.top > bottom - size * 0.5 && r.bottom < top + size * 0.5)) continue;
    return lines;
  }
  return undefined;
}

/**
 * A white band down the boxes, wide as a gutter, with text filling each side: two columns.
 * Returns the boxes of each side and those that cross the band.
 */
function findGutter(boxes: Box[], size: number): { left: Box[]; right: Box[]; crossing: Box[] } | undefined {
  const x0 = Math.min(...boxes.map((b) => b.x0));
  const x1 = Math.max(...boxes.map((b) => b.x1));
  const width = x1 - x0;
  if (width < size * 10) return undefined;
  // Boxes that span most of the width (titles, wide figures) do not hide a gutter.
  const narrow = boxes.filter((b) => b.x1 - b.x0 < width * 0.6);
  if (narrow.length < 4) return undefined;
  // How many boxes cover each point of the width; a gutter is a band that (almost) none covers:
  // a short title or a running head over both columns may cross it.
  const bins = Math.ceil(width) + 1;
  const cover = new Int32Array(bins);
  for (const b of narrow) for (let x = Math.max(0, Math.floor(b.x0 - x0)); x <= Math.min(bins - 1, Math.ceil(b.x1 - x0)); x++) cover[x]! += 1;
  // The band the fewest boxes cover, as wide as a gutter: first one no box covers, then one a
  // few boxes cover (a title across the columns, a table's cell overflowing into the gutter),
  // where there are many boxes.
  const most = narrow.length >= 20 ? Math.floor(narrow.length * 0.15) : 0;
  for (let allowed = 0; allowed <= most; allowed++) {
    let best: { from: number; to: number } | undefined;
    for (let x = Math.ceil(width * 0.2); x < Math.floor(width * 0.8); ) {
      if (cover[x]! > allowed) {
        x += 1;
        continue;
      }
      let end = x;
      while (end + 1 < bins && cover[end + 1]! <= allowed) end += 1;
      if (end - x >= size * (allowed ? 0.5 : 0.9) && (!best || end - x > best.to - best.from)) best = { from: x0 + x, to: x0 + end };
      x = end + 1;
    }
    if (!best) continue;
    const band = best;
    // A box that reaches into the band from one side belongs to that side; one across it crosses.
    const left = boxes.filter((b) => b.x1 <= band.to + 0.5 && b.x0 < band.from);
    const right = boxes.filter((b) => b.x0 >= band.from - 0.5 && b.x1 > band.to && !left.includes(b));
    const crossing = boxes.filter((b) => !left.includes(b) && !right.includes(b));
    if (!isColumn(left, band.from, size) || !isColumn(right, x1, size)) continue;
    // A band that boxes cover is a gutter only if what crosses it is above or below the columns,
    // or a heading between them, or reaches a little over it (a table's cell): running text
    // across it, well into both sides, says it is one column after all.
    if (allowed > 0 && crossing.length) {
      const sides = [...left, ...right];
      const top = Math.max(...sides.map((b) => b.top));
      const bottom = Math.min(...sides.map((b) => b.bottom));
      const heading = (b: Box): boolean => b.item.kind === 'line' && (b.item.line.size >= size * 1.1 || b.item.line.pieces.every((p) => p.bold || !p.text.trim()));
      const across = (b: Box): boolean => b.x0 < band.from - width * 0.2 && b.x1 > band.to + width * 0.2;
      if (crossing.some((b) => b.bottom < top - size * 0.3 && b.top > bottom + size * 0.3 && !heading(b) && across(b))) continue;
    }
    return { left, right, crossing };
  }
  return undefined;
}

/**
 * Text that fills its side (several rows of type, most reaching near its right edge; the cells
 * of a table's row together), or a figure. Not rows that are mostly cells side by side: those are
 * a table's first columns.
 */
function isColumn(side: Box[], edge: number, size: number): boolean {
  const lines = side.filter((b) => b.item.kind === 'line');
  // A figure, with at most a short caption beside it.
  if (lines.length < side.length && lines.length <= 3) return true;
  if (lines.length < 3) return false;
  const x0 = Math.min(...lines.map((b) => b.x0));
  const right = Math.max(...lines.map((b) => b.x1));
  const sideWidth = Math.max(right, Math.min(edge, right)) - x0;
  if (sideWidth < size * 8) return false;
  const rows: { y: number; x0: number; x1: number; cells: number }[] = [];
  for (const b of lines.slice().sort((a, c) => c.bottom - a.bottom)) {
    const row = rows.find((r) => Math.abs(r.y - b.bottom) < size * 0.3);
    if (row) {
      row.x0 = Math.min(row.x0, b.x0);
      row.x1 = Math.max(row.x1, b.x1);
      row.cells += 1;
    } else rows.push({ y: b.bottom, x0: b.x0, x1: b.x1, cells: 1 });
  }
  // One row of words (a justified line cut at its wide spaces) is no column.
  if (rows.length < 3) return false;
  const full = rows.filter((r) => r.x1 - r.x0 > sideWidth * 0.6).length;
  // Nor are rows most of which are cells side by side: the first columns of a table, which the
  // white between two of its columns does not make a page's column — unless lines of running
  // text fill the side besides them (a column holding a table, or a figure's labels, among its
  // paragraphs).
  const filled = rows.filter((r) => r.cells === 1 && r.x1 - r.x0 > sideWidth * 0.85).length;
  if (rows.filter((r) => r.cells >= 2).length >= rows.length * 0.5 && (filled < 4 || filled < rows.length * 0.2)) return false;
  // A long side may hold a table or a list among its paragraphs.
  return full >= rows.length * (rows.length >= 10 ? 0.25 : 0.5);
}
