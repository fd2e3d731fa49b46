/**
 * What pagination has to tell an editor: page references that got no page number, and a layout
 * whose page numbers kept moving. As diagnostics, so they are reported like the rest.
 *
 * A reference without a number is an error: the printed copy would show the `00` placeholder.
 * The message names the anchor, the template that wrote the reference (its root element carries
 * `data-template`) and the text the anchor is in (`data-source` on the document's element), so
 * the editor knows where to look.
 *
 * Not for: problems in the sources (they have their own passes).
 */
import type { Element, Root } from 'hast';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { diagnostic, type Diagnostic } from '../diagnostics.ts';
import type { PaginationResult } from './paginate.ts';

/** Where a page reference and its anchor come from, as the HTML says. */
export interface ReferenceOrigin {
  /** Templates whose output holds a reference to the anchor (`chronology`, `glossary`…). */
  templates: string[];
  /** The source text the anchor is in, when it is in a document. */
  source?: string;
  /** Whether an element of the document carries the anchor at all. */
  exists: boolean;
}

/**
 * Finds where the references to some anchors and the anchors themselves are in an HTML document.
 * @param html the printed HTML
 * @param anchors the anchors to look up
 */
export function referenceOrigins(html: string, anchors: readonly string[]): Map<string, ReferenceOrigin> {
  const wanted = new Set(anchors);
  const out = new Map<string, ReferenceOrigin>(anchors.map((a) => [a, { templates: [], exists: false }]));
  const tree = unified().use(rehypeParse).parse(html) as Root;
  const visit = (node: Root | Element, template: string | undefined, source: string | undefined): void => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      const p = child.properties ?? {};
      const here = typeof p.dataTemplate === 'string' ? p.dataTemplate : template;
      const text = typeof p.dataSource === 'string' ? p.dataSource : source;
      const ref = p.dataPageOf;
      if (typeof ref === 'string' && wanted.has(ref) && here && !out.get(ref)!.templates.includes(here)) out.get(ref)!.templates.push(here);
      if (typeof p.id === 'string' && wanted.has(p.id)) {
        const origin = out.get(p.id)!;
        origin.exists = true;
        origin.source ??= text;
      }
      visit(child, here, text);
    }
  };
  visit(tree, undefined, undefined);
  return out;
}

/**
 * Turns a pagination's loose ends into diagnostics: an error per page reference left without a
 * number, a warning when the numbers still moved.
 * @param result the pagination
 * @param file the file the diagnostics name when nothing more precise is known (the manifest)
 * @param html the printed HTML, to say where each reference and anchor come from
 * @param templatesDir how templates are named in messages (`templates`)
 */
export function paginationDiagnostics(
  result: Pick<PaginationResult, 'unresolved' | 'settled' | 'passes'>,
  file: string,
  html?: string,
  templatesDir = 'templates',
): Diagnostic[] {
  const at = { line: 1, column: 1 };
  const origins = html && result.unresolved.length ? referenceOrigins(html, result.unresolved) : new Map<string, ReferenceOrigin>();
  const out: Diagnostic[] = result.unresolved.map((anchor) => {
    const origin = origins.get(anchor);
    const from = origin?.templates.length ? ` in ${origin.templates.map((t) => `${templatesDir}/${t}.hbs`).join(', ')}` : '';
    const reason = origin && !origin.exists
      ? 'no part of the edition has that anchor'
      : `the browser gave its element no place on a page${origin?.source ? ` (it is in the text of ${origin.source})` : ''}: an anchor must be on an element with content, not an empty one`;
    return diagnostic(origin?.source ?? file, at, {
      rule: 'page-reference',
      severity: 'error',
      message: `The page reference${from} to “${anchor}” got no page number, so the print would show a placeholder: ${reason}.`,
    });
  });
  if (!result.settled) {
    out.push(
      diagnostic(file, at, {
        rule: 'pagination',
        severity: 'warning',
        message: `The page numbers still moved after ${result.passes} printings; some numbers in the table of contents may be off by one page.`,
      }),
    );
  }
  return out;
}
