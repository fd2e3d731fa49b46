/**
 * The structure of a manual's page as a list of blocks (headings, paragraphs, list items, code,
 * tables, notes), read from its DocBook or Sphinx HTML. The same blocks give the truth of a PDF
 * case (`toMarkdown`) and, for the PDFs printed here, the HTML that is printed (`print-html.ts`),
 * so that what is printed and what is expected can never drift apart.
 *
 * Not a general HTML-to-Markdown converter: it knows the markup these two generators emit and
 * leaves out what a PDF of them does not show as running text (navigation, tables of contents,
 * index terms, permalink signs).
 */
import type { Element, ElementContent, Root } from 'hast';
import { classesOf, collapse, hasClass, textOf } from './html.ts';

/** A run of inline text with its emphasis. */
export interface Span {
  text: string;
  bold?: boolean;
  italic?: boolean;
  code?: boolean;
  /** The target of an external link (the text is the link's text). */
  href?: string;
  /** A footnote call: the note's number in the document. */
  note?: number;
  /** A cross-reference inside the document (`Section 3.1, « Titre »`). */
  xref?: boolean;
  /**
   * A formula the HTML shows as an image: the characters its TeX source prints, in no particular
   * order (a fraction's lines, an exponent, a root sign). The text is empty.
   */
  formula?: string;
}

export type Block =
  | { kind: 'heading'; level: number; spans: Span[]; /** index of the page it comes from */ page: number }
  | { kind: 'paragraph'; spans: Span[]; /** why its words may or may not be in the PDF */ optional?: string; /** an admonition's label: the admonition's kind (`note`, `tip`…) */ label?: string }
  | { kind: 'item'; ordered: boolean; number: number; depth: number; spans: Span[] }
  | { kind: 'continuation'; depth: number; spans: Span[] }
  | { kind: 'code'; text: string }
  | { kind: 'table'; caption?: Span[]; rows: string[][] };

/** A footnote of the document: its number and text. */
export interface Note {
  n: number;
  spans: Span[];
}

/** A document read into blocks. */
export interface BlockDocument {
  blocks: Block[];
  notes: Note[];
}

const skippedClasses = new Set([
  'navheader', 'navfooter', 'toc', 'list-of-tables', 'list-of-figures', 'list-of-examples', 'index', 'indexterm',
  'headerlink', 'sphinxsidebar', 'related', 'footer', 'mediaobject', 'figure-break', 'breadcrumbs',
]);
const skippedTags = new Set(['script', 'style', 'head', 'nav', 'img', 'svg', 'hr', 'colgroup', 'col']);
const codeClasses = new Set(['screen', 'programlisting', 'synopsis', 'literallayout', 'highlight', 'cmdsynopsis']);
const admonitions = new Set(['note', 'tip', 'warning', 'caution', 'important', 'admonition', 'attention', 'danger', 'hint', 'seealso']);

function skipped(e: Element): boolean {
  return skippedTags.has(e.tagName) || classesOf(e).some((c) => skippedClasses.has(c)) || e.properties?.hidden === true;
}

const inlineTags = new Set([
  'a', 'abbr', 'acronym', 'b', 'big', 'cite', 'code', 'dfn', 'em', 'i', 'kbd', 'q', 's', 'samp', 'small', 'span',
  'strong', 'sub', 'sup', 'tt', 'u', 'var', 'br', 'img', 'math', 'wbr', 'font', 'mark', 'time',
]);

/** Inline content; an inline element holding blocks (an `<a>` left open around a section) is not. */
function isInline(node: ElementContent): boolean {
  return node.type !== 'element' || (inlineTags.has(node.tagName) && node.children.every(isInline));
}

