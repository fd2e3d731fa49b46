/**
 * Small PDFs made by the tests themselves with pdf-lib: text set where the test says, in the
 * standard fonts (Times and Helvetica, regular, bold, italic; Courier), with link annotations,
 * text drawn with a stroke (a producer's synthetic bold), images, and no text at all (a scan).
 */
import { PDFDocument, PDFName, PDFString, StandardFonts, TextRenderingMode, popGraphicsState, pushGraphicsState, rgb, setTextRenderingMode, type PDFFont, type PDFPage } from 'pdf-lib';

export type FontKey = 'serif' | 'serif-bold' | 'serif-italic' | 'sans' | 'sans-bold' | 'mono';

export interface TextItem {
  text: string;
  x: number;
  /** Baseline, from the bottom of the page. */
  y: number;
  size?: number;
  font?: FontKey;
  /** Drawn filled and stroked (render mode 2), as producers embolden a regular font. */
  stroke?: boolean;
  /** A link annotation over the text. */
  link?: string;
}

export interface PageSpec {
  items: TextItem[];
  /** Boxes where an image is drawn. */
  images?: { x: number; y: number; width: number; height: number }[];
}

const fontFiles: Record<FontKey, StandardFonts> = {
  serif: StandardFonts.TimesRoman,
  'serif-bold': StandardFonts.TimesRomanBold,
  'serif-italic': StandardFonts.TimesRomanItalic,
  sans: StandardFonts.Helvetica,
  'sans-bold': StandardFonts.HelveticaBold,
  mono: StandardFonts.Courier,
};

/** A 1×1 grey PNG, scaled to the box it is drawn in. */
const pixel = Uint8Array.from(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNoAAAAggCBd81ytgAAAABJRU5ErkJggg==', 'base64'));

/** Makes a PDF of A4 pages. */
export async function makePdf(pages: PageSpec[]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const fonts = new Map<FontKey, PDFFont>();
  const font = async (key: FontKey): Promise<PDFFont> => {
    let f = fonts.get(key);
    if (!f) {
      f = await doc.embedFont(fontFiles[key]);
      fonts.set(key, f);
    }
    return f;
  };
  const image = pages.some((p) => p.images?.length) ? await doc.embedPng(pixel) : undefined;
  for (const spec of pages) {
    const page = doc.addPage([595, 842]);
    for (const box of spec.images ?? []) page.drawImage(image!, box);
    for (const item of spec.items) await drawItem(doc, page, item, await font(item.font ?? 'serif'));
  }
  return doc.save({ useObjectStreams: false });
}

async function drawItem(doc: PDFDocument, page: PDFPage, item: TextItem, font: PDFFont): Promise<void> {
  const size = item.size ?? 11;
  if (item.stroke) page.pushOperators(pushGraphicsState(), setTextRenderingMode(TextRenderingMode.FillAndOutline));
  page.drawText(item.text, { x: item.x, y: item.y, size, font, color: rgb(0, 0, 0), ...(item.stroke ? { borderColor: rgb(0, 0, 0) } : {}) });
  if (item.stroke) page.pushOperators(popGraphicsState());
  if (item.link) {
    const width = font.widthOfTextAtSize(item.text, size);
    const annotation = doc.context.obj({
      Type: 'Annot',
      Subtype: 'Link',
      Rect: [item.x, item.y - 2, item.x + width, item.y + size],
      Border: [0, 0, 0],
      A: { Type: 'Action', S: 'URI', URI: PDFString.of(item.link) },
    });
    const ref = doc.context.register(annotation);
    const annots = page.node.lookup(PDFName.of('Annots'));
    if (annots && 'push' in annots) (annots as unknown as { push(r: unknown): void }).push(ref);
    else page.node.set(PDFName.of('Annots'), doc.context.obj([ref]));
  }
}

/** Width of a text in a font at a size (for placing the next item on the line). */
export async function textWidth(text: string, key: FontKey = 'serif', size = 11): Promise<number> {
  const doc = await PDFDocument.create();
  const f = await doc.embedFont(fontFiles[key]);
  return f.widthOfTextAtSize(text, size);
}

/**
 * Lays out a paragraph's words in lines of a given width, from a top baseline down, each word in
 * its font: what a typesetter does, so that lines break where the next word does not fit.
 * @returns the items and the baseline after the last line
 */
export async function setParagraph(
  words: { text: string; font?: FontKey; size?: number }[],
  options: { x: number; y: number; width: number; leading?: number; indent?: number; size?: number },
): Promise<{ items: TextItem[]; y: number }> {
  const size = options.size ?? 11;
  const leading = options.leading ?? size * 1.3;
  const doc = await PDFDocument.create();
  const fonts = new Map<FontKey, PDFFont>();
  const measure = async (text: string, key: FontKey, s: number): Promise<number> => {
    let f = fonts.get(key);
    if (!f) {
      f = await doc.embedFont(fontFiles[key]);
      fonts.set(key, f);
    }
    return f.widthOfTextAtSize(text, s);
  };
  const items: TextItem[] = [];
  let x = options.x + (options.indent ?? 0);
  let y = options.y;
  const space = await measure(' ', 'serif', size);
  for (const w of words) {
    const key = w.font ?? 'serif';
    const width = await measure(w.text, key, w.size ?? size);
    if (x + width > options.x + options.width && x > options.x + (options.indent ?? 0)) {
      x = options.x;
      y -= leading;
    }
    items.push({ text: w.text, x, y, size: w.size ?? size, font: key });
    x += width + space;
  }
  return { items, y: y - leading };
}
