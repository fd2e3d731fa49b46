/**
 * What a saved web page says of itself: its title, its author, when it was published and last
 * updated, its language. Read, in this order of trust, from JSON-LD (`Article`, `NewsArticle`,
 * `WebPage`…), from meta tags (Open Graph `og:title`, `article:published_time`,
 * `article:modified_time`, `author`, Dublin Core `dc.date`…), from `<time datetime>` and
 * `<title>`. Dates are kept as ISO dates (YYYY-MM-DD); a value that is not a date is not kept.
 *
 * Not for: the page's content (`read-html.ts`).
 */
import type { Element, Nodes, Root } from 'hast';

export interface PageMetadata {
  title?: string;
  author?: string;
  published?: string;
  updated?: string;
  language?: string;
}

/** The text of a node. */
export function textOf(node: Nodes): string {
  if (node.type === 'text') return node.value;
  if ('children' in node) return node.children.map((c) => textOf(c as Nodes)).join('');
  return '';
}

/** The text of a node with a space between its elements' texts (for messages: `Accueil Région`). */
export function spacedText(node: Nodes): string {
  if (node.type === 'text') return node.value;
  if ('children' in node) return node.children.map((c) => spacedText(c as Nodes)).join(' ').replace(/\s+/gu, ' ').trim();
  return '';
}

/** Every element of a tree, in document order. */
export function* elements(node: Nodes): Generator<Element> {
  if (node.type === 'element') yield node;
  if ('children' in node) for (const child of node.children) yield* elements(child as Nodes);
}

function attr(el: Element, name: string): string | undefined {
  const v = el.properties?.[name];
  if (Array.isArray(v)) return v.join(' ');
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined;
}

/** `2024-03-05T10:00:00+01:00` → `2024-03-05`; undefined for what is not a date. */
export function isoDate(value: string | undefined): string | undefined {
  const m = value ? /^\s*(\d{4})-(\d{2})-(\d{2})/u.exec(value) : null;
  if (!m) return undefined;
  const month = Number(m[2]);
  const day = Number(m[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= 31 ? `${m[1]}-${m[2]}-${m[3]}` : undefined;
}

/**
 * Reads the metadata of a page.
 * @param tree the whole page, parsed
 */
export function readMetadata(tree: Root): PageMetadata {
  const meta = new Map<string, string>();
  let titleTag: string | undefined;
  let language: string | undefined;
  let firstTime: string | undefined;
  const ld: Record<string, unknown>[] = [];
  for (const el of elements(tree)) {
    if (el.tagName === 'html') language ??= attr(el, 'lang');
    if (el.tagName === 'title') titleTag ??= textOf(el).trim() || undefined;
    if (el.tagName === 'meta') {
      const key = (attr(el, 'property') ?? attr(el, 'name') ?? attr(el, 'itemProp'))?.toLowerCase();
      const content = attr(el, 'content')?.trim();
      if (key && content && !meta.has(key)) meta.set(key, content);
    }
    if (el.tagName === 'time') firstTime ??= attr(el, 'dateTime');
    if (el.tagName === 'script' && attr(el, 'type')?.toLowerCase() === 'application/ld+json') {
      try {
        collectLinkedData(JSON.parse(textOf(el)), ld);
      } catch {
        // Invalid JSON-LD says nothing.
      }
    }
  }
  const article = ld.find((o) => /article|posting|report|webpage/iu.test(String(o['@type'] ?? ''))) ?? ld[0];
  const ldText = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
  const ldAuthor = (v: unknown): string | undefined => {
    if (Array.isArray(v)) return v.map(ldAuthor).filter(Boolean).join(', ') || undefined;
    if (v && typeof v === 'object') return ldText((v as Record<string, unknown>).name);
    return ldText(v);
  };
  return {
    title: ldText(article?.headline) ?? meta.get('og:title') ?? meta.get('twitter:title') ?? meta.get('dc.title') ?? titleTag,
    author: ldAuthor(article?.author) ?? meta.get('author') ?? meta.get('article:author') ?? meta.get('dc.creator') ?? meta.get('byl'),
    published:
      isoDate(ldText(article?.datePublished)) ??
      isoDate(meta.get('article:published_time')) ??
      isoDate(meta.get('dc.date')) ??
      isoDate(meta.get('dcterms.created')) ??
      isoDate(meta.get('date')) ??
      isoDate(firstTime),
    updated: isoDate(ldText(article?.dateModified)) ?? isoDate(meta.get('article:modified_time')) ?? isoDate(meta.get('og:updated_time')) ?? isoDate(meta.get('dcterms.modified')),
    language: language ?? meta.get('og:locale')?.replace('_', '-'),
  };
}

function collectLinkedData(value: unknown, out: Record<string, unknown>[]): void {
  if (Array.isArray(value)) for (const v of value) collectLinkedData(v, out);
  else if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (o['@type']) out.push(o);
    if (Array.isArray(o['@graph'])) collectLinkedData(o['@graph'], out);
  }
}
