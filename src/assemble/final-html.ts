/**
 * The last transforms of the compendium's HTML, on the whole document as a hast tree, after the
 * templates are rendered: `rehype-parse` → transforms in order → `rehype-stringify`. Each
 * transform is a function of its own module (typography, hyphenation, acronym marking…) that
 * changes the tree in place and may report what it could not do; this module only runs them and
 * collects their diagnostics.
 *
 * Not for: Markdown fragments (see `markdown-to-html.ts`).
 */
import type { Root } from 'hast';
import rehypeParse from 'rehype-parse';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import type { Diagnostic } from '../diagnostics.ts';

/** What a transform may do besides changing the tree: report, at a place of the sources. */
export interface HtmlTransformContext {
  report(diagnostic: Diagnostic): void;
}

/** A change to the whole document's tree, made in place. */
export type HtmlTransform = (tree: Root, context: HtmlTransformContext) => void;

/**
 * Parses a whole HTML document, runs the transforms in order and serializes it again.
 * @param html a complete document (`<!DOCTYPE html>…`)
 * @param transforms applied in order
 * @returns the new HTML (the same when there are no transforms) and what the transforms reported
 */
export function transformHtml(html: string, transforms: readonly HtmlTransform[]): { html: string; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  if (!transforms.length) return { html, diagnostics };
  const context: HtmlTransformContext = { report: (d) => void diagnostics.push(d) };
  const processor = unified()
    .use(rehypeParse, { fragment: false })
    .use(() => (tree: Root) => {
      for (const transform of transforms) transform(tree, context);
    })
    .use(rehypeStringify, { upperDoctype: true, allowDangerousCharacters: true, characterReferences: { useNamedReferences: false } });
  return { html: String(processor.processSync(html)), diagnostics };
}
