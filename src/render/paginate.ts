/**
 * From an HTML document to its PDF with Chrome's own pagination, each page laid out once, and the
 * page each anchor landed on. Chrome implements neither `target-counter()` nor blank pages for
 * `break-before: right`; this module does both without printing the whole document again and
 * again:
 *
 * 1. The document is cut into parts at every right-hand start (an element whose computed
 *    `break-before` is `right` or `recto`): the cover, the table of contents, each document, each
 *    section of the back matter. A part's layout does not depend on where it starts, since it
 *    always starts on a right-hand page; only its folios and its page references do.
 * 2. Parts are printed in parallel pages of one browser (`print-pool.ts`), each page keeping the
 *    document's head (stylesheet, fonts) and swapping the body. A part is printed once it knows
 *    its first page — `@page :first { counter-increment: page N }` on two throw-away leading
 *    pages sets Chrome's page counter, so the folios are right — and the pages of the anchors its
 *    `data-page-of` elements name. While a part waits, a free page measures the length of one
 *    ahead of it (the same layout, printed invisible and untagged, which costs about a third).
 *    The table of contents, which names every page, is measured early and printed last.
 *    Before every print of a part, measures included, runs of hyphenated lines are broken up
 *    in the part as it will be printed (`typography/hyphen-ladders.ts`); a part laid out before
 *    with the same numbers (in this print or a remembered one) has the same soft hyphens taken
 *    out without being laid out again. Of the parts ready to print, the longest goes first.
 *    Each final print's PDF is handed to `finishPart` as soon as it is read, so that what can be
 *    finished a part at a time (`finish-pdf.ts`) is done while Chrome prints the others.
 * 3. Only the small PDFs of the parts are read (their named destinations and page count). When
 *    every part's print agrees with the numbers the others gave (start page, page references),
 *    the parts are merged (`pdf-merge.ts`); a part printed with numbers that changed since is
 *    printed again, so the result is always exact. Usually every part is printed once.
 *
 * The contract, for any HTML (compendium, booklet, handout):
 * - an element with `data-page-of="ANCHOR"` gets as text the number of the page on which the
 *   element with `id="ANCHOR"` starts (the text of its own link child, when it has one);
 * - an element whose computed `break-before` is `right` (or `recto`) starts on a right-hand
 *   (odd) page: a blank page, without running headers, is inserted before it when needed;
 * - the page size, margins and running headers come from the HTML's own CSS (`@page`); `:first`
 *   matches the document's first page only. `counter(pages)` counts the pages of a part, so it
 *   is the document's page count only in a document without right-hand starts (a handout).
 *
 * Not for: how the browser is driven (`browser.ts`), or what is done to the PDF afterwards
 * (metadata, outline: `finish-pdf.ts`).
 */
import { createHash } from 'node:crypto';
import { PDFDocument } from 'pdf-lib';
import { maxHyphenatedLinesInARow } from '../language/fr/line-breaking.ts';
import { limitHyphenLadders, removeSoftHyphens } from '../typography/hyphen-ladders.ts';
import { loadEveryFace, type BrowserSession, type LoadedPage, type PdfOptions } from './browser.ts';
import { readAnchorPositions, type AnchorPosition } from './pdf-anchors.ts';
import { mergeParts } from './pdf-merge.ts';
import { withPool, type DocumentShell, type PrintJob, type PrintPool, type PrintTask } from './print-pool.ts';

