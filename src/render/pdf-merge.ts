/**
 * One PDF from the PDFs Chrome printed for the parts of a document (see `paginate.ts`), as if
 * Chrome had printed it whole: the pages in order, with blank pages where a part must start on a
 * right-hand page; one structure tree (each part's `Document` element's children under one
 * `Document`, the parent tree renumbered); the named destinations of every anchor, taken from
 * the part that holds it, so that links from one part into another land where they should.
 *
 * Written on pdf-lib's object copier: pdf-lib's own `copyPages` copies pages only, without their
 * structure tree or destinations, and no other library merges tagged PDFs.
 *
 * Not for: metadata, outline, text mapping (`finish-pdf.ts`).
 */
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNull, PDFNumber, PDFObjectCopier, PDFPage, PDFPageLeaf, PDFRef, PDFString, type PDFObject } from 'pdf-lib';

/** A part as printed. */
export interface PrintedPart {
  /** Its PDF, as bytes or loaded (it is read, not changed). */
  pdf: Uint8Array | PDFDocument;
  /** Page of the whole document (1-based) on which the part's first kept page goes. */
  start: number;
  /** Leading pages of the part's PDF that are not part of the document (see `paginate.ts`). */
  skip: number;
  /** Anchors (element ids) whose destination this part holds. */
  owned: ReadonlySet<string>;
}

export interface MergedDocument {
  document: PDFDocument;
  /** Blank pages added before parts that must start on a right-hand page. */
  blankPages: number;
}

/**
 * Merges parts into one document, in order.
 * @param parts the parts; each `start` is after the previous part's last page
 */
