/**
 * PDF cases printed here from the HTML manuals, through Chromium and through WeasyPrint, with page
 * styles that vary the damage an extraction suffers: running heads (book, chapter, current section),
 * page numbers at the top, bottom or outer edge, alternating left/right pages, justified and
 * hyphenated text (WeasyPrint's own French hyphenation; soft hyphens put in beforehand for
 * Chromium, which has no dictionary offline — in one style only, since Chromium keeps every soft
 * hyphen in the PDF's text layer, broken or not), footnotes (WeasyPrint's `float: footnote`), link
 * addresses printed in the text and cut anywhere, endnotes, two columns, several fonts, page sizes
 * and margins.
 *
 * The printed HTML and the truth come from the same blocks (`blocks.ts`), so the truth is exactly
 * the text that was printed; the furniture is known, not guessed.
 */
import { createRequire } from 'node:module';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Block, BlockDocument, Note, Span } from './blocks.ts';
import { plainText, readDocument } from './blocks.ts';
import type { PdfMeta } from './compare.ts';
import { toMarkdown } from './markdown.ts';
import { pageCount, pdftotext } from './pdf-tools.ts';
import { type Chromium, openChromium, printWeasy } from './printers.ts';
import type { WrittenCase } from './shipped.ts';
import type { SourceDocument } from './sources.ts';
import { hashUnit, splitOf } from './split.ts';

const require = createRequire(import.meta.url);
const { hyphenateSync } = require('hyphen/fr') as { hyphenateSync: (text: string, options?: { hyphenChar?: string; minWordLength?: number }) => string };

/**
 * Soft hyphens in the words of a text, for Chromium (which has no French dictionary offline): words
 * of seven letters or more that do not start with a capital, at least two letters before a break
 * and three after it.
 */
function softHyphens(text: string): string {
  return text.replace(/\p{Ll}[\p{L}]{6,}/gu, (word) => {
    const parts = hyphenateSync(word, { hyphenChar: '\u00ad', minWordLength: 1 }).split('\u00ad');
    let out = '';
    let before = 0;
    parts.forEach((part, i) => {
      if (i > 0 && before >= 2 && word.length - before >= 3) out += '\u00ad';
      out += part;
      before += part.length;
    });
    return out;
  });
}

/** How one printed case looks. */
interface PageStyle {
  name: string;
  printer: 'chrome' | 'weasyprint';
  size: string;
  margin: string;
  font: string;
  fontSize: string;
  justify: boolean;
  hyphenate: boolean;
  /** Running head: the book's title, the chapter's, or (WeasyPrint) the current section's. */
  head: 'none' | 'book' | 'chapter' | 'book+chapter' | 'section';
  /** Where the page number goes, and in what form. */
  folio: { place: 'bottom' | 'top' | 'outer-top' | 'outer-bottom'; form: 'n' | 'n / N' | 'Page n' | '– n –' };
  /** External links: their address printed after them, in a footnote (WeasyPrint), or not at all. */
  links: 'inline' | 'footnote' | 'none';
  /** The document's own notes: at the page foot (WeasyPrint) or gathered at the end. */
  notes: 'footnote' | 'endnotes';
  columns?: number;
  headingSize: string;
  /**
   * The split this style's document is drawn from, when the alternation of its printer would give
   * the other one: for a kind of layout the test part had and the tune part lacked (styles added
   * after the first ten, so that the cases drawn before keep their split and their document).
   */
  split?: 'tune' | 'test';
  /** How tables are ruled: a grid (the default) or booktabs rules (above, under the first row, below). */
  tables?: 'grid' | 'booktabs';
  /** Drawn figures (boxes, arrows and labels in SVG) with a caption, after a section's first paragraph. */
  figures?: boolean;
}