export interface PaginateOptions {
  /** Most prints of one part before giving up on numbers that keep moving (default 4). */
  maxPrintsPerPart?: number;
  /** Passed to the browser's print (tagged PDF; Chrome's outline is kept for a one-part document only). */
  pdf?: PdfOptions;
  /** Told after each print. */
  onProgress?: (progress: PaginationProgress) => void;
  /**
   * Awaited before the parts are merged into one document (the first moment the whole PDF is in
   * memory); `printPdf()` holds its one-at-a-time lock from there until the PDF is finished.
   */
  beforeMerge?: () => Promise<void>;
  /**
   * Layouts of parts printed before (by an earlier build, or an earlier print of this process):
   * a part found there is not measured, its length known from the start, so that every part can
   * be printed at once. Each final print is still checked against the numbers it was printed
   * with, so a wrong memory costs a print, never a wrong number.
   */
  layouts?: LayoutMemory;
  /**
   * Run on each final print of a part, on its PDF as loaded (changed in place), before the merge:
   * what can be finished a part at a time is done while Chrome prints the others. A part printed
   * again is finished again; the merge takes the last.
   */
  finishPart?: (doc: PDFDocument, part: FinishingPart) => void;
}

/** A part's final print, as `finishPart` sees it. */
export interface FinishingPart {
  /** The part's place in the document (0 for the first). */
  index: number;
  /** Leading pages of its PDF that are not part of the document (1-based page skip + 1 is its first). */
  skip: number;
  /** Where each anchor of the part is, on its own pages (1-based, after the skipped ones). */
  local: ReadonlyMap<string, AnchorPosition>;
}

/** What a print of a part gave, kept to spare its measure next time. */
export interface RememberedLayout {
  /** The page reference values it was printed with. */
  values: Record<string, string>;
  length: number;
  local: Map<string, AnchorPosition>;
  skip: number;
  /** The soft hyphens its ladders took out (`limitHyphenLadders`'s `removed`). */
  removed: number[];
}

/** Layouts by a key of everything a part's layout depends on in the document (`layoutKey`). */
export interface LayoutMemory {
  get(key: string): RememberedLayout | undefined;
  set(key: string, layout: RememberedLayout): void;
}

export interface PaginationProgress {
  parts: number;
  /** Parts printed with their final numbers. */
  partsDone: number;
  /** Pages Chrome has printed so far (final prints). */
  pages: number;
  /** Prints made so far, measures included. */
  prints: number;
}

export interface PaginationResult {
  /** The whole document, merged, not yet saved. */
  document: PDFDocument;
  /** Page (1-based) on which each element with an id starts, for every id of the document. */
  pages: Record<string, number>;
  /** Page and position of each anchor, for outlines. */
  positions: Record<string, AnchorPosition>;
  /** Rounds of final prints: 1 when every part was printed once with its final numbers. */
  passes: number;
  /** Prints Chrome made (measures and final prints of every part). */
  prints: number;
  /** Parts the document was cut into. */
  parts: number;
  pageCount: number;
  /** False when the page numbers still moved at the last print allowed (they may be off). */
  settled: boolean;
  /** Anchors named by a `data-page-of` that no element of the document carries. */
  missing: string[];
  /**
   * Anchors named by a `data-page-of` that got no page number: missing ones, and ones whose
   * element Chrome wrote no destination for (an element without a box).
   */
  unresolved: string[];
  /** Blank pages inserted so that right-hand starts fall on right-hand pages. */
  blankPages: number;
  /** Pages on which a right-hand start opens (the first page of each part but the first). */
  openingPages: number[];
}

/** A part of the document, as the split gives it. */
interface Part {
  /** The body's content for this part: its elements, with their ancestors' start tags. */
  html: string;
  /** Ids whose element starts in this part. */
  owned: string[];
  /** Anchors the part's `data-page-of` elements name (existing ones). */
  refs: string[];
  /** Ids the part links to that are not in it: stand-ins are added so that Chrome writes the links. */
  stubs: string[];
}

interface Split {
  parts: Part[];
  missing: string[];
  /** Every anchor a `data-page-of` names, in document order, once each. */
  referenced: string[];
}

