/**
 * Reading a PDF source: from its bytes to Markdown with its structure and emphasis, and the
 * place in the PDF (page, line on the page, column) of every character, so that the repairs
 * that run on the Markdown afterwards name `file.pdf#page=3:12:5`.
 *
 * Page by page: each page's glyphs become lines (`lines.ts`) and pdf.js lets the page go; what
 * is kept of a page is its lines. Once every page is read, the running heads and page numbers
 * are known by repetition (`furniture.ts`), each page's foot notes and reading order are taken
 * (`structure.ts`, `layout.ts`), and the document is read as a whole (`structure.ts`) and
 * written (`markdown.ts`).
 *
 * A PDF that cannot be read gets an error saying what to do: one protected by a password, one
 * that is damaged, one whose pages are only images (a scan).
 */
import type { SourceMeta } from '../reading.ts';
import { diagnostic, type Diagnostic, type Severity } from '../../diagnostics.ts';
import type { Lexicon } from '../../language/fr/lexicon.ts';
import { mappedLocator, type SourceLocator } from '../positions.ts';
import { findDrawings, isDrawingLabel } from './drawings.ts';
import { findFurniture, type FurnitureFinding } from './furniture.ts';
import { readingOrder } from './layout.ts';
import { readRuledTables } from './ruled-tables.ts';
import { buildLines, type TextLine } from './lines.ts';
import { writeMarkdown } from './markdown.ts';
import type { PlacedImage } from './page-text.ts';
import { openPdf, PdfOpenError, type OpenedPdf } from './pdfjs.ts';
import { callsOf, markPlainCalls, measureBody, readStructure, takeFootNotes, type PlacedLine, type StructurePage } from './structure.ts';

export interface PdfReading {
  /** The Markdown read from the PDF ('' when it could not be read). */
  text: string;
  locator: SourceLocator;
  meta: SourceMeta;
  diagnostics: Diagnostic[];
  pageCount: number;
}

export interface ReadPdfOptions {
  /** French words, to tell a compound from a word cut by hyphenation. */
  lexicon?: Lexicon;
}

interface PageRecord {
  number: number;
  box: [number, number, number, number];
  lines: TextLine[];
  images: PlacedImage[];
  rotated: number;
  invisibleOnly: boolean;
  /** Labels of vector drawings, left out of the text. */
  labels: string[];
  /** Rows of tables read from the rules drawn between their cells. */
  ruledRows: number;
}

const emptyLocator: SourceLocator = { at: () => ({ line: 1, column: 1 }), lineRange: () => [0, 0] };

/**
 * Reads a PDF.
 * @param bytes the file as read from disk
 * @param file the path to name in diagnostics
 * @returns the Markdown, where each character comes from, the document's title, and the
 *   diagnostics (errors when the PDF cannot be read: encrypted, damaged, scanned)
 */