const styles: PageStyle[] = [
  { name: 'a4-serif-justified', printer: 'chrome', size: 'A4', margin: '22mm 20mm', font: 'DejaVu Serif', fontSize: '10.5pt', justify: true, hyphenate: true, head: 'book+chapter', folio: { place: 'bottom', form: 'n' }, links: 'none', notes: 'endnotes', headingSize: '20pt' },
  { name: 'a5-sans-outer', printer: 'chrome', size: 'A5', margin: '16mm 14mm', font: 'Nimbus Sans', fontSize: '10pt', justify: false, hyphenate: false, head: 'chapter', folio: { place: 'outer-top', form: 'n' }, links: 'inline', notes: 'endnotes', headingSize: '18pt' },
  { name: 'letter-bookman-total', printer: 'chrome', size: 'letter', margin: '25mm 25mm 22mm', font: 'URW Bookman', fontSize: '10pt', justify: true, hyphenate: false, head: 'book', folio: { place: 'bottom', form: 'n / N' }, links: 'inline', notes: 'endnotes', headingSize: '17pt' },
  { name: 'a4-roman-wide', printer: 'chrome', size: 'A4', margin: '20mm 40mm 20mm 30mm', font: 'Nimbus Roman', fontSize: '11pt', justify: true, hyphenate: false, head: 'chapter', folio: { place: 'top', form: 'Page n' }, links: 'none', notes: 'endnotes', headingSize: '24pt' },
  { name: 'a5-c059-dashes', printer: 'chrome', size: 'A5', margin: '15mm 13mm 18mm', font: 'C059', fontSize: '10.5pt', justify: true, hyphenate: false, head: 'book', folio: { place: 'outer-bottom', form: '– n –' }, links: 'inline', notes: 'endnotes', headingSize: '19pt' },
  { name: 'w-a4-section-heads', printer: 'weasyprint', size: 'A4', margin: '24mm 22mm', font: 'DejaVu Serif', fontSize: '10.5pt', justify: true, hyphenate: true, head: 'section', folio: { place: 'outer-bottom', form: 'n' }, links: 'footnote', notes: 'footnote', headingSize: '19pt' },
  { name: 'w-a5-sans-top', printer: 'weasyprint', size: 'A5', margin: '17mm 14mm', font: 'DejaVu Sans', fontSize: '9.5pt', justify: false, hyphenate: false, head: 'chapter', folio: { place: 'top', form: 'n / N' }, links: 'inline', notes: 'footnote', headingSize: '17pt' },
  { name: 'w-letter-roman-notes', printer: 'weasyprint', size: 'letter', margin: '25mm', font: 'Nimbus Roman', fontSize: '11pt', justify: true, hyphenate: true, head: 'chapter', folio: { place: 'bottom', form: 'Page n' }, links: 'footnote', notes: 'footnote', headingSize: '20pt' },
  { name: 'w-a4-two-columns', printer: 'weasyprint', size: 'A4', margin: '18mm 16mm', font: 'URW Bookman', fontSize: '9.5pt', justify: true, hyphenate: true, head: 'section', folio: { place: 'outer-top', form: 'n' }, links: 'footnote', notes: 'footnote', columns: 2, headingSize: '15pt' },
  { name: 'w-a5-c059-dashes', printer: 'weasyprint', size: 'A5', margin: '14mm 12mm 17mm', font: 'C059', fontSize: '10pt', justify: true, hyphenate: true, head: 'book', folio: { place: 'bottom', form: '– n –' }, links: 'none', notes: 'footnote', headingSize: '18pt' },
  { name: 'w-letter-two-columns', printer: 'weasyprint', size: 'letter', margin: '20mm 18mm', font: 'DejaVu Serif', fontSize: '9pt', justify: true, hyphenate: true, head: 'chapter', folio: { place: 'bottom', form: 'n' }, links: 'footnote', notes: 'footnote', columns: 2, headingSize: '16pt', split: 'tune' },
  { name: 'a4-roman-two-columns', printer: 'chrome', size: 'A4', margin: '18mm 16mm', font: 'Nimbus Roman', fontSize: '10pt', justify: true, hyphenate: false, head: 'book', folio: { place: 'outer-top', form: 'n' }, links: 'inline', notes: 'endnotes', columns: 2, headingSize: '16pt', split: 'tune' },
  // Two more two-column styles for tuning, ragged right, so that a column pass is not fitted to
  // the two justified ones above.
  { name: 'a4-sans-two-columns', printer: 'chrome', size: 'A4', margin: '20mm 17mm', font: 'Nimbus Sans', fontSize: '9.5pt', justify: false, hyphenate: false, head: 'chapter', folio: { place: 'bottom', form: 'n / N' }, links: 'none', notes: 'endnotes', columns: 2, headingSize: '17pt', split: 'tune' },
  { name: 'w-a4-sans-two-columns', printer: 'weasyprint', size: 'A4', margin: '19mm 15mm', font: 'DejaVu Sans', fontSize: '8.5pt', justify: false, hyphenate: false, head: 'book', folio: { place: 'top', form: 'Page n' }, links: 'inline', notes: 'footnote', columns: 2, headingSize: '15pt', split: 'tune' },
  // Layouts the test part had alone: ragged sans-serif text with addresses in it (both printers),
  // and WeasyPrint's two columns in a wide font.
  { name: 'a5-sans-ragged', printer: 'chrome', size: 'A5', margin: '15mm 13mm', font: 'DejaVu Sans', fontSize: '9.5pt', justify: false, hyphenate: false, head: 'chapter', folio: { place: 'outer-top', form: 'n' }, links: 'inline', notes: 'endnotes', headingSize: '17pt', split: 'tune' },
  { name: 'w-a5-sans-inline', printer: 'weasyprint', size: 'A5', margin: '16mm 14mm', font: 'Nimbus Sans', fontSize: '10pt', justify: false, hyphenate: false, head: 'chapter', folio: { place: 'top', form: 'n / N' }, links: 'inline', notes: 'footnote', headingSize: '18pt', split: 'tune' },
  { name: 'w-a4-c059-columns', printer: 'weasyprint', size: 'A4', margin: '18mm 15mm', font: 'C059', fontSize: '9.5pt', justify: true, hyphenate: true, head: 'section', folio: { place: 'outer-top', form: 'n' }, links: 'footnote', notes: 'footnote', columns: 2, headingSize: '15pt', split: 'tune' },
];

