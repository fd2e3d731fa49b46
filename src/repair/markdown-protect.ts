/**
 * The parts of a Markdown text that are not prose, so that the repairs that run on Markdown
 * sources leave them alone: code (fenced, indented, inline), HTML, link and image destinations,
 * autolinks, link reference definitions, hard line breaks, front matter. A straight apostrophe in
 * a URL or two spaces in a code block are what the author meant.
 *
 * Found by parsing with remark (CommonMark and GFM), not by patterns: what is code is what a
 * Markdown reader takes for code.
 */
import type { Nodes, Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const parser = unified().use(remarkParse).use(remarkGfm);

/**
 * Offsets `[from, to)` of the text that repairs must not change.
 * @param markdown a Markdown text
 */
export function protectedRanges(markdown: string): [number, number][] {
  const tree = parser.parse(markdown) as Root;
  const ranges: [number, number][] = [];
  const span = (n: Nodes): [number, number] | undefined => {
    const s = n.position?.start.offset;
    const e = n.position?.end.offset;
    return s === undefined || e === undefined ? undefined : [s, e];
  };
  const visit = (node: Nodes): void => {
    const whole = span(node);
    switch (node.type) {
      case 'code':
      case 'inlineCode':
      case 'html':
      case 'definition':
      case 'break':
      case 'yaml' as Nodes['type']:
        if (whole) ranges.push(whole);
        return;
      case 'image':
        if (whole) ranges.push(whole);
        return;
      case 'link': {
        if (!whole) return;
        const last = node.children[node.children.length - 1];
        const textEnd = last ? span(last)?.[1] : undefined;
        // An autolink's text is its address; otherwise only `](…)` is the address.
        if (textEnd === undefined || node.children.every((c) => c.type === 'text' && c.value === node.url)) ranges.push(whole);
        else ranges.push([textEnd, whole[1]]);
        break;
      }
      default:
        break;
    }
    if ('children' in node) for (const child of node.children) visit(child as Nodes);
  };
  visit(tree);
  return ranges.sort((a, b) => a[0] - b[0]);
}
