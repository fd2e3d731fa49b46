/**
 * The print stage: the assembled HTML to PDFs in one browser session — the compendium (paginated,
 * then finished: metadata, outline, document ID, text mapping), the booklet (laid out again at
 * A5 and imposed) and the handouts.
 *
 * Not for: driving the browser (`render/browser.ts`), pagination (`render/paginate.ts`) or what
 * pdf-lib adds (`render/finish-pdf.ts`).
 */
import type { Diagnostic } from '../diagnostics.ts';
import { printBooklet, type BookletOptions } from '../publish/booklet.ts';
import { printHandouts } from '../publish/handouts.ts';
import type { ImposedBooklet } from '../publish/impose-booklet.ts';
import type { BrowserSession } from '../render/browser.ts';
import { editionOutline, editionPdfMetadata } from '../render/edition-pdf.ts';
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
  const finished = await finishPdf(pagination.pdf, { metadata, outline: editionOutline(edition), positions: pagination.positions, printedText: html });
  return { value: { pdf: finished.pdf, pagination }, diagnostics: paginationDiagnostics(pagination, options.manifestFile) };
}

/**
 * Prints every PDF of an edition: the compendium, the booklet and the handouts.
 * @param session an open browser
 * @param assembled the assembled edition
 */
export async function printStage(session: BrowserSession, assembled: AssembledEdition, options: PrintOptions): Promise<StageResult<PrintedEdition>> {
  const compendium = await timed('paginate', options.onProgress, () => printCompendium(session, assembled, options), (r) => `${r.value.pagination.pageCount} pages in ${r.value.pagination.passes} passes, ${Math.round(r.value.pdf.length / 1024)} KiB of PDF`);
  const booklet = await timed('booklet', options.onProgress, () => printBooklet(session, assembled.html, assembled.assets.bookletCss, options.booklet), (b) => `${b.pages} pages + ${b.blanks} blank on ${b.sheets} sheets`);
  const handouts = await timed('handouts', options.onProgress, () => printHandouts(session, assembled.handouts), (h) => `${h.length} handouts`);
  const diagnostics: Diagnostic[] = compendium.diagnostics;
  return { value: { ...compendium.value, booklet, handouts }, diagnostics };
}