/** One print of a part. */
interface Print {
  kind: 'measure' | 'final';
  /** First page it was printed for (finals only). */
  start?: number;
  /** Page reference values it was printed with. */
  values: Record<string, string>;
  /** Pages, without the leading throw-away pages. */
  length: number;
  /** Where each owned anchor is, on the part's own pages (1-based). */
  local: Map<string, AnchorPosition>;
  /**
   * The PDF's bytes (finals only): Chrome's, then, once `finishPart` has run, the finished part
   * saved again. Not the loaded document: a hundred parts' objects held until the merge would
   * cost more memory than the whole PDF, and the collector's time with it.
   */
  pdf?: Uint8Array;
  /** Settles when `finishPart` has run on it and `pdf` holds its result (finals only). */
  finishing?: Promise<void>;
  skip: number;
  /** The soft hyphens its ladders took out. */
  removed: number[];
  /** Taken from the layout memory, not printed by this job. */
  remembered?: boolean;
}

interface PartState {
  part: Part;
  owned: Set<string>;
  latest?: Print;
  final?: Print;
  running: boolean;
  finals: number;
  measures: number;
}

/** Leading pages of a part that starts after page 1: the page `:first` matches, and a left page. */
const leadingPages = 2;

/**
 * Prints an HTML document with Chrome's pagination, filling its page references.
 * @param target an open browser (a pool of two pages is opened for this document) or the
 *   build's print pool, shared with other documents
 * @param html a self-contained HTML document
 * @param options print options and progress
 * @returns the merged PDF (not saved), the page of every anchor, and how many prints it took
 */
export function paginate(target: BrowserSession | PrintPool, html: string, options: PaginateOptions = {}): Promise<PaginationResult> {
  return withPool(target, (pool) => runJob(pool, html, options));
}

/**
 * Prints and saves: `paginate()` for tests and scripts that only want the PDF's bytes.
 */
export async function paginateToBytes(target: BrowserSession | PrintPool, html: string, options: PaginateOptions = {}): Promise<PaginationResult & { pdf: Uint8Array }> {
  const result = await paginate(target, html, options);
  return { ...result, pdf: await result.document.save({ addDefaultPage: false, updateFieldAppearances: false }) };
}

/** Cuts the HTML at its body: what a page keeps between parts, and what changes. */
export function documentShell(html: string): { shell: DocumentShell; body: string } {
  const open = /<body\b[^>]*>/i.exec(html);
  const close = html.search(/<\/body\s*>(?![\s\S]*<\/body\s*>)/i);
  if (!open || close < open.index) return { shell: { head: '<!DOCTYPE html><html><head></head><body>', tail: '</body></html>' }, body: html };
  const end = open.index + open[0].length;
  return { shell: { head: html.slice(0, end), tail: html.slice(close) }, body: html.slice(end, close) };
}

