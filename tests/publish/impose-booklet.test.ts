/**
 * Saddle-stitch imposition, checked the way a reader checks a booklet: print the sheets, fold
 * them, and read the pages in order. Synthetic PDFs made with pdf-lib: no browser needed.
 */
import fc from 'fast-check';
import { PDFDict, PDFDocument, PDFName, PDFRawStream, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { fitSheet, imposeBooklet, mm, saddleStitchSheets } from '../../src/publish/impose-booklet.ts';
import { readBoxes, readFolded, readHalves } from '../helpers/pdf-halves.ts';

const a5: [number, number] = [mm(148), mm(210)];

/** A PDF of `count` pages, each saying which page it is, with `filler` lines of text below. */
async function numberedPdf(count: number, size: [number, number] = a5, filler = 0): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle('Booklet under test');
  doc.setLanguage('fr');
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 1; i <= count; i++) {
    const page = doc.addPage(size);
    page.drawText(`page-${i}`, { x: size[0] / 3, y: size[1] / 2, size: 14, font });
    if (filler) page.drawText(Array.from({ length: filler }, (_, l) => `Line ${l} of page ${i}, the quick brown fox jumps over the lazy dog.`).join('\n'), { x: 30, y: size[1] / 2 - 20, size: 7, lineHeight: 8, font });
  }
  return doc.save();
}

describe('saddleStitchSheets', () => {
  it('puts the last page and the cover on the front of sheet one, page two behind the cover', () => {
    const [first] = saddleStitchSheets(8);
    expect(first).toEqual({ signature: 1, front: { left: 8, right: 1 }, back: { left: 2, right: 7 } });
  });

  it('pads with blanks at the end to a multiple of four', () => {
    const sheets = saddleStitchSheets(5);
    expect(sheets).toHaveLength(2);
    expect(sheets[0]!.front).toEqual({ left: null, right: 1 });
    expect(sheets.flatMap((s) => [s.front.left, s.front.right, s.back.left, s.back.right]).filter((p) => p === null)).toHaveLength(3);
  });

  it('reads in order once printed and folded, for any length and any signature size', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 300 }), fc.integer({ min: 0, max: 12 }), (pages, perSignature) => {
        const sheets = saddleStitchSheets(pages, perSignature);
        const sides = sheets.flatMap((s) => [s.front, s.back]);
        const read = readFolded(sides, perSignature);
        const padded = Math.ceil(pages / 4) * 4;
        expect(read).toEqual([...Array.from({ length: pages }, (_, i) => i + 1), ...Array<null>(padded - pages).fill(null)]);
        expect(sheets).toHaveLength(padded / 4);
        if (perSignature > 0) {
          const counts = new Map<number, number>();
          for (const s of sheets) counts.set(s.signature, (counts.get(s.signature) ?? 0) + 1);
          for (const n of counts.values()) expect(n).toBeLessThanOrEqual(perSignature);
          expect(counts.size).toBe(Math.ceil(padded / 4 / perSignature));
        }
      }),
    );
  });

  it('refuses an empty booklet and a negative signature', () => {
    expect(() => saddleStitchSheets(0)).toThrow(/at least one page/);
    expect(() => saddleStitchSheets(4, -1)).toThrow(/whole number/);
  });
});

describe('fitSheet', () => {
  it('lays A5 pages on A4 landscape and A4 pages on A3 landscape', () => {
    const [w, h] = fitSheet(...a5);
    expect([Math.round(w), Math.round(h)]).toEqual([842, 595]);
    // Chrome rounds A5 to 420 × 595 pt: still A4.
    expect(fitSheet(420, 594.96).map(Math.round)).toEqual([842, 595]);
    expect(fitSheet(mm(210), mm(297)).map(Math.round)).toEqual([1191, 842]);
  });

  it('makes a sheet of exactly two pages for a size that is not ISO', () => {
    expect(fitSheet(400, 500)).toEqual([800, 500]);
  });
});

