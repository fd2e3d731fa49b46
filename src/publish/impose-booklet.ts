/**
 * Saddle-stitch imposition: the pages of a printed edition (A5, say) laid two-up on larger sheets
 * (A4 landscape) so that the stack, printed duplex flipped on the short edge, folded in the
 * middle and stapled, reads in order. Pure PDF work with pdf-lib: no browser, no external tool.
 *
 * - `saddleStitchSheets` says which page goes where (pure arithmetic, tested against a model of a
 *   folded stack); `imposeBooklet` draws them.
 * - Pages are padded with blanks at the end to a multiple of four. Sheet one's front holds the
 *   last page (left) and the first (right); its back holds page two (left) and the one before
 *   last (right), because flipping on the short edge puts the back's left half behind the
 *   front's right half.
 * - Booklets are split into signatures of at most N sheets (5 by default), each folded on its own
 *   and the folded signatures gathered in order: a fold of more sheets pushes the inner pages out
 *   (creep), by about the paper's thickness per sheet, and its fore-edge no longer trims straight.
 * - For a print shop, `marks` adds crop and fold marks outside a bleed, and sets TrimBox and
 *   BleedBox. Chrome prints nothing outside the page box, so the bleed is white: fine for Folio's
 *   layouts, where nothing runs to the trim edge.
 *
 * Not for: rendering the pages (that is the browser's job) nor choosing the page size (CSS does).
 * Creep (shingling) is not compensated: with signatures of five sheets of 80 g/m² paper (about
 * 0.1 mm each) it stays under half a millimetre.
 */
import { PDFDocument, PDFName, PDFObjectCopier, cmyk, type PDFPage } from 'pdf-lib';
import { savePdf } from '../render/pdf-streams.ts';
import { drawPageForm, pagesAsForms, type PageForm } from './page-forms.ts';

/** One side of a sheet: the 1-based page on each half, or null for a blank. */
export interface SheetSide {
  left: number | null;
  right: number | null;
}

/** One sheet of paper, printed on both sides and folded down its middle. */
export interface Sheet {
  /** 1-based signature this sheet belongs to. */
  signature: number;
  front: SheetSide;
  back: SheetSide;
}

/** Millimetres to PDF points. */
export const mm = (value: number): number => (value * 72) / 25.4;

/**
 * Which pages go on which sheet, in saddle-stitch order.
 * @param pageCount pages of the edition (at least 1)
 * @param sheetsPerSignature sheets folded together; omitted or 0: one signature for the whole booklet
 * @returns the sheets in print order; pages past `pageCount` are blanks (null)
 */
export function saddleStitchSheets(pageCount: number, sheetsPerSignature = 0): Sheet[] {
  if (!Number.isInteger(pageCount) || pageCount < 1) throw new RangeError(`A booklet needs at least one page, not ${pageCount}.`);
  if (!Number.isInteger(sheetsPerSignature) || sheetsPerSignature < 0) throw new RangeError(`Sheets per signature must be a whole number, not ${sheetsPerSignature}.`);
  const padded = Math.ceil(pageCount / 4) * 4;
  const signatureLength = sheetsPerSignature > 0 ? sheetsPerSignature * 4 : padded;
  const page = (n: number): number | null => (n <= pageCount ? n : null);
  const sheets: Sheet[] = [];
  for (let start = 0, signature = 1; start < padded; start += signatureLength, signature++) {
    const length = Math.min(signatureLength, padded - start);
    for (let i = 0; i < length / 4; i++) {
      sheets.push({
        signature,
        front: { left: page(start + length - 2 * i), right: page(start + 1 + 2 * i) },
        back: { left: page(start + 2 + 2 * i), right: page(start + length - 1 - 2 * i) },
      });
    }
  }
  return sheets;
}

/** Sheets folded together when nothing else is asked: a print shop's usual saddle-stitch signature. */
export const defaultSheetsPerSignature = 5;

