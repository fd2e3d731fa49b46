/**
 * Page furniture: what a PDF prints on every page around the text — running heads and feet,
 * page numbers, the book's or the chapter's name — and that an extraction leaves between the
 * lines, often in the middle of a sentence. Found by repetition across pages, removed, and every
 * removed line reported so an editor can check it.
 *
 * Pages come from the form feeds `pdftotext` writes between them. A line is furniture when:
 * - it carries a number that follows the page count (`12`, `xii`, `52 / 237`, `Page 3 sur 9`,
 *   a title with the page number glued to it) on several pages, at the top or the foot of the
 *   page (where the shape is specific, such as `52 / 237`, wherever it fell);
 * - or the same line stands at the top or the foot of page after page (every page or every
 *   other one), and hardly ever inside a page;
 * - or, at a page edge beside a page number, it repeats the title of a section of the text, in
 *   capitals (`2.3. MESURES ET UNITÉS` over a section titled `Mesures et unités`) or as it stands
 *   (`2.3. Mesures et unités` over the same heading, on its page or wrapped over two lines there);
 *   of two equal lines, the first goes and the heading stays.
 * A line that is a heading of its own (a chapter title at the top of its first page) recurs
 * neither with the page count nor page after page, and stays.
 *
 * Each page break becomes one line holding a form feed, with no blank line around it: the layout
 * pass (`blocks.ts`) reads it as a page break, joins a sentence it cut and removes it. A text
 * without form feeds (copied from a PDF viewer) is cut into pages after the lines of a run of page
 * numbers that count up by one; without such a run it is left alone.
 *
 * Written by hand: PDF libraries read the PDF itself, and no library works on its extracted text.
 */
import { endsSentence } from '../language/fr/sentence.ts';
import type { Edit } from './mapped-text.ts';
import type { PassResult } from './pass.ts';

interface PageLine {
  /** Offset of the line's first character and just past its last (before `\n`). */
  start: number;
  end: number;
  text: string;
  page: number;
  /** Position among the page's non-blank lines, from the top and from the foot (0 = edge). */
  fromTop: number;
  fromFoot: number;
}

/** How many non-blank lines at each edge of a page may hold furniture. */
const topWindow = 4;
const footWindow = 3;

/** Furniture is short; a longer line is text. */
const maxFurnitureLength = 140;

const leaderDots = /(?:\. ?){4,}|…{2,}/u;

const romanPattern = /^(?=[ivxlc]+$)c{0,3}(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})$/iu;

/**
 * The page-furniture pass.
 * @param text the text (after glyph repairs and Markdown escaping)
 * @returns edits removing furniture (each with its finding) and normalizing page breaks
 */
export function removePageFurniture(text: string): PassResult {
  // Without form feeds (a text copied from a PDF viewer), pages end where their numbers stand.
  const cuts = text.includes('\f') ? undefined : virtualCuts(text);
  if (cuts && cuts.length < 3) return { edits: [] };
  const { lines, pageCount } = readPages(text, cuts);
  // Entries of a table of contents (leader dots) carry page numbers too, but are text.
  const edge = lines.filter((l) => (l.fromTop < topWindow || l.fromFoot < footWindow) && l.text.length <= maxFurnitureLength && !leaderDots.test(l.text));
  const found = new Map<PageLine, string>();

  const printed = findPageNumbers(edge, lines, found);
  findRepeatedLines(edge, lines, pageCount, found);
  findHeadingEchoes(edge, lines, printed, found);

  const edits: Edit[] = [];
  for (const [line, why] of found) {
    // The whole line goes, with its line break.
    const end = text[line.end] === '\n' ? line.end + 1 : line.end;
    const start = lineStart(text, line.start);
    edits.push({
      start,
      end,
      insert: '',
      finding: { rule: 'page-furniture', severity: 'info', message: `“${shorten(line.text)}” was removed: ${why}.` },
    });
  }
  if (cuts) {
    // A page break where a page number was removed, for the layout pass to join across it.
    for (const cut of cuts) if (edits.some((e) => e.end === cut)) edits.push({ start: cut, end: cut, insert: '\f\n' });
  } else edits.push(...pageBreakEdits(text, edits));
  return { edits };
}

