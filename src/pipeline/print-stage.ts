/**
 * The print stage: the assembled HTML to finished PDFs, all through `printPdf()` and one pool of
 * printing pages of the build's browser — the compendium (A4, with its outline), the booklet
 * (laid out at A5, imposed) and the handouts, printed side by side so that both cores work, each
 * asked for only when the build wants it. Every PDF is finished the same way (text layer, tags,
 * no running head on the pages that open a part, metadata, document ID). A page reference left
 * without its number is an error of this stage. Reports progress while it runs (parts done,
 * pages printed).
 *
 * Not for: driving the browser (`render/browser.ts`), pagination (`render/paginate.ts`) or what
 * pdf-lib adds (`render/finish-pdf.ts`).
 */
import os from 'node:os';
import type { Edition } from '../assemble/edition.ts';
import type { Diagnostic } from '../diagnostics.ts';
import { bookletHtml, printBooklet, type BookletOptions } from '../publish/booklet.ts';
import { printHandouts } from '../publish/handouts.ts';
import type { ImposedBooklet } from '../publish/impose-booklet.ts';
import type { BrowserSession } from '../render/browser.ts';
import { compendiumAnchors, editionOutline, editionPdfMetadata, handoutPdfMetadata } from '../render/edition-pdf.ts';
import type { LayoutMemory, PaginationProgress, PaginationResult } from '../render/paginate.ts';
import { paginationDiagnostics } from '../render/pagination-diagnostics.ts';
import { printPdf } from '../render/print-pdf.ts';
import { createPrintPool, type PrintPool } from '../render/print-pool.ts';
import type { AssembledEdition } from './assemble-stage.ts';
import { timed, type OnProgress, type StageName, type StageResult } from './stage.ts';

/** The PDFs a build can make. */
export type PrintProduct = 'pdf' | 'booklet' | 'handouts';

export interface PrintOptions {
  /** The date stamped in the PDFs' metadata. */
  date: Date;
  /** The file pagination diagnostics name. */
  manifestFile: string;
  booklet?: BookletOptions;
  /** What to print (default: all three). */
  products?: ReadonlySet<PrintProduct>;
  /** Layouts of parts printed before, for the compendium and the booklet (see `paginate`). */
  layouts?: LayoutMemory;
  /** Pages printing at once (default: the cores, at least 2, at most 4). */
  printPages?: number;
  onProgress?: OnProgress;
}

export interface PrintedCompendium {
  pdf: Uint8Array;
  pagination: Omit<PaginationResult, 'document'>;
}

export interface PrintedEdition {
  compendium?: PrintedCompendium;
  booklet?: Omit<ImposedBooklet, 'pdf'> & { pdf: Uint8Array };
  handouts?: { documentId: string; pdf: Uint8Array }[];
}

/** Pages of the pool: one per core, and at least two (the layout of one part waits on the PDF of another). */
export function defaultPrintPages(): number {
  return Math.min(4, Math.max(2, os.availableParallelism()));
}

/**
 * Prints and finishes the compendium's PDF.
 * @param target the build's print pool, or a browser
 * @param assembled the assembled edition
 * @param options the metadata date and the file diagnostics name
 */
export async function printCompendium(
  target: BrowserSession | PrintPool,
  assembled: AssembledEdition,
  options: Pick<PrintOptions, 'date' | 'manifestFile' | 'layouts'> & { printer: string; onProgress?: (p: PaginationProgress) => void },
): Promise<StageResult<PrintedCompendium>> {
  const { edition, html } = assembled;
  const printed = await printPdf(target, {
    html,
    metadata: editionPdfMetadata(edition, options.date, html, options.printer),
    outline: editionOutline(edition),
    openingAnchors: openingAnchors(edition),
    onProgress: options.onProgress,
    layouts: options.layouts,
  });
  return { value: { pdf: printed.pdf, pagination: printed.pagination }, diagnostics: paginationDiagnostics(printed.pagination, options.manifestFile, html) };
}

/** The handouts of an edition, with their metadata, ready for `printHandouts`. */
export function handoutRequests(edition: Edition, handouts: AssembledEdition['handouts'], date: Date, printer: string) {
  return handouts.map((h) => {
    const document = edition.documents.find((d) => d.id === h.documentId)!;
    // The HTML stays a getter (see `assembleStage`): made when printed, not held by every request.
    return {
      documentId: h.documentId,
      get html() {
        return h.html;
      },
      metadata: handoutPdfMetadata(edition, document, date, h.html, printer),
    };
  });
}