export interface ImposeOptions {
  /** Sheets per signature (default `defaultSheetsPerSignature`; 0: the whole booklet in one). */
  sheetsPerSignature?: number;
  /** Crop and fold marks for a print shop, outside a bleed of this many points. */
  marks?: { bleed: number };
  /**
   * Sheet size in points, landscape. Default: the smallest ISO A sheet that holds two pages side
   * by side with at most 3 mm to spare (A4 for A5 pages), else exactly two pages; with marks, two
   * pages plus bleed and marks.
   */
  sheetSize?: [number, number];
}

export interface ImposedBooklet {
  pdf: Uint8Array;
  /** Pages of the edition. */
  pages: number;
  /** Blank pages added to reach a multiple of four. */
  blanks: number;
  sheets: number;
  signatures: number;
  /** Sheet size in points. */
  sheetSize: [number, number];
}

const markLength = mm(5);
const markGap = mm(2);
const registration = cmyk(1, 1, 1, 1);

/**
 * Imposes a PDF as a saddle-stitched booklet.
 * @param source the edition's pages, all of one size (the first page's size is the trim size;
 *   others are scaled to fit)
 * @returns the imposed PDF: one PDF page per sheet side, front then back
 */
export async function imposeBooklet(source: Uint8Array, options: ImposeOptions = {}): Promise<ImposedBooklet> {
  const { document, ...imposed } = await imposePages(await PDFDocument.load(source, { updateMetadata: false }), options);
  return { ...imposed, pdf: await savePdf(document) };
}

/**
 * Imposes the pages of a loaded document, without saving: `imposeBooklet` for a PDF that is
 * finished further once imposed (`printPdf`'s `arrange`), so that it is not saved and read again.
 * @param input the edition's pages (read, not changed)
 * @returns the imposed document, not saved, and its sheets
 */
export async function imposePages(input: PDFDocument, options: ImposeOptions = {}): Promise<Omit<ImposedBooklet, 'pdf'> & { document: PDFDocument }> {
  const pages = input.getPages();
  if (pages.length === 0) throw new RangeError('The PDF to impose has no pages.');
  const { width: pageWidth, height: pageHeight } = pages[0]!.getSize();
  const bleed = options.marks?.bleed ?? 0;
  const sheetSize = options.sheetSize ?? (options.marks ? markedSheet(pageWidth, pageHeight, bleed) : fitSheet(pageWidth, pageHeight));
  const [sheetWidth, sheetHeight] = sheetSize;
  if (sheetWidth < 2 * pageWidth - 0.5 || sheetHeight < pageHeight - 0.5) {
    throw new RangeError(`A ${round(sheetWidth)} × ${round(sheetHeight)} pt sheet cannot hold two ${round(pageWidth)} × ${round(pageHeight)} pt pages side by side.`);
  }

  const output = await PDFDocument.create({ updateMetadata: false });
  copyInfo(input, output);
  const forms = pagesAsForms(output, input);
  const sheets = saddleStitchSheets(pages.length, options.sheetsPerSignature ?? defaultSheetsPerSignature);
  // The spread (two pages, spine in the middle) is centred on the sheet.
  const spread = { x: (sheetWidth - 2 * pageWidth) / 2, y: (sheetHeight - pageHeight) / 2, width: 2 * pageWidth, height: pageHeight };
  for (const sheet of sheets) {
    for (const side of [sheet.front, sheet.back]) {
      const out = output.addPage(sheetSize);
      drawInSlot(out, forms, side.left, spread.x, spread.y, pageWidth, pageHeight);
      drawInSlot(out, forms, side.right, spread.x + pageWidth, spread.y, pageWidth, pageHeight);
      if (options.marks) {
        out.setTrimBox(spread.x, spread.y, spread.width, spread.height);
        out.setBleedBox(spread.x - bleed, spread.y - bleed, spread.width + 2 * bleed, spread.height + 2 * bleed);
        drawMarks(out, spread, bleed);
      }
    }
  }
  return {
    document: output,
    pages: pages.length,
    blanks: sheets.length * 4 - pages.length,
    sheets: sheets.length,
    signatures: sheets.at(-1)!.signature,
    sheetSize,
  };
}

