/**
 * Page references in the HTML edition: an element with `data-page-of="ANCHOR"` shows, in the PDF,
 * the page on which ANCHOR starts (see `render/paginate.ts`); a screen has no pages, so the
 * reference must at least lead there. This transform makes sure every page reference is, or
 * holds, or sits in a link to its anchor, by wrapping its content in one when it is not.
 *
 * Not for: filling in page numbers (that happens only in the printed copy).
 */
import type { Element, Root, RootContent } from 'hast';

/**
 * Links every page reference to its anchor, in place.
 * @param tree the whole document
 */
export function linkPageReferences(tree: Root): void {
  const visit = (node: Root | Element, inLink: boolean): void => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      const isLink = child.tagName === 'a' && child.properties?.href !== undefined;
      const anchor = child.properties?.dataPageOf;
      if (typeof anchor === 'string' && !inLink && !isLink && !child.children.some(isLinkElement)) {
        child.children = [{ type: 'element', tagName: 'a', properties: { href: `#${anchor}` }, children: child.children }];
      }
      visit(child, inLink || isLink);
    }
  };
  visit(tree, false);
}

function isLinkElement(node: RootContent): boolean {
  return node.type === 'element' && node.tagName === 'a' && node.properties?.href !== undefined;
}
