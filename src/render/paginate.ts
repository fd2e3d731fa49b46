/**
 * From an HTML document to its PDF with Chrome's own pagination, and the page each anchor landed
 * on. Chrome implements neither `target-counter()` nor blank pages for `break-before: right`, so
 * this module does both in passes: print, read where every anchor landed (the PDF's named
 * destinations, see `pdf-anchors.ts`), write the page numbers into the `data-page-of` elements and
 * add a blank page before each right-hand start that fell on a left-hand page, print again, and
 * stop when nothing moves.
 *
 * The contract, for any HTML (compendium, booklet, handout):
 * - an element with `data-page-of="ANCHOR"` gets as text the number of the page on which the
 *   element with `id="ANCHOR"` starts (the text of its own link child, when it has one);
 * - an element whose computed `break-before` is `right` (or `recto`) starts on a right-hand
 *   (odd) page: a blank page, without running headers (named page `folio-blank`), is inserted
 *   before it when needed;
 * - the page size, margins and running headers come from the HTML's own CSS (`@page`).
 *
 * Not for: how the browser is driven (`browser.ts`), or what is done to the PDF afterwards
 * (metadata, outline: `finish-pdf.ts`).
 */
import type { BrowserSession, PdfOptions } from './browser.ts';
import { readAnchorPositionsFromBytes, type AnchorPosition } from './pdf-anchors.ts';
import { limitHyphenLadders } from '../typography/hyphen-ladders.ts';
import { maxHyphenatedLinesInARow } from '../language/fr/line-breaking.ts';

export interface PaginateOptions {
  /** Most print passes before giving up on a layout that keeps moving (default 6). */
  maxPasses?: number;
  /** Passed to the browser's print (outline, tagged PDF). */
  pdf?: PdfOptions;
}

export interface PaginationResult {
  /** The PDF of the last pass. */
  pdf: Uint8Array;
  /** Page (1-based) on which each element with an id starts, for every id of the document. */
  pages: Record<string, number>;
  /** Page and position of each anchor, for outlines. */
  positions: Record<string, AnchorPosition>;
  /** Print passes made. */
  passes: number;
  pageCount: number;
  /** False when the page numbers still moved at the last pass allowed (they may be off by one). */
  settled: boolean;
  /** Anchors named by a `data-page-of` that no element of the document carries. */
  missing: string[];
  /**
   * Anchors named by a `data-page-of` that got no page number in the last pass: missing ones, and
   * ones whose element Chrome wrote no destination for (an element without a box). Their
   * references still hold the `00` placeholder: a build must not ship them.
   */
  unresolved: string[];
  /** Blank pages inserted so that right-hand starts fall on right-hand pages. */
  blankPages: number;
}

/** What the page reports after it has been prepared for pagination. */
interface Prepared {
  ids: string[];
  missing: string[];
  /** Every anchor a `data-page-of` names, in document order, once each. */
  referenced: string[];
  /** Ids of the elements that must start on a right-hand page, in document order. */
  rightStarts: string[];
}

/**
 * Prints an HTML document with Chrome's pagination, filling its page references.
 * @param session an open browser
 * @param html a self-contained HTML document
 * @param options passes and print options
 * @returns the PDF, the page of every anchor, and how many passes it took
 */
export async function paginate(session: BrowserSession, html: string, options: PaginateOptions = {}): Promise<PaginationResult> {
  const maxPasses = Math.max(2, options.maxPasses ?? 6);
  const page = await session.load(html);
  try {
    const prepared = await page.evaluate(prepareForPagination, blankPageCss);
    // Before the first print: no more than two hyphenated lines in a row (see hyphen-ladders.ts).
    await page.evaluate(limitHyphenLadders, maxHyphenatedLinesInARow, 24);
    let result: PaginationResult | undefined;
    let blanks = prepared.rightStarts.map(() => false);
    for (let pass = 1; pass <= maxPasses; pass++) {
      const pdf = await page.pdf(options.pdf);
      const { positions, pageCount } = await readAnchorPositionsFromBytes(pdf);
      const pages: Record<string, number> = {};
      const found: Record<string, AnchorPosition> = {};
      for (const id of prepared.ids) {
        const position = positions.get(id);
        if (position) {
          pages[id] = position.page;
          found[id] = position;
        }
      }
      const starts = prepared.rightStarts.map((id) => positions.get(id)?.page ?? 1);
      const plan = planBlankPages(starts, blanks);
      const changed = await page.evaluate(applyPages, pages, prepared.rightStarts, plan);
      blanks = plan;
      const unresolved = prepared.referenced.filter((id) => pages[id] === undefined);
      result = { pdf, pages, positions: found, passes: pass, pageCount, settled: changed === 0, missing: prepared.missing, unresolved, blankPages: plan.filter(Boolean).length };
      if (result.settled) break;
    }
    return result!;
  } finally {
    await page.close();
  }
}

