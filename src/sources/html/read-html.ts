/**
 * Reading a saved web page: its main content found the way browsers' reader modes find it
 * (Mozilla's Readability, over linkedom's DOM), then turned into Markdown through unified
 * (hast → mdast → Markdown with GFM), structure and emphasis kept: headings, lists, bold,
 * italic, links, tables, footnotes (`[^1]`), figure captions. What the reader mode leaves out
 * (navigation, headers and footers, share buttons, comment counters, related links) and what
 * Folio removes from the content (buttons, share and comment widgets, images) is listed in the
 * diagnostics, each at its line of the HTML. The page's title, author and dates become the
 * document's metadata (`metadata.ts`).
 *
 * Nothing is fetched and nothing runs: linkedom loads no resource and runs no script, and the
 * scripts are taken out before it sees the page. Every element is tagged with its offset in the
 * file before the reader mode runs, so each block of the Markdown keeps the line it came from.
 */
import type { SourceMeta } from '../reading.ts';
import type { Element, ElementContent, Properties, Root, RootContent } from 'hast';
import type { FootnoteDefinition, FootnoteReference, Nodes as MdastNodes, Root as MdastRoot, RootContent as MdastContent } from 'mdast';
import rehypeParse from 'rehype-parse';
import rehypeRemark from 'rehype-remark';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { diagnostic, type Diagnostic } from '../../diagnostics.ts';
import { createLineIndex, mappedLocator, type SourceLocator } from '../positions.ts';
import { elements, readMetadata, spacedText, textOf } from './metadata.ts';

export interface HtmlReading {
  text: string;
  locator: SourceLocator;
  meta: SourceMeta;
  diagnostics: Diagnostic[];
}

/** The property that carries an element's offset in the file through the reader mode. */
const at = 'dataFolioAt';

/** Never content: taken out before anything else reads the page. */
const inert = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'link', 'meta', 'base']);
/** Kept out of the content when the reader mode kept them: they are the page's machinery. */
const widgetTags = new Set(['button', 'input', 'select', 'textarea', 'form', 'nav', 'svg', 'canvas', 'video', 'audio', 'picture', 'img', 'source', 'dialog']);
const widgetWords = /(?:^|[\s_-])(?:share|sharing|social|partage|partager|comment-?count|comments?-(?:count|link|number)|nb-?comments|print|imprimer|newsletter|related|breadcrumbs?|fil-ariane|tags?-list|toolbar|cookie|advert|ads?|pub)(?:$|[\s_-])/iu;

/**
 * Reads a saved web page.
 * @param html the decoded file
 * @param file the path to name in diagnostics
 */
