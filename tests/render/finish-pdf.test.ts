import { PDFDocument, PDFName, PDFRawStream, decodePDFRawStream } from 'pdf-lib';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { finishPdf } from '../../src/render/finish-pdf.ts';
import { readAnchorPositions } from '../../src/render/pdf-anchors.ts';
import type { PdfMetadata } from '../../src/render/pdf-metadata.ts';
import { parseToUnicode, remapLookAlikes, safeReplacements, writeToUnicode } from '../../src/render/pdf-text-mapping.ts';

/** A three-page PDF with named destinations, as Chrome writes them (a /Dests dictionary). */
async function samplePdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const pages = [doc.addPage([595, 842]), doc.addPage([595, 842]), doc.addPage([595, 842])];
  const dest = (page: number, y: number) => doc.context.obj([pages[page]!.ref, PDFName.of('XYZ'), 10, y, 0]);
  doc.catalog.set(PDFName.of('Dests'), doc.context.obj({ intro: dest(0, 800), chap: dest(1, 700), sec: dest(1, 300), end: dest(2, 500) }));
  return doc.save();
}

const metadata: PdfMetadata = {
  title: 'Un titre « français »',
  author: 'Éditeur & fils',
  publisher: 'Éditeur & fils',
  subject: 'Le sujet',
  keywords: ['défense', 'Union européenne'],
  language: 'fr',
  date: new Date('2026-11-21T00:00:00Z'),
  creator: 'Folio 9.9.9',
  producer: 'Folio 9.9.9 (pdf-lib)',
  identity: '<html>same</html>',
};

describe('finishPdf', () => {
  it('reads named destinations as pages and positions', async () => {
    const doc = await PDFDocument.load(await samplePdf());
    const positions = readAnchorPositions(doc);
    expect(Object.fromEntries([...positions].map(([k, v]) => [k, [v.page, v.y]]))).toEqual({ intro: [1, 800], chap: [2, 700], sec: [2, 300], end: [3, 500] });
  });

  it('writes the metadata in the Info dictionary and as XMP, with the language', async () => {
    const { pdf } = await finishPdf(await samplePdf(), { metadata });
    const doc = await getDocument({ data: pdf.slice() }).promise;
    const { info, metadata: xmp } = (await doc.getMetadata()) as unknown as { info: Record<string, unknown>; metadata: { get(k: string): unknown } | null };
    expect(info.Title).toBe(metadata.title);
    expect(info.Author).toBe(metadata.author);
    expect(info.Subject).toBe('Le sujet');
    expect(info.Keywords).toBe('défense; Union européenne');
    expect(info.Producer).toBe(metadata.producer);
    expect(info.CreationDate).toBe('D:20261121000000Z');
    expect(info.Language).toBe('fr');
    expect(xmp?.get('dc:title')).toBe(metadata.title);
    expect(xmp?.get('dc:creator')).toEqual([metadata.author]);
    expect(xmp?.get('xmp:createdate')).toBe('2026-11-21T00:00:00Z');
    expect(xmp?.get('pdf:producer')).toBe(metadata.producer);
    await doc.destroy();
  });

  it('writes the outline, nested, at the anchors, and leaves out anchors that do not exist', async () => {
    const source = await samplePdf();
    const positions = Object.fromEntries(readAnchorPositions(await PDFDocument.load(source)));
    const outline = [{ title: 'Édition', anchor: 'intro', open: true, children: [{ title: 'Chapitre', anchor: 'chap', children: [{ title: 'Section', anchor: 'sec' }, { title: 'Perdue', anchor: 'nowhere' }] }, { title: 'Fin', anchor: 'end' }] }];
    const { pdf, bookmarks } = await finishPdf(source, { metadata, outline, positions });
    expect(bookmarks).toBe(4);
    const doc = await getDocument({ data: pdf.slice() }).promise;
    const items = await doc.getOutline();
    const shape = (list: typeof items): unknown => list.map((i) => ({ [i.title]: shape(i.items) }));
    expect(shape(items)).toEqual([{ Édition: [{ Chapitre: [{ Section: [] }] }, { Fin: [] }] }]);
    const section = items[0]!.items[0]!.items[0]!;
    expect(await doc.getPageIndex(section.dest![0] as never)).toBe(1);
    expect(section.dest![3]).toBe(300);
    await doc.destroy();
  });

  it('gives the same bytes for the same input, and another document ID for another identity', async () => {
    const source = await samplePdf();
    const a = (await finishPdf(source, { metadata })).pdf;
    const b = (await finishPdf(source, { metadata })).pdf;
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const id = (pdf: Uint8Array): string => /\/ID \[ <([0-9A-F]+)>/.exec(Buffer.from(pdf).toString('latin1'))![1]!;
    const c = (await finishPdf(source, { metadata: { ...metadata, identity: 'other' } })).pdf;
    expect(id(a)).toMatch(/^[0-9A-F]{32}$/);
    expect(id(c)).not.toBe(id(a));
  });
});

describe('ToUnicode look-alikes', () => {
  const cmap = writeToUnicode(new Map([[0x10, 'a'], [0x11, '\u02bc'], [0x12, 'fi']]));

  it('reads back what it writes, and reads ranges', () => {
    expect([...parseToUnicode(cmap)]).toEqual([[0x10, 'a'], [0x11, '\u02bc'], [0x12, 'fi']]);
    expect([...parseToUnicode('1 beginbfrange\n<0004> <0006> <0041>\nendbfrange')]).toEqual([[4, 'A'], [5, 'B'], [6, 'C']]);
  });

  it('maps a shared apostrophe glyph back to U+2019 only when the text never used U+02BC', async () => {
    expect([...safeReplacements('l’Union')]).toContainEqual([0x02bc, 0x2019]);
    // Only the non-breaking hyphen, read back as a hyphen whatever the text.
    expect([...safeReplacements('Hawaiʻi ʼ')]).toEqual([[0x2011, 0x2d]]);
    const doc = await PDFDocument.create();
    const stream = doc.context.register(doc.context.flateStream(cmap));
    doc.context.register(doc.context.obj({ Type: 'Font', ToUnicode: stream }));
    expect(remapLookAlikes(doc, safeReplacements('l’Union'))).toBe(1);
    const rewritten = doc.context.lookup(stream) as PDFRawStream;
    const text = new TextDecoder().decode(decodePDFRawStream(rewritten).decode());
    expect(parseToUnicode(text).get(0x11)).toBe('’');
    expect(parseToUnicode(text).get(0x12)).toBe('fi');
  });
});
