/**
 * The last transforms of the compendium's HTML, on the whole document as a hast tree, after the
 * templates are rendered: `rehype-parse` → transforms in order → `rehype-stringify`. Each
 * transform is a function of its own module (typography, hyphenation, acronym marking…) that
 * changes the tree in place; this module only runs them.
 *
 * Not for: Markdown fragments (see `markdown-to-html.ts`).
 */
import type { Root } from 'hast';
import rehypeParse from 'rehype-parse';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';

/** A change to the whole document's tree, made in place. */
export type HtmlTransform = (tree: Root) => void;

/**
 * Parses a whole HTML document, runs the transforms in order and serializes it again.
 * @param html a complete document (`<!DOCTYPE html>…`)
 * @param transforms applied in order
 * @returns the new HTML; the same when there are no transforms
 */
export function transformHtml(html: string, transforms: readonly HtmlTransform[]): string {
  if (!transforms.length) return html;
  const processor = unified()
    .use(rehypeParse, { fragment: false })
    .use(() => (tree: Root) => {
      for (const transform of transforms) transform(tree);
    })
    .use(rehypeStringify, { upperDoctype: true, allowDangerousCharacters: true, characterReferences: { useNamedReferences: false } });
  return String(processor.processSync(html));
}
