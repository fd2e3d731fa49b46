/**
 * Markdown to HTML through unified: remark-parse, remark-gfm (footnotes; single tildes stay
 * text), remark-rehype, rehype-stringify. Headings get ids unique across the compendium
 * (prefixed by the document's id) and are collected for the table of contents; footnote ids are
 * prefixed the same way, so the notes of two documents never collide.
 */
import { messagesFor } from '../messages/catalogue.ts';
import type { Element, Root as HastRoot } from 'hast';
import type { Root as MdastRoot } from 'mdast';
import rehypeStringify from 'rehype-stringify';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { slugify } from '../sources/manifest.ts';
import { parseMarkdown } from '../sources/markdown.ts';

export interface Heading {
  /** Anchor id, unique in the compendium. */
  id: string;
  /** Plain text of the heading. */
  text: string;
  /** 2 for a section of a document, 3 for a subsection… (the document title is level 1). */
  level: number;
}

export interface DocumentHtml {
  html: string;
  headings: Heading[];
}

/**
 * Converts a document's Markdown to an HTML fragment.
 * @param markdown normalized Markdown (no front matter), or its tree (`parseMarkdown`)
 * @param idPrefix prefix for the ids of headings, e.g. the document id
 * @param language the edition's language, for the notes' label
 */
export function markdownToHtml(markdown: string | MdastRoot, idPrefix: string, language = 'fr'): DocumentHtml {
  const headings: Heading[] = [];
  const messages = messagesFor(language);
  const tree = typeof markdown === 'string' ? parseMarkdown(markdown) : markdown;
  const processor = unified()
    .use(remarkRehype, {
      clobberPrefix: `${idPrefix}-`,
      footnoteLabel: messages.edition.notes,
      footnoteLabelTagName: 'h2',
      footnoteLabelProperties: { className: ['footnotes-title'] },
      footnoteBackContent: '↑',
      footnoteBackLabel: (i: number) => messages.edition.backToNote({ n: i + 1 }),
    })
    .use(() => (tree: HastRoot) => collectHeadings(tree, idPrefix, headings))
    .use(rehypeStringify);
  const html = processor.stringify(processor.runSync(tree) as HastRoot);
  return { html, headings };
}

function collectHeadings(tree: HastRoot, prefix: string, headings: Heading[]): void {
  renameFootnoteLabel(tree, `${prefix}--notes`);
  markFlagsWithValues(tree);
  const used = new Set<string>();
  const visit = (node: HastRoot | Element): void => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      const m = /^h([1-6])$/.exec(child.tagName);
      if (m) {
        const text = textOf(child);
        const own = child.properties?.id;
        if (typeof own === 'string') {
          headings.push({ id: own, text, level: Number(m[1]) });
          continue;
        }
        let id = `${prefix}--${slugify(text).slice(0, 60) || 'section'}`;
        for (let n = 2; used.has(id); n++) id = `${id.replace(/-\d+$/, '')}-${n}`;
        used.add(id);
        child.properties = { ...child.properties, id };
        headings.push({ id, text, level: Number(m[1]) });
      } else visit(child);
    }
  };
  visit(tree);
}

/** remark-rehype marks footnotes with empty `data-footnote-*` attributes: give them a value, so no attribute of the edition is empty. */
function markFlagsWithValues(node: HastRoot | Element): void {
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    for (const [key, value] of Object.entries(child.properties ?? {})) if (key.startsWith('data') && (value === '' || value === true)) child.properties[key] = 'true';
    markFlagsWithValues(child);
  }
}

/** remark-rehype gives every notes section the id `footnote-label`: make it unique per document. */
function renameFootnoteLabel(node: HastRoot | Element, id: string): void {
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    const p = child.properties ?? {};
    if (p.id === 'footnote-label') p.id = id;
    const described = p.ariaDescribedBy;
    if (Array.isArray(described)) p.ariaDescribedBy = described.map((d) => (d === 'footnote-label' ? id : d));
    else if (described === 'footnote-label') p.ariaDescribedBy = [id];
    renameFootnoteLabel(child, id);
  }
}

function textOf(node: Element): string {
  return node.children
    .map((c) => (c.type === 'text' ? c.value : c.type === 'element' ? textOf(c) : ''))
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}