function runJob(pool: PrintPool, html: string, options: PaginateOptions): Promise<PaginationResult> {
  const { shell, body } = documentShell(html);
  const maxPrints = Math.max(2, options.maxPrintsPerPart ?? 4);
  const tagged = options.pdf?.tagged ?? true;
  let split: Split | undefined;
  let splitting = false;
  let states: PartState[] = [];
  let prints = 0;
  /** How many times a part's latest print was set (see `known`). */
  let latestChanges = 0;
  let failed: unknown;
  let resolveJob!: (r: PaginationResult) => void;
  let rejectJob!: (e: unknown) => void;
  const finished = new Promise<PaginationResult>((resolve, reject) => {
    resolveJob = resolve;
    rejectJob = reject;
  });

  /** First page of every part, as far as the lengths known so far tell. */
  const starts = (): (number | undefined)[] => {
    const out: (number | undefined)[] = [];
    let next: number | undefined = 1;
    states.forEach((s, i) => {
      if (next !== undefined && i > 0 && next % 2 === 0) next += 1;
      out.push(next);
      next = next !== undefined && s.latest ? next + s.latest.length : undefined;
    });
    return out;
  };
  /** The page of each anchor, as far as known; from each part's latest print. */
  const anchorPages = (first: (number | undefined)[]): Map<string, number> => {
    const pages = new Map<string, number>();
    states.forEach((s, i) => {
      const start = first[i];
      if (start === undefined || !s.latest) return;
      for (const [id, p] of s.latest.local) pages.set(id, start + p.page - 1);
    });
    return pages;
  };
  /** `starts()` and `anchorPages()`, computed again only when a part's latest print changed (the scheduler asks after every print). */
  let changesSeen = -1;
  let knownNow: { first: (number | undefined)[]; pages: Map<string, number> } = { first: [], pages: new Map() };
  const known = (): { first: (number | undefined)[]; pages: Map<string, number> } => {
    if (changesSeen !== latestChanges) {
      const first = starts();
      knownNow = { first, pages: anchorPages(first) };
      changesSeen = latestChanges;
    }
    return knownNow;
  };
  /** `valuesFor()` of each part for the page map it was last asked with (`known()` keeps one map until a print changes it). */
  const valuesMemo = new WeakMap<PartState, { pages: Map<string, number>; result: { values: Record<string, string>; complete: boolean } }>();
  const valuesFor = (s: PartState, pages: Map<string, number>): { values: Record<string, string>; complete: boolean } => {
    const memo = valuesMemo.get(s);
    if (memo?.pages === pages) return memo.result;
    const result = pageValues(s, pages);
    valuesMemo.set(s, { pages, result });
    return result;
  };
  const pageValues = (s: PartState, pages: Map<string, number>): { values: Record<string, string>; complete: boolean } => {
    const values: Record<string, string> = {};
    let complete = true;
    for (const ref of s.part.refs) {
      const page = pages.get(ref);
      if (page === undefined) complete = false;
      else values[ref] = String(page);
    }
    return { values, complete };
  };
  const same = (a: Record<string, string>, b: Record<string, string>): boolean => {
    if (a === b) return true;
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => a[k] === b[k]);
  };
  /** Whether a part's final print agrees with the numbers the others give now. */
  const current = (s: PartState, start: number | undefined, pages: Map<string, number>): boolean =>
    s.final !== undefined && s.final === s.latest && s.final.start === start && same(s.final.values, valuesFor(s, pages).values);

  const printTask = (index: number, kind: Print['kind'], start: number, values: Record<string, string>): PrintTask => {
    const s = states[index]!;
    s.running = true;
    if (kind === 'final') s.finals += 1;
    else s.measures += 1;
    return {
      run: async (page) => {
        // The same text as a print before (of this build or a remembered one) breaks its ladders at the same words.
        const removed = s.latest && same(s.latest.values, values) ? s.latest.removed : undefined;
        const printed = await printPart(page, s.part, { start, values, measure: kind === 'measure', tagged, outline: states.length === 1 && (options.pdf?.outline ?? false), removed });
        prints += 1;
        s.running = false;
        const result: Print = { kind, start: kind === 'final' ? start : undefined, values, length: printed.length, local: printed.local, pdf: kind === 'final' ? printed.pdf : undefined, skip: printed.skip, removed: printed.removed };
        // A remembered layout that the same numbers print otherwise: the memory is not to be
        // trusted (fonts or the browser changed). The parts still waiting on theirs are measured,
        // rather than printed again and again as the lengths before them come out wrong one by one.
        if (s.latest?.remembered && same(s.latest.values, values) && s.latest.length !== printed.length) {
          for (const other of states) if (other !== s && other.latest?.remembered) other.latest = undefined;
        }
        s.latest = result;
        latestChanges += 1;
        if (kind === 'final') {
          s.final = result;
          // After the next prints are sent: finishing is JavaScript, Chrome goes on meanwhile.
          const finishPart = options.finishPart;
          if (finishPart) {
            result.finishing = new Promise<void>((resolve, reject) => {
              setImmediate(() => {
                try {
                  finishPart(printed.document, { index, skip: printed.skip, local: printed.local });
                  resolve(savePart(printed.document).then((pdf) => void (result.pdf = pdf)));
                } catch (error) {
                  reject(error);
                }
              });
            });
            result.finishing.catch(fail);
          }
        }
        options.layouts?.set(layoutKey(shell, s.part, tagged), { values, length: result.length, local: result.local, skip: result.skip, removed: result.removed });
        step();
      },
      fail: (error) => {
        s.running = false;
        fail(error);
      },
    };
  };

  const fail = (error: unknown): void => {
    if (failed !== undefined) return;
    failed = error;
    rejectJob(error);
  };

  /** The earliest part (but the last, whose length nothing needs) not yet measured with its current numbers. */
  const toMeasure = (pages: Map<string, number>): number | undefined => {
    for (let i = 0; i < states.length - 1; i++) {
      const s = states[i]!;
      if (s.running || s.measures >= maxPrints) continue;
      if (!s.latest || !same(s.latest.values, valuesFor(s, pages).values)) return i;
    }
    return undefined;
  };

  const job: PrintJob = {
    shell,
    urgent() {
      if (failed !== undefined) return undefined;
      if (!split) {
        if (splitting) return undefined;
        splitting = true;
        return {
          run: async (page) => {
            split = await page.evaluate(splitDocument, body, splitCss);
            states = split.parts.map((part) => {
              const remembered = options.layouts?.get(layoutKey(shell, part, tagged));
              const latest: Print | undefined = remembered && { kind: 'measure', values: remembered.values, length: remembered.length, local: remembered.local, skip: remembered.skip, removed: remembered.removed, remembered: true };
              return { part, owned: new Set(part.owned), running: false, finals: 0, measures: 0, latest };
            });
            latestChanges += 1;
            step();
          },
          fail,
        };
      }
      const { first, pages } = known();
      let waiting: number | undefined;
      // Of the parts that can be printed, the longest first: the pages of the pool then finish
      // together rather than one waiting on a long part sent last.
      let ready: { i: number; start: number; values: Record<string, string>; length: number } | undefined;
      for (const [i, s] of states.entries()) {
        const start = first[i];
        if (start === undefined || s.running || current(s, start, pages) || s.finals >= maxPrints) continue;
        const { values, complete } = valuesFor(s, pages);
        const length = s.latest?.length ?? 0;
        if (complete && (!ready || length > ready.length)) ready = { i, start, values, length };
        if (!complete) waiting ??= i;
      }
      if (ready) return printTask(ready.i, 'final', ready.start, ready.values);
      // Nothing else can move (a part names pages that depend on its own length): print it
      // with the numbers known so far; it is printed again if they change.
      if (waiting !== undefined && states.every((s) => !s.running) && toMeasure(pages) === undefined) {
        return printTask(waiting, 'final', first[waiting]!, valuesFor(states[waiting]!, pages).values);
      }
      return undefined;
    },
    speculative() {
      if (failed !== undefined || !split) return undefined;
      const { pages } = known();
      const index = toMeasure(pages);
      // Measured where it will be printed: page 1 for the first part, after the leading pages for the others.
      return index === undefined ? undefined : printTask(index, 'measure', index === 0 ? 1 : 3, valuesFor(states[index]!, pages).values);
    },
  };

  const step = (): void => {
    if (failed !== undefined || !split) return;
    const { first, pages } = known();
    options.onProgress?.({ parts: states.length, partsDone: states.filter((s, i) => current(s, first[i], pages)).length, pages: states.reduce((n, s) => n + (s.final?.length ?? 0), 0), prints });
    if (states.some((s) => s.running)) return pool.wake();
    const done = states.every((s, i) => current(s, first[i], pages) || (s.finals >= maxPrints && s.final));
    if (!done) return pool.wake();
    void assemble(first, pages).then(resolveJob, fail);
  };

  const assemble = async (first: (number | undefined)[], pages: Map<string, number>): Promise<PaginationResult> => {
    const settled = states.every((s, i) => current(s, first[i], pages));
    await Promise.all(states.map((s) => s.final!.finishing));
    await options.beforeMerge?.();
    const merged = await mergeParts(states.map((s, i) => ({ pdf: s.final!.pdf!, start: first[i]!, skip: s.final!.skip, owned: s.owned })));
    const positions: Record<string, AnchorPosition> = {};
    const pageOf: Record<string, number> = {};
    states.forEach((s, i) => {
      for (const [id, p] of s.final!.local) {
        const page = first[i]! + p.page - 1;
        positions[id] = { ...p, page };
        pageOf[id] = page;
      }
    });
    return {
      document: merged.document,
      pages: pageOf,
      positions,
      passes: Math.max(1, ...states.map((s) => s.finals)),
      prints,
      parts: states.length,
      pageCount: merged.document.getPageCount(),
      settled,
      missing: split!.missing,
      unresolved: split!.referenced.filter((id) => pageOf[id] === undefined),
      blankPages: merged.blankPages,
      openingPages: first.slice(1).map((p) => p!),
    };
  };

  pool.add(job, finished);
  return finished;
}

