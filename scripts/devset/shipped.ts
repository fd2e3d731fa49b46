/**
 * PDF cases made of the PDFs that Debian packages ship, each cut to one chapter and paired with the
 * chapter's HTML from the same package: debian-reference (DocBook → dblatex) and the eyes17 manual
 * (Sphinx → LaTeX, HTML in the epub).
 *
 * The truth is the HTML's text written the way the PDF prints it where the typesetter changes it in
 * a regular way (heading numbers without their final dot, `Section 3.1` for a cross-reference,
 * the labels of tips and warnings in capitals, straight double quotes printed curly by dblatex):
 * those are typesetting, not text, and no extraction can undo them.
 *
 * Left out, with the reason: the linuxcnc manuals (their only HTML, gcode_fr.html, is an English
 * quick-reference table) and the expeyes manuals (LaTeX with no HTML or other source of truth in
 * the package): a truth made from the PDF alone would be the very thing being measured.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { type BlockDocument, readDocument } from './blocks.ts';
import { type TruthOptions, toMarkdown } from './markdown.ts';
import { cutPages, detectFurniture, pdftotext } from './pdf-tools.ts';
import { debianReferencePdf, eyes17PdfGz, type SourceDocument } from './sources.ts';
import { splitOf } from './split.ts';
import type { PdfMeta } from './compare.ts';

/** A shipped PDF and how its chapters start. */
interface ShippedBook {
  package: string;
  pdf: (cache: string) => string;
  typesetter: string;
  /** True when page `lines` (its first non-empty lines) starts the chapter `label`. */
  starts: (lines: string[], label: string) => boolean;
  /** True when the page starts any chapter (to find where a chapter ends). */
  startsAny: (lines: string[]) => boolean;
  truth: TruthOptions;
  /** The chapters (document ids) to make cases of: whole chapters of at most ~25 pages. */
  chapters: { doc: string; label: string }[];
  /** Adds what the PDF prints and the HTML lacks (chapter heading, section numbers). */
  complete?: (doc: BlockDocument, label: string, source: SourceDocument) => void;
}

