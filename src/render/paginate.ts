/**
 * From the compendium's HTML to its PDF: Chrome's own pagination, driven through the browser
 * session. Owns what to print and in what passes; the browser module owns how.
 */
import type { BrowserSession } from './browser.ts';

/**
 * Prints the compendium.
 * @param session an open browser
 * @param html the self-contained compendium HTML
 * @returns the PDF bytes
 */
export async function paginate(session: BrowserSession, html: string): Promise<Uint8Array> {
  const page = await session.load(html);
  try {
    return await page.pdf();
  } finally {
    await page.close();
  }
}
