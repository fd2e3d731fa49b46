/**
 * The PDF outline (bookmarks) from a tree of titled anchors. Chrome can make an outline from the
 * headings, but only as the headings nest; an edition wants its own shape (edition → documents →
 * sections, back matter), so the outline is written with pdf-lib from the anchors' positions.
 *
 * Not for: choosing the entries (see `edition-pdf.ts`).
 */
import { PDFDocument, PDFHexString, PDFName, PDFNull, PDFNumber, type PDFDict, type PDFRef } from 'pdf-lib';
import type { AnchorPosition } from './pdf-anchors.ts';

export interface OutlineItem {
  title: string;
  /** Id of the element the bookmark opens at. */
  anchor: string;
  children?: OutlineItem[];
  /** Shown unfolded in the viewer's bookmarks panel (default: folded). */
  open?: boolean;
}

interface Placed {
  item: OutlineItem;
  position: AnchorPosition;
  children: Placed[];
}

/**
 * Replaces the document's outline.
 * @param doc a PDF loaded with pdf-lib
 * @param items top-level bookmarks
 * @param positions where each anchor is (from `readAnchorPositions`); items whose anchor has no
 *   position are left out, with their children moved up
 * @returns the number of bookmarks written
 */
export function setOutline(doc: PDFDocument, items: readonly OutlineItem[], positions: ReadonlyMap<string, AnchorPosition> | Record<string, AnchorPosition>): number {
  const lookup = (id: string): AnchorPosition | undefined => (positions instanceof Map ? positions.get(id) : (positions as Record<string, AnchorPosition>)[id]);
  const pages = doc.getPages();
  const context = doc.context;
  let written = 0;

  const placed = (list: readonly OutlineItem[]): Placed[] =>
    list.flatMap((item): Placed[] => {
      const position = lookup(item.anchor);
      const children = placed(item.children ?? []);
      return position && pages[position.page - 1] ? [{ item, position, children }] : children;
    });

  const rootRef = context.nextRef();
  /** Writes siblings under a parent; returns the refs and the count of visible descendants. */
  const writeLevel = (parent: PDFRef, list: Placed[]): { first?: PDFRef; last?: PDFRef; visible: number } => {
    const refs = list.map(() => context.nextRef());
    let visible = 0;
    list.forEach(({ item, position, children }, i) => {
      const ref = refs[i]!;
      const sub = writeLevel(ref, children);
      const page = pages[position.page - 1]!;
      const dict: Record<string, unknown> = {
        Title: PDFHexString.fromText(item.title),
        Parent: parent,
        Dest: context.obj([page.ref, PDFName.of('XYZ'), PDFNumber.of(position.x), PDFNumber.of(position.y), PDFNull]),
      };
      if (i > 0) dict.Prev = refs[i - 1];
      if (i < refs.length - 1) dict.Next = refs[i + 1];
      if (sub.first) {
        dict.First = sub.first;
        dict.Last = sub.last;
        // Positive count: open, showing that many descendants; negative: closed.
        dict.Count = PDFNumber.of(item.open ? sub.visible : -children.length);
      }
      context.assign(ref, context.obj(dict as never) as unknown as PDFDict);
      written += 1;
      visible += 1 + (item.open ? sub.visible : 0);
    });
    return { first: refs[0], last: refs[refs.length - 1], visible };
  };

  const top = writeLevel(rootRef, placed(items));
  const root: Record<string, unknown> = { Type: 'Outlines', Count: PDFNumber.of(top.visible) };
  if (top.first) {
    root.First = top.first;
    root.Last = top.last;
  }
  context.assign(rootRef, context.obj(root as never) as unknown as PDFDict);
  doc.catalog.set(PDFName.of('Outlines'), rootRef);
  if (top.first) doc.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
  return written;
}
