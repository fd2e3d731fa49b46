/** Reading PDFs in tests the way a reader does: the text of each page, the outline, the metadata. */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface PdfText {
  pages: string[];
  /** Text of every page without its margins: no running head, no page number. */
  bodies: string[];
  /** Text in the top margin of every page (the running head). */
  heads: string[];
  /** Text in the bottom margin of every page (the page number). */
  feet: string[];
  numPages: number;
}

/** Items whose baseline is this close to the top or bottom edge are in the margins (PDF units). */
const marginBand = 55; // about 19 mm: the heads sit higher, the text block starts lower

/** Text of every page (items joined by spaces, whitespace collapsed), whole and without its margins. */
export async function readPdfText(data: Uint8Array): Promise<PdfText> {
  const doc = await getDocument({ data: new Uint8Array(data), useSystemFonts: false, disableFontFace: true, isEvalSupported: false }).promise;
  const pages: string[] = [];
  const bodies: string[] = [];
  const heads: string[] = [];
  const feet: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const height = page.view[3]! - page.view[1]!;
    const content = await page.getTextContent();
    const parts = { all: [] as string[], body: [] as string[], head: [] as string[], foot: [] as string[] };
    for (const item of content.items) {
      if (!('str' in item)) continue;
      const text = item.str + (item.hasEOL ? '\n' : '');
      const y = item.transform[5] as number;
      parts.all.push(text);
      (y > height - marginBand ? parts.head : y < marginBand ? parts.foot : parts.body).push(text);
    }
    const join = (list: string[]): string => list.join('').replace(/[ \t]+/g, ' ');
    pages.push(join(parts.all));
    bodies.push(join(parts.body));
    heads.push(join(parts.head));
    feet.push(join(parts.foot));
  }
  await doc.destroy();
  return { pages, bodies, heads, feet, numPages: pages.length };
}

/**
 * Collapses whitespace and soft hyphens, and unifies apostrophes (fonts may map the typographic
 * apostrophe's glyph to U+02BC), for searching text that wraps across lines.
 */
export function flat(text: string): string {
  return text.replace(/\u00ad/g, '').replace(/[\u02bc\u2019']/g, '’').replace(/\s+/g, ' ').trim();
}

/** The text of a page body (from `PdfText.bodies`), flattened. */
export function body(page: string): string {
  return flat(page);
}