/** Reads the inline content of an element into spans; footnote calls become `note` spans. */
function readSpans(nodes: ElementContent[], state: ReadState, style: Omit<Span, 'text'> = {}): Span[] {
  const spans: Span[] = [];
  for (const node of nodes) {
    if (node.type === 'text') {
      if (node.value) spans.push({ ...style, text: node.value });
    } else if (node.type === 'element') {
      if (skipped(node) && !(node.tagName === 'img' && hasClass(node, 'math'))) continue;
      if (node.tagName === 'img' || node.tagName === 'math') {
        const simple = node.tagName === 'img' ? simpleFormula(String(node.properties?.alt ?? '')) : undefined;
        if (simple !== undefined) spans.push({ ...style, text: simple });
        else {
          state.formula = true;
          const printed = node.tagName === 'img' ? formulaCharacters(String(node.properties?.alt ?? '')) : '';
          if (printed) spans.push({ text: '', formula: printed });
        }
        continue;
      }
      if (node.tagName === 'br') {
        spans.push({ ...style, text: ' ' });
        continue;
      }
      const call = footnoteCall(node);
      if (call !== undefined) {
        spans.push({ text: '', note: state.noteNumber(call) });
        continue;
      }
      if (hasClass(node, 'math')) state.formula = true;
      if (node.tagName === 'a' && hasClass(node, 'xref')) {
        spans.push({ ...style, text: textOf(node, skipped), xref: true });
        continue;
      }
      const next: Omit<Span, 'text'> = { ...style };
      if (node.tagName === 'strong' || node.tagName === 'b' || hasClass(node, 'bold') || hasClass(node, 'guibutton') || hasClass(node, 'guimenu')) next.bold = true;
      if (node.tagName === 'em' || node.tagName === 'i' || hasClass(node, 'emphasis')) next.italic = true;
      if (node.tagName === 'code' || node.tagName === 'tt' || node.tagName === 'kbd' || hasClass(node, 'literal') || hasClass(node, 'command')) next.code = true;
      const href = node.tagName === 'a' ? node.properties?.href : undefined;
      if (typeof href === 'string' && /^https?:\/\//.test(href)) next.href = href;
      spans.push(...readSpans(node.children, state, next));
    }
  }
  return spans;
}

const texSymbols: Record<string, string> = {
  '\\Omega': 'Ω', '\\mu': 'µ', '\\pm': '±', '\\times': '×', '\\degree': '°', '\\circ': '°', '\\alpha': 'α',
  '\\beta': 'β', '\\theta': 'θ', '\\pi': 'π', '\\lambda': 'λ', '\\omega': 'ω', '\\Delta': 'Δ', '\\tau': 'τ',
};

/**
 * The printed text of a formula image whose TeX source (its `alt`) is a plain quantity such as
 * `1~k\Omega` or `\pm 5 V`, or a line of one (`\lambda = (360 \times \Delta D)/X`), spaced the
 * way TeX sets it: `~` is a space, a relation or a binary operator stands between spaces
 * (`λ = (360 × ΔD)/X`, a minus printed `−`), a comma before a digit is followed by one (`2, 5`), a
 * sign before a number is glued to it (`±5 V`). Undefined for a real formula (fractions,
 * exponents…), which LaTeX lays out in a way a line of text cannot give back.
 */
function simpleFormula(tex: string): string | undefined {
  const t = tex.trim();
  if (!t || /[\^_{}]|\\(?!Omega|mu|pm|times|degree|circ|alpha|beta|theta|pi|lambda|omega|Delta|tau)[a-zA-Z]+/.test(t)) return undefined;
  return t
    .replace(/\\[a-zA-Z]+/g, (m) => texSymbols[m] ?? m)
    .replace(/\s+/g, '')
    .replace(/(?<=[\p{L}\p{N})°])([=+×±-])/gu, (_m, op: string) => ` ${op === '-' ? '−' : op} `)
    .replace(/=(?! )/g, '= ')
    .replace(/,(?=\d)/g, ', ')
    .replace(/~/g, ' ')
    .replace(/ {2,}/g, ' ')
    .trim();
}

/** TeX commands that print a sign or a word; the others (`\frac`, `\left`, `\Bigg`, spacing) only lay out. */
const texPrinted: Record<string, string> = {
  ...texSymbols, '\\epsilon': 'ϵ', '\\varepsilon': 'ε', '\\nu': 'ν', '\\sigma': 'σ', '\\phi': 'φ', '\\rho': 'ρ',
  '\\sqrt': '√', '\\dots': '...', '\\ldots': '...', '\\cdots': '···', '\\cdot': '·', '\\approx': '≈', '\\neq': '≠',
  '\\leq': '≤', '\\geq': '≥', '\\infty': '∞', '\\sin': 'sin', '\\cos': 'cos', '\\tan': 'tan', '\\exp': 'exp',
  '\\log': 'log', '\\ln': 'ln', '\\%': '%',
};

