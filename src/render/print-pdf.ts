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
import type { PDFDocument } from 'pdf-lib';
import { finishPages, finishPdf, type FinishedPages, type FinishedPdf } from './finish-pdf.ts';
import { paginate, type FinishingPart, type LayoutMemory, type PaginationProgress, type PaginationResult } from './paginate.ts';
import { safeReplacements } from './pdf-text-mapping.ts';
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
  arrange?: (pdf: PDFDocument) => Promise<PDFDocument>;
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
  const replacements = safeReplacements(request.html);
  const openingAnchors = request.openingAnchors ?? [];
  // Each part's pages are finished as soon as it is printed, in pages of its own PDF.
  const parts: PartPages[] = [];
  const finishPart = (doc: PDFDocument, part: FinishingPart): void => {
    const opening = part.index > 0 ? [part.skip + 1] : [];
    for (const anchor of openingAnchors) {
      const at = part.local.get(anchor);
      if (at) opening.push(part.skip + at.page);
    }
    parts[part.index] = { ...finishPages(doc, { openingPages: opening, replacements, skip: part.skip }), skip: part.skip };
  };
  try {
    const { document, ...pagination } = await paginate(target, request.html, {
      pdf: pdfOptions,
      onProgress: request.onProgress,
      layouts: request.layouts,
      finishPart,
      beforeMerge: async () => {
        release = await wholeDocuments.acquire();
      },
    });
    const finished = await finishPdf(document, {
      metadata: request.metadata,
      outline: request.outline,
      positions: pagination.positions,
      arrange: request.arrange,
      pages: mergeFinishedPages(parts, [1, ...pagination.openingPages]),
    });
    return { ...finished, pagination };
  } finally {
    release?.();
  }
}

/** What was done to a part's pages, and the leading pages of its PDF that the document skips. */
type PartPages = FinishedPages & { skip: number };

/**
 * What was done to the parts' pages, for the whole document: the counts added up, the pages
 * numbered in it.
 * @param parts each part's report, with the leading pages its PDF skipped
 * @param starts the page of the document on which each part starts
 */
function mergeFinishedPages(parts: readonly PartPages[], starts: readonly number[]): FinishedPages {
  const whole: FinishedPages = { textLayer: { softHyphens: 0, lineEndHyphens: 0, unreadPages: [] }, tags: { roleMap: {}, artifacts: 0, lineEndSpaces: 0, removedHeads: 0, unreadPages: [] }, remappedGlyphs: 0 };
  const pagesOf = (list: readonly number[], i: number, skip: number): number[] => list.filter((p) => p > skip).map((p) => starts[i]! + p - skip - 1);
  parts.forEach((part, i) => {
    whole.textLayer.softHyphens += part.textLayer.softHyphens;
    whole.textLayer.lineEndHyphens += part.textLayer.lineEndHyphens;
    whole.textLayer.unreadPages.push(...pagesOf(part.textLayer.unreadPages, i, part.skip));
    Object.assign(whole.tags.roleMap, part.tags.roleMap);
    whole.tags.artifacts += part.tags.artifacts;
    whole.tags.lineEndSpaces += part.tags.lineEndSpaces;
    whole.tags.removedHeads += part.tags.removedHeads;
    whole.tags.unreadPages.push(...pagesOf(part.tags.unreadPages, i, part.skip));
    whole.remappedGlyphs += part.remappedGlyphs;
  });
  return whole;
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
