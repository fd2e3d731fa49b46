/**
 * A final HTML transform (rehype plugin) that marks the extraction's results in the compendium:
 * every use of a glossary term in the documents' bodies becomes `<abbr title="expansion"
 * id="…">`, the first use in each document links back to the glossary entry, and each sentence
 * that tells an event of the chronology gets an anchor. It runs on the whole compendium as a hast
 * tree, after the templates, and should run before transforms that add letters to the text
 * (hyphenation), since places are found by their letters (`text-blocks.ts`).
 *
 * Not for: deciding what to mark (`glossary.ts`, `chronology.ts`).
 */
import type { Element, ElementContent, Root, Text } from 'hast';
import { createTermMatcher, useId } from '../extract/acronym-uses.ts';
import type { AnchorMark } from '../extract/chronology.ts';
import type { TermMark } from '../extract/glossary.ts';
import { diagnostic } from '../diagnostics.ts';
import type { HtmlTransform, HtmlTransformContext } from './final-html.ts';

export interface CompendiumMarks {
  terms: TermMark[];
  anchors: AnchorMark[];
}

/** The rehype plugin: marks the `article.document` elements of the tree. */
export function rehypeMarkExtraction(marks: CompendiumMarks): HtmlTransform {
  return (tree, context): void => {
    const visit = (node: Root | Element): void => {
      for (const child of node.children) {
        if (child.type !== 'element') continue;
        if (child.tagName === 'article' && classes(child).includes('document') && typeof child.properties.id === 'string') {
          const body = find(child, (e) => classes(e).includes('document-body'));
          if (body) markDocument(body, child.properties.id, marks, context);
        } else visit(child);
      }
    };
    visit(tree);
  };
}

function classes(e: Element): string[] {
  const c: unknown = e.properties.className;
  return Array.isArray(c) ? c.map(String) : typeof c === 'string' ? c.split(/\s+/) : [];
}

function find(e: Element, test: (e: Element) => boolean): Element | undefined {
  for (const c of e.children) {
    if (c.type !== 'element') continue;
    if (test(c)) return c;
    const inner = find(c, test);
    if (inner) return inner;
  }
  return undefined;
}

interface TextRef {
  node: Text;
  parent: Element;
  /** Inside a link: no link may be nested in it. */
  inLink: boolean;
}

function textNodes(e: Element, inLink = false, out: TextRef[] = []): TextRef[] {
  for (const c of e.children) {
    if (c.type === 'text') out.push({ node: c, parent: e, inLink });
    else if (c.type === 'element') {
      // Footnotes are moved to the end of a document by the Markdown conversion: they are not counted.
      if ('dataFootnotes' in c.properties || classes(c).includes('footnotes')) continue;
      textNodes(c, inLink || c.tagName === 'a', out);
    }
  }
  return out;
}

interface Insertion {
  start: number;
  end: number;
  make: (text: string) => ElementContent[];
}

function markDocument(body: Element, documentId: string, marks: CompendiumMarks, context: HtmlTransformContext): void {
  const refs = textNodes(body);
  const byTerm = new Map(marks.terms.map((t) => [t.term, t]));
  const matcher = createTermMatcher(byTerm.keys());
  const insertions = new Map<Text, Insertion[]>();
  const add = (node: Text, ins: Insertion): void => {
    insertions.set(node, [...(insertions.get(node) ?? []), ins]);
  };

  // Uses of terms, counted per term in reading order, as the extraction counted them.
  const counts = new Map<string, number>();
  for (const ref of refs) {
    for (const m of matcher.find(ref.node.value)) {
      const mark = byTerm.get(m.term)!;
      const n = (counts.get(m.term) ?? 0) + 1;
      counts.set(m.term, n);
      const site = [...mark.sites].reverse().find((s) => s.documentId === documentId && s.occurrence <= n);
      const title = site?.title ?? mark.title;
      const id = useId(documentId, m.term, n);
      add(ref.node, {
        start: m.start,
        end: m.end,
        make: (text) => {
          const abbr: Element = { type: 'element', tagName: 'abbr', properties: { id, title, className: ['sigle'] }, children: [{ type: 'text', value: text }] };
          if (n > 1 || ref.inLink) return [abbr];
          return [{ type: 'element', tagName: 'a', properties: { href: `#${mark.entryId}`, className: ['sigle-lien'] }, children: [abbr] }];
        },
      });
    }
  }

  // Anchors of events: the k-th place where the quoted letters start.
  // The letters of the document in a row, and where each one is (text node, offset): a book has millions.
  const letterRef: number[] = [];
  const letterOffset: number[] = [];
  const streamParts: string[] = [];
  refs.forEach((ref, r) => {
    for (const m of ref.node.value.matchAll(/\p{L}/gu)) {
      if (m[0].length !== 1) continue; // a letter outside the BMP is not one of the quote's
      letterRef.push(r);
      letterOffset.push(m.index);
      streamParts.push(m[0]);
    }
  });
  const stream = streamParts.join('');
  // The anchor holds the first word of its sentence: Chrome gives an empty inline element no box
  // (none at a line start), and so no page, and a page reference to it would print a placeholder.
  for (const a of marks.anchors.filter((x) => x.documentId === documentId)) {
    let at = stream.indexOf(a.quote);
    for (let k = 0; k < a.occurrence && at !== -1; k++) at = stream.indexOf(a.quote, at + 1);
    if (at === -1) {
      const { file, line, column } = a.where;
      context.report(
        diagnostic(file, { line, column }, {
          rule: 'event-anchor',
          severity: 'warning',
          message: 'This sentence tells an event of the chronology, but it could not be found in the HTML: the chronology gives no page for it.',
        }),
      );
      continue;
    }
    const ref = refs[letterRef[at]!]!;
    const offset = letterOffset[at]!;
    const wordEnd = offset + (/^[\p{L}\p{M}\p{N}\u00ad-]*[’']?/u.exec(ref.node.value.slice(offset))?.[0].length || 1);
    const span = (children: ElementContent[]): ElementContent[] => [{ type: 'element', tagName: 'span', properties: { id: a.id, className: ['chrono-ancre'] }, children }];
    const list = insertions.get(ref.node) ?? [];
    // A term marked at the same place (a sentence opening on an acronym) goes inside the anchor.
    const term = list.find((ins) => ins.start < wordEnd && ins.end > offset);
    if (term) {
      const inner = term.make;
      term.make = (text) => span(inner(text));
    } else add(ref.node, { start: offset, end: wordEnd, make: (text) => span([{ type: 'text', value: text }]) });
  }

  for (const ref of refs) {
    const list = insertions.get(ref.node);
    if (!list) continue;
    list.sort((x, y) => x.start - y.start || x.end - y.end);
    const parts: ElementContent[] = [];
    let cursor = 0;
    const value = ref.node.value;
    for (const ins of list) {
      if (ins.start < cursor) continue;
      if (ins.start > cursor) parts.push({ type: 'text', value: value.slice(cursor, ins.start) });
      parts.push(...ins.make(value.slice(ins.start, ins.end)));
      cursor = ins.end;
    }
    if (cursor < value.length) parts.push({ type: 'text', value: value.slice(cursor) });
    const index = ref.parent.children.indexOf(ref.node);
    ref.parent.children.splice(index, 1, ...parts);
  }
}
