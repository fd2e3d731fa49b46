/**
 * The last step of a PDF: what Chrome's print cannot write. Loads the printed PDF once with
 * pdf-lib, cleans the soft hyphens out of the text layer, makes the tags acceptable to checkers
 * (RoleMap, artifacts, whole words, no running head on opening pages), makes the apostrophes
 * searchable, rearranges the pages when asked (a booklet's imposition), sets the metadata and
 * the document ID, replaces the outline, and saves it with nothing that depends on the clock or
 * the machine, so the same input gives the same bytes.
 *
 * Not for: pagination (see `paginate.ts`), choosing the metadata (see `edition-pdf.ts`), or being
 * called on its own: `printPdf()` (`print-pdf.ts`) prints and finishes every PDF Folio writes.
 */
import { PDFDocument, PDFHeader } from 'pdf-lib';
import type { AnchorPosition } from './pdf-anchors.ts';
import { setPdfMetadata, type PdfMetadata } from './pdf-metadata.ts';
import { setOutline, type OutlineItem } from './pdf-outline.ts';
import { rewritePages, type PageRewrite } from './pdf-content.ts';
import { emptyTagReport, tagsRewrite, type TagReport } from './pdf-tags.ts';
import { emptyTextLayerReport, textLayerRewrite, type TextLayerReport } from './pdf-text-layer.ts';
import { savePdf } from './pdf-streams.ts';
import { remapLookAlikes, safeReplacements } from './pdf-text-mapping.ts';

export interface FinishPdfOptions {
  metadata: PdfMetadata;
  /** Bookmarks; left as Chrome made them (if at all) when absent. */
  outline?: readonly OutlineItem[];
  /** Where each anchor is, from `paginate()`; needed for the outline. */
  positions?: Record<string, AnchorPosition>;
  /**
   * The text the PDF was printed from (the HTML will do), to know which glyph look-alikes
   * can be mapped back to the usual character. Without it, no mapping is changed.
   */
  printedText?: string;
  /** Pages (1-based) on which a part opens: no running head is left on them. */
  openingPages?: readonly number[];
  /**
   * Makes other pages of the printed ones (a booklet's imposition). The text layer, the tags and
   * the text mapping are finished on the printed pages, before; the metadata and the document
   * ID on the arranged ones; there is no outline then (its targets are printed pages). Given the
   * printed document (not to be changed), it returns the arranged one, neither saved.
   */
  arrange?: (pdf: PDFDocument) => Promise<PDFDocument>;
}

export interface FinishedPdf {
  pdf: Uint8Array;
  bookmarks: number;
  /** Glyph mappings changed so that text extraction gives the characters that were printed. */
  remappedGlyphs: number;
  textLayer: TextLayerReport;
  tags: TagReport;
}

/** What was done to the pages' content (`finishPages`). */
export interface FinishedPages {
  textLayer: TextLayerReport;
  tags: TagReport;
  remappedGlyphs: number;
}

/**
 * What is done to the printed pages' content, alone: the text layer, the tags, the glyph
 * mapping. On a whole PDF, or on each part's PDF before the parts are merged (pagination's
 * `finishPart`), so that it is done while Chrome prints the other parts.
 * @param doc a PDF printed by Chrome, changed in place
 * @param options the pages that open a part; the glyph replacements the printed text allows
 *   (`safeReplacements`), none when absent; leading pages left as they are (a part's throw-away
 *   pages)
 */
export function finishPages(doc: PDFDocument, options: { openingPages?: readonly number[]; replacements?: ReadonlyMap<number, number>; skip?: number }): FinishedPages {
  // One pass over the pages for both: each page's content is decoded and compressed once.
  const textLayer = emptyTextLayerReport();
  const tags = emptyTagReport();
  const tagging = tagsRewrite(doc, { openingPages: options.openingPages }, tags);
  const skip = options.skip ?? 0;
  const rewrites = (tagging ? [textLayerRewrite(textLayer), tagging] : [textLayerRewrite(textLayer)]).map((rewrite): PageRewrite => (ops, page, index) => (index < skip ? undefined : rewrite(ops, page, index)));
  textLayer.unreadPages = rewritePages(doc, rewrites).filter((p) => p > skip);
  if (tagging) tags.unreadPages = textLayer.unreadPages;
  const remappedGlyphs = options.replacements ? remapLookAlikes(doc, options.replacements) : 0;
  return { textLayer, tags, remappedGlyphs };
}

/**
 * Finishes a PDF printed by Chrome.
 * @param pdf the printed PDF, as bytes or already loaded (with `updateMetadata: false`); a loaded
 *   document is changed in place
 * @param options metadata, outline, the printed text, the opening pages, a rearrangement; when
 *   `pages` is given, its pages were finished already (part by part) and this is what was done
 */
export async function finishPdf(pdf: Uint8Array | PDFDocument, options: FinishPdfOptions & { pages?: FinishedPages }): Promise<FinishedPdf> {
  let doc = pdf instanceof PDFDocument ? pdf : await PDFDocument.load(pdf, { updateMetadata: false });
  // What is done to the printed pages' content: before a rearrangement, which draws each page
  // whole (as a form) where the text and the tags can no longer be told apart.
  const { textLayer, tags, remappedGlyphs } =
    options.pages ?? finishPages(doc, { openingPages: options.openingPages, replacements: options.printedText === undefined ? undefined : safeReplacements(options.printedText) });
  if (options.arrange) doc = await options.arrange(doc);
  // What is said about the document as a whole: on the pages as they will be printed.
  const bookmarks = options.outline && !options.arrange ? setOutline(doc, options.outline, options.positions ?? {}) : 0;
  setPdfMetadata(doc, options.metadata);
  // Object streams need PDF 1.5; the XMP metadata and the structure tree are PDF 1.4+ anyway.
  doc.context.header = PDFHeader.forVersion(1, 7);
  const bytes = await savePdf(doc);
  return { pdf: bytes, bookmarks, remappedGlyphs, textLayer, tags };
}