/**
 * What a part's layout depends on, hashed: the document's head (styles, fonts), the part and the
 * stand-ins it gets, and whether it is tagged. Not its start: a part starts on a right-hand page.
 */
function layoutKey(shell: DocumentShell, part: Part, tagged: boolean): string {
  const hash = createHash('sha256');
  for (const piece of [shell.head, shell.tail, part.html, JSON.stringify([part.owned, part.refs, part.stubs, tagged])]) hash.update(`${piece.length}:`).update(piece);
  return hash.digest('hex');
}

/** Prints one part in a page that holds the document's shell. */
async function printPart(
  page: LoadedPage,
  part: Part,
  how: { start: number; values: Record<string, string>; measure: boolean; tagged: boolean; outline: boolean; removed?: readonly number[] },
): Promise<{ length: number; local: Map<string, AnchorPosition>; document: PDFDocument; pdf: Uint8Array; skip: number; removed: number[] }> {
  const skip = how.start > 1 ? leadingPages : 0;
  await page.evaluate(showPart, { html: part.html, owned: part.owned, refs: part.refs, stubs: part.stubs, values: how.values, skip, counter: how.start - skip, measure: how.measure });
  // The part may use a face the page has not loaded yet (see `loadEveryFace`).
  await page.evaluate(loadEveryFace);
  // No more than two hyphenated lines in a row (see hyphen-ladders.ts), in the part as it is
  // about to be printed, its page numbers written: a measure must see the lines its final print
  // will have, or the lengths it gives would be wrong. The same text laid out before needs no
  // layout: the same soft hyphens go.
  let removed: number[];
  if (how.removed) {
    await page.evaluate(removeSoftHyphens, how.removed);
    removed = [...how.removed];
  } else {
    removed = (await page.evaluate(limitHyphenLadders, maxHyphenatedLinesInARow, 24)).removed;
  }
  const pdf = await page.pdf({ outline: how.outline && !how.measure, tagged: how.tagged && !how.measure });
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const local = new Map<string, AnchorPosition>();
  const owned = new Set(part.owned);
  for (const [id, position] of readAnchorPositions(doc)) if (owned.has(id) && position.page > skip) local.set(id, { ...position, page: position.page - skip });
  return { length: doc.getPageCount() - skip, local, document: doc, pdf, skip, removed };
}

