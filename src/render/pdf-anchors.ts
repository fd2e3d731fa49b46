/**
 * Where each anchor landed in a PDF printed by Chrome: Chrome writes a named destination for every
 * element that a link of the document points to (`<a href="#id">`, even a hidden one), so the
 * catalog's destinations name the page and the position of each such element.
 *
 * Not for: deciding which anchors to look for (see `paginate.ts`) or changing the PDF.
 */
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, PDFRef, PDFString, PDFHexString, type PDFObject } from 'pdf-lib';

/** Where an anchor starts: its page (1-based) and its top, in PDF units from the page's bottom. */
export interface AnchorPosition {
  page: number;
  /** Horizontal position in PDF units, from the page's left edge. */
  x: number;
  /** Vertical position in PDF units, from the page's bottom edge. */
  y: number;
}

/**
 * Reads the named destinations of a loaded PDF.
 * @param doc a PDF loaded with pdf-lib
 * @returns each destination's name (decoded: the anchor id) and its position; destinations whose
 *   page is not in the document are left out
 */
export function readAnchorPositions(doc: PDFDocument): Map<string, AnchorPosition> {
  const pageIndex = new Map<string, number>();
  doc.getPages().forEach((page, i) => pageIndex.set(page.ref.toString(), i + 1));
  const positions = new Map<string, AnchorPosition>();
  const add = (name: string, value: PDFObject | undefined): void => {
    const position = toPosition(doc, value, pageIndex);
    if (position && !positions.has(name)) positions.set(name, position);
  };

  // PDF 1.1 style: a dictionary of names in the catalog (what Chrome writes).
  const dests = doc.catalog.lookupMaybe(PDFName.of('Dests'), PDFDict);
  if (dests) for (const [key, value] of dests.entries()) add(key.decodeText(), value);

  // PDF 1.2 style: a name tree under /Names /Dests.
  const names = doc.catalog.lookupMaybe(PDFName.of('Names'), PDFDict);
  const tree = names?.lookupMaybe(PDFName.of('Dests'), PDFDict);
  if (tree) walkNameTree(doc, tree, add, new Set());
  return positions;
}

/**
 * Loads a PDF and reads its named destinations.
 * @param pdf the PDF's bytes
 */
export async function readAnchorPositionsFromBytes(pdf: Uint8Array): Promise<{ positions: Map<string, AnchorPosition>; pageCount: number }> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  return { positions: readAnchorPositions(doc), pageCount: doc.getPageCount() };
}

function walkNameTree(doc: PDFDocument, node: PDFDict, add: (name: string, value: PDFObject | undefined) => void, seen: Set<PDFDict>): void {
  if (seen.has(node)) return;
  seen.add(node);
  const pairs = node.lookupMaybe(PDFName.of('Names'), PDFArray);
  if (pairs) {
    for (let i = 0; i + 1 < pairs.size(); i += 2) {
      const key = pairs.lookup(i);
      if (key instanceof PDFString || key instanceof PDFHexString) add(key.decodeText(), pairs.get(i + 1));
    }
  }
  const kids = node.lookupMaybe(PDFName.of('Kids'), PDFArray);
  if (kids) for (let i = 0; i < kids.size(); i++) {
    const kid = kids.lookup(i);
    if (kid instanceof PDFDict) walkNameTree(doc, kid, add, seen);
  }
}

/** A destination is an array `[page /XYZ left top zoom]`, or a dictionary holding one under /D. */
function toPosition(doc: PDFDocument, value: PDFObject | undefined, pageIndex: Map<string, number>): AnchorPosition | undefined {
  let dest = value instanceof PDFRef ? doc.context.lookup(value) : value;
  if (dest instanceof PDFDict) dest = dest.lookup(PDFName.of('D'));
  if (!(dest instanceof PDFArray) || dest.size() < 1) return undefined;
  const pageRef = dest.get(0);
  if (!(pageRef instanceof PDFRef)) return undefined;
  const page = pageIndex.get(pageRef.toString());
  if (page === undefined) return undefined;
  const number = (i: number): number => {
    const n = dest.size() > i ? dest.lookup(i) : undefined;
    return n instanceof PDFNumber ? n.asNumber() : 0;
  };
  const kind = dest.lookup(1);
  // /XYZ left top zoom; /FitH top; /FitBH top; other kinds have no useful position.
  if (kind instanceof PDFName && (kind.asString() === '/FitH' || kind.asString() === '/FitBH')) return { page, x: 0, y: number(2) };
  return { page, x: number(2), y: number(3) };
}
