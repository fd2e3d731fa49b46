/**
 * The PDF extraction pairs: each case a folder with `source.pdf`, `input.txt` (pdftotext, default
 * mode), `input-layout.txt` (`-layout`), `truth.md` and `meta.json`; split by document.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildShippedCases, type WrittenCase } from './shipped.ts';
import type { SourceDocument } from './sources.ts';

/**
 * Builds the PDF cases under `outDir` (emptied first), its README.md and READY.
 * @param documents the documents to draw from
 * @param outDir `<devset>/pdf`
 * @returns the cases written
 */
export async function buildPdfSet(documents: SourceDocument[], outDir: string): Promise<WrittenCase[]> {
  rmSync(path.join(outDir, 'READY'), { force: true });
  const cache = path.join(path.dirname(outDir), '.cache');
  mkdirSync(cache, { recursive: true });
  const cases = [...(await buildShippedCases(documents, outDir, cache))];
  writeFileSync(path.join(outDir, 'READY'), `${new Date().toISOString()}\n`);
  return cases;
}