export async function readHtml(html: string, file: string): Promise<HtmlReading> {
  const diagnostics: Diagnostic[] = [];
  const index = createLineIndex(html);
  const place = (offset: number | undefined): { line: number; column: number } => index.at(offset ?? 0);
  const tree = unified().use(rehypeParse).parse(html) as Root;
  const metadata = readMetadata(tree);

  const originals = new Map<number, Element>();
  strip(tree, (el) => {
    if (inert.has(el.tagName)) return true;
    const offset = el.position?.start.offset;
    if (offset !== undefined) {
      el.properties = { ...el.properties, [at]: String(offset) };
      originals.set(offset, el);
    }
    return false;
  });
  const body = [...elements(tree)].find((e) => e.tagName === 'body') ?? tree;

  const [{ parseHTML }, { Readability }] = await Promise.all([import('linkedom'), import('@mozilla/readability')]);
  const { document } = parseHTML(unified().use(rehypeStringify).stringify(tree));
  let content: string | undefined;
  try {
    content = new Readability(document as unknown as Document, { keepClasses: true, charThreshold: 200 }).parse()?.content ?? undefined;
  } catch {
    content = undefined;
  }
  let main: Root;
  if (content) main = unified().use(rehypeParse, { fragment: true }).parse(content) as Root;
  else {
    // The reader mode found no article: the page's `main` or `article`, else its body.
    const fallback = [...elements(body)].find((e) => e.tagName === 'main' || e.tagName === 'article') ?? body;
    main = { type: 'root', children: structuredClone(fallback.type === 'root' ? fallback.children : [fallback]) as RootContent[] };
    diagnostics.push(diagnostic(file, place(0), { rule: 'html-reader', severity: 'warning', message: 'No main article was found in this page: all of its text was kept. Check that navigation and other page furniture did not come in.' }));
  }

  // What the reader mode left out, each maximal part once.
  const kept = new Set<number>();
  for (const el of elements(main)) {
    const o = Number(el.properties?.[at]);
    if (Number.isFinite(o)) kept.add(o);
  }
  if (content) reportLeftOut(body, kept, (el, text) => diagnostics.push(diagnostic(file, place(el.position?.start.offset), { rule: 'html-left-out', severity: 'info', message: `Left out, not part of the article (${describe(el)}): “${clip(text)}”.` })));

  // Widgets the reader mode kept, and images.
  strip(main, (el) => {
    const offset = Number(el.properties?.[at]);
    const where = place(Number.isFinite(offset) ? offset : undefined);
    if (el.tagName === 'img' || el.tagName === 'picture' || el.tagName === 'svg' || el.tagName === 'video') {
      const alt = el.tagName === 'img' ? String(el.properties?.alt ?? '').trim() : '';
      diagnostics.push(diagnostic(file, where, { rule: 'html-image', severity: 'info', message: `An image${alt ? ` (“${clip(alt)}”)` : ''} is not kept: Folio does not fetch images. Its caption, if any, is kept.` }));
      return true;
    }
    const classes = `${String(el.properties?.className ?? '')} ${String(el.properties?.id ?? '')} ${String(el.properties?.ariaLabel ?? '')}`.replace(/,/gu, ' ');
    if (widgetTags.has(el.tagName) || widgetWords.test(classes) || el.properties?.role === 'button') {
      const text = spacedText(el);
      if (text) diagnostics.push(diagnostic(file, where, { rule: 'html-left-out', severity: 'info', message: `Left out, a part of the page's machinery (${describe(el)}): “${clip(text)}”.` }));
      return true;
    }
    return false;
  });

  const notes = markFootnotes(main);
  if (notes) diagnostics.push(diagnostic(file, place(0), { rule: 'html-notes', severity: 'info', message: `${notes} note(s) of the page became footnotes.` }));

  // Each element's place in the file; text has the place of its element.
  setPositions(main, index);
  const mdast = (await unified()
    .use(rehypeRemark, {
      handlers: {
        'folio-fnref': (_state, node: Element): FootnoteReference => ({ type: 'footnoteReference', identifier: String(node.properties?.dataLabel), label: String(node.properties?.dataLabel) }),
        'folio-fndef': (state, node: Element): FootnoteDefinition => {
          const children = state.toFlow(state.all(node)) as FootnoteDefinition['children'];
          return { type: 'footnoteDefinition', identifier: String(node.properties?.dataLabel), label: String(node.properties?.dataLabel), children };
        },
      },
    })
    .run(main)) as MdastRoot;

  const title = metadata.title ?? undefined;
  shiftHeadings(mdast);
  // The article's own title heading is the document's title: it goes to the metadata.
  const first = mdast.children.find((c) => c.type !== 'html');
  if (first?.type === 'heading' && title && same(plain(first), title)) mdast.children.splice(mdast.children.indexOf(first), 1);
  // Footnote definitions last, as Folio writes them.
  mdast.children.sort((a, b) => Number(a.type === 'footnoteDefinition') - Number(b.type === 'footnoteDefinition'));

  const writer = unified().use(remarkStringify, { bullet: '-', emphasis: '*', strong: '*', fences: true, listItemIndent: 'one', rule: '-' }).use(remarkGfm);
  const parts: string[] = [];
  const lines: number[] = [];
  const columns: number[] = [];
  let last = { line: 1, column: 1 };
  for (const block of mdast.children) {
    const md = writer.stringify({ type: 'root', children: [block] } as MdastRoot).replace(/\n+$/u, '');
    if (!md.trim()) continue;
    const from = firstPosition(block) ?? last;
    const text = (parts.length ? '\n\n' : '') + md;
    parts.push(text);
    for (let i = 0; i < text.length; i++) {
      lines.push(from.line);
      columns.push(from.column);
    }
    last = from;
  }
  const markdown = parts.length ? `${parts.join('')}\n` : '';
  if (parts.length) {
    lines.push(last.line);
    columns.push(last.column);
  }
  lines.push(last.line);
  columns.push(last.column);
  const meta: SourceMeta = {};
  if (title) meta.title = title;
  if (metadata.author) meta.author = metadata.author;
  if (metadata.published) meta.published = metadata.published;
  if (metadata.updated) meta.updated = metadata.updated;
  if (!markdown.trim()) diagnostics.push(diagnostic(file, place(0), { rule: 'html-reader', severity: 'error', message: 'This page has no text to read. Save the page again (“Save as… complete web page”, or its text), and check that it is the article.' }));
  return { text: markdown, locator: mappedLocator({ line: Int32Array.from(lines), column: Int32Array.from(columns) }), meta, diagnostics };
}