const dblatexTruth: TruthOptions = {
  heading: (t) => t.replace(/^((?:\*\*)?(?:Chapitre|Annexe) [\dA-Z]+)\.\s/, '$1 ').replace(/^([\dA-Z]+(?:\.\d+)+)\.\s/, '$1 '),
  // dblatex prints the labels of tips and warnings in capitals (`ASTUCE`, `AVERTISSEMENT`) and those
  // of notes and cautions as written (`Note`, `Attention`): pdftotext of debian-reference.fr.pdf.
  label: (t, kind) => (kind === 'tip' || kind === 'warning' ? t.toLocaleUpperCase('fr') : t),
  // dblatex prints a cross-reference as its number alone (`Section 3.1, « Titre »` → `Section 3.1`,
  // `Chapitre 5, Titre` → `Chapitre 5`).
  xref: (t) => t.replace(/^((?:Section|Chapitre|Tableau|Figure|Annexe|Exemple)\s[\dA-Z][\d.]*?),\s.*$/su, '$1'),
  caption: (t) => t.replace(/^(\**)Tableau ([\dA-Z][\d.]*?)\.\s/, '$1Table $2 – '),
  text: (t) => t.replace(/"/g, '”'),
};

const books: ShippedBook[] = [
  {
    package: 'debian-reference-fr',
    pdf: () => debianReferencePdf,
    typesetter: 'DocBook XML → dblatex (LaTeX, xdvipdfmx)',
    starts: (lines, label) => lines.slice(0, 4).includes(label),
    startsAny: (lines) => lines.slice(0, 4).some((l) => /^(?:Chapitre \d+|Annexe [A-Z]|Préface)$/.test(l)),
    truth: dblatexTruth,
    chapters: [
      { doc: 'debian-reference/pr01', label: 'Préface' },
      { doc: 'debian-reference/ch03', label: 'Chapitre 3' },
      { doc: 'debian-reference/ch04', label: 'Chapitre 4' },
      { doc: 'debian-reference/ch05', label: 'Chapitre 5' },
      { doc: 'debian-reference/ch07', label: 'Chapitre 7' },
      { doc: 'debian-reference/ch08', label: 'Chapitre 8' },
      { doc: 'debian-reference/ch11', label: 'Chapitre 11' },
      { doc: 'debian-reference/ch12', label: 'Chapitre 12' },
      { doc: 'debian-reference/apa', label: 'Annexe A' },
    ],
  },
  {
    package: 'eyes17-manuals-fr',
    pdf: (cache) => {
      const out = path.join(cache, 'eyes17.pdf');
      if (!existsSync(out)) writeFileSync(out, execFileSync('gzip', ['-dc', eyes17PdfGz], { maxBuffer: 512 * 1024 * 1024 }));
      return out;
    },
    typesetter: 'Sphinx → LaTeX (xdvipdfmx)',
    starts: (lines, label) => lines[0] === 'CHAPITRE' && lines[1] === label,
    startsAny: (lines) => lines[0] === 'CHAPITRE' && /^\d+$/.test(lines[1] ?? ''),
    truth: {},
    // Chapter 1 is left out: its introduction is the epub's title page and its first epub page
    // (credits) is not in the PDF's chapter. Chapter 3 (24 pages) is left out for size.
    chapters: ['2', '4', '5', '6', '7', '8', '9'].map((n) => ({ doc: `eyes17/${n}`, label: n })),
    complete: (doc, label, source) => {
      // Sphinx's LaTeX numbers chapters, sections and subsections, in order.
      let section = 0;
      let sub = 0;
      for (const b of doc.blocks) {
        if (b.kind !== 'heading') continue;
        const number = b.level === 1 ? `${label}.${++section}` : b.level === 2 ? `${label}.${section}.${++sub}` : '';
        if (b.level === 1) sub = 0;
        if (number) b.spans = [{ text: `${number} ` }, ...b.spans];
        b.level++;
      }
      doc.blocks.unshift({ kind: 'heading', level: 1, page: 0, spans: [{ text: `CHAPITRE ${label} ${source.title ?? ''}`.trim() }] });
    },
  },
];

/** Pages of a PDF's extraction, each as its first non-empty lines, computed once per PDF. */
const pageHeads = new Map<string, string[][]>();

function headsOf(pdf: string): string[][] {
  let heads = pageHeads.get(pdf);
  if (!heads) {
    heads = pdftotext(pdf).split('\f').map((p) => p.split('\n').map((l) => l.trim()).filter(Boolean).slice(0, 6));
    pageHeads.set(pdf, heads);
  }
  return heads;
}

/** A case on disk, as `pdf-set.ts` lists it. */
export interface WrittenCase {
  name: string;
  meta: PdfMeta;
}

/**
 * Writes the shipped-PDF cases under `outDir`.
 * @param documents all documents (for the chapters' HTML)
 * @param outDir `<devset>/pdf`
 * @param cache a folder for unpacked PDFs
 */
export async function buildShippedCases(documents: SourceDocument[], outDir: string, cache: string): Promise<WrittenCase[]> {
  const written: WrittenCase[] = [];
  for (const book of books) {
    const pdf = book.pdf(cache);
    const heads = headsOf(pdf);
    for (const chapter of book.chapters) {
      const source = documents.find((d) => d.doc === chapter.doc);
      if (!source) throw new Error(`no HTML for ${chapter.doc}`);
      const first = heads.findIndex((lines) => book.starts(lines, chapter.label));
      if (first < 0) throw new Error(`${pdf}: no page starts ${chapter.label}`);
      let last = heads.findIndex((lines, i) => i > first && book.startsAny(lines));
      if (last < 0) last = heads.findLastIndex((h) => h.length > 0) + 1;
      const name = `shipped-${chapter.doc.replace('/', '-')}`;
      const dir = path.join(outDir, name);
      mkdirSync(dir, { recursive: true });
      await cutPages(pdf, first + 1, last, path.join(dir, 'source.pdf'));
      const input = pdftotext(path.join(dir, 'source.pdf'));
      writeFileSync(path.join(dir, 'input.txt'), input);
      writeFileSync(path.join(dir, 'input-layout.txt'), pdftotext(path.join(dir, 'source.pdf'), ['-layout']));
      const blocks = readDocument(source.pages.map((p) => p.content()));
      book.complete?.(blocks, chapter.label, source);
      const truth = toMarkdown(blocks, book.truth);
      writeFileSync(path.join(dir, 'truth.md'), truth);
      const meta: PdfMeta = {
        case: name,
        doc: chapter.doc,
        package: book.package,
        split: splitOf(chapter.doc),
        made: 'shipped',
        typesetter: book.typesetter,
        pages: last - first,
        sourcePages: `${path.basename(pdf)} pages ${first + 1}–${last}`,
        html: source.pages.map((p) => p.path),
        furniture: detectFurniture(input, truth),
        truthOmits: [
          'tables, figure captions and paragraphs holding formulas are kept between <!-- optional --> marks (floats move; formulas are images in the HTML)',
          'figures and formulas themselves',
          'line-continuation arrows (←) that dblatex adds to wrapped code lines are not in the truth',
          ...(blocks.notes.length ? [] : ['(no footnotes in this chapter)']),
        ],
        exercises: [
          'running heads and page numbers of a real book',
          'paragraphs without blank lines between them',
          'headings with their numbers on a line of their own',
          'lists with — bullets, code blocks, tables',
          ...(book.package === 'eyes17-manuals-fr' ? ['TeX ligatures (ﬁ, ﬀ) and formulas in the text'] : ['page breaks inside paragraphs and code']),
        ],
      };
      writeFileSync(path.join(dir, 'meta.json'), JSON.stringify(meta, null, 2) + '\n');
      written.push({ name, meta });
    }
  }
  return written;
}
