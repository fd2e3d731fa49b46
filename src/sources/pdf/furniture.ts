/**
 * Page furniture: running heads, running feet and page numbers — what a typesetter repeats in
 * the margins of every page, and a reader skips. Found from where a line is (the first or last
 * lines of a page, set apart from the text block) and from repetition: the same words, numbers
 * aside, in the same margin of several pages. A lone number (or `Page 3`, `3 / 12`, `– 3 –`) in
 * a margin is a page number even once.
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
  type Candidate = { page: number; line: TextLine; band: 'top' | 'bottom'; key: string };
  const candidates: Candidate[] = [];
  pages.forEach((page, index) => {
    const [, y0, , y1] = page.box;
    const height = y1 - y0;
    const sorted = page.lines.slice().sort((a, b) => b.y - a.y);
    const add = (line: TextLine, band: 'top' | 'bottom'): void => {
      candidates.push({ page: index + 1, line, band, key: furnitureKey(line.text) });
    };
    for (const band of ['top', 'bottom'] as const) {
      const ordered = band === 'top' ? sorted : sorted.slice().reverse();
      const inMargin = (line: TextLine): boolean => (band === 'top' ? line.y >= y1 - height * marginShare : line.y <= y0 + height * marginShare);
      // The margin's lines: those before the first gap that sets them apart from the text block.
      let group = -1;
      for (let i = 0; i < Math.min(linesPerMargin, ordered.length) && inMargin(ordered[i]!); i++) {
        const line = ordered[i]!;
        const next = ordered[i + 1];
        if (!next || Math.abs(line.y - next.y) >= Math.max(line.size, next.size) * 1.45) {
          group = i;
          break;
        }
      }
      for (let i = 0; i < Math.min(linesPerMargin, ordered.length) && inMargin(ordered[i]!); i++) {
        const line = ordered[i]!;
        if (i <= group || pageNumber.test(line.text.trim())) add(line, band);
      }
    }
  });

  const byKey = new Map<string, Candidate[]>();
  for (const c of candidates) {
    const k = `${c.band}\u0000${c.key}`;
    byKey.set(k, [...(byKey.get(k) ?? []), c]);
  }
  const lines = new Set<TextLine>();
  const findings: FurnitureFinding[] = [];
  const minRepeats = pages.length <= 6 ? 2 : 3;
  for (const group of byKey.values()) {
    const first = group[0]!;
    const isNumber = pageNumber.test(first.line.text.trim());
    const pagesOf = [...new Set(group.map((c) => c.page))];
    if (!isNumber && (pagesOf.length < minRepeats || !/\p{L}/u.test(first.key))) continue;
    for (const c of group) lines.add(c.line);
    findings.push({
      kind: isNumber ? 'page-number' : first.band === 'top' ? 'running-head' : 'running-foot',
      text: first.line.text.trim(),
      pages: pagesOf,
      first: first.line,
    });
  }
  findings.sort((a, b) => a.pages[0]! - b.pages[0]!);
  return { lines, findings };
}