/**
 * Styles printed on the extra manuals of `extra-sources.ts`, all in the tune part: layouts and
 * damage the first styles lack (drawn figures whose labels are text, booktabs tables, wide tables,
 * two columns with footnotes, small justified and hyphenated pages).
 */
const extraStyles: PageStyle[] = [
  { name: 'a5-serif-figures', printer: 'chrome', size: 'A5', margin: '14mm 12mm 16mm', font: 'DejaVu Serif', fontSize: '9pt', justify: true, hyphenate: true, head: 'chapter', folio: { place: 'outer-bottom', form: 'n' }, links: 'inline', notes: 'endnotes', headingSize: '16pt', tables: 'booktabs', figures: true },
  { name: 'w-a4-columns-booktabs', printer: 'weasyprint', size: 'A4', margin: '18mm 15mm', font: 'Nimbus Roman', fontSize: '9.5pt', justify: true, hyphenate: true, head: 'section', folio: { place: 'bottom', form: 'n' }, links: 'footnote', notes: 'footnote', columns: 2, headingSize: '15pt', tables: 'booktabs', figures: true },
  { name: 'w-a5-bookman-hyphens', printer: 'weasyprint', size: 'A5', margin: '15mm 13mm', font: 'URW Bookman', fontSize: '9pt', justify: true, hyphenate: true, head: 'book', folio: { place: 'outer-top', form: 'n' }, links: 'footnote', notes: 'footnote', headingSize: '16pt' },
  { name: 'letter-sans-columns-figures', printer: 'chrome', size: 'letter', margin: '20mm 18mm', font: 'Nimbus Sans', fontSize: '9.5pt', justify: false, hyphenate: false, head: 'book', folio: { place: 'top', form: 'Page n' }, links: 'none', notes: 'endnotes', columns: 2, headingSize: '17pt', figures: true },
  { name: 'w-letter-wide-tables', printer: 'weasyprint', size: 'letter', margin: '22mm 18mm', font: 'DejaVu Sans', fontSize: '9pt', justify: true, hyphenate: true, head: 'chapter', folio: { place: 'outer-bottom', form: '– n –' }, links: 'inline', notes: 'footnote', headingSize: '17pt', tables: 'booktabs' },
  { name: 'a4-c059-booktabs', printer: 'chrome', size: 'A4', margin: '22mm 24mm', font: 'C059', fontSize: '10.5pt', justify: true, hyphenate: true, head: 'book+chapter', folio: { place: 'bottom', form: 'n / N' }, links: 'none', notes: 'endnotes', headingSize: '20pt', tables: 'booktabs', figures: true },
  { name: 'w-a5-sans-figures', printer: 'weasyprint', size: 'A5', margin: '15mm 12mm', font: 'Nimbus Sans', fontSize: '9pt', justify: false, hyphenate: false, head: 'chapter', folio: { place: 'top', form: 'n / N' }, links: 'footnote', notes: 'footnote', headingSize: '16pt', figures: true },
  { name: 'a4-serif-columns-notes', printer: 'chrome', size: 'A4', margin: '18mm 15mm', font: 'DejaVu Serif', fontSize: '9pt', justify: true, hyphenate: true, head: 'chapter', folio: { place: 'outer-top', form: 'n' }, links: 'inline', notes: 'endnotes', columns: 2, headingSize: '16pt', tables: 'booktabs' },
];

