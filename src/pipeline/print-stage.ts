/**
 * The print stage: the assembled HTML to PDFs in one browser session — the compendium (paginated,
 * then finished: metadata, outline, document ID, text layer, tags, no running head on the pages
 * that open a part), the booklet (laid out again at A5, finished, then imposed) and the handouts
 * (finished). A page reference left without its number is an error of this stage.
 *
 * Not for: driving the browser (`render/browser.ts`), pagination (`render/paginate.ts`) or what
 * pdf-lib adds (`render/finish-pdf.ts`).
 */
import type { Diagnostic } from '../diagnostics.ts';
import { printBooklet, type BookletOptions } from '../publish/booklet.ts';
import { printHandouts } from '../publish/handouts.ts';
import type { ImposedBooklet } from '../publish/impose-booklet.ts';
import type { BrowserSession } from '../render/browser.ts';
import { compendiumAnchors, editionOutline, editionPdfMetadata } from '../render/edition-pdf.ts';
import { finishPdf } from '../render/finish-pdf.ts';
import { paginate, type PaginationResult } from '../render/paginate.ts';
import { paginationDiagnostics } from '../render/pagination-diagnostics.ts';
import type { AssembledEdition } from './assemble-stage.ts';
import { timed, type OnProgress, type StageResult } from './stage.ts';

export interface PrintOptions {
  /** The date stamped in the PDF's metadata. */
  date: Date;
  /** The file pagination diagnostics name. */
  manifestFile: string;
  booklet?: BookletOptions;
  onProgress?: OnProgress;
}

export interface PrintedCompendium {
  pdf: Uint8Array;
  pagination: PaginationResult;
}

export interface PrintedEdition extends PrintedCompendium {
  booklet: ImposedBooklet;
  handouts: { documentId: string; pdf: Uint8Array }[];
}

/**
 * Prints and finishes the compendium's PDF.
 * @param session an open browser
 * @param assembled the assembled edition
 * @param options the metadata date and the file diagnostics name
 */
export async function printCompendium(session: BrowserSession, assembled: AssembledEdition, options: Pick<PrintOptions, 'date' | 'manifestFile'>): Promise<StageResult<PrintedCompendium>> {
  const { edition, html } = assembled;
  const pagination = await paginate(session, html, { pdf: { outline: false, tagged: true } });
  const metadata = editionPdfMetadata(edition, options.date, html, await session.version());
  const finished = await finishPdf(pagination.pdf, {
    metadata,
    outline: editionOutline(edition),
    positions: pagination.positions,
    printedText: html,
    openingPages: openingPages(edition, pagination.pages),
  });
  return { value: { pdf: finished.pdf, pagination }, diagnostics: paginationDiagnostics(pagination, options.manifestFile, html) };
}

/**
 * The pages on which a part of the compendium opens (the table of contents, each document, the
 * back matter, the colophon): their running head is left out.
 * @param edition the edition
 * @param pages the page of each anchor
 */
export function openingPages(edition: AssembledEdition['edition'], pages: Record<string, number>): number[] {
  const parts = [compendiumAnchors.toc, ...edition.toc.filter((e) => e.level === 1).map((e) => e.id), compendiumAnchors.colophon];
  return parts.map((id) => pages[id]).filter((p): p is number => p !== undefined);
}

/**
 * Prints every PDF of an edition: the compendium, the booklet and the handouts.
 * @param session an open browser
 * @param assembled the assembled edition
 */
export async function printStage(session: BrowserSession, assembled: AssembledEdition, options: PrintOptions): Promise<StageResult<PrintedEdition>> {
  const compendium = await timed('paginate', options.onProgress, () => printCompendium(session, assembled, options), (r) => `${r.value.pagination.pageCount} pages in ${r.value.pagination.passes} passes, ${Math.round(r.value.pdf.length / 1024)} KiB of PDF`);
  const { edition, html } = assembled;
  const metadata = editionPdfMetadata(edition, options.date, html, await session.version());
  const finishBooklet = async (pdf: Uint8Array, pages: Record<string, number>): Promise<Uint8Array> =>
    (await finishPdf(pdf, { metadata, printedText: html, openingPages: openingPages(edition, pages) })).pdf;
  const booklet = await timed('booklet', options.onProgress, () => printBooklet(session, html, assembled.assets.bookletCss, options.booklet, finishBooklet), (b) => `${b.pages} pages + ${b.blanks} blank on ${b.sheets} sheets`);
  const finishHandout = async (documentId: string, pdf: Uint8Array): Promise<Uint8Array> => {
    const doc = edition.documents.find((d) => d.id === documentId)!;
    const handout = assembled.handouts.find((h) => h.documentId === documentId)!.html;
    return (await finishPdf(pdf, { metadata: { ...metadata, title: doc.title, author: doc.publisher ?? edition.publisher, subject: edition.title, identity: handout }, printedText: handout })).pdf;
  };
  const handouts = await timed('handouts', options.onProgress, () => printHandouts(session, assembled.handouts, 2, finishHandout), (h) => `${h.length} handouts`);
  // The booklet's references are the compendium's: only its errors are new (a reference the A5 layout lost).
  const bookletErrors = paginationDiagnostics(booklet.pagination, options.manifestFile, html).filter((d) => d.severity === 'error' && !compendium.diagnostics.some((c) => c.message === d.message));
  const diagnostics: Diagnostic[] = [...compendium.diagnostics, ...bookletErrors];
  return { value: { ...compendium.value, booklet, handouts }, diagnostics };
}
