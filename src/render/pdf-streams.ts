/**
 * Compressed streams of a PDF, through Node's zlib. pdf-lib inflates and deflates in JavaScript
 * (pako), which is most of what finishing a long PDF costs; zlib is the same algorithm, native,
 * several times faster, and gives the same bytes for the same input on every run.
 *
 * Not for: what a stream holds (`pdf-content.ts` reads and writes page content).
 */
import { deflateSync, inflateSync } from 'node:zlib';
import { PDFArray, PDFDict, PDFName, PDFRawStream, decodePDFRawStream, type PDFContext } from 'pdf-lib';

const flateDecode = PDFName.of('FlateDecode');

/**
 * The decoded bytes of a stream: zlib for a stream filtered by FlateDecode alone, pdf-lib's
 * decoders for any other filter (or a FlateDecode with a predictor).
 */
export function decodeStream(stream: PDFRawStream): Uint8Array {
  const filter = stream.dict.get(PDFName.of('Filter'));
  const only = filter instanceof PDFArray && filter.size() === 1 ? filter.get(0) : filter;
  if (only === flateDecode && !stream.dict.get(PDFName.of('DecodeParms'))) {
    try {
      return inflateSync(stream.contents);
    } catch {
      // A stream zlib refuses (truncated, say): pdf-lib's decoder is more lenient.
    }
  }
  return decodePDFRawStream(stream).decode();
}

/**
 * A new FlateDecode stream of `bytes` (not yet registered in the document).
 * @param dict the stream's dictionary, with its other entries (a form's /BBox, /Resources…);
 *   its /Filter is set here (pdf-lib sets /Length when it writes the file)
 */
export function flateStream(context: PDFContext, bytes: Uint8Array, dict: PDFDict = context.obj({})): PDFRawStream {
  dict.set(PDFName.of('Filter'), flateDecode);
  dict.delete(PDFName.of('DecodeParms'));
  const compressed = deflateSync(bytes);
  return PDFRawStream.of(dict, new Uint8Array(compressed.buffer, compressed.byteOffset, compressed.length));
}