/** About this many words per printed case (whole blocks, cut after a block). */
const wordsPerCase = 3500;

const escapeHtml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const cssString = (s: string): string => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

/** Cuts a document to about `words` words, after a whole block, keeping the notes it calls. */
function cutDocument(doc: BlockDocument, words: number): BlockDocument {
  const blocks: Block[] = [];
  let count = 0;
  for (const b of doc.blocks) {
    // Stop before a heading once the budget is spent, so the case ends on a whole section.
    if (count >= words && b.kind === 'heading') break;
    if (count >= words * 1.5) break;
    blocks.push(b);
    count += b.kind === 'code' ? b.text.split(/\s+/).length : b.kind === 'table' ? b.rows.flat().join(' ').split(/\s+/).length : plainText(b.spans).split(/\s+/).length;
  }
  const called = new Set(blocks.flatMap((b) => ('spans' in b ? b.spans.flatMap((s) => (s.note !== undefined ? [s.note] : [])) : [])));
  return { blocks, notes: doc.notes.filter((n) => called.has(n.n)) };
}

/**
 * Turns links into what the style prints and renumbers the notes in reading order: a link's
 * address becomes text after it (`inline`) or a note of its own (`footnote`).
 */
function applyLinks(doc: BlockDocument, links: PageStyle['links']): BlockDocument {
  const bodies = new Map(doc.notes.map((n) => [n.n, n.spans]));
  const notes: Note[] = [];
  const renumber = (spans: Span[]): Span[] =>
    spans.flatMap((s): Span[] => {
      if (s.note !== undefined) {
        const body = bodies.get(s.note);
        if (!body) return [];
        notes.push({ n: notes.length + 1, spans: body });
        return [{ text: '', note: notes.length }];
      }
      if (!s.href || links === 'none' || s.text.trim() === s.href) return [{ ...s, href: undefined } as Span];
      const { href, ...plain } = s;
      if (links === 'inline') return [plain, { text: ' (' }, { text: href, code: true, href }, { text: ')' }];
      const trail = /\s*$/.exec(plain.text)![0];
      notes.push({ n: notes.length + 1, spans: [{ text: href, code: true }] });
      return [{ ...plain, text: plain.text.slice(0, plain.text.length - trail.length) }, { text: '', note: notes.length }, ...(trail ? [{ text: trail }] : [])];
    });
  const blocks = doc.blocks.map((b): Block => (b.kind === 'table' ? { ...b, ...(b.caption ? { caption: renumber(b.caption) } : {}) } : 'spans' in b ? { ...b, spans: renumber(b.spans) } : b));
  return { blocks, notes };
}

function inlineHtml(spans: Span[], style: PageStyle, notes: Map<number, Span[]>): string {
  return spans
    .map((s) => {
      if (s.note !== undefined) {
        if (style.notes === 'footnote') return `<span class="fn">${inlineHtml(notes.get(s.note) ?? [], style, notes)}</span>`;
        return `<sup class="call">${s.note}</sup>`;
      }
      let text = s.text;
      // WeasyPrint hyphenates itself (`hyphens: auto`, French patterns); Chromium gets soft hyphens.
      if (style.hyphenate && style.printer === 'chrome' && !s.code && !s.href) text = softHyphens(text);
      let html = escapeHtml(text);
      if (s.href) html = `<span class="url">${html}</span>`;
      if (s.code) html = `<code>${html}</code>`;
      if (s.italic) html = `<em>${html}</em>`;
      if (s.bold) html = `<strong>${html}</strong>`;
      return html;
    })
    .join('');
}

/**
 * Puts a drawn figure after the first paragraph of each section (at most six): boxes joined by
 * arrows, labelled with the section title's words, and a caption. The caption is an optional
 * paragraph of the truth; the labels are drawing, not text, and are not in the truth at all.
 * @returns the document with the captions' paragraphs, and the labels of each figure by its caption
 */
