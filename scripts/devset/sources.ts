/**
 * The French HTML manuals the development sets are made from, cut into DOCUMENTS: the unit of the
 * tune/test split, so that a chapter is never on both sides whatever set (prose or PDF) it feeds.
 *
 * A document is a chapter: a chapter page of debian-reference, the pages of one top-level division
 * of aptitude's manual, the pages of one chapter of the GIMP manual, one chapter (`N.*.xhtml`) of
 * the eyes17 Sphinx epub. Which Debian files exist is checked here, once; a missing package is an
 * error that says what to install.
 *
 * Never listed here, never to be read: debian-faq-fr, maint-guide-fr, developers-reference-fr,
 * debian-edu-doc-fr and the LilyPond manuals (the acceptance checks use them).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Element, Root } from 'hast';
import { type BookPage, collapse, findElement, hasClass, readBook, readHtml, textOf } from './html.ts';

/** One page of a document: its file and the element holding its content. */
export interface SourcePage {
  path: string;
  /** The content of the page without navigation (DocBook navheader/navfooter, Sphinx sidebars). */
  content: () => Element | Root;
}

/** A document: the unit of the split. */
export interface SourceDocument {
  /** `package-short-name/chapter`, stable across runs. */
  doc: string;
  /** The Debian package it comes from. */
  package: string;
  /** The generator of the HTML (and of the shipped PDF twin, when there is one). */
  typesetter: 'DocBook' | 'Sphinx';
  /** Title of the whole book (for running heads). */
  book: string;
  /** The chapter's title, when the pages themselves do not carry it (Sphinx chapters). */
  title?: string;
  pages: SourcePage[];
}

export const debianReferenceDir = '/usr/share/debian-reference';
export const debianReferencePdf = path.join(debianReferenceDir, 'debian-reference.fr.pdf');
export const aptitudeDir = '/usr/share/doc/aptitude/html/fr';
export const gimpDir = '/usr/share/gimp/2.0/help/fr';
export const eyes17Epub = '/usr/share/doc/eyes17/fr/eyes17.epub';
export const eyes17PdfGz = '/usr/share/doc/eyes17/fr/eyes17.pdf.gz';

const required: [string, string][] = [
  [debianReferenceDir, 'debian-reference-fr'],
  [aptitudeDir, 'aptitude-doc-fr'],
  [gimpDir, 'gimp-help-fr'],
  [eyes17Epub, 'eyes17-manuals-fr'],
];

/** Throws a message naming the packages to install when one of the manuals is missing. */
export function checkPackages(): void {
  const missing = required.filter(([p]) => !existsSync(p)).map(([, pkg]) => pkg);
  if (missing.length) throw new Error(`missing Debian packages: ${missing.join(', ')} (run: apt-get install ${missing.join(' ')})`);
}

/** DocBook XSL pages: the content is the body without its navigation header and footer (also used by `extra-sources.ts`). */
export function docbookContent(file: string): () => Element | Root {
  return () => {
    const root = readHtml(file);
    const body = findElement(root, (e) => e.tagName === 'body') ?? root;
    body.children = body.children.filter((c) => !(c.type === 'element' && (hasClass(c, 'navheader') || hasClass(c, 'navfooter'))));
    return body;
  };
}

/** Sphinx pages: the `div.body` element. */
function sphinxContent(file: string): () => Element | Root {
  return () => {
    const root = readHtml(file);
    return findElement(root, (e) => hasClass(e, 'body')) ?? root;
  };
}

function debianReference(): SourceDocument[] {
  const names = ['pr01', ...Array.from({ length: 12 }, (_, i) => `ch${String(i + 1).padStart(2, '0')}`), 'apa'];
  return names.map((name) => {
    const file = path.join(debianReferenceDir, `${name}.fr.html`);
    return { doc: `debian-reference/${name}`, package: 'debian-reference-fr', typesetter: 'DocBook', book: 'Référence Debian', pages: [{ path: file, content: docbookContent(file) }] };
  });
}

/** A chapter longer than this many pages is cut into its sections, so no document dominates. */
const maxPagesPerDocument = 40;

/**
 * Groups a chunked book's pages by their ancestor at `depth` (0 = top-level division); a group
 * of more than `maxPagesPerDocument` pages is grouped again one level deeper.
 */
