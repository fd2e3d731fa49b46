/**
 * Page furniture: running heads, running feet and page numbers — what a typesetter repeats in
 * the margins of every page, and a reader skips. Found from where a line is (the first or last
 * lines of a page, set apart from the text block) and from repetition: the same words, numbers
 * aside, in the same margin of several pages. A lone number (or `Page 3`, `3 / 12`, `– 3 –`) in
 * a margin is a page number even once; a margin line that ends (or starts) with the page's own
 * number, counting up with the pages, is a running head even when its words change.
 *
 * Not for: notes at the foot of a page (they are text, `structure.ts` reads them).
 */
import type { TextLine } from './lines.ts';

export interface FurniturePage {
  /** `[x0, y0, x1, y1]`. */
  box: readonly [number, number, number, number];
  lines: readonly TextLine[];
}

export type FurnitureKind = 'page-number' | 'running-head' | 'running-foot';

/** What was found, for the diagnostics: one entry per kind and wording. */
export interface FurnitureFinding {
  kind: FurnitureKind;
  /** The text as on the first page where it was found. */
  text: string;
  /** 1-based page numbers. */
  pages: number[];
  /** The line of the first page, to point at. */
  first: TextLine;
}

export interface Furniture {
  lines: Set<TextLine>;
  findings: FurnitureFinding[];
}

/** How far into the page a margin line can be, as a share of the page's height. */
const marginShare = 0.14;
/** How many lines at each end of a page may be furniture. */
const linesPerMargin = 3;

const pageNumber = /^(?:(?:page|p\.)\s*)?(?:[-–—]\s*)?(?:\d{1,4}|[ivxlcdm]{1,7})(?:\s*[-–—])?(?:\s*(?:\/|sur|of|de)\s*\d{1,4})?$/iu;

/** The words of a line with its numbers blanked: what repeats from page to page. */
export function furnitureKey(text: string): string {
  return text
    .toLocaleLowerCase('fr')
    .replace(/\b[ivxlcdm]{1,7}\b/gu, '#')
    .replace(/\d+/gu, '#')
    .replace(/\s+/gu, ' ')
    .trim();
}

/**
 * Finds the furniture of a document.
 * @param pages every page's box and lines (pages in order; page numbers are indexes + 1)
 */
