/**
 * Benchmark of the publishing outputs: prints numbers, asserts nothing (timings do not belong in
 * tests). Run: `npm run bench:publish` (or `npx tsx scripts/bench-publish.ts`).
 *
 * 1. Imposition alone, on synthetic PDFs of growing length (pdf-lib, no browser).
 * 2. With a browser: the real corpus printed as A4, as A5, imposed, and its handouts printed one
 *    at a time and two at a time (to check that the handouts' concurrency pays).
 * 3. The archive: storing the real outputs and verifying them.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { archiveEdition } from '../src/archive/archive.ts';
import { recordEdition } from '../src/archive/record.ts';
import { verifyArchive } from '../src/archive/verify.ts';
import { assembleEdition } from '../src/pipeline/build.ts';
import { folioVersion, projectFolder } from '../src/pipeline/project.ts';
import { loadPublishAssets } from '../src/publish/assets.ts';
import { imposeBooklet, mm } from '../src/publish/impose-booklet.ts';
import { printHandouts, renderHandout } from '../src/publish/handouts.ts';
import { appendStylesheet } from '../src/assemble/stylesheet.ts';
import { paginate } from '../src/render/paginate.ts';
import { openBrowser, resolveBrowser } from '../src/render/browser.ts';

const mib = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

async function timed<T>(label: string, run: () => Promise<T>, size?: (r: T) => string): Promise<T> {
  global.gc?.();
  const rss = process.memoryUsage().rss;
  const start = performance.now();
  const result = await run();
  const ms = performance.now() - start;
  const grown = process.memoryUsage().rss - rss;
  console.log(`${label.padEnd(44)} ${ms.toFixed(0).padStart(7)} ms   rss +${mib(Math.max(0, grown)).padStart(9)}${size ? `   ${size(result)}` : ''}`);
  return result;
}

async function numberedPdf(count: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.TimesRoman);
  for (let i = 1; i <= count; i++) {
    const page = doc.addPage([mm(148), mm(210)]);
    for (let line = 0; line < 40; line++) page.drawText(`Page ${i}, line ${line}: the quick brown fox jumps over the lazy dog.`, { x: 40, y: 560 - line * 13, size: 9, font });
  }
  return doc.save();
}

console.log(`Folio ${folioVersion}, Node ${process.version}, ${os.cpus().length} CPUs\n`);
console.log('1. Imposition (synthetic A5 pages, 40 lines each)');
for (const pages of [64, 256, 1024]) {
  const source = await numberedPdf(pages);
  await timed(`impose ${pages} pages`, () => imposeBooklet(source), (r) => `${r.sheets} sheets, ${mib(source.length)} → ${mib(r.pdf.length)}`);
  await timed(`impose ${pages} pages, signatures of 4, marks`, () => imposeBooklet(source, { sheetsPerSignature: 4, marks: { bleed: mm(3) } }), (r) => `${r.signatures} signatures`);
}

let browserFound = true;
try {
  resolveBrowser();
} catch {
  browserFound = false;
}
const manifestPath = path.join(import.meta.dirname, '..', 'sources', 'compendium.yaml');
const { prepared, assembled } = await assembleEdition(manifestPath);
const { loaded, repaired } = prepared;
const { html, assets, handouts } = assembled;
const files: { path: string; data: string | Uint8Array }[] = [{ path: 'compendium.html', data: html }];

if (browserFound) {
  console.log('\n2. The real corpus, one browser for every print');
  const session = await timed('launch the browser', () => openBrowser());
  try {
    const a4 = await timed('print A4 (compendium.pdf)', () => paginate(session, html), (r) => mib(r.pdf.length));
    const a5 = await timed('print A5 (booklet pages)', () => paginate(session, appendStylesheet(html, assets.bookletCss)), (r) => mib(r.pdf.length));
    const booklet = await timed('impose the A5 pages', () => imposeBooklet(a5.pdf), (r) => `${r.pages} pages on ${r.sheets} sheets, ${mib(r.pdf.length)}`);
    await timed('print 5 handouts, one at a time', () => printHandouts(session, handouts, 1));
    const printed = await timed('print 5 handouts, two at a time', () => printHandouts(session, handouts, 2));
    files.push({ path: 'compendium.pdf', data: a4.pdf }, { path: 'compendium-booklet.pdf', data: booklet.pdf }, ...printed.map((h) => ({ path: `handouts/${h.documentId}.pdf`, data: h.pdf })));
  } finally {
    await session.close();
  }
} else {
  console.log('\n2. skipped: no browser installed');
}

console.log('\n3. Archive');
const dir = await mkdtemp(path.join(os.tmpdir(), 'folio-bench-archive-'));
try {
  const request = { dir, edition: await recordEdition(loaded, repaired.map((d) => ({ id: d.loaded.id, ...d.result })), folioVersion), files };
  const total = files.reduce((n, f) => n + (typeof f.data === 'string' ? Buffer.byteLength(f.data) : f.data.length), 0);
  await timed(`archive ${files.length} files (${mib(total)})`, () => archiveEdition(request));
  await timed('archive the same edition again', () => archiveEdition(request));
  await timed('verify the archive', () => verifyArchive(dir));
} finally {
  await rm(dir, { recursive: true, force: true });
}
