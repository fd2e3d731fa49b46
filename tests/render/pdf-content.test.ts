/** Content streams parsed and written back: the same drawing, operand for operand. */
import { PDFDocument, PDFName, PDFRef } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { contentStreamUsers, decodeTextString, dictEntry, encodeTextString, parseContent, readPageContent, writeContent, writePageContent } from '../../src/render/pdf-content.ts';

describe('content streams', () => {
  const stream = 'q 1 0 0 1 0 0 cm\n/Span<</ActualText <FEFF00AD> /MCID 3>> BDC\nBT /F4 12 Tf 1 0 0 -1 5 6 Tm (a\\)b) Tj [<0013> -12 <0108>] TJ ET\nEMC Q % a comment\n';

  it('reads operators with their operands, strings, arrays and dictionaries whole', () => {
    const ops = parseContent(stream)!;
    expect(ops.map((o) => o.operator)).toEqual(['q', 'cm', 'BDC', 'BT', 'Tf', 'Tm', 'Tj', 'TJ', 'ET', 'EMC', 'Q']);
    expect(ops[2]!.operands).toEqual(['/Span', '<</ActualText <FEFF00AD> /MCID 3>>']);
    expect(ops[6]!.operands).toEqual(['(a\\)b)']);
    expect(ops[7]!.operands).toEqual(['[<0013> -12 <0108>]']);
  });

  it('writes back a stream that reads the same', () => {
    const ops = parseContent(stream)!;
    expect(parseContent(writeContent(ops))).toEqual(ops);
  });

  it('refuses what it cannot read rather than guess', () => {
    expect(parseContent('BI /W 1 /H 1 ID xx EI')).toBeUndefined();
    expect(parseContent('(unclosed Tj')).toBeUndefined();
  });

  it('reads dictionary entries and text strings', () => {
    expect(dictEntry('<</ActualText <FEFF00AD> /MCID 3>>', 'MCID')).toBe('3');
    expect(decodeTextString(dictEntry('<</ActualText <FEFF00AD> /MCID 3>>', 'ActualText')!)).toBe('\u00ad');
    expect(decodeTextString('(l\\(a\\))')).toBe('l(a)');
    expect(decodeTextString(encodeTextString('ffi é'))).toBe('ffi é');
  });

  it('rewrites every page of a document in one pass, deleting a shared stream only when no page draws it', async () => {
    const doc = await PDFDocument.create();
    const [first, second, third] = [doc.addPage(), doc.addPage(), doc.addPage()];
    const shared = doc.context.register(doc.context.flateStream('0 0 m 1 1 l S\n'));
    first!.node.set(PDFName.of('Contents'), shared);
    second!.node.set(PDFName.of('Contents'), shared);
    const own = doc.context.register(doc.context.flateStream('2 2 m 3 3 l S\n'));
    third!.node.set(PDFName.of('Contents'), own);
    const users = contentStreamUsers(doc);
    expect(users.get(shared.toString())).toBe(2);
    writePageContent(doc, first!, 'q Q\n', users);
    expect(doc.context.lookup(shared)).toBeDefined();
    expect(readPageContent(doc, second!)).toBe('0 0 m 1 1 l S\n');
    writePageContent(doc, second!, 'q Q\n', users);
    expect(doc.context.lookup(shared)).toBeUndefined();
    writePageContent(doc, third!, 'q Q\n');
    expect(doc.context.lookup(own)).toBeUndefined();
    expect(doc.getPages().map((p) => readPageContent(doc, p))).toEqual(['q Q\n', 'q Q\n', 'q Q\n']);
    expect(first!.node.get(PDFName.of('Contents'))).toBeInstanceOf(PDFRef);
  });
});