describe('imposeBooklet', () => {
  it('lays the pages two-up on A4 landscape so that the folded sheets read in order', async () => {
    const booklet = await imposeBooklet(await numberedPdf(10));
    expect(booklet).toMatchObject({ pages: 10, blanks: 2, sheets: 3, signatures: 1 });
    const sides = await readHalves(booklet.pdf);
    expect(sides).toHaveLength(6);
    for (const s of sides) expect([Math.round(s.width), Math.round(s.height)]).toEqual([842, 595]);
    expect(sides[0]).toMatchObject({ left: '', right: 'page-1' });
    const read = readFolded(sides.map((s) => ({ left: s.left, right: s.right })));
    expect(read).toEqual([...Array.from({ length: 10 }, (_, i) => `page-${i + 1}`), '', '']);
  });

  it('folds signatures of N sheets separately, and they read in order gathered', async () => {
    const booklet = await imposeBooklet(await numberedPdf(21), { sheetsPerSignature: 2 });
    expect(booklet).toMatchObject({ pages: 21, blanks: 3, sheets: 6, signatures: 3 });
    const sides = await readHalves(booklet.pdf);
    const read = readFolded(sides.map((s) => ({ left: s.left, right: s.right })), 2);
    expect(read.filter(Boolean)).toEqual(Array.from({ length: 21 }, (_, i) => `page-${i + 1}`));
    expect(read.slice(21)).toEqual(['', '', '']);
    // The first signature is a booklet of its own: its outer sheet holds pages 8 and 1.
    expect(sides[0]).toMatchObject({ left: 'page-8', right: 'page-1' });
  });

  it('gives the same bytes for the same pages, so reproducible builds stay reproducible', async () => {
    const source = await numberedPdf(9);
    const [a, b] = [await imposeBooklet(source), await imposeBooklet(source)];
    expect(Buffer.from(a.pdf).equals(Buffer.from(b.pdf))).toBe(true);
  });

  it('keeps the edition metadata', async () => {
    const booklet = await imposeBooklet(await numberedPdf(4));
    const doc = await PDFDocument.load(booklet.pdf);
    expect(doc.getTitle()).toBe('Booklet under test');
    expect(String(doc.catalog.get(PDFName.of('Lang')))).toBe('(fr)');
  });

  it('adds crop marks outside a bleed, and sets TrimBox and BleedBox for the print shop', async () => {
    const bleed = mm(3);
    const booklet = await imposeBooklet(await numberedPdf(4), { marks: { bleed } });
    const boxes = await readBoxes(booklet.pdf);
    expect(boxes).toHaveLength(2);
    for (const { media, trim, bleed: bleedBox } of boxes) {
      // Trim: two A5 pages side by side, centred on a sheet large enough for the marks.
      expect(trim[2]).toBeCloseTo(2 * a5[0], 1);
      expect(trim[3]).toBeCloseTo(a5[1], 1);
      expect(trim[0]).toBeCloseTo((media[2]! - trim[2]!) / 2, 1);
      expect(bleedBox[0]).toBeCloseTo(trim[0]! - bleed, 1);
      expect(bleedBox[2]).toBeCloseTo(trim[2]! + 2 * bleed, 1);
      expect(media[2]! - bleedBox[2]!).toBeGreaterThan(2 * mm(5));
    }
    const sides = await readHalves(booklet.pdf);
    expect(readFolded(sides.map((s) => ({ left: s.left, right: s.right })))).toEqual(['page-1', 'page-2', 'page-3', 'page-4']);
  });

  it('stores each page’s content once, still compressed', async () => {
    const source = await numberedPdf(64, a5, 30);
    const booklet = await imposeBooklet(source);
    const streamBytes = async (pdf: Uint8Array): Promise<number> =>
      (await PDFDocument.load(pdf)).context.enumerateIndirectObjects().reduce((n, [, o]) => n + (o instanceof PDFRawStream ? o.contents.length : 0), 0);
    // The pages' content, plus a few operators per side of a sheet to place two of them.
    expect(await streamBytes(booklet.pdf)).toBeLessThan((await streamBytes(source)) + booklet.sheets * 2 * 200);
  });

  it('shares the fonts between pages instead of copying them once per page', async () => {
    const booklet = await imposeBooklet(await numberedPdf(40));
    const doc = await PDFDocument.load(booklet.pdf);
    const fonts = doc.context.enumerateIndirectObjects().filter(([, o]) => o instanceof PDFDict && o.get(PDFName.of('Type')) === PDFName.of('Font'));
    expect(fonts).toHaveLength(1);
  });
});
