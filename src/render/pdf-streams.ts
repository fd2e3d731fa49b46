/**
 * Compressed streams of a PDF, through Node's zlib. pdf-lib inflates and deflates in JavaScript
 * (pako), which is most of what finishing a long PDF costs; zlib is the same algorithm, native,
 * several times faster, and gives the same bytes for the same input on every run.
 *
 * Saving goes through zlib too (`savePdf`): pdf-lib's writer deflates its object streams with pako.
 *
 * Not for: what a stream holds (`pdf-content.ts` reads and writes page content).
 */
import { deflateSync, inflateSync } from 'node:zlib';
import { PDFArray, PDFDict, PDFFlateStream, PDFName, PDFRawStream, PDFStreamWriter, decodePDFRawStream, type PDFContext, type PDFDocument, type PDFObject, type PDFRef } from 'pdf-lib';

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

/** Objects per object stream, as pdf-lib's own writer packs them. */
const objectsPerStream = 50;

/**
 * Saves a document with object streams, as `doc.save({ useObjectStreams: true, addDefaultPage:
 * false, updateFieldAppearances: false })` does, but compressed by zlib (several times faster
 * than pdf-lib's pako, the same bytes on every run) and without yielding to the event loop every
 * few objects (which costs a timer tick each time on a document of a hundred thousand objects).
 * @param doc the document; nothing of it is changed but what pdf-lib's own save changes
 * @returns the file's bytes
 */
export async function savePdf(doc: PDFDocument): Promise<Uint8Array> {
  // What pdf-lib's save does first: embedded fonts, images and pages written into the document.
  await (doc as unknown as { flush(): Promise<void> }).flush();
  const writer = PDFStreamWriter.forContext(doc.context, Number.POSITIVE_INFINITY, false, objectsPerStream);
  // The writer makes its object streams and its cross-reference stream unencoded, and asks each
  // object's size just after making it: the moment to give it a zlib-compressed content instead.
  const sizer = writer as unknown as { computeIndirectObjectSize(entry: [PDFRef, PDFObject]): number };
  const size = sizer.computeIndirectObjectSize.bind(writer);
  sizer.computeIndirectObjectSize = (entry) => {
    const object = entry[1];
    if (object instanceof PDFFlateStream) compressWithZlib(object);
    return size(entry);
  };
  return writer.serializeToBuffer();
}

/** Makes an unencoded pdf-lib stream (an object stream, a cross-reference stream) a FlateDecode one, compressed by zlib. */
function compressWithZlib(stream: PDFFlateStream): void {
  const internals = stream as unknown as { encode: boolean; contentsCache: { access(): Uint8Array; invalidate(): void } };
  if (internals.encode) return;
  let contents: Uint8Array | undefined;
  internals.contentsCache = {
    access: () => {
      if (!contents) {
        const compressed = deflateSync(stream.getUnencodedContents());
        contents = new Uint8Array(compressed.buffer, compressed.byteOffset, compressed.length);
      }
      return contents;
    },
    invalidate: () => (contents = undefined),
  };
  stream.dict.set(PDFName.of('Filter'), flateDecode);
}