export async function mergeParts(parts: readonly PrintedPart[]): Promise<MergedDocument> {
  const dst = await PDFDocument.create({ updateMetadata: false });
  const context = dst.context;
  const rootRef = context.nextRef();
  const documentRef = context.nextRef();
  const documentKids: PDFObject[] = [];
  const parentTree: PDFObject[] = [];
  const roleMap = context.obj({});
  const dests = context.obj({});
  let nextKey = 0;
  let blankPages = 0;
  let tagged = false;
  /** Structure element ids of the merged tree (new id → element), see `renumberIds`. */
  const elementIds: [string, PDFRef][] = [];

  for (const [index, part] of parts.entries()) {
    const src = part.pdf instanceof PDFDocument ? part.pdf : await PDFDocument.load(part.pdf, { updateMetadata: false });
    const pages = src.getPages();
    const kept = pages.slice(part.skip);
    if (kept.length === 0) continue;
    const { width, height } = kept[0]!.getSize();
    while (dst.getPageCount() + 1 < part.start) {
      dst.addPage([width, height]);
      blankPages += 1;
    }
    if (index === 0) {
      for (const key of ['Lang', 'MarkInfo', 'ViewerPreferences']) {
        const value = src.catalog.get(PDFName.of(key));
        if (value) dst.catalog.set(PDFName.of(key), PDFObjectCopier.for(src.context, context).copy(value));
      }
    }

    const copier = PDFObjectCopier.for(src.context, context);
    // The copier's map of what it has copied, seeded so that the skipped pages and the part's
    // structure root are not copied but point where they belong in the merged document.
    const seen = (copier as unknown as { traversedObjects: Map<PDFObject, PDFObject> }).traversedObjects;
    for (const page of pages.slice(0, part.skip)) seen.set(page.ref, PDFNull);

    const offset = nextKey;
    for (const page of kept) {
      const ref = copier.copy(page.ref) as PDFRef;
      const leaf = context.lookup(ref) as PDFPageLeaf;
      shiftKey(leaf, 'StructParents', offset);
      const annots = leaf.lookupMaybe(PDFName.of('Annots'), PDFArray);
      for (let i = 0; annots && i < annots.size(); i++) {
        const annot = annots.lookup(i);
        if (annot instanceof PDFDict) shiftKey(annot, 'StructParent', offset);
      }
      dst.addPage(PDFPage.of(leaf, ref, dst));
    }

    const rootValue = src.catalog.get(PDFName.of('StructTreeRoot'));
    const root = src.catalog.lookupMaybe(PDFName.of('StructTreeRoot'), PDFDict);
    if (root) {
      tagged = true;
      if (rootValue instanceof PDFRef) seen.set(rootValue, documentRef);
      const kids = asList(root.get(PDFName.of('K')));
      const firstKid = documentKids.length;
      for (const kid of kids) {
        const element = src.context.lookup(kid);
        if (element instanceof PDFDict && element.get(PDFName.of('S')) === PDFName.of('Document')) {
          // The part's Document element becomes the merged one: its children move up into it.
          if (kid instanceof PDFRef) seen.set(kid, documentRef);
          for (const child of asList(element.get(PDFName.of('K')))) documentKids.push(copier.copy(child));
        } else {
          documentKids.push(copier.copy(kid));
        }
      }
      renumberIds(context, documentKids.slice(firstKid), elementIds);
      const map = root.lookupMaybe(PDFName.of('RoleMap'), PDFDict);
      if (map) for (const [key, value] of map.entries()) if (!roleMap.has(key)) roleMap.set(key, copier.copy(value));
      let highest = -1;
      const tree = root.lookupMaybe(PDFName.of('ParentTree'), PDFDict);
      if (tree) {
        for (const [key, value] of numberTreeEntries(src, tree)) {
          parentTree.push(PDFNumber.of(key + offset), copier.copy(value));
          highest = Math.max(highest, key);
        }
      }
      const declared = root.lookupMaybe(PDFName.of('ParentTreeNextKey'), PDFNumber)?.asNumber() ?? 0;
      nextKey = offset + Math.max(declared, highest + 1);
    }

    // Chrome's outline, made from the headings, holds for a document printed in one part.
    if (parts.length === 1) {
      for (const key of ['Outlines', 'PageMode']) {
        const value = src.catalog.get(PDFName.of(key));
        if (value) dst.catalog.set(PDFName.of(key), copier.copy(value));
      }
    }

    const partDests = src.catalog.lookupMaybe(PDFName.of('Dests'), PDFDict);
    if (partDests) {
      for (const [name, value] of partDests.entries()) if (part.owned.has(name.decodeText()) && !dests.has(name)) dests.set(name, copier.copy(value));
    }
  }

  if (tagged) {
    pruneDetached(context, documentKids);
    context.assign(documentRef, context.obj({ Type: 'StructElem', S: 'Document', P: rootRef, K: context.obj(documentKids) }));
    const root = context.obj({ Type: 'StructTreeRoot', K: documentRef, ParentTree: context.obj({ Nums: context.obj(parentTree) }), ParentTreeNextKey: nextKey });
    if (roleMap.keys().length) root.set(PDFName.of('RoleMap'), roleMap);
    if (elementIds.length) {
      const names = elementIds.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).flatMap(([id, ref]) => [PDFString.of(id), ref]);
      root.set(PDFName.of('IDTree'), context.obj({ Names: context.obj(names) }));
    }
    context.assign(rootRef, root);
    dst.catalog.set(PDFName.of('StructTreeRoot'), rootRef);
  }
  if (dests.keys().length) dst.catalog.set(PDFName.of('Dests'), context.register(dests));
  return { document: dst, blankPages };
}

function shiftKey(dict: PDFDict, key: string, offset: number): void {
  const value = dict.get(PDFName.of(key));
  if (value instanceof PDFNumber && offset) dict.set(PDFName.of(key), PDFNumber.of(value.asNumber() + offset));
}

function asList(value: PDFObject | undefined): PDFObject[] {
  if (value === undefined) return [];
  if (value instanceof PDFArray) return value.asArray();
  return [value];
}

