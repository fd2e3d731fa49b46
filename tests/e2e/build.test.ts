/**
 * End to end: the real corpus built with a real browser (once, by the global setup), its PDF read
 * back the way a reader would. Skips, loudly, only when no browser is installed.
 */
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseManifest, type Manifest } from '../../src/sources/manifest.ts';
import { corpusBuild, type CorpusBuild } from '../helpers/corpus-build.ts';
import { body, flat, readPdfText, type PdfText } from '../helpers/pdf.ts';

const shared = corpusBuild();

describe.skipIf(!shared)('folio build on the real corpus', () => {
  const result = shared ?? ({} as CorpusBuild);
  const { manifestPath, outDir } = result;
  let pdf: PdfText;
  let manifest: Manifest;

  beforeAll(async () => {
    manifest = parseManifest(await readFile(manifestPath, 'utf8'), 'compendium.yaml').manifest!;
    pdf = await readPdfText(await readFile(path.join(outDir, 'compendium.pdf')));
  });

  it('writes the HTML, the PDFs, the edition model, the review page and one normalized file per document', async () => {
    expect((await readdir(outDir)).sort()).toEqual(['compendium-booklet.pdf', 'compendium.html', 'compendium.json', 'compendium.pdf', 'handouts', 'normalized', 'repairs.html']);
    const normalized = (await readdir(path.join(outDir, 'normalized'))).sort();
    expect(normalized).toEqual(result.edition.documents.map((d) => `${d.id}.md`).sort());
    expect(normalized).toHaveLength(manifest.documents.length);
  });

  it('opens with a cover: the edition title, its version and the list of sources', () => {
    const cover = flat(pdf.pages[0]!);
    expect(cover).toContain(flat(manifest.title));
    expect(cover).toContain(`Édition ${manifest.version}`);
    for (const d of manifest.documents) expect(cover).toContain(flat(d.title!).slice(0, 40));
  });

  it('has a table of contents that lists every document', () => {
    const tocPage = pdf.bodies.findIndex((p) => body(p).startsWith('Sommaire'));
    expect(tocPage).toBeGreaterThan(0);
    const firstDocument = pdf.bodies.findIndex((p, i) => i > tocPage && body(p).toLowerCase().startsWith(manifest.documents[0]!.kind!));
    const toc = flat(pdf.bodies.slice(tocPage, firstDocument).join(' '));
    for (const d of manifest.documents) expect(toc).toContain(flat(d.title!).slice(0, 40));
  });

  it('starts every document on a new page, its title at the top', () => {
    let last = 1;
    for (const d of manifest.documents) {
      const start = flat(d.title!).slice(0, 40);
      const page = pdf.bodies.findIndex((p, i) => i > last && body(p).slice(0, 200).includes(start) && !body(p).startsWith('Sommaire'));
      expect(page, `no page starts with “${start}”`).toBeGreaterThan(last);
      // The page opens with the document's kind line, then its title: nothing of the previous document.
      expect(body(pdf.bodies[page]!).toLowerCase().startsWith(d.kind!.toLowerCase())).toBe(true);
      last = page;
    }
  });

  it('writes a self-contained HTML file in the edition language', async () => {
    const html = await readFile(path.join(outDir, 'compendium.html'), 'utf8');
    expect(html).toMatch(/^<!DOCTYPE html>\s*<html lang="fr">/);
    expect(html).not.toMatch(/(?:src|href)="https?:/);
    expect(html).not.toMatch(/url\((?!["']?data:)/);
    expect(html).toContain('@font-face');
  });

  it('writes the edition model with documents, table of contents, glossary, chronology and diagnostics', async () => {
    const model = JSON.parse(await readFile(path.join(outDir, 'compendium.json'), 'utf8'));
    expect(model.title).toBe(manifest.title);
    expect(model.documents.map((d: { title: string }) => d.title)).toEqual(manifest.documents.map((d) => d.title));
    expect(model.toc.filter((e: { level: number }) => e.level === 1)).toHaveLength(manifest.documents.length + 2);
    expect(Array.isArray(model.glossary)).toBe(true);
    expect(Array.isArray(model.chronology)).toBe(true);
    expect(model.diagnostics.length).toBeGreaterThan(0);
  });
});
