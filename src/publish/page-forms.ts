/**
 * The pages of one PDF as Form XObjects of another, to draw them anywhere (two-up on a sheet),
 * with their content streams copied as they are, still compressed.
 *
 * Written by hand over pdf-lib's low-level objects because pdf-lib's own `embedPages` copies each
 * page whole (its content streams included) and then decodes and recompresses those contents
 * into the Form XObject: every page's content ends up in the file twice, and the booklet came
 * out half as large again as the edition it imposes, and slower. Here a page with one content
 * stream (what Chrome prints) keeps its bytes and filter; only a page with several streams has
 * them decoded and joined. Resources (fonts, images) go through one copier, so what the pages
 * share is copied once.
 *
 * Not for: placing the forms (see `impose-booklet.ts`).
 */
import {
  PDFArray,
  PDFName,
  PDFObjectCopier,
  PDFRawStream,
  PDFRef,
  PDFStream,
  concatTransformationMatrix,
  drawObject,
  popGraphicsState,
  pushGraphicsState,
  type PDFDocument,
  type PDFPage,
} from 'pdf-lib';
import { decodeStream, flateStream } from '../render/pdf-streams.ts';

/** A page turned into a Form XObject of the output document. */
export interface PageForm {
  ref: PDFRef;
  /** The page's MediaBox: left, bottom, right, top. */
  box: [number, number, number, number];
  width: number;
  height: number;
}

/**
 * Makes a Form XObject of every page of `source` inside `output`.
 * @param output the document the forms are for
 * @param source the document whose pages are copied (left unchanged)
 */
export function pagesAsForms(output: PDFDocument, source: PDFDocument): PageForm[] {
  const copier = PDFObjectCopier.for(source.context, output.context);
  return source.getPages().map((page) => {
    const resources = page.node.Resources();
    const box = page.getMediaBox();
    const bbox: [number, number, number, number] = [box.x, box.y, box.x + box.width, box.y + box.height];
    const dict = output.context.obj({
      Type: 'XObject',
      Subtype: 'Form',
      FormType: 1,
      BBox: bbox,
      // Indirect, so that saving puts it in an object stream (compressed) rather than in the form's own dictionary.
      Resources: output.context.register(resources ? copier.copy(resources) : output.context.obj({})),
    });
    const streams = contentStreams(page.node.Contents());
    let form: PDFStream;
    if (streams.length === 1 && streams[0] instanceof PDFRawStream) {
      const raw = streams[0];
      for (const key of ['Filter', 'DecodeParms'] as const) {
        const value = raw.dict.get(PDFName.of(key));
        if (value) dict.set(PDFName.of(key), copier.copy(value));
      }
      form = PDFRawStream.of(dict, raw.contents);
    } else {
      const parts = streams.map((s) => {
        // A loaded document holds raw streams only; other kinds exist only in documents built in memory.
        if (!(s instanceof PDFRawStream)) throw new Error('Cannot impose a page whose content was not read from a PDF file.');
        return decodeStream(s);
      });
      const joined = new Uint8Array(parts.reduce((n, p) => n + p.length + 1, 0));
      let at = 0;
      for (const p of parts) {
        joined.set(p, at);
        joined[at + p.length] = 0x0a;
        at += p.length + 1;
      }
      form = flateStream(output.context, joined, dict);
    }
    return { ref: output.context.register(form), box: bbox, width: box.width, height: box.height };
  });
}

/**
 * Draws a page form on a page, scaled, its lower-left corner at (x, y).
 */
export function drawPageForm(on: PDFPage, form: PageForm, x: number, y: number, scale = 1): void {
  const name = on.node.newXObject('Page', form.ref);
  on.pushOperators(
    pushGraphicsState(),
    concatTransformationMatrix(scale, 0, 0, scale, x - scale * form.box[0], y - scale * form.box[1]),
    drawObject(name),
    popGraphicsState(),
  );
}

function contentStreams(contents: PDFStream | PDFArray | undefined): PDFStream[] {
  if (!contents) return [];
  if (contents instanceof PDFStream) return [contents];
  const streams: PDFStream[] = [];
  for (let i = 0; i < contents.size(); i++) {
    const s = contents.lookup(i);
    if (s instanceof PDFStream) streams.push(s);
  }
  return streams;
}