export async function readPdf(bytes: Uint8Array, file: string, options: ReadPdfOptions = {}): Promise<PdfReading> {
  const diagnostics: Diagnostic[] = [];
  const fail = (message: string): PdfReading => {
    diagnostics.push(diagnostic(file, { line: 1, column: 1 }, { rule: 'pdf-unreadable', severity: 'error', message }));
    return { text: '', locator: emptyLocator, meta: {}, diagnostics, pageCount: 0 };
  };
  let pdf: OpenedPdf;
  try {
    pdf = await openPdf(bytes);
  } catch (error) {
    if (error instanceof PdfOpenError && error.reason === 'encrypted') {
      return fail('This PDF is protected by a password, so Folio cannot read it. Open it in a PDF reader, save or print a copy without the password (or export its text as UTF-8), and use that copy.');
    }
    const detail = error instanceof Error ? error.message : String(error);
    return fail(`This file cannot be read as a PDF: ${detail}. It may be damaged or cut short: download or export it again, or export its text as UTF-8 and use the text instead.`);
  }

  const pages: PageRecord[] = [];
  try {
    for (let n = 1; n <= pdf.pageCount; n++) {
      try {
        const page = await pdf.page(n);
        const built = buildLines(page.glyphs, page.marks);
        const drawings = findDrawings(page.paths);
        const labels = built.lines.filter((l) => isDrawingLabel(l, drawings));
        const ruled = readRuledTables(labels.length ? built.lines.filter((l) => !labels.includes(l)) : built.lines, page.paths, options.lexicon);
        pages.push({ number: n, box: page.box, lines: ruled.lines, images: page.images, rotated: built.rotated, invisibleOnly: built.invisibleOnly, labels: labels.map((l) => l.text.trim()), ruledRows: ruled.rows });
      } catch (error) {
        diagnostics.push(
          diagnostic(file, { page: n, line: 1, column: 1 }, {
            rule: 'pdf-page',
            severity: 'warning',
            message: `Page ${n} could not be read (${error instanceof Error ? error.message : String(error)}); its text is missing. Check the page in a PDF reader.`,
          }),
        );
        pages.push({ number: n, box: [0, 0, 595, 842], lines: [], images: [], rotated: 0, invisibleOnly: false, labels: [], ruledRows: 0 });
      }
    }
  } finally {
    await pdf.close();
  }

  const withText = pages.filter((p) => p.lines.some((l) => /\p{L}/u.test(l.text)));
  if (!withText.length) {
    const images = pages.reduce((n, p) => n + p.images.length, 0);
    return fail(
      pages.length === 0
        ? 'This PDF has no pages.'
        : `This PDF has no text to read${images ? `: its ${pages.length} page(s) are images, as a scan is` : ''}. Run OCR on it first (for instance \`ocrmypdf in.pdf out.pdf\`), or export its text, then use that.`,
    );
  }
  for (const p of pages) {
    const note = (severity: Severity, message: string): void => void diagnostics.push(diagnostic(file, { page: p.number, line: 1, column: 1 }, { rule: 'pdf-page', severity, message }));
    if (!p.lines.length && p.images.length) {
      note('warning', `Page ${p.number} has no text, only images (a scanned page?): its content is not in the Markdown. Run OCR on the PDF if it holds text.`);
    }
    if (p.invisibleOnly) {
      note('info', `Page ${p.number} is an image with a hidden text layer (OCR): that text was read; OCR makes mistakes, check it.`);
    }
    if (p.labels.length) {
      const shown = p.labels.slice(0, 6).map((l) => `“${l}”`).join(', ');
      note('info', `${p.labels.length} label(s) inside a drawing of page ${p.number} were left out of the text (${shown}${p.labels.length > 6 ? ', …' : ''}): they mean something only on the drawing.`);
    }
    if (p.ruledRows > 0) {
      diagnostics.push(
        diagnostic(file, { page: p.number, line: 1, column: 1 }, {
          rule: 'pdf-table',
          severity: 'info',
          message: `${p.ruledRows} row(s) of a table of page ${p.number} were read from the rules drawn between its cells, each cell's lines joined: check the table against the PDF.`,
        }),
      );
    }
    if (p.rotated > 0) {
      note('info', `${p.rotated} character(s) of page ${p.number} are set at an angle (a margin note, a label of a figure): left out.`);
    }
  }

  const furniture = findFurniture(pages);
  const bodyLines = pages.flatMap((p) => p.lines.filter((l) => !furniture.lines.has(l)));
  const sizeStats = measureBody(bodyLines, []);

  // Each page: notes off its foot, the rest in reading order, lines numbered as read.
  const structurePages: StructurePage[] = [];
  const numbered: { page: PageRecord; regions: TextLine[][] }[] = [];
  const numberOf = new Map<TextLine, number>();
  let previousNotes: StructurePage['notes'] | undefined;
  for (const p of pages) {
    const body = p.lines.filter((l) => !furniture.lines.has(l));
    const calls = new Set(body.flatMap(callsOf));
    const { notes, body: rest } = takeFootNotes(body, sizeStats, calls);
    const regions = readingOrder(rest, p.images);
    const labels = notes.flatMap((n) => (n.label ? [n.label] : []));
    markPlainCalls(regions.flatMap((r) => r.flatMap((i) => (i.kind === 'line' ? [i.line] : []))), labels, calls);
    let k = 0;
    const sorted = p.lines.slice().sort((a, b) => b.y - a.y);
    const heads = sorted.filter((l) => furniture.lines.has(l) && l.y > (p.box[1] + p.box[3]) / 2);
    const feet = sorted.filter((l) => furniture.lines.has(l) && !heads.includes(l));
    for (const l of heads) numberOf.set(l, ++k);
    for (const region of regions) for (const item of region) if (item.kind === 'line') numberOf.set(item.line, ++k);
    for (const note of notes) for (const l of note.lines) numberOf.set(l, ++k);
    for (const l of feet) numberOf.set(l, ++k);
    const place = (line: TextLine): PlacedLine => ({ line, page: p.number, number: numberOf.get(line) ?? 0 });
    const pageNotes: StructurePage['notes'] = [];
    const regionsOut: StructurePage['regions'] = regions.map((region) => ({
      items: region.map((item) => (item.kind === 'line' ? { kind: 'line' as const, placed: place(item.line) } : item)),
    }));
    for (const note of notes) {
      if (note.label) pageNotes.push({ label: note.label, lines: note.lines.map(place) });
      else if (previousNotes?.length) previousNotes[previousNotes.length - 1]!.lines.push(...note.lines.map(place));
      else regionsOut.push({ items: note.lines.map((l) => ({ kind: 'line' as const, placed: place(l) })) });
    }
    if (pageNotes.length) previousNotes = pageNotes;
    structurePages.push({ number: p.number, regions: regionsOut, notes: pageNotes });
    numbered.push({ page: p, regions: regions.map((r) => r.flatMap((i) => (i.kind === 'line' ? [i.line] : []))) });
  }
  const stats = measureBody(bodyLines, numbered.flatMap((n) => n.regions));
  const structure = readStructure(structurePages, stats, options.lexicon);
  const markdown = writeMarkdown(structure.blocks);

  for (const f of furniture.findings) diagnostics.push(furnitureDiagnostic(file, f, numberOf.get(f.first) ?? 1));
  for (const f of structure.findings) {
    diagnostics.push(diagnostic(file, f.origin, { rule: f.rule, severity: f.severity, message: f.message }));
  }
  const meta: SourceMeta = {};
  if (structure.title) meta.title = structure.title;
  return { text: markdown.text, locator: mappedLocator(markdown), meta, diagnostics, pageCount: pages.length };
}

function furnitureDiagnostic(file: string, f: FurnitureFinding, line: number): Diagnostic {
  const first = f.pages[0]!;
  const where = f.pages.length === 1 ? `page ${first}` : `${f.pages.length} pages (${ranges(f.pages)})`;
  const what = f.kind === 'page-number' ? 'A page number' : f.kind === 'running-head' ? 'A running head' : 'A running foot';
  return diagnostic(file, { page: first, line, column: 1 }, {
    rule: 'pdf-furniture',
    severity: 'info',
    message: `${what}, “${f.text.length > 60 ? `${f.text.slice(0, 60)}…` : f.text}”, was left out on ${where}: page furniture, not text.`,
  });
}

/** `1–4, 7, 9–10`. */
function ranges(numbers: number[]): string {
  const out: string[] = [];
  let start = numbers[0]!;
  let prev = start;
  for (const n of [...numbers.slice(1), Infinity]) {
    if (n === prev + 1) {
      prev = n;
      continue;
    }
    out.push(start === prev ? `${start}` : `${start}–${prev}`);
    start = n;
    prev = n;
  }
  return out.join(', ');
}