/**
 * Decides before which right-hand starts a blank page is needed.
 * @param starts the page each right-hand start landed on in the last pass, in document order
 * @param blanks whether a blank page was before each of them in that pass
 * @returns whether a blank page must be before each of them, so that all start on odd pages
 *   (assuming, as forced page breaks guarantee, that a blank page only shifts what follows it)
 */
export function planBlankPages(starts: readonly number[], blanks: readonly boolean[]): boolean[] {
  let removed = 0;
  let added = 0;
  return starts.map((start, i) => {
    if (blanks[i]) removed += 1;
    const withoutBlanks = start - removed;
    const needed = (withoutBlanks + added) % 2 === 0;
    if (needed) added += 1;
    return needed;
  });
}

/** Style of the blank pages the passes insert: no running header, no page number. */
const blankPageCss = `
[data-folio-blank-page] { break-before: page; page: folio-blank; height: 0; margin: 0; padding: 0; }
@page folio-blank {
  @top-left-corner { content: none } @top-left { content: none } @top-center { content: none }
  @top-right { content: none } @top-right-corner { content: none }
  @bottom-left-corner { content: none } @bottom-left { content: none } @bottom-center { content: none }
  @bottom-right { content: none } @bottom-right-corner { content: none }
  @left-top { content: none } @left-middle { content: none } @left-bottom { content: none }
  @right-top { content: none } @right-middle { content: none } @right-bottom { content: none }
}`;

/*
 * The two functions below run inside the page (serialized by the browser driver): they may use
 * only their arguments and the DOM.
 */

/**
 * Adds a hidden link to every id (so that Chrome writes a destination for it), gives an id to each
 * right-hand start that has none, and puts a two-digit placeholder in every page reference whose
 * anchor exists, so that the first pass already has about the right line lengths.
 */
function prepareForPagination(css: string): Prepared {
  const style = document.createElement('style');
  style.textContent = css;
  document.head.append(style);

  const ids: string[] = [];
  for (const el of document.querySelectorAll('[id]')) if (el.id) ids.push(el.id);
  const known = new Set(ids);

  const rightStarts: string[] = [];
  let n = 0;
  for (const el of document.body.querySelectorAll('*')) {
    const breakBefore = getComputedStyle(el).breakBefore;
    if (breakBefore !== 'right' && breakBefore !== 'recto') continue;
    if (!el.id) {
      do el.id = `folio-right-start-${++n}`;
      while (known.has(el.id) && n < 1e6);
      known.add(el.id);
    }
    rightStarts.push(el.id);
  }

  const missing = new Set<string>();
  const referenced = new Set<string>();
  for (const el of document.querySelectorAll('[data-page-of]')) {
    const anchor = el.getAttribute('data-page-of') ?? '';
    referenced.add(anchor);
    if (!known.has(anchor)) {
      missing.add(anchor);
      continue;
    }
    const slot = el.matches('a') ? el : (el.querySelector(':scope > a') ?? el);
    slot.textContent = '00';
  }

  const links = document.createElement('div');
  links.hidden = true;
  links.setAttribute('data-folio-anchors', '');
  for (const id of known) {
    const a = document.createElement('a');
    a.href = `#${encodeURIComponent(id)}`;
    links.append(a);
  }
  document.body.append(links);
  return { ids, missing: [...missing], referenced: [...referenced], rightStarts };
}

/**
 * Writes the page numbers, and adds or removes the blank page before each right-hand start.
 * @returns how many things changed
 */
function applyPages(pages: Record<string, number>, rightStarts: string[], blanks: boolean[]): number {
  let changed = 0;
  for (const el of document.querySelectorAll('[data-page-of]')) {
    const page = pages[el.getAttribute('data-page-of') ?? ''];
    if (page === undefined) continue;
    const slot = el.matches('a') ? el : (el.querySelector(':scope > a') ?? el);
    if (slot.textContent !== String(page)) {
      slot.textContent = String(page);
      changed += 1;
    }
  }
  rightStarts.forEach((id, i) => {
    const el = document.getElementById(id);
    if (!el) return;
    const before = el.previousElementSibling;
    const has = before?.hasAttribute('data-folio-blank-page') ?? false;
    if (has === Boolean(blanks[i])) return;
    changed += 1;
    if (has) before!.remove();
    else {
      const blank = document.createElement('div');
      blank.setAttribute('data-folio-blank-page', '');
      blank.setAttribute('aria-hidden', 'true');
      el.before(blank);
    }
  });
  return changed;
}
