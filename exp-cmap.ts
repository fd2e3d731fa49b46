import { readFileSync } from 'node:fs';
import { PDFDocument, PDFName, PDFRawStream, PDFDict, decodePDFRawStream, PDFRef } from 'pdf-lib';
import { readPdfText } from './tests/helpers/pdf.ts';
const bytes = readFileSync('output/compendium.pdf');
const t = await readPdfText(bytes);
const all = t.pages.join('\n');
console.log('02BC', (all.match(/\u02bc/g) ?? []).length, '2019', (all.match(/\u2019/g) ?? []).length, "'", (all.match(/'/g) ?? []).length);
const doc = await PDFDocument.load(bytes, { updateMetadata: false });
let n = 0;
for (const [ref, obj] of doc.context.enumerateIndirectObjects()) {
  if (obj instanceof PDFDict || (obj as any).dict) {
    const dict: PDFDict = (obj as any).dict ?? obj;
    const tu = dict.get(PDFName.of('ToUnicode'));
    if (tu && n++ < 100) {
      const s = doc.context.lookup(tu) as PDFRawStream;
      const text = new TextDecoder().decode(decodePDFRawStream(s).decode());
      console.log(dict.get(PDFName.of("BaseFont"))?.toString());
      console.log(text.split('\n').filter(l => /02BC|2019/i.test(l)));
    }
  }
}