/** Removes the elements `drop` says to, everywhere in the tree. */
function strip(node: Root | Element, drop: (el: Element) => boolean): void {
  node.children = node.children.filter((child) => {
    if (child.type === 'comment' || child.type === 'doctype') return false;
    if (child.type !== 'element') return true;
    if (drop(child)) return false;
    strip(child, drop);
    return true;
  }) as typeof node.children;
}

/** Calls `report` once for each largest part of the body that the reader mode dropped, with its text. */
function reportLeftOut(body: Root | Element, kept: Set<number>, report: (el: Element, text: string) => void): void {
  const holds = new Map<Element, boolean>();
  const holdsKept = (el: Element): boolean => {
    let v = holds.get(el);
    if (v === undefined) {
      v = kept.has(Number(el.properties?.[at])) || el.children.some((c) => c.type === 'element' && holdsKept(c));
      holds.set(el, v);
    }
    return v;
  };
  const visit = (node: Root | Element): void => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      if (holdsKept(child)) visit(child);
      else {
        const text = spacedText(child);
        if (text) report(child, text);
      }
    }
  };
  visit(body);
}

/** A few words on what an element is, for a message: `nav`, `div.share-buttons`. */
function describe(el: Element): string {
  const cls = el.properties?.className;
  const first = Array.isArray(cls) ? cls[0] : undefined;
  const role = el.properties?.role;
  return `<${el.tagName}${first ? ` class="${first}"` : ''}${role ? ` role="${role}"` : ''}>`;
}

/**
 * Notes of the page (`<sup><a href="#fn1">1</a></sup>` calling an `<li id="fn1">` or an element
 * marked as a note): the call becomes a footnote reference, the note a footnote definition, its
 * link back to the call left out.
 * @returns how many notes were found
 */
function markFootnotes(tree: Root): number {
  const byId = new Map<string, Element>();
  for (const el of elements(tree)) if (typeof el.properties?.id === 'string') byId.set(el.properties.id, el);
  const isNoteTarget = (el: Element): boolean => {
    const hint = `${String(el.properties?.className ?? '')} ${String(el.properties?.id ?? '')} ${String(el.properties?.role ?? '')}`;
    return el.tagName === 'li' || /foot|note|endnote|fn/iu.test(hint);
  };
  const labels = new Map<Element, string>();
  const calls: { sup: Element | undefined; link: Element; target: Element }[] = [];
  const walk = (node: Root | Element, parent: Element | undefined): void => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      const href = child.tagName === 'a' ? String(child.properties?.href ?? '') : '';
      if (href.startsWith('#') && href.length > 1) {
        const target = byId.get(decodeURIComponent(href.slice(1)));
        const role = String(child.properties?.role ?? '');
        const inSup = parent?.tagName === 'sup' || child.children.some((c) => c.type === 'element' && c.tagName === 'sup');
        const looksLikeCall = /^\s*[[(]?\s*(?:\d{1,3}|[*†‡§]|[a-z])\s*[\])]?\s*$/iu.test(textOf(child)) && (inSup || /noteref|footnote-ref|fnref/iu.test(`${role} ${String(child.properties?.className ?? '')}`));
        if (target && looksLikeCall && isNoteTarget(target) && !target.children.some((c) => c === child)) {
          calls.push({ sup: parent?.tagName === 'sup' ? parent : undefined, link: child, target });
          continue;
        }
      }
      walk(child, child);
    }
  };
  walk(tree, undefined);
  let n = 0;
  for (const call of calls) {
    if (!labels.has(call.target)) labels.set(call.target, String(++n));
    const label = labels.get(call.target)!;
    const ref: Element = { type: 'element', tagName: 'folio-fnref', properties: { dataLabel: label, [at]: call.link.properties?.[at] } as Properties, children: [] };
    replace(tree, call.sup && call.sup.children.length === 1 ? call.sup : call.link, ref);
  }
  for (const [target, label] of labels) {
    // The link back to the call (`↩`) is no text of the note.
    strip(target, (el) => el.tagName === 'a' && String(el.properties?.href ?? '').startsWith('#') && /^\s*(?:↩|↑|\^|retour|back)?\s*\S{0,2}\s*$/iu.test(textOf(el)));
    const def: Element = { type: 'element', tagName: 'folio-fndef', properties: { dataLabel: label, [at]: target.properties?.[at] } as Properties, children: target.children };
    // The definitions leave their list; an emptied list of notes goes with them.
    replace(tree, target, null);
    tree.children.push(def);
  }
  if (labels.size) strip(tree, (el) => (el.tagName === 'ol' || el.tagName === 'ul' || el.tagName === 'section' || el.tagName === 'div' || el.tagName === 'aside') && /foot|note/iu.test(`${String(el.properties?.className ?? '')} ${String(el.properties?.id ?? '')} ${String(el.properties?.role ?? '')}`) && !textOf(el).trim().replace(/^[\s\-–—_]+$/u, ''));
  return labels.size;
}