/**
 * Where the pages of a text without form feeds end: after each line of a run of page numbers
 * (lone numbers, or `12 / 40`, `Page 12`) that count up by one, some lines apart.
 * @returns the offsets where pages start (empty when no such run is found)
 */
function virtualCuts(text: string): number[] {
  const anchors: { value: number; shape: string; line: number; next: number }[] = [];
  let offset = 0;
  text.split('\n').forEach((raw, line) => {
    const t = raw.trim();
    const m = /^(?:page\s+)?(\d{1,4})(?:\s*(?:\/|sur|of)\s*\d{1,4})?$/iu.exec(t);
    if (m) anchors.push({ value: Number(m[1]), shape: t.replace(/\d+/gu, '#').toLowerCase(), line, next: offset + raw.length + 1 });
    offset += raw.length + 1;
  });
  // The longest chain of numbers counting up by one, 5 to 200 lines apart.
  let best: typeof anchors = [];
  for (let i = 0; i < anchors.length; i++) {
    const chain = [anchors[i]!];
    for (let j = i + 1; j < anchors.length; j++) {
      const last = chain[chain.length - 1]!;
      const a = anchors[j]!;
      if (a.shape !== last.shape || a.value !== last.value + 1) continue;
      const gap = a.line - last.line;
      if (gap < 5) continue;
      if (gap > 200) break;
      chain.push(a);
    }
    if (chain.length > best.length) best = chain;
  }
  return best.length >= 3 ? best.map((a) => Math.min(a.next, text.length)) : [];
}

function shorten(s: string, n = 70): string {
  return s.length <= n ? s : `${s.slice(0, n)}…`;
}

function lineStart(text: string, at: number): number {
  const nl = text.lastIndexOf('\n', at - 1);
  const ff = text.lastIndexOf('\f', at - 1);
  return Math.max(nl, ff) + 1;
}

/** Splits the text into pages at form feeds, and each page into its non-blank lines. */
function readPages(text: string, cuts?: number[]): { lines: PageLine[]; pageCount: number } {
  const lines: PageLine[] = [];
  let page = 0;
  let pageStart = 0;
  // Pages split at form feeds (the form feed between them is no page's), or at the given offsets.
  const pages = cuts ? [0, ...cuts].map((c, i, all) => text.slice(c, i + 1 < all.length ? all[i + 1]! - 1 : text.length)) : text.split('\f');
  for (const body of pages) {
    const own: PageLine[] = [];
    let offset = pageStart;
    for (const raw of body.split('\n')) {
      const content = raw.trim();
      if (content) {
        const lead = raw.length - raw.trimStart().length;
        own.push({ start: offset + lead, end: offset + lead + content.length, text: content.replace(/\s+/gu, ' '), page, fromTop: 0, fromFoot: 0 });
      }
      offset += raw.length + 1;
    }
    own.forEach((l, i) => {
      l.fromTop = i;
      l.fromFoot = own.length - 1 - i;
    });
    lines.push(...own);
    pageStart += body.length + 1;
    page += 1;
  }
  return { lines, pageCount: pages.length };
}

/** The numbers of a line, and its shape with each number replaced by `#`. */
function numbersOf(text: string): { shape: string; values: number[] } {
  const lone = text.replace(/^\\/u, '');
  if (romanPattern.test(lone)) return { shape: '#roman', values: [romanValue(lone)] };
  const values: number[] = [];
  // A dotted number (`2.1.3`, `4.7`) is a section or a version, never a page number: it is part
  // of the shape, whatever its digits.
  const shape = text.replace(/\d+(?:[.,]\d+)+|\d+/gu, (d) => {
    if (/[.,]/u.test(d)) return '§';
    values.push(Number(d));
    return '#';
  });
  return { shape, values };
}

