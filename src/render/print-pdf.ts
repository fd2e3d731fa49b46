/**
 * The one function that prints and finishes a PDF. Every PDF Folio writes — the compendium, the
 * booklet, each handout, in `folio build`, `folio watch` and the benchmarks — comes from here:
 * Chrome's pagination by parts (`paginate.ts`), an optional rearrangement of the pages (a
 * booklet's imposition), then what pdf-lib adds (`finish-pdf.ts`: a text layer without soft
 * hyphens, tags a checker accepts, no running head on the pages that open a part, metadata, XMP,
 * document ID, dates that do not come from the clock, outline, text mapping). So every PDF is
 * finished the same way, and the same sources give the same bytes.
 *
 * Not for: choosing what to print or its metadata (`pipeline/print-stage.ts`, `edition-pdf.ts`).
 */
import type { BrowserSession, PdfOptions } from './browser.ts';
import { finishPdf, type FinishedPdf } from './finish-pdf.ts';
import { paginate, type LayoutMemory, type PaginationProgress, type PaginationResult } from './paginate.ts';
import type { PdfMetadata } from './pdf-metadata.ts';
import type { OutlineItem } from './pdf-outline.ts';
import type { PrintPool } from './print-pool.ts';

export interface PrintRequest {
  /** A self-contained HTML document. */
  html: string;
  metadata: PdfMetadata;
  /** Bookmarks, at anchors of the document; Chrome's own (from the headings) when absent. */
  outline?: readonly OutlineItem[];
  /**
   * Makes other pages of the printed ones (a booklet's imposition), once their text layer and
   * tags are finished; the metadata is set on the arranged pages. The pagination's page numbers
   * and positions are those of the printed pages.
   */
  arrange?: (pdf: Uint8Array) => Promise<Uint8Array>;
  /**
   * Anchors of elements that open a part of the document without being a right-hand start (where
   * the pagination cuts it anyway): their page gets no running head either.
   */
  openingAnchors?: readonly string[];
  /** Tagged PDF (default true). */
  tagged?: boolean;
  onProgress?: (progress: PaginationProgress) => void;
  /** Layouts of parts printed before (see `paginate`). */
  layouts?: LayoutMemory;
}

/** A finished PDF and how it was paginated. */
export interface PrintedPdf extends Omit<FinishedPdf, 'pdf'> {
  pdf: Uint8Array;
  pagination: Omit<PaginationResult, 'document'>;
}

/**
 * Prints an HTML document and finishes its PDF.
 * @param target the build's print pool (or a browser, for one print)
 * @param request what to print and what the PDF says about itself
 */
export async function printPdf(target: BrowserSession | PrintPool, request: PrintRequest): Promise<PrintedPdf> {
  const pdfOptions: PdfOptions = { tagged: request.tagged ?? true, outline: request.outline === undefined };
  let release: (() => void) | undefined;
  try {
    const { document, ...pagination } = await paginate(target, request.html, {
      pdf: pdfOptions,
      onProgress: request.onProgress,
      layouts: request.layouts,
      beforeMerge: async () => {
        release = await wholeDocuments.acquire();
      },
    });
    const finished = await finishPdf(document, {
      metadata: request.metadata,
      outline: request.outline,
      positions: pagination.positions,
      printedText: request.html,
      openingPages: openingPages(pagination, request.openingAnchors ?? []),
      arrange: request.arrange,
    });
    return { ...finished, pagination };
  } finally {
    release?.();
  }
}

/**
 * One whole document in pdf-lib at a time, for the process: from the merge of its parts to its
 * saved bytes. The work is JavaScript on one thread, so PDFs finished side by side (a build's
 * compendium, booklet and handouts) would only take turns and each keep a whole document's
 * objects alive meanwhile; in turn, the memory of one suffices. Chrome goes on printing the
 * parts of the others in the meantime.
 */
const wholeDocuments = (() => {
  let tail: Promise<void> = Promise.resolve();
  return {
    acquire(): Promise<() => void> {
      let release!: () => void;
      const turn = new Promise<void>((resolve) => (release = resolve));
      const ready = tail.then(() => release);
      tail = tail.then(() => turn);
      return ready;
    },
  };
})();

/**
 * The pages on which a part opens: where the pagination cut the document (its right-hand
 * starts), and the pages of the anchors the caller names.
 * @param pagination the pagination's page of every anchor and its part starts
 * @param anchors anchors of elements that open a part
 * @returns page numbers (1-based), ascending, once each
 */
export function openingPages(pagination: Pick<PaginationResult, 'pages' | 'openingPages'>, anchors: readonly string[]): number[] {
  const pages = new Set(pagination.openingPages);
  for (const anchor of anchors) {
    const page = pagination.pages[anchor];
    if (page !== undefined) pages.add(page);
  }
  return [...pages].sort((a, b) => a - b);
}