/**
 * The elements that open a part of the compendium (the table of contents, each document, the
 * back matter, the colophon): no running head is left on their page. Most are right-hand starts,
 * where the pagination cuts the document anyway; the colophon, and every part of an edition
 * without right-hand starts, are not.
 * @param edition the edition
 */
export function openingAnchors(edition: Edition): string[] {
  return [compendiumAnchors.toc, ...edition.toc.filter((e) => e.level === 1).map((e) => e.id), compendiumAnchors.colophon];
}

/**
 * Prints every PDF of an edition the build asks for, side by side in one pool of pages.
 * @param session an open browser
 * @param assembled the assembled edition
 */
export async function printStage(session: BrowserSession, assembled: AssembledEdition, options: PrintOptions): Promise<StageResult<PrintedEdition>> {
  const products = options.products ?? new Set<PrintProduct>(['pdf', 'booklet', 'handouts']);
  const printer = await session.version();
  const pool = createPrintPool(session, options.printPages ?? defaultPrintPages());
  const report = reporter(options.onProgress);
  try {
    const { edition, html } = assembled;
    const bookletSource = bookletHtml(html, assembled.assets.bookletCss);
    const compendium = products.has('pdf')
      ? timed('paginate', options.onProgress, () => printCompendium(pool, assembled, { ...options, printer, onProgress: (p) => report('paginate', partsLine(p)) }), (r) => `${r.value.pagination.pageCount} pages, ${r.value.pagination.parts} parts, ${r.value.pagination.prints} prints, ${Math.round(r.value.pdf.length / 1024)} KiB of PDF`)
      : undefined;
    const booklet = products.has('booklet')
      ? timed(
          'booklet',
          options.onProgress,
          () => printBooklet(pool, bookletSource, { metadata: editionPdfMetadata(edition, options.date, bookletSource, printer), openingAnchors: openingAnchors(edition), layouts: options.layouts }, options.booklet, (p) => report('booklet', partsLine(p))),
          (b) => `${b.pages} pages + ${b.blanks} blank on ${b.sheets} sheets, ${b.printed.pagination.prints} prints`,
        )
      : undefined;
    const handouts = products.has('handouts')
      ? timed(
          'handouts',
          options.onProgress,
          () => printHandouts(pool, handoutRequests(edition, assembled.handouts, options.date, printer), (done, pages) => report('handouts', `${done}/${assembled.handouts.length} handouts, ${pages} pages`)),
          (h) => `${h.length} handouts, ${h.reduce((n, x) => n + x.pagination.pageCount, 0)} pages`,
        )
      : undefined;
    // Every print is under way; wait for all, and fail with the first failure.
    const [c, b, h] = await Promise.all([compendium, booklet, handouts]);
    const diagnostics: Diagnostic[] = [...(c?.diagnostics ?? [])];
    // The booklet and the handouts print the compendium's texts again: only their errors are new
    // (a reference the A5 layout lost, or one a project's handout template makes).
    const more = [
      ...(b ? paginationDiagnostics(b.printed.pagination, options.manifestFile, bookletSource) : []),
      ...(h ?? []).flatMap((x) => paginationDiagnostics(x.pagination, options.manifestFile, assembled.handouts.find((a) => a.documentId === x.documentId)!.html)),
    ];
    for (const d of more) if (d.severity === 'error' && !diagnostics.some((known) => known.message === d.message)) diagnostics.push(d);
    return {
      value: {
        compendium: c?.value,
        booklet: b && { pages: b.pages, blanks: b.blanks, sheets: b.sheets, signatures: b.signatures, sheetSize: b.sheetSize, pdf: b.pdf },
        handouts: h?.map(({ documentId, pdf }) => ({ documentId, pdf })),
      },
      diagnostics,
    };
  } finally {
    await pool.close();
  }
}

function partsLine(p: PaginationProgress): string {
  return `${p.partsDone}/${p.parts} parts, ${p.pages} pages printed`;
}

/** Progress of running stages, at most one report per stage every two seconds. */
function reporter(onProgress: OnProgress | undefined): (stage: StageName, detail: string) => void {
  const started = performance.now();
  const last = new Map<StageName, number>();
  return (stage, detail) => {
    if (!onProgress) return;
    const now = performance.now();
    if (now - (last.get(stage) ?? started) < 2000) return;
    last.set(stage, now);
    onProgress({ stage, ms: Math.round(now - started), detail, running: true });
  };
}