function romanValue(s: string): number {
  const v: Record<string, number> = { i: 1, v: 5, x: 10, l: 50, c: 100 };
  let total = 0;
  const t = s.toLowerCase();
  for (let i = 0; i < t.length; i++) {
    const a = v[t[i]!]!;
    const b = v[t[i + 1] ?? ''] ?? 0;
    total += a < b ? -a : a;
  }
  return total;
}

/**
 * Page numbers: lines of one shape whose number follows the page index (the same offset between
 * the number and the page's place in the file on several pages). A lone number must stand near a
 * page edge; a line of a more telling shape (`52 / 237`) is removed wherever the page puts it.
 * @returns the printed number of each page where one was found
 */
function findPageNumbers(edge: PageLine[], all: PageLine[], found: Map<PageLine, string>): Map<number, number> {
  const printed = new Map<number, number>();
  const byShape = new Map<string, PageLine[]>();
  for (const l of edge) {
    const { shape, values } = numbersOf(l.text);
    if (values.length === 0 || values.length > 4) continue;
    byShape.set(shape, [...(byShape.get(shape) ?? []), l]);
  }
  for (const [shape, group] of byShape) {
    const slots = numbersOf(group[0]!.text).values.length;
    for (let k = 0; k < slots; k++) {
      // Offsets between the page index and the number in slot k; the most common one wins.
      const offsets = new Map<number, Set<number>>();
      for (const l of group) {
        const v = numbersOf(l.text).values[k]!;
        const d = l.page - v;
        offsets.set(d, (offsets.get(d) ?? new Set()).add(l.page));
      }
      const lone = shape === '#' || shape === '#roman' || /^\\?[-–—(\[]?\s?#\s?[-–—)\]]?$/u.test(shape);
      // One offset must account for most of the shape's pages: sections that happen to fall on
      // consecutive pages (`3.1`, `3.2`) do not make page numbers. A second numbering (front
      // matter, a part that starts again at 1) needs a run of its own.
      const ranked = [...offsets].sort((a, b) => b[1].size - a[1].size);
      const groupPages = new Set(group.map((l) => l.page)).size;
      const [best] = ranked;
      if (!best || best[1].size < (lone || groupPages > 2 ? 3 : 2) || best[1].size < groupPages * (lone ? 0.5 : 0.7)) continue;
      const tracking = ranked.filter(([, pages], i) => i === 0 || (pages.size >= 4 && pages.size >= groupPages * 0.2));
      // Once the numbering is known, a lone number a little further from the edge (after a heading
      // `pdftotext` put first) is the page number too.
      const candidates = all.filter((l) => numbersOf(l.text).shape === shape && (!lone || l.fromTop < 2 * topWindow || l.fromFoot < 2 * footWindow));
      for (const [d, pages] of tracking) {
        const span = [Math.min(...pages) - 2, Math.max(...pages) + 2];
        for (const l of candidates) {
          if (found.has(l) || l.page - numbersOf(l.text).values[k]! !== d || l.page < span[0]! || l.page > span[1]!) continue;
          found.set(l, lone ? `the number of the page` : `page furniture with the page number, printed on ${pages.size} pages`);
          printed.set(l.page, l.page - d);
        }
        // Pages without a number line still have one: what the numbering gives there.
        for (let p = span[0]!; p <= span[1]!; p++) if (!printed.has(p) && p - d > 0) printed.set(p, p - d);
      }
    }
  }
  return printed;
}

/**
 * Running heads and feet: the same line at an edge of page after page (at least every other page
 * over its stretch of the document), seldom anywhere else, and either over a good part of the
 * document, on many pages, or naming a heading of the text (the chapter's title). A table's
 * header row repeated at the top of three pages is none of these.
 */
function findRepeatedLines(edge: PageLine[], all: PageLine[], pageCount: number, found: Map<PageLine, string>): void {
  const atEdge = new Map<string, PageLine[]>();
  for (const l of edge) {
    if (found.has(l)) continue;
    atEdge.set(l.text, [...(atEdge.get(l.text) ?? []), l]);
  }
  const everywhere = new Map<string, PageLine[]>();
  for (const l of all) everywhere.set(l.text, [...(everywhere.get(l.text) ?? []), l]);
  const headings = lineKeys(all, atEdge);
  // The running head of a book's last section may stand on two pages only: it goes when the heads
  // of the other sections, of the same shape and at the same place, went (see below).
  const shortSeries: PageLine[][] = [];
  for (const [text, group] of atEdge) {
    // One occurrence per page at most is furniture: the one nearest the edge.
    const outermost = new Map<number, PageLine>();
    for (const l of group) {
      const o = outermost.get(l.page);
      if (!o || Math.min(l.fromTop, l.fromFoot) < Math.min(o.fromTop, o.fromFoot)) outermost.set(l.page, l);
    }
    const pages = [...outermost.keys()].sort((a, b) => a - b);
    if (pages.length < 2 || !/\p{L}/u.test(text)) continue;
    // The end of a sentence that the line above leaves open (`…sur la` + `défense.`) is text, however often it recurs.
    if ([...outermost.values()].some((l) => continuesAbove(l, all, found))) continue;
    const inside = everywhere.get(text)!.filter((l) => outermost.get(l.page) !== l);
    // The section's own heading, before the pages its running head stands on, is allowed.
    const ownHeading = inside.length === 1 && inside[0]!.page <= pages[0]! && pages.length >= 3;
    if (inside.length === 1 && inside[0]!.page <= pages[0]! && pages.length === 2 && numberedHead.test(text)) shortSeries.push([...outermost.values()]);
    if (inside.length > pages.length / 4 && !ownHeading) continue;
    // Dense: most gaps between the pages it heads are of one or two pages.
    const gaps = pages.slice(1).map((p, i) => p - pages[i]!);
    const close = gaps.filter((g) => g <= 2).length;
    if (close < Math.max(1, gaps.length * 0.6)) continue;
    const span = pages[pages.length - 1]! - pages[0]! + 1;
    const wide = span >= pageCount * 0.3 || pages.length >= 5;
    if (!wide && !(looksLikeHead(text) && (ownHeading || echoesHeading(titleKey(text), headings)))) continue;
    // A title under its own number (`1.6`, `Chapitre 2`) is that section's heading, even at the top of two pages.
    if (!wide && group.some((l) => numberAbove(l, all, found))) continue;
    const where = span >= pageCount * 0.8 ? 'it recurs' : 'it recurs over a stretch of pages';
    const why = `${where} at the edge of ${pages.length} pages (a running head or foot)`;
    for (const l of outermost.values()) found.set(l, why);
    // A running head of the whole book where a page put it out of place (beside a table).
    if (wide && !ownHeading) {
      for (const l of inside) if (!found.has(l) && l.page >= pages[0]! && l.page <= pages[pages.length - 1]! && !outermost.has(l.page)) found.set(l, why);
    }
  }
  const series = [...found.keys()].filter((l) => l.fromTop === 0 && numberedHead.test(l.text)).length;
  for (const heads of shortSeries) {
    if (series < 4 || !heads.every((l) => l.fromTop === 0 && !found.has(l))) continue;
    for (const l of heads) found.set(l, 'it stands at the top of 2 pages after its section’s heading, as the running heads of the other sections do');
  }
}

/** A section's title after its number (`11.3. Titre`), as running heads of sections print it. */
const numberedHead = /^\d{1,2}(?:\.\d{1,3})*\.?\s+\p{Lu}/u;

/** True when the line starts in small letters under a line of the page that does not end its sentence. */
function continuesAbove(line: PageLine, all: PageLine[], found: Map<PageLine, string>): boolean {
  if (!/^\p{Ll}/u.test(line.text)) return false;
  const i = all.indexOf(line);
  for (let j = i - 1; j >= 0 && all[j]!.page === line.page; j--) {
    const above = all[j]!;
    if (found.has(above)) continue;
    return !endsSentence(above.text);
  }
  return false;
}

const sectionNumber = /^(?:(?:chapitre|chapter|annexe|appendix|partie|part|section)\s+)?(?:\d+|[IVXLC]+|[A-Z])(?:\.\d+)*\.?$/iu;

/** True when the nearest line above, furniture and capitals aside, is a section number. */
function numberAbove(line: PageLine, all: PageLine[], found: Map<PageLine, string>): boolean {
  const i = all.indexOf(line);
  for (let j = i - 1; j >= 0 && all[j]!.page === line.page; j--) {
    const above = all[j]!;
    if (found.has(above) || isCapitals(above.text)) continue;
    return sectionNumber.test(above.text);
  }
  return false;
}

/** The title keys of the lines that are not candidate furniture: the headings a running head may name. */
function lineKeys(all: PageLine[], candidates: Map<string, PageLine[]>): Set<string> {
  const keys = new Set<string>();
  for (const l of all) {
    if (candidates.has(l.text) && candidates.get(l.text)!.length > 1) continue;
    const key = titleKey(l.text);
    if (/\p{L}{4}/u.test(key)) keys.add(key);
  }
  return keys;
}

/** A running head reads as a title: it starts with a capital or a number and does not end a sentence or a list item. */
function looksLikeHead(text: string): boolean {
  return /^[\p{Lu}\d]/u.test(text) && !/[.;:!?,]$/u.test(text);
}

/** True when a running head's words are a heading's, perhaps after a word or two (`chapitre`, `annexe`). */
function echoesHeading(key: string, headings: Set<string>): boolean {
  if (headings.has(key)) return true;
  const words = key.split(' ');
  for (let drop = 1; drop <= 2 && drop < words.length; drop++) if (headings.has(words.slice(drop).join(' '))) return true;
  return false;
}

/**
 * A line at a page edge of a numbered page that repeats the title of a section of the text in the
 * way running heads do: in capitals, or after the section's number with a final dot (`2.4. Titre`
 * over the heading `2.4 Titre`), sometimes with the page number glued to it.
 */
function findHeadingEchoes(edge: PageLine[], all: PageLine[], printed: Map<number, number>, found: Map<PageLine, string>): void {
  const titles = new Map<string, PageLine[]>();
  for (const l of all) {
    if (isCapitals(l.text) || leaderDots.test(l.text) || found.has(l)) continue;
    const key = titleKey(l.text);
    titles.set(key, [...(titles.get(key) ?? []), l]);
  }
  // A numbered heading wrapped over two lines is echoed on one line: the pair is a title too.
  const pairs = new Map<PageLine, PageLine[]>();
  all.forEach((a, i) => {
    const b = all[i + 1];
    if (!b || b.page !== a.page || !leadingNumber(a.text) || isCapitals(a.text) || found.has(a) || found.has(b)) return;
    const pair: PageLine = { ...a, end: b.end, text: `${a.text} ${b.text}` };
    pairs.set(pair, [a, b]);
    const key = titleKey(pair.text);
    titles.set(key, [...(titles.get(key) ?? []), pair]);
  });
  // The other lines with the same words that stay in the text: of two equal lines (a running head
  // and the heading it repeats, both at the top of a page), the first one goes and the heading stays.
  const others = (key: string, l: PageLine): PageLine[] =>
    (titles.get(key) ?? []).filter((m) => m !== l && !found.has(m) && !(pairs.get(m) ?? []).some((x) => x === l || found.has(x)));
  const keys = new Set(titles.keys());
  for (const l of edge) {
    if (found.has(l) || !printed.has(l.page)) continue;
    const capitals = isCapitals(l.text);
    if (!capitals && !/^\d{1,2}(?:\.\d{1,3})*\.\s+\p{Lu}/u.test(l.text)) continue;
    const key = titleKey(l.text);
    // The heading itself is not its own echo: another line must have the same words.
    if (key.length < 4 || !echoesHeading(key, keys) || (titles.has(key) && others(key, l).length === 0)) continue;
    // A numbered head repeats its own section (`2.3. Options` over `2.3. Options`), not another
    // section of the same name (`2.4. Options`): sections of a manual often share their titles.
    const number = leadingNumber(l.text);
    if (!capitals && number && !others(key, l).some((m) => leadingNumber(m.text) === number)) continue;
    const glued = new RegExp(`\\D${printed.get(l.page)}$`, 'u').test(l.text);
    found.set(l, `a running head repeating the title of the section${glued ? ', with the page number' : ''}`);
  }
}

/** The section number a line starts with (`2.3` of `2.3. Options`), if any. */
function leadingNumber(text: string): string | undefined {
  return /^(\d{1,2}(?:\.\d{1,3})*)\.?\s/u.exec(text)?.[1];
}

function isCapitals(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  return letters.length >= 4 && letters === letters.toLocaleUpperCase('fr') && letters !== letters.toLocaleLowerCase('fr');
}

/** A line reduced to its words: lowercase, without numbers (a section number, a glued page number) or punctuation. */
function titleKey(text: string): string {
  return text
    .toLocaleLowerCase('fr')
    .replace(/[\d\p{P}\p{S}]+/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
}

/**
 * Every page break becomes `\n\f\n`: the blank lines `pdftotext` writes around a page's end carry
 * no paragraph break, and the layout pass needs the form feed on a line of its own.
 */
function pageBreakEdits(text: string, removals: Edit[]): Edit[] {
  const edits: Edit[] = [];
  const removed = removals.map((e) => [e.start, e.end] as const).sort((a, b) => a[0] - b[0]);
  const isRemoved = (i: number): (readonly [number, number]) | undefined => removed.find(([s, e]) => i >= s && i < e);
  for (let i = text.indexOf('\f'); i >= 0; i = text.indexOf('\f', i + 1)) {
    // Whitespace (and removed lines) before the form feed, back to the last kept text.
    let a = i;
    for (;;) {
      if (a > 0 && /[ \t\n\f]/u.test(text[a - 1]!)) a -= 1;
      else {
        const r = a > 0 ? isRemoved(a - 1) : undefined;
        if (r) a = r[0];
        else break;
      }
    }
    let b = i + 1;
    for (;;) {
      if (b < text.length && /[ \t\n\f]/u.test(text[b]!)) b += 1;
      else {
        const r = isRemoved(b);
        if (r) b = r[1];
        else break;
      }
    }
    const insert = a === 0 || b === text.length ? (a === 0 ? '' : '\n') : '\n\f\n';
    // Split into pieces around the removals, which keep their own edits.
    let cursor = a;
    const pieces: Edit[] = [];
    for (const [s, e] of removed) {
      if (e <= a || s >= b) continue;
      if (s > cursor) pieces.push({ start: cursor, end: s, insert: '' });
      cursor = Math.max(cursor, e);
    }
    if (cursor < b) pieces.push({ start: cursor, end: b, insert: '' });
    if (pieces.length === 0) pieces.push({ start: b, end: b, insert: '' });
    pieces[pieces.length - 1]!.insert = insert;
    // The form feed's own piece must contain it or touch it; pieces are whitespace only.
    for (const p of pieces) if (p.end > p.start || p.insert) edits.push(p);
    // Empty pages: the form feeds up to `b` were part of this break.
    i = Math.max(i, b - 1);
  }
  return edits.filter((e) => text.slice(e.start, e.end) !== e.insert);
}
