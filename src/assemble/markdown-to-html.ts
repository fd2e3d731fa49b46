/**
 * Markdown to HTML through unified: remark-parse, remark-rehype, rehype-stringify.
 * Headings get ids unique across the compendium (prefixed by the document's id) and are collected
 * for the table of contents.
 */
import type { Element, Root as HastRoot } from 'hast';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { slugify } from '../sources/manifest.ts';

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
 * @param markdown normalized Markdown (no front matter)
 * @param idPrefix prefix for the ids of headings, e.g. the document id
 */
export function markdownToHtml(markdown: string, idPrefix: string): DocumentHtml {
  const headings: Heading[] = [];
  const processor = unified()
    .use(remarkParse)
    .use(remarkRehype)
    .use(() => (tree: HastRoot) => collectHeadings(tree, idPrefix, headings))
    .use(rehypeStringify);
  const html = String(processor.processSync(markdown));
  return { html, headings };
}

function collectHeadings(tree: HastRoot, prefix: string, headings: Heading[]): void {
  const used = new Set<string>();
  const visit = (node: HastRoot | Element): void => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      const m = /^h([1-6])$/.exec(child.tagName);
      if (m) {
        const text = textOf(child);
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

function textOf(node: Element): string {
  return node.children
    .map((c) => (c.type === 'text' ? c.value : c.type === 'element' ? textOf(c) : ''))
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}