/** The entries of a number tree (`/Nums` pairs, through `/Kids`). */
function numberTreeEntries(doc: PDFDocument, node: PDFDict, seen = new Set<PDFDict>()): [number, PDFObject][] {
  if (seen.has(node)) return [];
  seen.add(node);
  const out: [number, PDFObject][] = [];
  const nums = node.lookupMaybe(PDFName.of('Nums'), PDFArray);
  for (let i = 0; nums && i + 1 < nums.size(); i += 2) {
    const key = nums.lookup(i);
    if (key instanceof PDFNumber) out.push([key.asNumber(), nums.get(i + 1)]);
  }
  const kids = node.lookupMaybe(PDFName.of('Kids'), PDFArray);
  for (let i = 0; kids && i < kids.size(); i++) {
    const kid = kids.lookup(i);
    if (kid instanceof PDFDict) out.push(...numberTreeEntries(doc, kid, seen));
  }
  return out;
}

/**
 * Gives the structure elements of one part ids of their own in the merged tree. Chrome names
 * them after the DOM nodes of the page that printed them (`node00004930`): ids that depend on
 * what that page did before (so two builds would differ) and that two parts may share. The new
 * ids follow the tree's order; table cells' `/Headers`, which name their header cells' ids,
 * follow them.
 */
function renumberIds(context: PDFDocument['context'], kids: readonly PDFObject[], ids: [string, PDFRef][]): void {
  const renamed = new Map<string, string>();
  const withHeaders: PDFDict[] = [];
  const seen = new Set<PDFDict>();
  const text = (value: PDFObject | undefined): string | undefined => (value instanceof PDFString || value instanceof PDFHexString ? value.decodeText() : undefined);
  const walk = (item: PDFObject, ref?: PDFRef): void => {
    const dict = item instanceof PDFRef ? context.lookup(item) : item;
    if (!(dict instanceof PDFDict) || seen.has(dict)) return;
    seen.add(dict);
    const id = text(dict.get(PDFName.of('ID')));
    if (id !== undefined) {
      const fresh = `e${ids.length + 1}`;
      renamed.set(id, fresh);
      dict.set(PDFName.of('ID'), PDFString.of(fresh));
      const own = item instanceof PDFRef ? item : ref;
      if (own) ids.push([fresh, own]);
    }
    if (dict.has(PDFName.of('A'))) withHeaders.push(dict);
    const k = dict.get(PDFName.of('K'));
    for (const child of asList(k)) if (child instanceof PDFRef || child instanceof PDFDict) walk(child);
  };
  for (const kid of kids) walk(kid);
  for (const dict of withHeaders) {
    const attributes = dict.lookup(PDFName.of('A'));
    for (const attribute of attributes instanceof PDFArray ? attributes.asArray().map((a) => context.lookup(a)) : [attributes]) {
      if (!(attribute instanceof PDFDict)) continue;
      const headers = attribute.lookupMaybe(PDFName.of('Headers'), PDFArray);
      if (!headers) continue;
      attribute.set(PDFName.of('Headers'), context.obj(headers.asArray().map((h) => PDFString.of(renamed.get(text(h) ?? '') ?? text(h) ?? ''))));
    }
  }
}

/**
 * Removes, from a list of structure elements and their descendants, the marked-content
 * references to pages that were not kept (their page is now `null`) and the elements left empty
 * by it.
 */
function pruneDetached(context: PDFDocument['context'], kids: PDFObject[]): void {
  /** True when nothing of the item is left on a kept page: it goes. Prunes its children first. */
  const detached = (item: PDFObject): boolean => {
    const dict = item instanceof PDFRef ? context.lookup(item) : item;
    if (!(dict instanceof PDFDict)) return false; // a marked-content id: on the element's page
    const gone = dict.get(PDFName.of('Pg')) === PDFNull;
    const type = dict.get(PDFName.of('Type'));
    if (type === PDFName.of('MCR') || type === PDFName.of('OBJR')) return gone;
    const children = asList(dict.get(PDFName.of('K')));
    const kept = children.filter((child) => !detached(child));
    if (kept.length !== children.length) dict.set(PDFName.of('K'), context.obj(kept));
    return gone && kept.length === 0;
  };
  const kept = kids.filter((k) => !detached(k));
  kids.splice(0, kids.length, ...kept);
}
