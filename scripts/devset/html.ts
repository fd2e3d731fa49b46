/**
 * Reading the HTML manuals that Debian packages ship: parsing (rehype-parse), walking the tree,
 * the plain text of an element, and the links between the chunked pages of a DocBook book.
 *
 * For the development sets only (scripts/devset/); Folio's own HTML reading lives under src/.
 * The helpers are small and hand-written because the sets need exact control over what counts as
 * text (a `<br>` is a space, an image is nothing, navigation is skipped), which a generic
 * html-to-text conversion does not give.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Element, ElementContent, Root, RootContent } from 'hast';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';

/** Parses an HTML or XHTML document into a hast tree. */
export function parseHtml(text: string): Root {
  return unified().use(rehypeParse).parse(text);
}

/** Reads and parses an HTML file. */
export function readHtml(file: string): Root {
  return parseHtml(readFileSync(file, 'utf8'));
}

/** The classes of an element (hast keeps them as `className`). */
export function classesOf(node: Element): string[] {
  const value = node.properties?.className;
  return Array.isArray(value) ? value.map(String) : typeof value === 'string' ? (value as string).split(/\s+/) : [];
}

/** True when the element carries the class. */
export function hasClass(node: Element, name: string): boolean {
  return classesOf(node).includes(name);
}

/** The first element, depth first, for which `test` holds. */
export function findElement(node: Root | Element, test: (e: Element) => boolean): Element | undefined {
  for (const child of node.children as (RootContent | ElementContent)[]) {
    if (child.type !== 'element') continue;
    if (test(child)) return child;
    const found = findElement(child, test);
    if (found) return found;
  }
  return undefined;
}

/** All elements for which `test` holds, depth first, not descending into a match. */
export function findElements(node: Root | Element, test: (e: Element) => boolean, skip: (e: Element) => boolean = () => false): Element[] {
  const out: Element[] = [];
  const walk = (n: Root | Element): void => {
    for (const child of n.children as (RootContent | ElementContent)[]) {
      if (child.type !== 'element' || skip(child)) continue;
      if (test(child)) out.push(child);
      else walk(child);
    }
  };
  walk(node);
  return out;
}

const silent = new Set(['script', 'style', 'img', 'head', 'svg', 'math']);

/**
 * The text of an element as a reader sees it, whitespace collapsed.
 * @param skip subtrees to leave out (index terms, footnote calls…)
 */
export function textOf(node: Root | Element | ElementContent, skip: (e: Element) => boolean = () => false): string {
  const parts: string[] = [];
  const walk = (n: Root | Element | ElementContent): void => {
    if (n.type === 'text') parts.push(n.value);
    else if (n.type === 'element') {
      if (silent.has(n.tagName) || skip(n)) return;
      if (n.tagName === 'br') parts.push(' ');
      else for (const c of n.children) walk(c);
    } else if (n.type === 'root') for (const c of n.children as ElementContent[]) walk(c);
  };
  walk(node);
  return collapse(parts.join(''));
}

/** Collapses runs of white space (not the no-break spaces of French typography) into one space. */
export function collapse(text: string): string {
  return text.replace(/[ \t\n\r\f]+/g, ' ').trim().normalize('NFC');
}

/** The `<link rel=… href=…>` targets of a page's head, by relation. */
export function headLinks(root: Root): Map<string, string> {
  const links = new Map<string, string>();
  for (const link of findElements(root, (e) => e.tagName === 'link')) {
    const rel = link.properties?.rel;
    const href = link.properties?.href;
    const relation = Array.isArray(rel) ? rel.join(' ') : String(rel ?? '');
    if (typeof href === 'string' && relation && !links.has(relation)) links.set(relation, href);
  }
  return links;
}

/** One page of a chunked DocBook book, in reading order. */
export interface BookPage {
  /** File name inside the book's folder. */
  file: string;
  /** Absolute path. */
  path: string;
  /** File names of the ancestors, from the top-level division down to the parent (index excluded). */
  ancestors: string[];
}

/**
 * The pages of a chunked DocBook book in reading order, following the `next` links from the
 * index page, each with its chain of `up` ancestors.
 * @param dir the folder of the book
 * @param index the first page
 */
export function readBook(dir: string, index = 'index.html'): BookPage[] {
  const up = new Map<string, string | undefined>();
  const order: string[] = [];
  const seen = new Set<string>();
  let current: string | undefined = index;
  while (current && !seen.has(current)) {
    seen.add(current);
    order.push(current);
    const links = headLinks(readHtml(path.join(dir, current)));
    const parent = links.get('up');
    up.set(current, parent && parent !== index ? parent : undefined);
    current = links.get('next')?.split('#')[0];
  }
  return order.map((file) => {
    const ancestors: string[] = [];
    for (let p = up.get(file); p && ancestors.length < 20; p = up.get(p)) ancestors.unshift(p);
    return { file, path: path.join(dir, file), ancestors };
  });
}