/** Puts `by` in the place of `node` in the tree (or removes it when `by` is null). */
function replace(tree: Root | Element, node: Element, by: Element | null): boolean {
  const i = tree.children.indexOf(node as never);
  if (i >= 0) {
    if (by) tree.children[i] = by as never;
    else tree.children.splice(i, 1);
    return true;
  }
  return tree.children.some((c) => c.type === 'element' && replace(c, node, by));
}

/** Positions from the offsets the elements carry; text and unmarked elements get none. */
function setPositions(node: Root | Element | ElementContent, index: ReturnType<typeof createLineIndex>): void {
  if (node.type === 'element') {
    const o = Number(node.properties?.[at]);
    if (Number.isFinite(o)) {
      const p = index.at(o);
      node.position = { start: { ...p, offset: o }, end: { ...p, offset: o } };
    } else delete node.position;
    delete node.properties[at];
  } else delete (node as { position?: unknown }).position;
  if ('children' in node) for (const c of node.children) setPositions(c as ElementContent, index);
}

/** The first place in the file a block of Markdown comes from. */
function firstPosition(node: MdastNodes): { line: number; column: number } | undefined {
  if (node.position) return { line: node.position.start.line, column: node.position.start.column };
  if ('children' in node) for (const c of node.children) {
    const p = firstPosition(c as MdastNodes);
    if (p) return p;
  }
  return undefined;
}

/** Headings start at level 2 in a document of the compendium (its title is level 1). */
function shiftHeadings(tree: MdastRoot): void {
  const depths: number[] = [];
  const visit = (n: MdastNodes): void => {
    if (n.type === 'heading') depths.push(n.depth);
    if ('children' in n) for (const c of n.children) visit(c as MdastNodes);
  };
  visit(tree);
  if (!depths.length) return;
  const shift = 2 - Math.min(...depths);
  const apply = (n: MdastNodes): void => {
    if (n.type === 'heading') n.depth = Math.max(1, Math.min(6, n.depth + shift)) as 1 | 2 | 3 | 4 | 5 | 6;
    if ('children' in n) for (const c of n.children) apply(c as MdastNodes);
  };
  apply(tree);
}

function plain(node: MdastContent): string {
  if ('value' in node && typeof node.value === 'string') return node.value;
  if ('children' in node) return (node.children as MdastContent[]).map(plain).join('');
  return '';
}

function same(a: string, b: string): boolean {
  const norm = (s: string): string => s.toLocaleLowerCase('fr').replace(/\s+/gu, ' ').trim();
  return norm(a) === norm(b) || norm(b).startsWith(norm(a)) || norm(a).startsWith(norm(b));
}

function clip(text: string, n = 80): string {
  return text.length <= n ? text : `${text.slice(0, n)}…`;
}
