/**
 * Runs of text in an HTML tree, as a reader sees them: the text of a paragraph or a heading is
 * one run even when it is split across `<em>`, `<a>` or `<abbr>` elements, so rules that look at
 * the character before or after (a space before “;”, a word’s capital) see the right one.
 * A run never crosses a block (paragraph, list item, cell…). Code and similar elements are
 * opaque: their text is not in the run, and they stand in it as one protected character, so no
 * rule reaches across them.
 *
 * Not for: deciding what to change (see `french-rules.ts`, `hyphenate.ts`).
 */
import type { Element, Root, RootContent, Text } from 'hast';

export interface TextRun {
  /** The run's text nodes, in order; `starts[i]` is where node i begins in `text`. */
  nodes: Text[];
  /** The element (or root) holding each node. */
  parents: (Root | Element)[];
  starts: number[];
  text: string;
  /** True for the characters no rule may change (placeholders of opaque elements, URLs…). */
  protectedChars: boolean[];
  /** The language in force (the nearest `lang` attribute). */
  lang: string;
  /** Tag names of the elements the run is inside, outermost first. */
  ancestors: string[];
}

/** Elements whose text typography must never touch. */
export const opaqueElements = new Set(['code', 'pre', 'kbd', 'samp', 'var', 'script', 'style', 'textarea', 'svg', 'math', 'template', 'title']);

/** Elements that end one run and start another. */
const blockElements = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'br', 'caption', 'dd', 'details', 'div', 'dl', 'dt', 'fieldset',
  'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'head', 'header', 'hr', 'html', 'li',
  'main', 'nav', 'ol', 'p', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
]);

/** The placeholder an opaque element stands for in a run's text. */
const objectReplacement = '\ufffc';

export interface CollectOptions {
  /** Language of the document when no element says (default `fr`). */
  lang?: string;
  /** Elements to leave out entirely (they and their content make no run). */
  skip?: (element: Element) => boolean;
}

/**
 * Collects the runs of text of a tree.
 * @param tree a hast tree (a whole document or a fragment)
 * @returns runs in document order; changing `nodes[i].value` changes the tree
 */
export function collectTextRuns(tree: Root | Element, options: CollectOptions = {}): TextRun[] {
  const runs: TextRun[] = [];
  let current: { nodes: Text[]; parents: (Root | Element)[]; starts: number[]; parts: string[]; opaque: number[]; length: number; lang: string; ancestors: string[] } | undefined;

  const flush = (): void => {
    if (current && current.nodes.length) {
      const text = current.parts.join('');
      const protectedChars = new Array<boolean>(text.length).fill(false);
      for (const i of current.opaque) protectedChars[i] = true;
      runs.push({ nodes: current.nodes, parents: current.parents, starts: current.starts, text, protectedChars, lang: current.lang, ancestors: current.ancestors });
    }
    current = undefined;
  };
  const open = (lang: string, ancestors: string[]): NonNullable<typeof current> => {
    current ??= { nodes: [], parents: [], starts: [], parts: [], opaque: [], length: 0, lang, ancestors };
    return current;
  };

  const visit = (node: RootContent | Root, parent: Root | Element, lang: string, ancestors: string[]): void => {
    if (node.type === 'text') {
      const run = open(lang, ancestors);
      run.nodes.push(node);
      run.parents.push(parent);
      run.starts.push(run.length);
      run.parts.push(node.value);
      run.length += node.value.length;
      return;
    }
    if (node.type !== 'element' && node.type !== 'root') return;
    if (node.type === 'element') {
      if (options.skip?.(node)) {
        if (blockElements.has(node.tagName)) flush();
        else if (current) placeholder(current);
        return;
      }
      if (opaqueElements.has(node.tagName)) {
        if (blockElements.has(node.tagName) || node.tagName === 'pre') flush();
        else if (current) placeholder(current);
        return;
      }
      const own = node.properties?.lang;
      const childLang = typeof own === 'string' && own ? own.toLowerCase() : lang;
      const block = blockElements.has(node.tagName);
      // A change of language inside a paragraph also ends the run: each language has its rules.
      if (block || childLang !== lang) flush();
      const inner = [...ancestors, node.tagName];
      for (const child of node.children) visit(child, node, childLang, inner);
      if (block || childLang !== lang) flush();
      return;
    }
    for (const child of node.children) visit(child, node, lang, ancestors);
  };
  const placeholder = (run: NonNullable<typeof current>): void => {
    run.opaque.push(run.length);
    run.parts.push(objectReplacement);
    run.length += 1;
  };

  visit(tree, tree, (options.lang ?? 'fr').toLowerCase(), []);
  flush();
  return runs;
}

/**
 * Gives each node of a run its part of the new text.
 * @param run the run
 * @param out what each character of `run.text` becomes (from a rule)
 */
export function writeBack(run: TextRun, out: readonly string[]): void {
  run.nodes.forEach((node, i) => {
    const start = run.starts[i]!;
    const end = start + node.value.length;
    node.value = out.slice(start, end).join('');
  });
}

/** True when a language tag is French (`fr`, `fr-FR`, `fr-CA`…). */
export function isFrench(lang: string): boolean {
  return lang === 'fr' || lang.startsWith('fr-');
}