/**
 * A finished part's PDF as bytes until the merge reads it again: without object streams or
 * compression (its page content is compressed already), and without yielding every few objects,
 * which is the quickest pdf-lib writes.
 */
function savePart(doc: PDFDocument): Promise<Uint8Array> {
  return doc.save({ useObjectStreams: false, addDefaultPage: false, updateFieldAppearances: false, objectsPerTick: Number.POSITIVE_INFINITY });
}

/** While the split runs, the body is not laid out: only its styles are computed. */
const splitCss = 'body { display: none !important; }';

/*
 * The functions below run inside the page (serialized by the browser driver): they may use only
 * their arguments and the DOM.
 */

/**
 * Puts the body in the page (not laid out) and cuts it before each right-hand start. Each part
 * keeps the start tags of its elements' ancestors (a document inside `<main>` stays inside a
 * `<main>`); an id belongs to the part its element starts in.
 */
function splitDocument(body: string, css: string): Split {
  const style = document.createElement('style');
  style.setAttribute('data-folio-split', '');
  style.textContent = css;
  document.head.append(style);
  document.body.innerHTML = body;
  const root = document.body;
  const all = [...root.querySelectorAll('*')];
  const starts = all.filter((el) => {
    const b = getComputedStyle(el).breakBefore;
    return b === 'right' || b === 'recto';
  });

  // A part from each boundary to the next; parts with nothing to show join the next one.
  const isEmpty = (range: Range): boolean => {
    const fragment = range.cloneContents();
    return (fragment.textContent ?? '').trim() === '' && !fragment.querySelector('img, svg, hr, table, canvas, object, embed, video, picture, iframe, input');
  };
  const boundaries: (Element | null)[] = [null];
  for (const el of starts) {
    const range = document.createRange();
    const from = boundaries[boundaries.length - 1];
    if (from) range.setStartBefore(from);
    else range.setStart(root, 0);
    range.setEndBefore(el);
    if (isEmpty(range)) boundaries[boundaries.length - 1] = from ?? el;
    else boundaries.push(el);
  }
  if (boundaries.length > 1) {
    const last = document.createRange();
    last.setStartBefore(boundaries[boundaries.length - 1]!);
    last.setEnd(root, root.childNodes.length);
    if (isEmpty(last)) boundaries.pop();
  }

  // Which part each element starts in: parts change at their boundary, in document order.
  const partOf = new Map<Element, number>();
  let k = 0;
  for (const el of all) {
    if (k + 1 < boundaries.length && el === boundaries[k + 1]) k += 1;
    partOf.set(el, k);
  }
  const idsOf = new Map<string, number>();
  for (const el of all) if (el.id && !idsOf.has(el.id)) idsOf.set(el.id, partOf.get(el)!);

  const referenced: string[] = [];
  const missing: string[] = [];
  for (const el of root.querySelectorAll('[data-page-of]')) {
    const anchor = el.getAttribute('data-page-of') ?? '';
    if (!referenced.includes(anchor)) referenced.push(anchor);
    if (!idsOf.has(anchor) && !missing.includes(anchor)) missing.push(anchor);
  }

  const parts: Part[] = boundaries.map((from, i) => {
    const range = document.createRange();
    if (from) range.setStartBefore(from);
    else range.setStart(root, 0);
    const to = boundaries[i + 1];
    if (to) range.setEndBefore(to);
    else range.setEnd(root, root.childNodes.length);
    // The nodes of the range, with the ancestors they need up to the body.
    const prune = (node: Node): Node | null => {
      if (!range.intersectsNode(node)) return null;
      const parent = node.parentNode!;
      const index = Array.prototype.indexOf.call(parent.childNodes, node) as number;
      if (range.comparePoint(parent, index) >= 0 && range.comparePoint(parent, index + 1) <= 0) return node.cloneNode(true);
      const copy = node.cloneNode(false);
      for (const child of node.childNodes) {
        const kept = prune(child);
        if (kept) copy.appendChild(kept);
      }
      // An ancestor the range only grazes (the start tag of the next part's <main>, with a line
      // break in it) is left out: empty, it would still open a page of another name.
      const empty = ![...copy.childNodes].some((c) => c.nodeType === Node.ELEMENT_NODE || (c.nodeType === Node.TEXT_NODE && (c.textContent ?? '').trim() !== ''));
      return empty ? null : copy;
    };
    const holder = document.createElement('body');
    for (const child of root.childNodes) {
      const kept = prune(child);
      if (kept) holder.appendChild(kept);
    }
    const present = new Set([...holder.querySelectorAll('[id]')].map((el) => el.id));
    const stubs = new Set<string>();
    for (const a of holder.querySelectorAll('a[href^="#"]')) {
      let id = a.getAttribute('href')!.slice(1);
      try {
        id = decodeURIComponent(id);
      } catch {
        // keep the fragment as written
      }
      if (id && !present.has(id) && idsOf.has(id)) stubs.add(id);
    }
    const owned = [...idsOf].filter(([, p]) => p === i).map(([id]) => id);
    const refs = [...new Set([...holder.querySelectorAll('[data-page-of]')].map((el) => el.getAttribute('data-page-of') ?? '').filter((a) => idsOf.has(a)))];
    return { html: holder.innerHTML, owned, refs, stubs: [...stubs] };
  });
  style.remove();
  document.body.innerHTML = '';
  return { parts, missing, referenced };
}

