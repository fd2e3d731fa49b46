/**
 * The three uses of an edition, from one build of the real corpus: the booklet read as a person
 * folding it would read it, each handout read on its own, and the archive verified. Reads the
 * corpus build the global setup made; skips, loudly, only when no browser is installed.
 */
import { createHash } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { isIntact, verifyArchive } from '../../src/archive/verify.ts';
import { defaultSheetsPerSignature } from '../../src/publish/impose-booklet.ts';
import { parseManifest, type Manifest } from '../../src/sources/manifest.ts';
import { corpusBuild, type CorpusBuild } from '../helpers/corpus-build.ts';
import { readFolded, readHalves, type SheetSideText } from '../helpers/pdf-halves.ts';
import { flat, readPdfText } from '../helpers/pdf.ts';

const shared = corpusBuild();

describe.skipIf(!shared)('booklet, handouts and archive of the real corpus', () => {
  const result = shared ?? ({} as CorpusBuild);
  const { manifestPath, outDir, archiveDir } = result;
  let manifest: Manifest;
  let sides: SheetSideText[];
  /** The booklet's pages in reading order, once printed duplex and folded. */
  let folded: { text: string; bottom: string }[];

  beforeAll(async () => {
    manifest = parseManifest(await readFile(manifestPath, 'utf8'), 'compendium.yaml').manifest!;
    sides = await readHalves(await readFile(path.join(outDir, 'compendium-booklet.pdf')));
    // The build folds signatures of the default size (5 sheets), gathered in order.
    folded = readFolded(sides.map((s) => ({ left: { text: s.left, bottom: s.leftBottom }, right: { text: s.right, bottom: s.rightBottom } })), defaultSheetsPerSignature);
  });

  it('imposes the booklet on A4 landscape sheets, front and back', () => {
    expect(sides.length % 2).toBe(0);
    for (const s of sides) expect([Math.round(s.width), Math.round(s.height)]).toEqual([842, 595]);
  });

  it('reads in order once printed duplex and folded: the cover, then every page by its number', () => {
    expect(flat(folded[0]!.text)).toContain(flat(manifest.title));
    // Blank pages are those the layout leaves so that parts start on a right-hand page (inside),
    // and the padding to a multiple of four (at the end, fewer than four). Every other page
    // carries its own number, so the folded booklet reads 1, 2, 3… in order.
    const last = folded.map((p) => p.text !== '').lastIndexOf(true);
    expect(folded.length - 1 - last).toBeLessThan(4);
    let numbered = 0;
    folded.forEach((p, i) => {
      if (i === 0 || p.text === '' || p.bottom === '') return;
      expect(p.bottom, `page ${i + 1} of the folded booklet`).toBe(String(i + 1));
      numbered += 1;
    });
    expect(numbered).toBeGreaterThan(folded.length / 2);
  });

  it('lays the booklet out for A5 rather than shrinking the A4 pages', async () => {
    const a4 = await readPdfText(await readFile(path.join(outDir, 'compendium.pdf')));
    const a5Pages = folded.filter((p) => p.text !== '').length;
    expect(a5Pages).toBeGreaterThan(a4.numPages * 1.2);
  });

  it('keeps the documents in the manifest’s order in the folded booklet', () => {
    // A document opens with its kind line (`résolution · Parlement européen`) above its title;
    // the table of contents lists the titles without it.
    const opens = (text: string, d: Manifest['documents'][number]): boolean =>
      flat(text).toLowerCase().includes(`${d.kind}${d.publisher ? ' · ' : ''}`.toLowerCase()) && flat(text).includes(flat(d.title!).slice(0, 40));
    const starts = manifest.documents.map((d) => folded.findIndex((p, i) => i > 0 && opens(p.text, d)));
    for (const s of starts) expect(s).toBeGreaterThan(0);
    expect([...starts].sort((a, b) => a - b)).toEqual(starts);
  });

  it('prints one handout per document, each standing alone: heading, running header, x / y, repair notes', async () => {
    const files = (await readdir(path.join(outDir, 'handouts'))).sort();
    expect(files).toEqual(result.edition.documents.map((d) => `${d.id}.pdf`).sort());
    for (const doc of result.edition.documents) {
      const pdf = await readPdfText(await readFile(path.join(outDir, 'handouts', `${doc.id}.pdf`)));
      const first = flat(pdf.pages[0]!);
      expect(first).toContain(flat(doc.title).slice(0, 60));
      expect(first).toContain(doc.source.file);
      pdf.pages.forEach((page, i) => {
        expect(flat(page), `${doc.id}, page ${i + 1}`).toContain(`${i + 1} / ${pdf.numPages}`);
        if (i > 0) expect(flat(page)).toContain(flat(doc.shortTitle));
      });
      const all = flat(pdf.pages.join(' '));
      expect(all).toContain('Notes sur l’établissement du texte');
      const infos = result.diagnostics.filter((d) => d.file === doc.source.file && d.severity === 'info').length;
      if (infos) expect(all).toContain(`${infos} réparation${infos > 1 ? 's' : ''} de forme`);
      // Nothing of the other documents.
      for (const other of result.edition.documents) if (other.id !== doc.id) expect(all).not.toContain(flat(other.title).slice(0, 60));
    }
  });

  it('archives the edition with the checksum of every source and output, and verifies it', async () => {
    expect(result.archiveStatus).toBe('created');
    const folder = path.join(archiveDir, manifest.version);
    const archived = JSON.parse(await readFile(path.join(folder, 'manifest.json'), 'utf8'));
    expect(archived.version).toBe(manifest.version);
    expect(archived.date).toBe(manifest.date);
    const paths = archived.files.map((f: { path: string }) => f.path);
    for (const p of ['compendium.pdf', 'compendium-booklet.pdf', 'compendium.html', 'compendium.json']) expect(paths).toContain(p);
    for (const d of result.edition.documents) expect(paths).toEqual(expect.arrayContaining([`handouts/${d.id}.pdf`, `normalized/${d.id}.md`]));
    for (const s of archived.sources) {
      const bytes = await readFile(path.join(path.dirname(manifestPath), path.basename(s.file)));
      expect(s.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    }
    // The archived outputs are the ones the build wrote.
    const [archivedBooklet, builtBooklet] = await Promise.all([readFile(path.join(folder, 'compendium-booklet.pdf')), readFile(path.join(outDir, 'compendium-booklet.pdf'))]);
    expect(archivedBooklet.equals(builtBooklet)).toBe(true);
    expect((await verifyArchive(archiveDir)).map(isIntact)).toEqual([true]);
  });
});