/** ISO A sizes in points, portrait (width, height). */
const isoA: [string, number, number][] = [
  ['A0', mm(841), mm(1189)],
  ['A1', mm(594), mm(841)],
  ['A2', mm(420), mm(594)],
  ['A3', mm(297), mm(420)],
  ['A4', mm(210), mm(297)],
  ['A5', mm(148), mm(210)],
  ['A6', mm(105), mm(148)],
];

/** The smallest ISO A landscape sheet holding two pages side by side within 3 mm, else exactly two pages. */
export function fitSheet(pageWidth: number, pageHeight: number): [number, number] {
  const slack = mm(3);
  const needW = 2 * pageWidth;
  for (const [, w, h] of [...isoA].reverse()) {
    // Landscape: the ISO height is the sheet's width. Chrome rounds page sizes to whole points,
    // so a sheet up to half a point short still fits.
    const fitsW = h >= needW - 1 && h - needW <= slack;
    const fitsH = w >= pageHeight - 1 && w - pageHeight <= slack;
    if (fitsW && fitsH) return [Math.max(h, needW), Math.max(w, pageHeight)];
  }
  return [needW, pageHeight];
}

/** A sheet with room for the bleed, the marks and a gap around them. */
function markedSheet(pageWidth: number, pageHeight: number, bleed: number): [number, number] {
  const margin = bleed + markGap + markLength + markGap;
  return [2 * pageWidth + 2 * margin, pageHeight + 2 * margin];
}

function drawInSlot(out: PDFPage, forms: PageForm[], page: number | null, x: number, y: number, width: number, height: number): void {
  if (page === null) return;
  const form = forms[page - 1]!;
  const scale = Math.min(width / form.width, height / form.height);
  drawPageForm(out, form, x + (width - form.width * scale) / 2, y + (height - form.height * scale) / 2, scale);
}

/** Crop marks at the four corners of the trim and fold marks at the spine, all outside the bleed. */
function drawMarks(out: PDFPage, trim: { x: number; y: number; width: number; height: number }, bleed: number): void {
  const line = (x1: number, y1: number, x2: number, y2: number, dashed = false): void =>
    out.drawLine({ start: { x: x1, y: y1 }, end: { x: x2, y: y2 }, thickness: 0.25, color: registration, dashArray: dashed ? [2, 2] : undefined });
  const start = bleed + markGap;
  const end = start + markLength;
  const left = trim.x;
  const right = trim.x + trim.width;
  const bottom = trim.y;
  const top = trim.y + trim.height;
  for (const x of [left, right]) {
    line(x, bottom - start, x, bottom - end);
    line(x, top + start, x, top + end);
  }
  for (const y of [bottom, top]) {
    line(left - start, y, left - end, y);
    line(right + start, y, right + end, y);
  }
  const spine = trim.x + trim.width / 2;
  line(spine, bottom - start, spine, bottom - end, true);
  line(spine, top + start, spine, top + end, true);
}

/** Keeps the edition's metadata (title, author, dates…, language, XMP) on the imposed PDF. */
function copyInfo(from: PDFDocument, to: PDFDocument): void {
  const copier = PDFObjectCopier.for(from.context, to.context);
  for (const key of ['Lang', 'Metadata']) {
    const value = from.catalog.get(PDFName.of(key));
    if (value) to.catalog.set(PDFName.of(key), copier.copy(value));
  }
  const title = from.getTitle();
  if (title) to.setTitle(title, { showInWindowTitleBar: true });
  const author = from.getAuthor();
  if (author) to.setAuthor(author);
  const subject = from.getSubject();
  if (subject) to.setSubject(subject);
  const keywords = from.getKeywords();
  if (keywords) to.setKeywords([keywords]);
  const creator = from.getCreator();
  if (creator) to.setCreator(creator);
  const producer = from.getProducer();
  if (producer) to.setProducer(producer);
  const created = from.getCreationDate();
  if (created) to.setCreationDate(created);
  const modified = from.getModificationDate();
  if (modified) to.setModificationDate(modified);
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
