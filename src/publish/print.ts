/**
 * How the publishing outputs (booklet, handouts, the PDF on demand of `folio watch`) get their
 * pages: one adapter over `render/paginate.ts`, so that they follow whatever pagination the
 * compendium uses. The page format is the HTML's own CSS (`@page`): A4, A5 or a handout's.
 *
 * Not for: driving the browser (`render/browser.ts`) or deciding the layout (the stylesheets).
 */
import type { BrowserSession } from '../render/browser.ts';
import { paginate } from '../render/paginate.ts';

/** What a pagination gives back: the PDF, the page each anchor landed on, how many prints it took. */
export interface PrintedPages {
  pdf: Uint8Array;
  /** Page number (1-based) of each anchor id; empty while pagination does not report them. */
  pages: Record<string, number>;
  passes: number;
}

/**
 * Prints self-contained HTML to PDF with Chrome's own pagination, page size from its CSS.
 * @param session the build's browser, opened once and shared by every print
 * @param html the HTML to print
 */
export async function printPages(session: BrowserSession, html: string): Promise<PrintedPages> {
  return paginate(session, html);
}

/**
 * Adds a stylesheet after the document's own, so its rules win at equal specificity (a booklet's
 * `@page` size over the compendium's).
 * @throws Error when the HTML has no `</head>` to put it in
 */
export function appendStylesheet(html: string, css: string): string {
  const end = html.search(/<\/head\s*>/i);
  if (end < 0) throw new Error('The HTML has no </head>: the template must have a <head> for the booklet stylesheet.');
  return `${html.slice(0, end)}<style>\n${css}\n</style>\n${html.slice(end)}`;
}
