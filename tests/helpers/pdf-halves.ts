/**
 * Reading an imposed booklet the way the person folding it would: the text on the left and on the
 * right half of each side of each sheet, and the page boxes a print shop reads.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { PDFDocument } from 'pdf-lib';

/** pdfjs's own copies of the 14 standard fonts, for PDFs that use them without embedding. */
const standardFontDataUrl = `${path.join(path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'standard_fonts')}/`;

export interface SheetSideText {
  left: string;
  right: string;
  /** Text of the lowest line of each half (where page numbers are). */
  leftBottom: string;
  rightBottom: string;
  width: number;
  height: number;
}

/** Text of the left and right halves of every PDF page, whitespace collapsed. */
export async function readHalves(data: Uint8Array): Promise<SheetSideText[]> {
  const doc = await getDocument({ data: new Uint8Array(data), standardFontDataUrl, useSystemFonts: false, disableFontFace: true, isEvalSupported: false }).promise;
  const sides: SheetSideText[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const [x0, y0, x1, y1] = page.view as [number, number, number, number];
    const middle = (x0 + x1) / 2;
    const left: { str: string; y: number }[] = [];
    const right: { str: string; y: number }[] = [];
    for (const item of (await page.getTextContent()).items) {
      if (!('str' in item) || !item.str) continue;
      (item.transform[4] < middle ? left : right).push({ str: item.str + (item.hasEOL ? '\n' : ''), y: item.transform[5] });
    }
    const clean = (parts: { str: string }[]): string => parts.map((p) => p.str).join('').replace(/\s+/g, ' ').trim();
    const bottom = (parts: { str: string; y: number }[]): string => {
      const lowest = Math.min(...parts.map((p) => p.y));
      return clean(parts.filter((p) => p.y < lowest + 2));
    };
    sides.push({ left: clean(left), right: clean(right), leftBottom: bottom(left), rightBottom: bottom(right), width: x1 - x0, height: y1 - y0 });
  }
  await doc.destroy();
  return sides;
}

/**
 * The order a reader meets the half-pages in, once the sheets are printed (front, then back,
 * flipped on the short edge: the back's left half lies under the front's right half), stacked,
 * and folded down the middle with the fronts outside.
 *
 * A folded sheet reads: front right, back left, [the sheets nested inside], back right, front left.
 * @param sides the PDF's pages: sheet 1 front, sheet 1 back, sheet 2 front…
 * @param sheetsPerSignature sheets nested and folded together (0: all of them)
 */
export function readFolded<T>(sides: { left: T; right: T }[], sheetsPerSignature = 0): T[] {
  const sheets: { front: { left: T; right: T }; back: { left: T; right: T } }[] = [];
  for (let i = 0; i < sides.length; i += 2) sheets.push({ front: sides[i]!, back: sides[i + 1]! });
  const size = sheetsPerSignature || sheets.length;
  const out: T[] = [];
  const fold = (nested: typeof sheets): T[] => {
    if (nested.length === 0) return [];
    const [outer, ...inner] = nested;
    return [outer!.front.right, outer!.back.left, ...fold(inner), outer!.back.right, outer!.front.left];
  };
  for (let i = 0; i < sheets.length; i += size) out.push(...fold(sheets.slice(i, i + size)));
  return out;
}

/** TrimBox and BleedBox of every page, as [x, y, width, height]. */
export async function readBoxes(data: Uint8Array): Promise<{ media: number[]; trim: number[]; bleed: number[] }[]> {
  const doc = await PDFDocument.load(data);
  return doc.getPages().map((p) => {
    const box = (b: { x: number; y: number; width: number; height: number }): number[] => [b.x, b.y, b.width, b.height];
    return { media: box(p.getMediaBox()), trim: box(p.getTrimBox()), bleed: box(p.getBleedBox()) };
  });
}
