/**
 * The parts of a Markdown text that are not prose, so that the repairs that run on Markdown
 * sources leave them alone: code (fenced, indented, inline), HTML, link and image destinations,
 * autolinks, link reference definitions, hard line breaks, front matter. A straight apostrophe in
 * a URL or two spaces in a code block are what the author meant.
 *
 * Found by parsing with remark (CommonMark and GFM), not by patterns: what is code is what a
 * Markdown reader takes for code. A long text is parsed in pieces cut where no block can go on
 * across the cut (see `pieces`): the syntax tree of a whole book would take hundreds of MB.
 */
import type { Nodes, Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const parser = unified().use(remarkParse).use(remarkGfm);

/**
 * Offsets `[from, to)` of the text that repairs must not change.
 * @param markdown a Markdown text
 * @param pieceLength the shortest piece it is parsed in (`Infinity`: whole)
 */
export function protectedRanges(markdown: string, pieceLength = 16_384): [number, number][] {
  const cut = pieces(markdown, pieceLength);
  if (!cut) return rangesOf(markdown).sort((a, b) => a[0] - b[0]);
  const ranges: [number, number][] = [];
  for (const [i, start] of cut.starts.entries()) {
    const piece = markdown.slice(start, cut.starts[i + 1] ?? markdown.length);
    // The document's definitions follow each piece, so that its references resolve as in the whole.
    for (const [from, to] of rangesOf(`${piece}\n\n${cut.definitions}`)) if (from < piece.length) ranges.push([start + from, start + to]);
  }
  return ranges.sort((a, b) => a[0] - b[0]);
}

/** A definition whole on its line: a footnote's, or a link's with its address and title. */
const definitionLine = /^\[(?:\^[^\]\\\s]+\]:|(?:[^\]\\\n]|\\.)+\]:[ \t]*(?:<[^<>\n]*>|[^\s<]\S*)(?:[ \t]+(?:"[^"\n]*"|'[^'\n]*'|\([^()\n]*\)))?[ \t]*$)/u;

/**
 * Where a text can be cut into pieces that parse as they do in the whole, or undefined when it
 * cannot be told safely. A cut goes before a line that starts at the margin after a blank line,
 * outside a fenced code block: every block but a fence (and an HTML block of the kinds that
 * run to a closing mark) ends there. Texts with what a simple reading of the lines cannot follow
 * — a fence not at the margin, such an HTML block, a definition not alone on a line at the margin
 * after a blank line, a carriage return — are parsed whole. The definitions (reference links,
 * footnotes) are given back, to be set after each piece.
 */
function pieces(markdown: string, pieceLength: number): { starts: number[]; definitions: string } | undefined {
  if (markdown.length < pieceLength * 2 || markdown.includes('\r') || /<[!?]|<(?:script|pre|style|textarea)(?:[\s>]|$)/imu.test(markdown)) return undefined;
  const starts = [0];
  const definitions: string[] = [];
  let fence: { mark: string; length: number } | undefined;
  let blank = true;
  // Since the last blank line, a line that may open an HTML block (in which a fence is no fence).
  let html = false;
  let at = 0;
  for (const line of markdown.split('\n')) {
    const start = at;
    at += line.length + 1;
    if (fence) {
      // An indented mark may close the fence: not followed here.
      if (/^[ \t]+(?:```|~~~)/u.test(line)) return undefined;
      const close = /^(`{3,}|~{3,})[ \t]*$/u.exec(line);
      if (close && close[1]![0] === fence.mark && close[1]!.length >= fence.length) fence = undefined;
      continue;
    }
    const isBlank = /^[ \t]*$/u.test(line);
    html = !isBlank && (html || /^[ \t>*+\-\d.)]*</u.test(line));
    // A fence or a definition anywhere but at the margin: inside a list, a quote, indented.
    if (/^[ \t>*+\-\d.)]*?(?:```|~~~)/u.test(line) && !/^(?:```|~~~)/u.test(line)) return undefined;
    if (/^[ \t>*+\-\d.)]*\[[^\n]*\]:/u.test(line) && !(blank && /^\[/u.test(line))) return undefined;
    const open = /^(`{3,}|~{3,})(.*)$/u.exec(line);
    if (open) {
      if (html || (open[1]![0] === '`' && open[2]!.includes('`'))) return undefined;
      if (blank && start - starts[starts.length - 1]! >= pieceLength) starts.push(start);
      fence = { mark: open[1]![0]!, length: open[1]!.length };
      blank = false;
      continue;
    }
    if (/^\[[^\n]*\]:/u.test(line)) {
      if (!definitionLine.test(line)) return undefined;
      definitions.push(line);
    }
    if (blank && !isBlank && !/^[ \t]/u.test(line) && start - starts[starts.length - 1]! >= pieceLength) starts.push(start);
    blank = isBlank;
  }
  return { starts, definitions: definitions.join('\n\n') };
}

/** The protected ranges of a text parsed whole, in the order found. */
function rangesOf(markdown: string): [number, number][] {
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
  return ranges;
}
