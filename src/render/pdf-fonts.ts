/**
 * Which characters each font of a PDF draws, read from the fonts' ToUnicode maps: what a printed
 * edition needs of its fonts, by PostScript name (`SourceSerif4SmText-It`), for subsetting the
 * fonts of the HTML edition to what its pages use.
 *
 * Not for: changing the PDF's fonts (Chrome subsets what it embeds).
 */
import { PDFDict, PDFDocument, PDFName, PDFRawStream } from 'pdf-lib';
import { decodeStream } from './pdf-streams.ts';
import { parseToUnicode } from './pdf-text-mapping.ts';

/**
 * The characters drawn with each font of some PDFs.
 * @param pdfs the PDFs' bytes
 * @returns PostScript name (without the subset tag `ABCDEF+`) → characters
 */
export async function fontCharacters(pdfs: readonly Uint8Array[]): Promise<Map<string, Set<string>>> {
  const out = new Map<string, Set<string>>();
  for (const bytes of pdfs) {
    const doc = await PDFDocument.load(bytes, { updateMetadata: false });
    for (const [, object] of doc.context.enumerateIndirectObjects()) {
      if (!(object instanceof PDFDict) || object.lookupMaybe(PDFName.of('Type'), PDFName)?.decodeText() !== 'Font') continue;
      const base = object.lookupMaybe(PDFName.of('BaseFont'), PDFName)?.decodeText();
      const stream = object.lookup(PDFName.of('ToUnicode'));
      if (!base || !(stream instanceof PDFRawStream)) continue;
      const name = base.replace(/^[A-Z]{6}\+/, '');
      const set = out.get(name) ?? new Set<string>();
      for (const text of parseToUnicode(new TextDecoder('latin1').decode(decodeStream(stream))).values()) for (const c of text) set.add(c);
      out.set(name, set);
    }
  }
  return out;
}