function chunkedBook(dir: string, pkg: string, short: string, book: string, depth: number): SourceDocument[] {
  const pages = readBook(dir).filter((p) => p.file !== 'index.html');
  const keyAt = (page: BookPage, d: number): string =>
    // A page above depth `d` (a part's title page) is a document of its own.
    (page.ancestors.length > d ? page.ancestors[d]! : page.file).replace(/\.html$/, '');
  const sizes = new Map<string, number>();
  for (const p of pages) sizes.set(keyAt(p, depth), (sizes.get(keyAt(p, depth)) ?? 0) + 1);
  const docs = new Map<string, SourceDocument>();
  for (const page of pages) {
    const key = keyAt(page, depth);
    const doc = `${short}/${(sizes.get(key) ?? 0) > maxPagesPerDocument ? keyAt(page, depth + 1) : key}`;
    let entry = docs.get(doc);
    if (!entry) docs.set(doc, (entry = { doc, package: pkg, typesetter: 'DocBook', book, pages: [] }));
    entry.pages.push({ path: page.path, content: docbookContent(page.path) });
  }
  return [...docs.values()];
}

/** The eyes17 epub, unpacked once under the cache folder; its chapters from the spine order. */
function eyes17(cache: string): SourceDocument[] {
  const dir = path.join(cache, 'eyes17-epub');
  if (!existsSync(path.join(dir, 'content.opf'))) {
    mkdirSync(dir, { recursive: true });
    execFileSync('unzip', ['-o', '-q', eyes17Epub, '-d', dir]);
  }
  const opf = readFileSync(path.join(dir, 'content.opf'), 'utf8');
  const hrefs = new Map([...opf.matchAll(/<item [^>]*?id="([^"]+)"[^>]*?href="([^"]+)"/g)].map((m) => [m[1]!, m[2]!]));
  const spine = [...opf.matchAll(/<itemref idref="([^"]+)"/g)].map((m) => hrefs.get(m[1]!)).filter((h): h is string => !!h);
  const ordered = [...new Set(spine)].filter((h) => /^\d+\.\d+\.xhtml$/.test(h));
  // Files the spine forgot, in numeric order, so nothing depends on the opf's completeness.
  const rest = readdirSync(dir).filter((f) => /^\d+\.\d+\.xhtml$/.test(f) && !ordered.includes(f));
  // The chapters' titles are the captions of the index page's table of contents, in order.
  const index = readFileSync(path.join(dir, 'index.xhtml'), 'utf8');
  const titles = [...index.matchAll(/<h2>([\s\S]*?)<\/h2>/g)].map((m) => collapse(m[1]!.replace(/<[^>]+>/g, '')));
  const docs = new Map<string, SourceDocument>();
  for (const file of [...ordered, ...rest.sort(byNumbers)]) {
    const doc = `eyes17/${file.split('.')[0]}`;
    let entry = docs.get(doc);
    const title = titles[Number(file.split('.')[0]) - 1];
    if (!entry) {
      docs.set(doc, (entry = { doc, package: 'eyes17-manuals-fr', typesetter: 'Sphinx', book: 'Manuel ExpEYES-17', ...(title ? { title } : {}), pages: [] }));
      // The chapter's introduction is on the index page, under the chapter's caption.
      if (title) entry.pages.push({ path: path.join(dir, 'index.xhtml'), content: () => chapterIntro(path.join(dir, 'index.xhtml'), title) });
    }
    const full = path.join(dir, file);
    entry.pages.push({ path: full, content: sphinxContent(full) });
  }
  return [...docs.values()];
}

/** The paragraphs under a chapter's caption on the Sphinx index page, without the caption and the table of contents. */
function chapterIntro(file: string, title: string): Element {
  const root = readHtml(file);
  const section = findElement(root, (e) => e.tagName === 'section' && e.children.some((c) => c.type === 'element' && c.tagName === 'h2' && collapse(textOf(c)) === title));
  const children = (section?.children ?? []).filter((c) => !(c.type === 'element' && (c.tagName === 'h2' || hasClass(c, 'toctree-wrapper'))));
  return { type: 'element', tagName: 'div', properties: {}, children };
}

function byNumbers(a: string, b: string): number {
  const [a1, a2] = a.split('.').map(Number);
  const [b1, b2] = b.split('.').map(Number);
  return a1! - b1! || a2! - b2!;
}

/**
 * All the documents, in a fixed order.
 * @param cache a folder for unpacked archives (the epub)
 */
export function listDocuments(cache: string): SourceDocument[] {
  checkPackages();
  return [
    ...debianReference(),
    ...chunkedBook(aptitudeDir, 'aptitude-doc-fr', 'aptitude', "Manuel de l'utilisateur d'aptitude", 0),
    ...chunkedBook(gimpDir, 'gimp-help-fr', 'gimp-help', 'Manuel de GIMP', 1),
    ...eyes17(cache),
  ];
}
