/** Reading PDFs in tests the way a reader does: the text of each page, the outline, the metadata. */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface PdfText {
  pages: string[];
  numPages: number;
}

/** Text of every page (items joined by spaces, whitespace collapsed). */
export async function readPdfText(data: Uint8Array): Promise<PdfText> {
  const doc = await getDocument({ data: new Uint8Array(data), useSystemFonts: false, disableFontFace: true, isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const content = await page.getTextContent();
    const text = content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join('');
    pages.push(text.replace(/[ \t]+/g, ' '));
  }
  await doc.destroy();
  return { pages, numPages: pages.length };
}

/**
 * Collapses whitespace and soft hyphens, and unifies apostrophes (fonts may map the typographic
 * apostrophe's glyph to U+02BC), for searching text that wraps across lines.
 */
export function flat(text: string): string {
  return text.replace(/\u00ad/g, '').replace(/[\u02bc\u2019']/g, '’').replace(/\s+/g, ' ').trim();
}

/** The text of a page without its running header or footer number. */
export function body(page: string): string {
  return flat(page).replace(/^\d+\s+/, '');
}
