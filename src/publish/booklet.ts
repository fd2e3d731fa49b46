/**
 * The booklet: the compendium laid out again for its own page size (A5 with a binding margin,
 * from `styles/booklet.css` appended after the compendium's stylesheet, not a scaled A4), then
 * imposed for saddle stitching and finished like every PDF (`printPdf`).
 *
 * Not for: the imposition arithmetic (`impose-booklet.ts`) or the layout (the stylesheet).
 */
import { appendStylesheet } from '../assemble/stylesheet.ts';
import type { BrowserSession } from '../render/browser.ts';
import type { LayoutMemory, PaginationProgress } from '../render/paginate.ts';
import type { PdfMetadata } from '../render/pdf-metadata.ts';
import { printPdf, type PrintedPdf } from '../render/print-pdf.ts';
import type { PrintPool } from '../render/print-pool.ts';
import { imposePages, mm, type ImposedBooklet } from './impose-booklet.ts';
import type { BookletOptions } from './booklet-options.ts';

export { defaultBleedMm, type BookletOptions } from './booklet-options.ts';

/** The booklet's HTML: the compendium's, with the booklet's stylesheet after its own. */
export function bookletHtml(compendiumHtml: string, bookletCss: string): string {
  return appendStylesheet(compendiumHtml, bookletCss);
}

/** What the booklet's PDF says about itself, and which of its pages open a part. */
export interface BookletFinish {
  metadata: PdfMetadata;
  /** Anchors of the elements that open a part (see `printPdf`): no running head on their page. */
  openingAnchors?: readonly string[];
  /** Layouts of parts printed before (see `paginate`). */
  layouts?: LayoutMemory;
}

/**
 * Renders, imposes and finishes the booklet. The A5 pages get their text layer and tags
 * finished before they are imposed (as forms, where their content can no longer be reached);
 * the imposed sheets get the metadata.
 * @param target the build's print pool (or a browser)
 * @param html the booklet's HTML (`bookletHtml`)
 * @param finish what the booklet's PDF says about itself, and its opening pages
 * @param options signatures and print-shop marks
 * @param onProgress told after each print
 */
export async function printBooklet(
  target: BrowserSession | PrintPool,
  html: string,
  finish: BookletFinish,
  options: BookletOptions = {},
  onProgress?: (progress: PaginationProgress) => void,
): Promise<Omit<ImposedBooklet, 'pdf'> & { printed: PrintedPdf; pdf: Uint8Array }> {
  let imposed: Omit<ImposedBooklet, 'pdf'> | undefined;
  const printed = await printPdf(target, {
    html,
    metadata: finish.metadata,
    openingAnchors: finish.openingAnchors,
    layouts: finish.layouts,
    onProgress,
    arrange: async (pages) => {
      const { document, ...sheets } = await imposePages(pages, {
        sheetsPerSignature: options.sheetsPerSignature,
        marks: options.marks ? { bleed: mm(options.marks.bleedMm) } : undefined,
      });
      imposed = sheets;
      return document;
    },
  });
  return { ...imposed!, pdf: printed.pdf, printed };
}