/**
 * Shows one part: its content after the leading pages, the page counter, the page references'
 * numbers, a hidden link to each of its anchors (so that Chrome writes a destination for it) and
 * stand-ins for the anchors it links to in other parts (so that Chrome writes the links).
 */
function showPart(part: { html: string; owned: string[]; refs: string[]; stubs: string[]; values: Record<string, string>; skip: number; counter: number; measure: boolean }): void {
  let style = document.querySelector('style[data-folio-part]');
  if (!style) {
    style = document.createElement('style');
    style.setAttribute('data-folio-part', '');
    document.head.append(style);
  }
  const css = [
    '[data-folio-lead] { display: block; height: 1px; margin: 0; padding: 0; break-after: page; }',
    '[data-folio-stubs] { position: absolute; top: 0; left: 0; width: 0; height: 0; overflow: hidden; }',
  ];
  if (part.skip) css.push(`@page :first { counter-increment: page ${part.counter}; }`);
  if (part.measure) css.push('html { visibility: hidden !important; }');
  style.textContent = css.join('\n');

  const lead = '<div data-folio-lead aria-hidden="true"></div>'.repeat(part.skip);
  document.body.innerHTML = lead + part.html;
  // References to anchors that exist get their number (two digits until it is known); the others keep their text.
  const known = new Set(part.refs);
  for (const el of document.body.querySelectorAll('[data-page-of]')) {
    const anchor = el.getAttribute('data-page-of') ?? '';
    if (!known.has(anchor)) continue;
    const slot = el.matches('a') ? el : (el.querySelector(':scope > a') ?? el);
    const value = part.values[anchor];
    slot.textContent = value ?? '00';
    // Two references in a row to the same page print one number (« p. 12, 12 » reads as a slip).
    // Only once the numbers are known, so that a measuring print is never shorter than the final one.
    const before = el.previousElementSibling;
    if (value !== undefined && before?.hasAttribute('data-page-of') && !before.hasAttribute('hidden') && before.textContent === value) {
      el.setAttribute('hidden', '');
    }
  }
  const stubs = document.createElement('div');
  stubs.setAttribute('data-folio-stubs', '');
  stubs.setAttribute('aria-hidden', 'true');
  for (const id of part.stubs) {
    const span = document.createElement('span');
    span.id = id;
    stubs.append(span);
  }
  const links = document.createElement('div');
  links.hidden = true;
  for (const id of part.owned) {
    const a = document.createElement('a');
    a.href = `#${encodeURIComponent(id)}`;
    links.append(a);
  }
  // At the start: at the end, even an empty box can spill onto a page of its own.
  document.body.prepend(stubs, links);
}
