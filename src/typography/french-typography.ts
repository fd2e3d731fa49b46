/**
 * The rehype plugin for French typography: spacing and apostrophes on every French run of text
 * (see `french-rules.ts`), and superscript ordinals (1er, XXIe) as `<sup>` elements. Leaves code,
 * URLs, e-mail addresses and text in other languages alone; running it twice changes nothing.
 *
 * Not for: hyphenation (see `hyphenate.ts`).
 */
import type { Element, ElementContent, Root, Text } from 'hast';
import { findOrdinals, frenchTypography, protectUrls } from './french-rules.ts';
import { collectTextRuns, isFrench, opaqueElements, writeBack } from './text-runs.ts';

export interface FrenchTypographyOptions {
  /** Language of the document when no element says (default: the `<html lang>`, else `fr`). */
  lang?: string;
}

/** Elements inside which ordinals stay as they are written (already raised, or a link's text). */
const noOrdinalsIn = new Set(['sup', 'sub', 'a', 'abbr']);

/**
 * Applies French typography to a hast tree, in place.
 * @param tree the document (or a fragment)
 */
export function frenchTypographyTree(tree: Root | Element, options: FrenchTypographyOptions = {}): void {
  const lang = options.lang ?? documentLang(tree) ?? 'fr';
  for (const run of collectTextRuns(tree, { lang })) {
    if (!isFrench(run.lang)) continue;
    writeBack(run, frenchTypography(run.text, protectUrls(run.text, run.protectedChars.slice())));
    if (run.ancestors.some((a) => noOrdinalsIn.has(a))) continue;
    run.nodes.forEach((node, i) => raiseOrdinals(run.parents[i]!, node));
  }
}

/** rehype plugin form of `frenchTypographyTree`. */
export default function rehypeFrenchTypography(options: FrenchTypographyOptions = {}) {
  return (tree: Root): void => frenchTypographyTree(tree, options);
}

/** The `lang` of the `<html>` element, if the tree is a document. */
export function documentLang(tree: Root | Element): string | undefined {
  const html = tree.type === 'root' ? tree.children.find((c): c is Element => c.type === 'element' && c.tagName === 'html') : undefined;
  const lang = html?.properties?.lang;
  return typeof lang === 'string' && lang ? lang.toLowerCase() : undefined;
}

/** Splits a text node around its ordinals: “le 1er mai” → “le 1”, <sup>er</sup>, “ mai”. */
function raiseOrdinals(parent: Root | Element, node: Text): void {
  const protectedChars = protectUrls(node.value);
  const ordinals = findOrdinals(node.value).filter((o) => !protectedChars.slice(o.index, o.index + o.length).some(Boolean));
  if (!ordinals.length) return;
  if (parent.type === 'element' && opaqueElements.has(parent.tagName)) return;
  const parts: ElementContent[] = [];
  let last = 0;
  for (const o of ordinals) {
    if (o.index > last) parts.push({ type: 'text', value: node.value.slice(last, o.index) });
    const number: ElementContent = { type: 'text', value: o.number };
    parts.push(o.roman ? { type: 'element', tagName: 'span', properties: { className: ['roman-numeral'] }, children: [number] } : number);
    parts.push({ type: 'element', tagName: 'sup', properties: { className: ['ordinal'] }, children: [{ type: 'text', value: o.suffix }] });
    last = o.index + o.length;
  }
  if (last < node.value.length) parts.push({ type: 'text', value: node.value.slice(last) });
  parent.children.splice(parent.children.indexOf(node), 1, ...parts);
}
