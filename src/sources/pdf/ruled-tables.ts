/**
 * Tables whose cells the PDF draws with rules (LaTeX's `tabular` with `|` columns and `\hline`,
 * DocBook's printed tables): the rules say where each cell is, better than the text can. A cell's
 * text may be over several lines and centred in its row's height, so that its lines share no
 * baseline with the other cells' lines; read by the rules, each cell becomes one line set on its
 * row's first baseline, and the structure reads the row as cells side by side.
 *
 * Only grids that are sure are read so: two rows or more between horizontal rules, each crossed
 * by vertical rules. Other tables are left to the alignment of their text (`structure.ts`).
 */
import type { Lexicon } from '../../language/fr/lexicon.ts';
import type { Piece, TextLine } from './lines.ts';
import type { PlacedImage } from './page-text.ts';
import { joinsWithoutSpace } from './structure.ts';

/** Thicker than this (points) a path is no rule. */
const thin = 1;

/**
 * Rewrites the lines inside the ruled tables of a page: one line per cell, on its row's baseline.
 * @param lines the page's lines
 * @param paths the boxes of the page's painted paths
 * @param lexicon French words, to tell a word cut by hyphenation in a cell from a name cut after its hyphen
 * @returns the lines (those of the tables replaced) and the number of table rows read from rules
 */
export function readRuledTables(lines: readonly TextLine[], paths: readonly PlacedImage[], lexicon?: Lexicon): { lines: TextLine[]; rows: number } {
  const horizontals = paths.filter((p) => p.height <= thin && p.width > 5);
  const verticals = paths.filter((p) => p.width <= thin && p.height > 5);
  if (horizontals.length < 3 || verticals.length < 2) return { lines: lines.slice(), rows: 0 };
  // Rule heights, top first, each with the extent its segments cover.
  const levels: { y: number; x0: number; x1: number }[] = [];
  for (const h of horizontals.slice().sort((a, b) => b.y - a.y)) {
    const level = levels.find((l) => Math.abs(l.y - h.y) < 0.8);
    if (level) {
      level.x0 = Math.min(level.x0, h.x);
      level.x1 = Math.max(level.x1, h.x + h.width);
    } else levels.push({ y: h.y, x0: h.x, x1: h.x + h.width });
  }
  const replaced = new Set<TextLine>();
  const added: TextLine[] = [];
  let rows = 0;
  const bands: { top: number; bottom: number; x0: number; x1: number; walls: number[] }[] = [];
  for (let i = 1; i < levels.length; i++) {
    const top = levels[i - 1]!;
    const bottom = levels[i]!;
    const x0 = Math.max(top.x0, bottom.x0);
    const x1 = Math.min(top.x1, bottom.x1);
    if (x1 - x0 < 50) continue;
    // The vertical rules that cross the whole band, inside it: the walls between its cells.
    const walls = [...new Set(verticals.filter((v) => v.y <= bottom.y + 1 && v.y + v.height >= top.y - 1 && v.x > x0 + 2 && v.x < x1 - 2).map((v) => Math.round(v.x * 2) / 2))].sort((a, b) => a - b);
    if (walls.length) bands.push({ top: top.y, bottom: bottom.y, x0, x1, walls });
  }
  if (bands.length < 2) return { lines: lines.slice(), rows: 0 };
  for (const band of bands) {
    const inside = lines.filter((l) => l.y < band.top && l.y > band.bottom && l.x0 >= band.x0 - 2 && l.x1 <= band.x1 + 2);
    if (!inside.length) continue;
    const edges = [band.x0, ...band.walls, band.x1];
    const cells: TextLine[][] = edges.slice(1).map(() => []);
    for (const line of inside) {
      for (const part of cutAtWalls(line, band.walls)) {
        const k = Math.max(0, edges.findLastIndex((x) => x <= part.x0 + 1));
        cells[Math.min(k, cells.length - 1)]!.push(part);
      }
    }
    const filled = cells.filter((c) => c.length);
    if (filled.length < 2) continue;
    const y = Math.max(...inside.map((l) => l.y));
    for (const l of inside) replaced.add(l);
    for (const cell of filled) added.push({ ...joinCell(cell.sort((a, b) => b.y - a.y || a.x0 - b.x0), y, lexicon), row: { x0: band.x0, x1: band.x1 } });
    rows += 1;
  }
  if (!rows) return { lines: lines.slice(), rows: 0 };
  return { lines: [...lines.filter((l) => !replaced.has(l)), ...added], rows };
}

/** A line cut where it crosses a wall, when a word starts just after it (two cells read as one line). */
function cutAtWalls(line: TextLine, walls: readonly number[]): TextLine[] {
  for (const wall of walls) {
    if (line.x0 >= wall || line.x1 <= wall) continue;
    for (const [p, piece] of line.pieces.entries()) {
      const at = piece.x0 >= wall && piece.x0 < wall + line.size * 1.2 && p > 0 ? 0 : piece.words?.find((w) => w.x >= wall && w.x < wall + line.size * 1.2)?.at;
      if (at === undefined) continue;
      const head = [...line.pieces.slice(0, p), { ...piece, text: piece.text.slice(0, at) }].filter((q) => q.text.trim());
      const tail = [{ ...piece, text: piece.text.slice(at), words: piece.words?.filter((w) => w.at > at).map((w) => ({ ...w, at: w.at - at })) }, ...line.pieces.slice(p + 1)];
      if (!head.length) continue;
      head[head.length - 1] = { ...head[head.length - 1]!, text: head[head.length - 1]!.text.trimEnd() };
      const tailX = p > 0 && at === 0 ? piece.x0 : (piece.words?.find((w) => w.at === at)?.x ?? wall);
      return [withPieces(line, head, line.x0, wall), ...cutAtWalls(withPieces(line, tail, tailX, line.x1), walls)];
    }
  }
  return [line];
}

function withPieces(line: TextLine, pieces: Piece[], x0: number, x1: number): TextLine {
  return { ...line, x0, x1, pieces, text: pieces.map((q) => q.text).join('') };
}

/**
 * A cell's lines as one line: joined with a space, or without one after a hyphen, which goes only
 * when it cut a word the lexicon knows (narrow columns break names after their hyphens), or where
 * the structure's lines join without one (`joinsWithoutSpace`).
 */
function joinCell(lines: TextLine[], y: number, lexicon?: Lexicon): TextLine {
  const pieces: Piece[] = [];
  for (const line of lines) {
    const last = pieces[pieces.length - 1];
    if (last) {
      const text = last.text.trimEnd();
      const hyphen = /\S-$/u.test(text) && /^[\p{L}\p{N}]/u.test(line.text.trimStart());
      const head = /(?<![\p{N}_.:/-])(\p{L}+)-$/u.exec(text)?.[1];
      const tail = /^\p{L}+/u.exec(line.text.trimStart())?.[0];
      const cut = head !== undefined && tail !== undefined && !!lexicon?.has(head + tail) && !lexicon.has(`${head}-${tail}`);
      const glued = joinsWithoutSpace(text, line.text.trimStart(), true);
      pieces[pieces.length - 1] = { ...last, text: cut ? text.slice(0, -1) : hyphen || glued ? text : `${text} ` };
    }
    pieces.push(...line.pieces);
  }
  const sizes = lines.map((l) => l.size).sort((a, b) => a - b);
  return {
    x0: Math.min(...lines.map((l) => l.x0)),
    x1: Math.max(...lines.map((l) => l.x1)),
    y,
    size: sizes[Math.floor(sizes.length / 2)]!,
    pieces,
    text: pieces.map((q) => q.text).join(''),
  };
}
