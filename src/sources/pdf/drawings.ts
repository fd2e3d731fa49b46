/**
 * Vector drawings on a page (circuit diagrams, charts, schemes): many painted paths close
 * together. The short lines of text set inside a drawing are its labels (`GND`, `A1`, an axis's
 * unit), which mean nothing in the running text without the drawing; the reader leaves them out
 * and lists them. A scheme's boxes apart from each other make one drawing with the lines and
 * arrows that join them. Table rules and cell backgrounds are not drawings: rules are thin, and
 * backgrounds span the whole width of what they are part of.
 */
import type { TextLine } from './lines.ts';
import type { PlacedImage } from './page-text.ts';

/** Fewest shapes that make a drawing. */
const minShapes = 4;
/** Shapes closer than this (points) belong to one drawing (an arrow stops a few points short of its box). */
const reach = 6;

/**
 * The boxes of the drawings of a page.
 * @param paths the boxes of every painted path
 */
export function findDrawings(paths: readonly PlacedImage[]): PlacedImage[] {
  // Thin lines join the shapes they touch (the lines and arrows between a scheme's boxes), but
  // count as parts only while they are fewer than the shapes: a table's rules (those across it
  // too) outnumber its shaded cells.
  const isConnector = (p: PlacedImage): boolean => Math.min(p.width, p.height) < 1.5 && Math.max(p.width, p.height) >= 3;
  const shapes = paths.filter((p) => (p.width >= 1.5 && p.height >= 1.5) || isConnector(p));
  if (shapes.length < minShapes) return [];
  const parent = shapes.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  const order = shapes.map((_, i) => i).sort((a, b) => shapes[a]!.x - shapes[b]!.x);
  const active: number[] = [];
  for (const i of order) {
    const a = shapes[i]!;
    for (let k = active.length - 1; k >= 0; k--) {
      const b = shapes[active[k]!]!;
      if (b.x + b.width + reach < a.x) {
        active.splice(k, 1);
        continue;
      }
      if (a.y <= b.y + b.height + reach && b.y <= a.y + a.height + reach) parent[find(i)] = find(active[k]!);
    }
    active.push(i);
  }
  const groups = new Map<number, PlacedImage[]>();
  shapes.forEach((s, i) => groups.set(find(i), [...(groups.get(find(i)) ?? []), s]));
  const drawings: PlacedImage[] = [];
  for (const group of groups.values()) {
    const x0 = Math.min(...group.map((g) => g.x));
    const y0 = Math.min(...group.map((g) => g.y));
    const x1 = Math.max(...group.map((g) => g.x + g.width));
    const y1 = Math.max(...group.map((g) => g.y + g.height));
    // Shapes as wide as the group are frames or table row backgrounds, not parts of a drawing.
    const parts = group.filter((g) => g.width < (x1 - x0) * 0.8);
    const solid = parts.filter((g) => !isConnector(g)).length;
    const lines = group.filter(isConnector).length;
    const count = solid >= 2 && lines < solid ? parts.length : solid;
    if (count < minShapes || x1 - x0 < 30 || y1 - y0 < 30) continue;
    drawings.push({ x: x0, y: y0, width: x1 - x0, height: y1 - y0 });
  }
  return drawings;
}

/** A short line of text inside a drawing: one of its labels. */
export function isDrawingLabel(line: TextLine, drawings: readonly PlacedImage[]): boolean {
  if (line.text.trim().split(/\s+/u).length > 6) return false;
  const cx = (line.x0 + line.x1) / 2;
  const cy = line.y + line.size * 0.3;
  return drawings.some((d) => cx >= d.x - 2 && cx <= d.x + d.width + 2 && cy >= d.y - 2 && cy <= d.y + d.height + 2 && line.x1 - line.x0 < d.width);
}
