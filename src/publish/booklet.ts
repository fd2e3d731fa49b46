/**
 * The booklet: the compendium laid out again for its own page size (A5 with a binding margin,
 * from `styles/booklet.css` appended after the compendium's stylesheet, not a scaled A4), then
 * imposed for saddle stitching.
 *
 * Not for: the imposition arithmetic (`impose-booklet.ts`) or the layout (the stylesheet).
 */
import type { BrowserSession } from '../render/browser.ts';
import { imposeBooklet, mm, type ImposedBooklet } from './impose-booklet.ts';
import { paginate } from '../render/paginate.ts';
import { appendStylesheet } from '../assemble/stylesheet.ts';

import type { BookletOptions } from './booklet-options.ts';

export { defaultBleedMm, type BookletOptions } from './booklet-options.ts';

/**
 * Renders and imposes the booklet.
 * @param session the build's browser
 * @param compendiumHtml the compendium's final HTML
 * @param bookletCss the booklet stylesheet, self-contained
 */
export async function printBooklet(session: BrowserSession, compendiumHtml: string, bookletCss: string, options: BookletOptions = {}): Promise<ImposedBooklet> {
  const { pdf } = await paginate(session, appendStylesheet(compendiumHtml, bookletCss));
  return imposeBooklet(pdf, {
    sheetsPerSignature: options.sheetsPerSignature,
    marks: options.marks ? { bleed: mm(options.marks.bleedMm) } : undefined,
  });
}