function addFiguresIf(doc: BlockDocument, style: PageStyle): { doc: BlockDocument; figures: Map<Block, string[]> } {
  return style.figures ? addFigures(doc) : { doc, figures: new Map() };
}

function addFigures(doc: BlockDocument): { doc: BlockDocument; figures: Map<Block, string[]> } {
  const figures = new Map<Block, string[]>();
  const blocks: Block[] = [];
  let title: string | undefined;
  for (const b of doc.blocks) {
    blocks.push(b);
    if (b.kind === 'heading') title = plainText(b.spans);
    else if (b.kind === 'paragraph' && title && figures.size < 6) {
      const words = title.split(/\s+/).filter((w) => /^\p{L}{4,}$/u.test(w)).slice(0, 4);
      if (words.length >= 2) {
        const caption: Block = { kind: 'paragraph', optional: 'figure caption', spans: [{ text: `Figure ${figures.size + 1}. ${title.replace(/^[\d.]+\s+/, '')}` }] };
        figures.set(caption, words);
        blocks.push(caption);
      }
      title = undefined;
    }
  }
  return { doc: { ...doc, blocks }, figures };
}

/** A figure as inline SVG: one box per label, left to right, with arrows between them. */
function figureSvg(labels: string[]): string {
  const w = 120;
  const parts = labels.map((label, i) => {
    const x = 10 + i * (w + 30);
    const arrow = i ? `<line x1="${x - 28}" y1="40" x2="${x - 4}" y2="40" stroke="#000" stroke-width="1"/><path d="M${x - 4} 40 l-6 -3 v6 z"/>` : '';
    return `${arrow}<rect x="${x}" y="20" width="${w}" height="40" fill="none" stroke="#000"/><text x="${x + w / 2}" y="45" font-size="11" text-anchor="middle">${escapeHtml(label)}</text>`;
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${labels.length * (w + 30)} 80" width="100%">${parts.join('')}</svg>`;
}

function blocksHtml(doc: BlockDocument, style: PageStyle, figures = new Map<Block, string[]>()): string {
  const notes = new Map(doc.notes.map((n) => [n.n, n.spans]));
  const out: string[] = [];
  const open: string[] = [];
  const closeLists = (depth: number): void => {
    while (open.length > depth) out.push(`</li></${open.pop()}>`);
  };
  for (const b of doc.blocks) {
    if (b.kind === 'item') {
      const tag = b.ordered ? 'ol' : 'ul';
      closeLists(b.depth + 1);
      if (open.length === b.depth + 1 && open[b.depth] !== tag) closeLists(b.depth);
      if (open.length === b.depth + 1) out.push('</li>');
      while (open.length < b.depth + 1) {
        open.push(tag);
        out.push(b.ordered ? `<ol start="${b.number}">` : '<ul>');
      }
      out.push(`<li>${inlineHtml(b.spans, style, notes)}`);
      continue;
    }
    if (b.kind === 'continuation' && open.length > b.depth) {
      closeLists(b.depth + 1);
      out.push(`<p>${inlineHtml(b.spans, style, notes)}</p>`);
      continue;
    }
    closeLists(0);
    switch (b.kind) {
      case 'heading':
        out.push(`<h${b.level}>${inlineHtml(b.spans, { ...style, hyphenate: false }, notes)}</h${b.level}>`);
        break;
      case 'paragraph':
      case 'continuation':
        if (figures.has(b)) {
          out.push(`<figure>${figureSvg(figures.get(b)!)}<figcaption>${inlineHtml(b.spans, style, notes)}</figcaption></figure>`);
          break;
        }
        out.push(`<p${'label' in b && b.label ? ' class="label"' : ''}>${inlineHtml(b.spans, style, notes)}</p>`);
        break;
      case 'code':
        out.push(`<pre>${escapeHtml(b.text)}</pre>`);
        break;
      case 'table':
        out.push(`<table>${b.caption ? `<caption>${inlineHtml(b.caption, style, notes)}</caption>` : ''}${b.rows.map((r) => `<tr>${r.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`).join('')}</table>`);
        break;
    }
  }
  closeLists(0);
  if (style.notes === 'endnotes' && doc.notes.length) {
    out.push(`<section class="endnotes"><ol>${doc.notes.map((n) => `<li>${inlineHtml(n.spans, style, notes)}</li>`).join('')}</ol></section>`);
  }
  return out.join('\n');
}

/** The page furniture a style prints, as pdftotext will give it back (one string per line). */
function furnitureOf(style: PageStyle, book: string, chapter: string, sections: string[], pages: number): string[] {
  const heads = style.head === 'book' ? [book] : style.head === 'chapter' ? [chapter] : style.head === 'book+chapter' ? [book, chapter] : style.head === 'section' ? [chapter, ...sections] : [];
  const numbers = Array.from({ length: pages }, (_, i) => {
    const n = i + 1;
    return style.folio.form === 'n' ? `${n}` : style.folio.form === 'n / N' ? `${n} / ${pages}` : style.folio.form === 'Page n' ? `Page ${n}` : `– ${n} –`;
  });
  return [...new Set([...heads, ...numbers])];
}

function pageCss(style: PageStyle, book: string, chapter: string): string {
  const folio =
    style.folio.form === 'n' ? 'counter(page)' : style.folio.form === 'n / N' ? 'counter(page) " / " counter(pages)' : style.folio.form === 'Page n' ? '"Page " counter(page)' : '"– " counter(page) " –"';
  const headText = style.head === 'book' ? cssString(book) : style.head === 'chapter' ? cssString(chapter) : style.head === 'section' ? 'string(section)' : cssString(book);
  const box = (where: string, content: string): string => `@${where} { content: ${content}; font-size: 8.5pt; font-style: italic; }`;
  const rules: string[] = [`@page { size: ${style.size}; margin: ${style.margin}; }`];
  const all: string[] = [];
  const left: string[] = [];
  const right: string[] = [];
  if (style.head === 'book+chapter') {
    left.push(box('top-left', cssString(book)));
    right.push(box('top-right', cssString(chapter)));
  } else if (style.head !== 'none') all.push(box('top-center', headText));
  switch (style.folio.place) {
    case 'bottom':
      all.push(box('bottom-center', folio));
      break;
    case 'top':
      if (style.head === 'none') all.push(box('top-center', folio));
      else ((all[0] = box('top-left', headText)), all.push(box('top-right', folio)));
      break;
    case 'outer-top':
      left.push(box('top-left', folio));
      right.push(box('top-right', folio));
      break;
    case 'outer-bottom':
      left.push(box('bottom-left', folio));
      right.push(box('bottom-right', folio));
      break;
  }
  rules.push(`@page { ${all.join(' ')} }`, `@page :left { ${left.join(' ')} }`, `@page :right { ${right.join(' ')} }`);
  return rules.join('\n');
}

function documentHtml(doc: BlockDocument, style: PageStyle, book: string, chapter: string, figures?: Map<Block, string[]>): string {
  const css = `
${pageCss(style, book, chapter)}
html { font-family: ${cssString(style.font)}, serif; font-size: ${style.fontSize}; line-height: 1.35; }
body { margin: 0; ${style.columns ? `column-count: ${style.columns}; column-gap: 7mm;` : ''} }
p, li { text-align: ${style.justify ? 'justify' : 'left'}; ${style.hyphenate && style.printer === 'weasyprint' ? 'hyphens: auto;' : ''} orphans: 2; widows: 2; }
p { margin: 0 0 0.55em; }
h1 { font-size: ${style.headingSize}; line-height: 1.15; margin: 0 0 0.8em; ${style.columns ? 'column-span: all;' : ''} }
h2 { font-size: 13.5pt; margin: 1.1em 0 0.45em; string-set: section content(); }
h3, h4, h5, h6 { font-size: 11pt; margin: 0.9em 0 0.35em; }
h1, h2, h3, h4 { break-after: avoid; hyphens: manual; }
pre { font-family: "DejaVu Sans Mono", monospace; font-size: 8pt; white-space: pre-wrap; margin: 0.3em 0 0.7em 1em; }
code { font-family: "DejaVu Sans Mono", monospace; font-size: 0.9em; }
.url { word-break: break-all; }
ul, ol { margin: 0.2em 0 0.6em; padding-left: 1.6em; }
li { margin-bottom: 0.2em; }
table { border-collapse: collapse; font-size: 8pt; margin: 0.5em 0 0.8em; }
${
    style.tables === 'booktabs'
      ? 'table { border-top: 1pt solid #000; border-bottom: 1pt solid #000; width: 100%; } td { padding: 1.5pt 4pt; vertical-align: top; } tr:first-child td { border-bottom: 0.5pt solid #000; font-weight: bold; }'
      : 'td { border: 0.4pt solid #888; padding: 1pt 3pt; vertical-align: top; }'
  }
figure { margin: 0.6em 0; break-inside: avoid; } figcaption { font-size: 8.5pt; font-style: italic; margin-top: 2pt; }
caption { font-weight: bold; text-align: left; padding-bottom: 2pt; }
.label { font-weight: bold; margin-bottom: 0.2em; }
.fn { float: footnote; font-size: 8pt; text-align: left; }
sup.call { font-size: 0.7em; line-height: 0; }
.endnotes { border-top: 0.5pt solid #000; margin-top: 1.5em; font-size: 9pt; }
`;
  return `<!DOCTYPE html>
<html lang="fr"><head><meta charset="utf-8"><title>${escapeHtml(chapter)}</title><style>${css}</style></head>
<body>
${blocksHtml(doc, style, figures)}
</body></html>
`;
}

/** The documents printable as cases: enough running text, in a fixed order drawn by hash. */
function candidates(documents: SourceDocument[]): SourceDocument[] {
  const printable = documents.filter((d) => d.typesetter === 'DocBook' && !/\/(?:gfdl|key-reference|legal|glossary|bibliography|gimp-help-index|apcs)/.test(d.doc));
  return printable.sort((a, b) => hashUnit(`print:${a.doc}`) - hashUnit(`print:${b.doc}`));
}

/**
 * Prints the cases under `outDir`, one per page style, each on another document, so that every
 * printer has documents of both splits.
 * @param documents all documents
 * @param outDir `<devset>/pdf`
 */
export async function buildPrintedCases(documents: SourceDocument[], outDir: string): Promise<WrittenCase[]> {
  const pool = candidates(documents);
  const used = new Set<string>();
  const picks = styles.map((style, i) => {
    // Alternate the splits within each printer: tune, test, tune… (60/40 over five styles).
    const perPrinter = styles.filter((s, k) => s.printer === style.printer && k < i).length;
    const want = style.split ?? ([0, 2, 4].includes(perPrinter) ? 'tune' : 'test');
    return { style, chosen: choose(pool.filter((d) => splitOf(d.doc) === want), used, style), split: undefined };
  });
  return printCases(picks, outDir);
}

/**
 * Prints the extra tune cases (`extraStyles` on the manuals of `extra-sources.ts`) under `outDir`.
 * Their names start with `extra-`, their split is always `tune`: the test part stays as it is.
 * @param documents the extra documents
 * @param outDir `<devset>/pdf`
 */
export async function buildExtraCases(documents: SourceDocument[], outDir: string): Promise<WrittenCase[]> {
  const pool = candidates(documents);
  const used = new Set<string>();
  const picks = extraStyles.map((style) => ({ style, chosen: choose(pool, used, style), split: 'tune' as const, prefix: 'extra-' }));
  return printCases(picks, outDir);
}

/**
 * The first document of `ranked` not used yet with enough running text and a list; for a style
 * that rules tables, one with a table if any is left.
 */
function choose(ranked: SourceDocument[], used: Set<string>, style: PageStyle): { source: SourceDocument; doc: BlockDocument } {
  const fit: { source: SourceDocument; doc: BlockDocument }[] = [];
  for (const source of ranked) {
    if (used.has(source.doc)) continue;
    const doc = readDocument(source.pages.map((p) => p.content()));
    const words = doc.blocks.reduce((n, b) => n + ('spans' in b ? plainText(b.spans).split(/\s+/).length : 0), 0);
    if (words < 1200 || !doc.blocks.some((b) => b.kind === 'item')) continue;
    fit.push({ source, doc });
    if (!style.tables || cutDocument(doc, wordsPerCase).blocks.some((b) => b.kind === 'table')) break;
  }
  const chosen = style.tables ? (fit.find((c) => cutDocument(c.doc, wordsPerCase).blocks.some((b) => b.kind === 'table')) ?? fit[0]) : fit[0];
  if (!chosen) throw new Error(`no document left to print for ${style.name}`);
  used.add(chosen.source.doc);
  return chosen;
}

interface Pick {
  style: PageStyle;
  chosen: { source: SourceDocument; doc: BlockDocument };
  /** The split, when it is not the document's own. */
  split: 'tune' | undefined;
  prefix?: string;
}

async function printCases(picks: Pick[], outDir: string): Promise<WrittenCase[]> {
  const written: WrittenCase[] = [];
  let chrome: Chromium | undefined;
  try {
    for (const { style, chosen, split, prefix } of picks) {
      const drawn = addFiguresIf(applyLinks(cutDocument(chosen.doc, wordsPerCase), style.links), style);
      const doc = drawn.doc;
      const chapter = plainText((doc.blocks.find((b) => b.kind === 'heading') as { spans: Span[] } | undefined)?.spans ?? []) || chosen.source.book;
      const sections = doc.blocks.flatMap((b) => (b.kind === 'heading' && b.level === 2 ? [plainText(b.spans)] : []));
      const name = `${prefix ?? ''}${style.printer}-${style.name.replace(/^w-/, '')}-${chosen.source.doc.replace(/\//g, '-')}`;
      const dir = path.join(outDir, name);
      mkdirSync(dir, { recursive: true });
      const htmlFile = path.join(dir, 'source.html');
      const pdfFile = path.join(dir, 'source.pdf');
      writeFileSync(htmlFile, documentHtml(doc, style, chosen.source.book, chapter, drawn.figures));
      if (style.printer === 'chrome') {
        chrome ??= await openChromium();
        await chrome.print(htmlFile, pdfFile);
      } else await printWeasy(htmlFile, pdfFile);
      const pages = pageCount(pdfFile);
      const input = pdftotext(pdfFile);
      writeFileSync(path.join(dir, 'input.txt'), input);
      writeFileSync(path.join(dir, 'input-layout.txt'), pdftotext(pdfFile, ['-layout']));
      writeFileSync(path.join(dir, 'truth.md'), toMarkdown(doc));
      const meta: PdfMeta = {
        case: name,
        doc: chosen.source.doc,
        package: chosen.source.package,
        split: split ?? splitOf(chosen.source.doc),
        made: style.printer,
        typesetter: style.printer === 'chrome' ? `HTML (from ${chosen.source.typesetter}) printed by Chromium` : `HTML (from ${chosen.source.typesetter}) printed by WeasyPrint`,
        pages,
        html: chosen.source.pages.map((p) => p.path),
        style,
        furniture: furnitureOf(style, chosen.source.book, chapter, sections, pages),
        truthOmits: [
          'tables (printed) are kept between <!-- optional --> marks',
          style.figures ? 'figures drawn here (labels are drawing, not in the truth); their captions kept optional' : 'figures (not printed) and their captions (kept optional)',
          ...(style.notes === 'footnote' ? [] : ['note calls are superscript numbers; the notes are printed at the end, as the truth has them']),
        ],
        exercises: exercisesOf(style),
      };
      writeFileSync(path.join(dir, 'meta.json'), JSON.stringify(meta, null, 2) + '\n');
      written.push({ name, meta });
    }
  } finally {
    await chrome?.close();
  }
  return written;
}

function exercisesOf(s: PageStyle): string[] {
  return [
    s.head !== 'none' ? `running heads (${s.head})` : 'no running head',
    `page numbers ${s.folio.place} as “${s.folio.form}”`,
    ...(s.folio.place.startsWith('outer') || s.head === 'book+chapter' ? ['left/right pages differ'] : []),
    s.justify ? 'justified text' : 'ragged text',
    ...(s.hyphenate ? ['words hyphenated at line ends'] : []),
    ...(s.links === 'inline' ? ['link addresses in the text, cut anywhere at line ends'] : []),
    ...(s.links === 'footnote' || s.notes === 'footnote' ? ['footnotes at the page foot'] : ['endnotes']),
    ...(s.columns ? [`${s.columns} columns`] : []),
    ...(s.tables === 'booktabs' ? ['booktabs tables (rules above, under the first row, below)'] : []),
    ...(s.figures ? ['drawn figures with text labels, and captions'] : []),
    `${s.size}, ${s.font} ${s.fontSize}, large headings over two lines`,
    'bulleted and numbered lists with wrapped items',
  ];
}
