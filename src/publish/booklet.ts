/**
 * The booklet: the compendium laid out again for its own page size (A5 with a binding margin,
 * from `styles/booklet.css` appended after the compendium's stylesheet, not a scaled A4), then
 * imposed for saddle stitching.
 *
 * Not for: the imposition arithmetic (`impose-booklet.ts`) or the layout (the stylesheet).
 */
import type { BrowserSession } from '../render/browser.ts';
import { imposeBooklet, mm, type ImposedBooklet } from './impose-booklet.ts';
import { paginate, type PaginationResult } from '../render/paginate.ts';
import { appendStylesheet } from '../assemble/stylesheet.ts';

import type { BookletOptions } from './booklet-options.ts';

export { defaultBleedMm, type BookletOptions } from './booklet-options.ts';

/** How the A5 pages are finished before imposition (text layer, metadata, opening pages). */
export type FinishPages = (pdf: Uint8Array, pages: Record<string, number>) => Promise<Uint8Array>;

/**
 * Renders and imposes the booklet.
 * @param session the build's browser
 * @param compendiumHtml the compendium's final HTML
 * @param bookletCss the booklet stylesheet, self-contained
 * @param finish what is done to the pages before they are imposed
 */
export async function printBooklet(
  session: BrowserSession,
  compendiumHtml: string,
  bookletCss: string,
  options: BookletOptions = {},
  finish?: FinishPages,
): Promise<ImposedBooklet & { pagination: Pick<PaginationResult, 'unresolved' | 'settled' | 'passes'> }> {
  const { pdf, pages, unresolved, settled, passes } = await paginate(session, appendStylesheet(compendiumHtml, bookletCss));
  const imposed = await imposeBooklet(finish ? await finish(pdf, pages) : pdf, {
    sheetsPerSignature: options.sheetsPerSignature,
    marks: options.marks ? { bleed: mm(options.marks.bleedMm) } : undefined,
  });
  return { ...imposed, pagination: { unresolved, settled, passes } };
}