export function findFurniture(pages: readonly FurniturePage[]): Furniture {
  type Row = { lines: TextLine[]; y: number; size: number; text: string };
  type Candidate = { page: number; row: Row; band: 'top' | 'bottom'; key: string };
  const candidates: Candidate[] = [];
  const tops: number[] = [];
  const bottoms: number[] = [];
  pages.forEach((page, index) => {
    const [, y0, , y1] = page.box;
    const height = y1 - y0;
    const rows = rowsOf(page.lines);
    for (const band of ['top', 'bottom'] as const) {
      const ordered = band === 'top' ? rows : rows.slice().reverse();
      const inMargin = (row: Row): boolean => (band === 'top' ? row.y >= y1 - height * marginShare : row.y <= y0 + height * marginShare);
      // The margin's rows: those before the first gap that sets them apart from the text block.
      let group = -1;
      for (let i = 0; i < Math.min(linesPerMargin, ordered.length) && inMargin(ordered[i]!); i++) {
        const row = ordered[i]!;
        const next = ordered[i + 1];
        if (!next || Math.abs(row.y - next.y) >= Math.max(row.size, next.size) * 1.45) {
          group = i;
          break;
        }
      }
      const edge = ordered[group + 1];
      if (edge) (band === 'top' ? tops : bottoms).push(edge.y);
      for (let i = 0; i <= group; i++) candidates.push({ page: index + 1, row: ordered[i]!, band, key: furnitureKey(ordered[i]!.text) });
    }
  });
  // Where the text block starts and ends on most pages: furniture is outside it.
  const textTop = quantile(tops, 0.5);
  const textBottom = quantile(bottoms, 0.25);
  const outside = (c: Candidate): boolean =>
    c.band === 'top' ? textTop === undefined || c.row.y > textTop + c.row.size * 0.5 : textBottom === undefined || c.row.y < textBottom - c.row.size * 0.5;

  const lines = new Set<TextLine>();
  const findings: FurnitureFinding[] = [];
  // A margin row that starts or ends with the page's number (the numbers go up with the pages) is
  // a running head or foot with its folio, even when its words change with each section.
  // (A number standing apart: `2.4. Titre 29` ends with its folio, not starts with it.)
  const folios = (c: Candidate): number[] =>
    [/^(\d{1,4})(?=\s)/u.exec(c.row.text)?.[1], /(?<=\s)(\d{1,4})$/u.exec(c.row.text)?.[1]].flatMap((n) => (n === undefined ? [] : [Number(n) - c.page]));
  const offsets = new Map<number, Set<number>>();
  for (const c of candidates.filter(outside)) {
    for (const o of folios(c)) offsets.set(o, (offsets.get(o) ?? new Set()).add(c.page));
  }
  const numbered = new Set([...offsets].filter(([, pages]) => pages.size >= 2).map(([o]) => o));

  const byKey = new Map<string, Candidate[]>();
  for (const c of candidates.filter(outside)) {
    if (folios(c).some((o) => numbered.has(o)) && /\p{L}/u.test(c.key)) {
      lines.add(c.row.lines[0]!);
      for (const l of c.row.lines) lines.add(l);
      findings.push({ kind: c.band === 'top' ? 'running-head' : 'running-foot', text: c.row.text, pages: [c.page], first: c.row.lines[0]! });
      continue;
    }
    const k = `${c.band}\u0000${c.key}`;
    byKey.set(k, [...(byKey.get(k) ?? []), c]);
  }
  const minRepeats = pages.length <= 6 ? 2 : 3;
  for (const group of byKey.values()) {
    const first = group[0]!;
    const isNumber = pageNumber.test(first.row.text);
    const pagesOf = [...new Set(group.map((c) => c.page))];
    if (!isNumber && (pagesOf.length < minRepeats || !/\p{L}/u.test(first.key))) continue;
    for (const c of group) for (const l of c.row.lines) lines.add(l);
    findings.push({
      kind: isNumber ? 'page-number' : first.band === 'top' ? 'running-head' : 'running-foot',
      text: first.row.text,
      pages: pagesOf,
      first: first.row.lines[0]!,
    });
  }
  // A margin row set where running heads (or feet) of several other pages are, in their size,
  // outside the text block, is one too, whatever it says (the title of the section it is in).
  const places = new Map<string, Set<number>>();
  const place = (c: Candidate): string => `${c.band}:${Math.round(c.row.y)}:${Math.round(c.row.size * 2)}:${c.row.lines[0]!.pieces[0]?.italic === true}`;
  for (const c of candidates) if (c.row.lines.every((l) => lines.has(l)) && /\p{L}/u.test(c.key)) places.set(place(c), (places.get(place(c)) ?? new Set()).add(c.page));
  for (const c of candidates.filter(outside)) {
    const at = places.get(place(c));
    if (!at || c.row.lines.every((l) => lines.has(l)) || [...at].filter((n) => n !== c.page).length < 2 || !/\p{L}/u.test(c.key)) continue;
    for (const l of c.row.lines) lines.add(l);
    findings.push({ kind: c.band === 'top' ? 'running-head' : 'running-foot', text: c.row.text, pages: [c.page], first: c.row.lines[0]! });
  }
  findings.sort((a, b) => a.pages[0]! - b.pages[0]!);
  return { lines, findings };
}

/** The lines of a page that share a baseline, as rows, top first. */
function rowsOf(lines: readonly TextLine[]): { lines: TextLine[]; y: number; size: number; text: string }[] {
  const sorted = lines.slice().sort((a, b) => b.y - a.y || a.x0 - b.x0);
  const rows: { lines: TextLine[]; y: number; size: number; text: string }[] = [];
  for (const line of sorted) {
    const last = rows[rows.length - 1];
    if (last && Math.abs(last.y - line.y) < Math.min(last.size, line.size) * 0.3) {
      last.lines.push(line);
      last.size = Math.max(last.size, line.size);
    } else rows.push({ lines: [line], y: line.y, size: line.size, text: '' });
  }
  for (const row of rows) row.text = row.lines.sort((a, b) => a.x0 - b.x0).map((l) => l.text.trim()).join(' ');
  return rows;
}

function quantile(values: number[], q: number): number | undefined {
  if (!values.length) return undefined;
  const sorted = values.slice().sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))];
}
