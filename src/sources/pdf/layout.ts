/**
 * Reading order on a page: the lines (and images) of the page cut into regions the way a reader
 * reads them — columns left to right, what spans the columns before or after them, a caption
 * with the figure it stands beside — each region top to bottom.
 *
 * A recursive XY cut (Nagy & Seth), with two guards learned from typeset pages: a gutter is a
 * column gutter only when the text on both sides fills its width (a table's cells or a
 * description list's terms leave the same white band, but are short and ragged), and a line
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
    ...lines.map((line): Box => ({ item: { kind: 'line', line }, x0: line.x0, x1: line.x1, top: line.y + line.size * 0.75, bottom: line.y - line.size * 0.25 })),
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
    const { left, right, crossing } = gutter;
    const sides = [...left, ...right];
    const sidesTop = Math.max(...sides.map((b) => b.top));
    const sidesBottom = Math.min(...sides.map((b) => b.bottom));
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
  // A few crossing boxes are allowed only where there are many (a page of columns under a title).
  const allowed = narrow.length >= 20 ? Math.floor(narrow.length * 0.05) : 0;
  let best: { from: number; to: number } | undefined;
  for (let x = Math.ceil(width * 0.2); x < Math.floor(width * 0.8); ) {
    if (cover[x]! > allowed) {
      x += 1;
      continue;
    }
    let end = x;
    while (end + 1 < bins && cover[end + 1]! <= allowed) end += 1;
    if (end - x >= size * 0.9 && (!best || end - x > best.to - best.from)) best = { from: x0 + x, to: x0 + end };
    x = end + 1;
  }
  if (!best) return undefined;
  const left = boxes.filter((b) => b.x1 <= best.from + 0.5);
  const right = boxes.filter((b) => b.x0 >= best.to - 0.5);
  const crossing = boxes.filter((b) => !left.includes(b) && !right.includes(b));
  if (!isColumn(left, best.from, size) || !isColumn(right, x1, size)) return undefined;
  return { left, right, crossing };
}

/** Text that fills its side (several lines, most of them reaching near its right edge), or a figure. */
function isColumn(side: Box[], edge: number, size: number): boolean {
  const lines = side.filter((b) => b.item.kind === 'line');
  // A figure, with at most a short caption beside it.
  if (lines.length < side.length && lines.length <= 3) return true;
  if (lines.length < 3) return false;
  const x0 = Math.min(...lines.map((b) => b.x0));
  const right = Math.max(...lines.map((b) => b.x1));
  const sideWidth = Math.max(right, Math.min(edge, right)) - x0;
  if (sideWidth < size * 8) return false;
  const full = lines.filter((b) => b.x1 - b.x0 > sideWidth * 0.6).length;
  return full >= lines.length * 0.5;
}
