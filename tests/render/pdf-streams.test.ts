import { inflateSync } from 'node:zlib';
import { PDFDocument, PDFName, PDFStream, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { savePdf } from '../../src/render/pdf-streams.ts';

/** A document of many small objects (what object streams hold), with text drawn by pdf-lib. */
async function manyObjects(): Promise<PDFDocument> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 1; i <= 12; i++) {
    const page = doc.addPage([300, 400]);
    page.drawText(`Page ${i}`, { x: 20, y: 350, size: 12, font });
    for (let k = 0; k < 20; k++) doc.context.register(doc.context.obj({ Kind: 'Note', Page: i, Index: k }));
  }
  return doc;
}

describe('savePdf', () => {
  it('writes what pdf-lib writes, object streams compressed, and reads back the same', async () => {
    const doc = await manyObjects();
    const ours = await savePdf(doc);
    const theirs = await doc.save({ addDefaultPage: false, updateFieldAppearances: false });
    const [a, b] = [await PDFDocument.load(ours), await PDFDocument.load(theirs)];
    expect(a.getPageCount()).toBe(12);
    // Every object that is not a stream reads back as the one pdf-lib's own save gives.
    for (const [ref, object] of b.context.enumerateIndirectObjects()) if (!(object instanceof PDFStream)) expect(a.context.lookup(ref)?.toString()).toBe(object.toString());
    // The object streams are deflated: their bytes inflate, and the file holds none of their text.
    const text = Buffer.from(ours).toString('latin1');
    expect(text).toContain('/Type /ObjStm');
    expect(text).not.toContain('/Kind /Note');
    const stream = /\/Type \/ObjStm[^]*?stream\r?\n/.exec(text)!;
    const start = stream.index + stream[0].length;
    const length = Number(/\/Length (\d+)/.exec(stream[0])![1]);
    expect(inflateSync(Buffer.from(ours.subarray(start, start + length))).toString('latin1')).toContain('/Kind /Note');
    expect(a.catalog.get(PDFName.of('Pages'))).toBeDefined();
  });

  it('gives the same bytes for the same document', async () => {
    const [one, two] = [await savePdf(await manyObjects()), await savePdf(await manyObjects())];
    expect(Buffer.compare(Buffer.from(one), Buffer.from(two))).toBe(0);
  });
});
