/**
 * The PDF as a publisher checks it, on the real corpus: the table of contents points to the
 * right pages, the outline, the fonts, the metadata, the running heads, the colophon, and two
 * builds that give the same bytes. Reads the corpus build the global setup made, and builds the
 * corpus once more, only to compare bytes.
 * Skips, loudly, only when no browser is installed.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, readdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Edition } from '../../src/assemble/edition.ts';
import { build } from '../../src/pipeline/build.ts';
import { corpusBuild, type CorpusBuild } from '../helpers/corpus-build.ts';
import { flat, readPdfText, type PdfText } from '../helpers/pdf.ts';

const shared = corpusBuild();

describe.skipIf(!shared)('the printed compendium', () => {
  const { manifestPath, outDir } = shared ?? ({} as CorpusBuild);
  let pdfBytes: Uint8Array;
  let html: string;
  let text: PdfText;
  let edition: Edition;

  beforeAll(async () => {
    pdfBytes = new Uint8Array(await readFile(path.join(outDir, 'compendium.pdf')));
    html = await readFile(path.join(outDir, 'compendium.html'), 'utf8');
    edition = JSON.parse(await readFile(path.join(outDir, 'compendium.json'), 'utf8'));
    text = await readPdfText(pdfBytes);
  });

  it('prints in the table of contents the page each heading is on', () => {
    const tocStart = text.bodies.findIndex((b) => flat(b).startsWith('Sommaire'));
    const firstDocument = edition.toc.find((e) => e.level === 1)!.page!;
    const toc = flat(text.bodies.slice(tocStart, firstDocument - 1).join(' '));
    expect(edition.toc.length).toBeGreaterThan(10);
    for (const entry of edition.toc) {
      const title = flat(entry.title);
      expect(entry.page, title).toBeGreaterThan(tocStart + 1);
      // The number printed after the title in the table…
      const escaped = title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s*');
      expect(toc, title).toMatch(new RegExp(`${escaped}\\s*${entry.page}(?!\\d)`));
      // …is the page on which the heading stands.
      expect(flat(text.bodies[entry.page! - 1]!), `${title} on page ${entry.page}`).toContain(title);
    }
  });

  it('starts each document and each back-matter section on a right-hand page', () => {
    for (const entry of edition.toc.filter((e) => e.level === 1)) expect(entry.page! % 2, entry.title).toBe(1);
  });

  it('runs each document’s short title on its right-hand pages, and nothing on the cover, opening or blank pages', () => {
    expect(text.heads[0]!.trim()).toBe('');
    expect(text.feet[0]!.trim()).toBe('');
    const starts = edition.toc.filter((e) => e.level === 1);
    edition.documents.forEach((doc) => {
      const start = starts.find((e) => e.id === doc.id)!.page!;
      const next = starts.find((e) => e.page! > start)?.page ?? text.numPages + 1;
      for (let page = start; page < next; page++) {
        const head = flat(text.heads[page - 1]!);
        const body = flat(text.bodies[page - 1]!);
        if (body === '') expect(head + flat(text.feet[page - 1]!), `blank page ${page}`).toBe('');
        // The page that opens the document shows its title: no running head there.
        else if (page === start) expect(head, `opening page ${page}`).toBe('');
        else if (page % 2 === 1) expect(head, `page ${page}`).toBe(flat(doc.shortTitle));
        else expect(head, `page ${page}`).toBe(flat(edition.shortTitle));
        if (body !== '') expect(flat(text.feet[page - 1]!), `page ${page}`).toBe(String(page));
      }
    });
  });

  it('has an outline: the edition, then its documents with their sections, the glossary and the chronology', async () => {
    const doc = await getDocument({ data: pdfBytes.slice() }).promise;
    const outline = await doc.getOutline();
    expect(outline).toHaveLength(1);
    expect(outline[0]!.title).toBe(edition.title);
    const titles = outline[0]!.items.map((i) => i.title);
    for (const d of edition.documents) expect(titles).toContain(d.shortTitle);
    expect(titles).toEqual(expect.arrayContaining(['Sommaire', 'Glossaire des sigles', 'Chronologie', 'Colophon']));
    const withSections = edition.documents.filter((d) => d.headings.length);
    for (const d of withSections) expect(outline[0]!.items.find((i) => i.title === d.shortTitle)!.items.length, d.shortTitle).toBeGreaterThan(0);
    // Each bookmark opens the page its entry is on.
    for (const item of outline[0]!.items) {
      const entry = edition.toc.find((e) => e.title === item.title || edition.documents.find((d) => d.id === e.id)?.shortTitle === item.title);
      if (entry) expect((await doc.getPageIndex(item.dest![0] as never)) + 1, item.title).toBe(entry.page);
    }
    await doc.destroy();
  });

  it('embeds every font, subset, and only the edition’s own', async () => {
    const doc = await PDFDocument.load(pdfBytes);
    const fonts: { name: string; embedded: boolean }[] = [];
    for (const [, object] of doc.context.enumerateIndirectObjects()) {
      if (!(object instanceof PDFDict) || object.get(PDFName.of('Type')) !== PDFName.of('FontDescriptor')) continue;
      const name = object.get(PDFName.of('FontName'))!.toString().slice(1);
      const embedded = ['FontFile', 'FontFile2', 'FontFile3'].some((k) => object.has(PDFName.of(k)));
      fonts.push({ name, embedded });
    }
    expect(fonts.length).toBeGreaterThan(1);
    for (const f of fonts) {
      expect(f.embedded, f.name).toBe(true);
      expect(f.name, 'subset').toMatch(/^[A-Z]{6}\+/);
      expect(f.name).toMatch(/^[A-Z]{6}\+(SourceSerif4|SourceSans3)/);
    }
    try {
      const report = execFileSync('pdffonts', [path.join(outDir, 'compendium.pdf')], { encoding: 'utf8' });
      const rows = report.split('\n').slice(2).filter(Boolean);
      for (const row of rows) expect(row, row).toMatch(/^\S+\+Source(Serif4|Sans3)\S*\s.*\byes\s+yes\s+yes\b/);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  });

  it('says what it is: title, author, subject, keywords, language and the edition’s date, in Info and XMP', async () => {
    const doc = await getDocument({ data: pdfBytes.slice() }).promise;
    const { info, metadata } = (await doc.getMetadata()) as unknown as { info: Record<string, string>; metadata: { get(k: string): unknown } | null };
    expect(info.Title).toBe(edition.title);
    expect(info.Author).toBe(edition.publisher);
    expect(info.Subject).toBe(edition.subtitle);
    expect(info.Keywords).toBe(edition.keywords.join('; '));
    expect(info.Language).toBe('fr');
    const day = edition.date.replace(/-/g, '');
    expect(info.CreationDate).toBe(`D:${day}000000Z`);
    expect(info.ModDate).toBe(`D:${day}000000Z`);
    expect(info.Producer).toContain(`Folio ${edition.generator.version}`);
    expect(metadata?.get('dc:title')).toBe(edition.title);
    expect([metadata?.get('dc:language')].flat()).toEqual(['fr']);
    expect(metadata?.get('xmp:createdate')).toBe(`${edition.date}T00:00:00Z`);
    expect(metadata?.get('xmpmm:documentid')).toMatch(/^uuid:[0-9a-f-]{36}$/);
    await doc.destroy();
    const lib = await PDFDocument.load(pdfBytes);
    expect(lib.catalog.get(PDFName.of('StructTreeRoot')), 'tagged PDF').toBeDefined();
    expect(String(lib.catalog.lookup(PDFName.of('MarkInfo')))).toContain('/Marked true');
  });

  it('reads back its apostrophes as typed, so that a search finds “l’Union”', () => {
    const all = text.pages.join(' ');
    expect(all).toContain('l’Union');
    expect(all).not.toContain('\u02bc');
  });

  it('ends with a colophon: the sources with their SHA-256, the build date, Folio’s version, the repairs', () => {
    const colophon = flat(text.bodies[text.numPages - 1]!);
    expect(colophon).toMatch(/^Colophon/);
    for (const d of edition.documents) expect(colophon.replace(/\s/g, '')).toContain(d.source.sha256);
    expect(colophon).toContain(`Folio ${edition.generator.version}`);
    expect(colophon).toContain('repairs.html');
    const repairs = edition.documents.reduce((n, d) => n + d.repairs.changes, 0);
    expect(colophon).toContain(repairs ? `${repairs} réparation` : 'aucune réparation');
  });

  it('writes an HTML edition whose table of contents and page references all link to anchors', () => {
    const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!);
    expect(new Set(ids).size, 'ids are unique').toBe(ids.length);
    const links = [...html.matchAll(/href="#([^"]+)"/g)].map((m) => decodeURIComponent(m[1]!));
    expect(links.length).toBeGreaterThan(edition.toc.length - 1);
    for (const target of links) expect(ids, target).toContain(target);
    for (const m of html.matchAll(/<h[2-6]\b[^>]*>/g)) expect(m[0], 'every section has an anchor').toMatch(/\sid="/);
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
  });

  it('gives byte-identical PDFs (compendium, booklet, handouts) and HTML when built again from the same sources', async () => {
    const again = await mkdtemp(path.join(os.tmpdir(), 'folio-print-again-'));
    await build({ manifestPath, outDir: again, sourceDateEpoch: '' });
    const pdfs = ['compendium.pdf', 'compendium-booklet.pdf', ...(await readdir(path.join(outDir, 'handouts'))).map((f) => `handouts/${f}`)];
    expect(pdfs.length).toBeGreaterThan(2);
    for (const file of pdfs) {
      const [first, second] = await Promise.all([readFile(path.join(outDir, file)), readFile(path.join(again, file))]);
      expect(first.equals(second), `${file}: same bytes`).toBe(true);
    }
    expect(await readFile(path.join(again, 'compendium.html'), 'utf8')).toBe(html);
    // A whole build of the corpus: minutes on a busy machine.
  }, 600_000);
});