/**
 * The characters a formula's TeX source prints (`\frac{1}{R_1}` → `1R1`), for the comparison to
 * recognize the formula's glyphs in a PDF's text, whatever their order. A command it does not know
 * prints nothing here, so that no glyph is taken for the formula's without reason.
 */
function formulaCharacters(tex: string): string {
  return tex
    .replace(/\\(?:[a-zA-Z]+|.)/g, (m) => texPrinted[m] ?? '')
    .replace(/[{}^_~&\s]/g, '');
}

/** The target id of a footnote call (`<a class="footnote" href="#ftn.x">` in DocBook, `a.footnote-reference` in Sphinx). */
function footnoteCall(e: Element): string | undefined {
  const link = e.tagName === 'a' ? e : e.tagName === 'sup' ? e.children.find((c): c is Element => c.type === 'element' && c.tagName === 'a') : undefined;
  if (!link) return undefined;
  const href = link.properties?.href;
  if (typeof href !== 'string' || !href.startsWith('#')) return undefined;
  if (hasClass(link, 'footnote') || hasClass(link, 'footnote-reference') || /^#ftn\./.test(href)) return href.slice(1);
  return undefined;
}

class ReadState {
  formula = false;
  page = 0;
  private numbers = new Map<string, number>();
  noteNumber(id: string): number {
    let n = this.numbers.get(id);
    if (n === undefined) this.numbers.set(id, (n = this.numbers.size + 1));
    return n;
  }
  numberOf(id: string): number | undefined {
    return this.numbers.get(id);
  }
}

/** The plain text of spans, whitespace collapsed. */
export function plainText(spans: Span[]): string {
  return collapse(spans.map((s) => s.text).join(''));
}

/** Trims leading and trailing white space off a list of spans and collapses inner runs. */
export function tidySpans(spans: Span[]): Span[] {
  const out: Span[] = [];
  for (const s of spans) {
    const text = s.text.replace(/[ \t\n\r\f]+/g, ' ');
    const last = out.at(-1);
    if (last && !last.note && !s.note && !last.formula && !s.formula && last.bold === s.bold && last.italic === s.italic && last.code === s.code && last.href === s.href && !last.xref && !s.xref) last.text += text;
    else out.push({ ...s, text });
  }
  const empty = (s: Span): boolean => s.note === undefined && !s.formula && !s.text.trim();
  while (out.length && empty(out[0]!)) out.shift();
  while (out.length && empty(out.at(-1)!)) out.pop();
  if (out[0] && !out[0].note) out[0].text = out[0].text.replace(/^ +/, '');
  const end = out.at(-1);
  if (end && !end.note) end.text = end.text.replace(/ +$/, '');
  for (let i = 1; i < out.length; i++) {
    if (out[i - 1]!.text.endsWith(' ') && out[i]!.text.startsWith(' ')) out[i]!.text = out[i]!.text.slice(1);
  }
  return out.map((s) => ({ ...s, text: s.text.normalize('NFC') }));
}

/**
 * Reads the content of a page into blocks.
 * @param root the content element (navigation already removed)
 * @param state numbering of the notes, shared by the pages of one document
 */
function readBlocks(root: Root | Element, state: ReadState, out: BlockDocument, depth = 0): void {
  let pending: ElementContent[] = [];
  const flushInline = (): void => {
    if (pending.some((n) => (n.type === 'text' ? n.value.trim() : n.type === 'element'))) paragraph(pending, state, out);
    pending = [];
  };
  for (const node of root.children as ElementContent[]) {
    if (node.type === 'comment') continue;
    if (node.type === 'text' || (node.type === 'element' && isInline(node) && !skipped(node))) {
      pending.push(node);
      continue;
    }
    flushInline();
    if (node.type !== 'element' || skipped(node)) continue;
    readElement(node, state, out, depth);
  }
  flushInline();
}

function paragraph(nodes: ElementContent[], state: ReadState, out: BlockDocument, extra: Partial<Block & { kind: 'paragraph' }> = {}): void {
  state.formula = false;
  const spans = tidySpans(readSpans(nodes, state));
  if (!plainText(spans) && !spans.some((s) => s.note || s.formula)) return;
  out.blocks.push({ kind: 'paragraph', spans, ...(state.formula ? { optional: 'formula' } : {}), ...extra });
}

function readElement(e: Element, state: ReadState, out: BlockDocument, depth: number): void {
  const classes = classesOf(e);
  const heading = /^h([1-6])$/.exec(e.tagName);
  if (heading) {
    state.formula = false;
    const spans = tidySpans(readSpans(e.children, state));
    if (plainText(spans)) out.blocks.push({ kind: 'heading', level: Number(heading[1]), spans, page: state.page });
    return;
  }
  if (classes.includes('footnotes') || (e.tagName === 'aside' && classes.includes('footnote')) || (e.tagName === 'dl' && classes.includes('footnote'))) {
    readNotes(e, state, out);
    return;
  }
  if (e.tagName === 'pre' || classes.some((c) => codeClasses.has(c))) {
    const pre = e.tagName === 'pre' ? e : findFirst(e, 'pre');
    const text = textWithNewlines(pre ?? e).replace(/\n+$/, '').replace(/^\n+/, '');
    if (text.trim()) out.blocks.push({ kind: 'code', text });
    return;
  }
  if (e.tagName === 'table' || classes.includes('table') || classes.includes('informaltable')) {
    readTable(e, state, out);
    return;
  }
  if (classes.includes('figure') || e.tagName === 'figure' || classes.includes('informalfigure')) {
    // Captions float with their figure: their words may be anywhere in the PDF, or nowhere.
    const caption = findFirstMatching(e, (x) => x.tagName === 'figcaption' || hasClass(x, 'title') || hasClass(x, 'caption'));
    if (caption) paragraph(caption.children, state, out, { optional: 'figure caption' });
    return;
  }
  if (classes.some((c) => admonitions.has(c)) && e.tagName === 'div') {
    readAdmonition(e, classes.find((c) => admonitions.has(c))!, state, out, depth);
    return;
  }
  if (e.tagName === 'p') {
    paragraph(e.children, state, out);
    return;
  }
  if (e.tagName === 'ul' || e.tagName === 'ol') {
    readList(e, state, out, depth);
    return;
  }
  if (e.tagName === 'dt') {
    paragraph(e.children, state, out);
    return;
  }
  readBlocks(e, state, out, depth);
}

/**
 * An admonition of a kind (its class: `note`, `warning`…): its label (`Note`, `Avertissement`) as
 * a paragraph whose `label` is that kind, then its content. DocBook lays admonitions out in a table (icon, label, text): the table is read as
 * layout, not as a table.
 */
function readAdmonition(e: Element, kind: string, state: ReadState, out: BlockDocument, depth: number): void {
  for (const child of e.children) {
    if (child.type !== 'element' || skipped(child)) continue;
    if (/^h[1-6]$/.test(child.tagName) || child.tagName === 'th' || hasClass(child, 'admonition-title')) {
      paragraph(child.children, state, out, { label: kind });
    } else if (['table', 'tbody', 'thead', 'tr'].includes(child.tagName)) readAdmonition(child, kind, state, out, depth);
    else if (child.tagName === 'td') readBlocks(child, state, out, depth);
    else readElement(child, state, out, depth);
  }
}

function readList(list: Element, state: ReadState, out: BlockDocument, depth: number): void {
  const ordered = list.tagName === 'ol';
  const start = Number(list.properties?.start ?? 1) || 1;
  let number = start;
  for (const li of list.children) {
    if (li.type !== 'element' || li.tagName !== 'li') continue;
    const inline: ElementContent[] = [];
    const rest: Element[] = [];
    for (const c of li.children) {
      if (rest.length === 0 && isInline(c)) inline.push(c);
      else if (c.type === 'element') rest.push(c);
    }
    let first = true;
    const item = (nodes: ElementContent[]): void => {
      state.formula = false;
      const spans = tidySpans(readSpans(nodes, state));
      if (!plainText(spans)) return;
      if (first) out.blocks.push({ kind: 'item', ordered, number, depth, spans });
      else out.blocks.push({ kind: 'continuation', depth, spans });
      if (state.formula) {
        const b = out.blocks.at(-1)!;
        out.blocks[out.blocks.length - 1] = { kind: 'paragraph', spans: b.kind === 'code' || b.kind === 'table' ? [] : b.spans, optional: 'formula' };
      }
      first = false;
    };
    if (inline.length) item(inline);
    for (const c of rest) {
      if (skipped(c)) continue;
      if (c.tagName === 'p') item(c.children);
      else if (c.tagName === 'ul' || c.tagName === 'ol') readList(c, state, out, depth + 1);
      else if (first && c.tagName === 'div' && c.children.every(isInline)) item(c.children);
      else {
        const before = out.blocks.length;
        readElement(c, state, out, depth + 1);
        if (first && out.blocks.length > before) first = false;
      }
    }
    number++;
  }
}

function readTable(e: Element, state: ReadState, out: BlockDocument): void {
  const captionEl = findFirstMatching(e, (x) => x.tagName === 'caption' || (x.tagName === 'p' && hasClass(x, 'title')));
  const caption = captionEl ? tidySpans(readSpans(captionEl.children, state)) : undefined;
  const rows: string[][] = [];
  const walk = (n: Element): void => {
    for (const c of n.children) {
      if (c.type !== 'element') continue;
      if (c.tagName === 'tr') rows.push(c.children.filter((x): x is Element => x.type === 'element' && (x.tagName === 'td' || x.tagName === 'th')).map((x) => textOf(x, skipped)));
      else if (c.tagName !== 'caption') walk(c);
    }
  };
  walk(e);
  if (rows.length || caption) out.blocks.push({ kind: 'table', ...(caption ? { caption } : {}), rows });
}

function readNotes(e: Element, state: ReadState, out: BlockDocument): void {
  const notes = e.tagName === 'div' && hasClass(e, 'footnotes') ? e.children.filter((c): c is Element => c.type === 'element' && (hasClass(c, 'footnote') || c.tagName === 'aside')) : [e];
  for (const note of notes) {
    const id = findFirstMatching(note, (x) => typeof x.properties?.id === 'string' && state.numberOf(String(x.properties.id)) !== undefined)?.properties?.id ?? note.properties?.id;
    const n = typeof id === 'string' ? state.numberOf(id) : undefined;
    if (n === undefined) continue;
    // The note's own number (`[1]` in a superscript, or a label) is printed by whoever prints it.
    const body: ElementContent[] = [];
    const strip = (x: ElementContent): boolean => x.type === 'element' && (x.tagName === 'sup' || hasClass(x, 'label'));
    for (const c of note.children) {
      if (c.type === 'element' && c.tagName === 'p') body.push(...c.children.filter((x) => !strip(x)), { type: 'text', value: ' ' });
      else if (!strip(c)) body.push(c);
    }
    state.formula = false;
    const spans = tidySpans(readSpans(body, state));
    if (plainText(spans)) out.notes.push({ n, spans });
  }
}

function findFirst(e: Element, tag: string): Element | undefined {
  return findFirstMatching(e, (x) => x.tagName === tag);
}

function findFirstMatching(e: Element, test: (x: Element) => boolean): Element | undefined {
  for (const c of e.children) {
    if (c.type !== 'element') continue;
    if (test(c)) return c;
    const f = findFirstMatching(c, test);
    if (f) return f;
  }
  return undefined;
}

function textWithNewlines(e: Element): string {
  let s = '';
  const walk = (n: ElementContent): void => {
    if (n.type === 'text') s += n.value;
    else if (n.type === 'element') {
      if (n.tagName === 'br') s += '\n';
      else if (!skipped(n)) n.children.forEach(walk);
    }
  };
  e.children.forEach(walk);
  return s.replace(/\r\n?/g, '\n').replace(/\t/g, '        ').normalize('NFC');
}

/**
 * Reads the pages of one document into blocks, footnotes numbered across the document.
 * @param pages the content roots of the pages, in reading order
 */
export function readDocument(pages: (Root | Element)[]): BlockDocument {
  const state = new ReadState();
  const out: BlockDocument = { blocks: [], notes: [] };
  pages.forEach((page, i) => {
    state.page = i;
    readBlocks(page, state, out);
  });
  // Heading levels from the tags the document uses, the highest as level 1.
  const levels = [...new Set(out.blocks.flatMap((b) => (b.kind === 'heading' ? [b.level] : [])))].sort();
  for (const b of out.blocks) if (b.kind === 'heading') b.level = levels.indexOf(b.level) + 1;
  // A note whose call is not in the document (or whose body is missing) is dropped with its call.
  const bodies = new Set(out.notes.map((n) => n.n));
  for (const b of out.blocks) {
    if ('spans' in b) b.spans = b.spans.filter((s) => s.note === undefined || bodies.has(s.note));
  }
  out.notes.sort((a, b) => a.n - b.n);
  return out;
}
