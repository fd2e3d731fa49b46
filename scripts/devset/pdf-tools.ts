/**
 * What the PDF cases need of PDFs: poppler's pdftotext and pdfinfo (what a user runs), cutting a
 * range of pages out of a shipped PDF (pdf-lib), and finding the page furniture of an extraction
 * by repetition across its pages.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { diffArrays } from 'diff';
import { PDFDocument } from 'pdf-lib';
import { comparedWords } from './compare.ts';

/**
 * The text pdftotext gives of a PDF, as a user gets it (`pdftotext -enc UTF-8 file -`).
 * @param pdf the file
 * @param extra more options (`-layout`, `-f 3`, `-l 9`)
 */
export function pdftotext(pdf: string, extra: string[] = []): string {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', ...extra, pdf, '-'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
}

/** The number of pages of a PDF (pdfinfo). */
export function pageCount(pdf: string): number {
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? 0);
}

/**
 * Writes pages `first`..`last` (1-based, inclusive) of a PDF to a new file.
 * @param source the PDF to cut from
 * @param out the file to write
 */
export async function cutPages(source: string, first: number, last: number, out: string): Promise<void> {
  const from = await PDFDocument.load(readFileSync(source), { updateMetadata: false });
  const to = await PDFDocument.create();
  const pages = await to.copyPages(from, Array.from({ length: last - first + 1 }, (_, i) => first - 1 + i));
  for (const p of pages) to.addPage(p);
  writeFileSync(out, await to.save());
}

/**
 * The furniture of an extraction: lines among the first and last three of a page whose words
 * the truth does not have there (they align with no truth word) and that either recur at the
 * edges of other pages (digits taken as a wildcard), or are a lone page number, or repeat a
 * heading of the truth (a running head). Returns the lines as they appear.
 * @param text pdftotext output, pages separated by form feeds
 * @param truth the truth's Markdown
 */
export function detectFurniture(text: string, truth: string): string[] {
  const pages = text.split('\f').map((p) => p.split('\n').map((l) => l.trim()).filter(Boolean));
  // Which words of the extraction the truth has, in order.
  const lineWords = pages.map((lines) => lines.map((l) => comparedWords(l, 'candidate')));
  const flatWords = lineWords.flat(2);
  const aligned = new Uint8Array(flatWords.length);
  let ci = 0;
  for (const part of diffArrays(flatWords, comparedWords(truth, 'truth'))) {
    const n = part.count ?? part.value.length;
    if (part.added) continue;
    if (!part.removed) aligned.fill(1, ci, ci + n);
    ci += n;
  }
  const unaligned: boolean[][] = [];
  let k = 0;
  for (const lines of lineWords) {
    unaligned.push(lines.map((words) => {
      let none = true;
      for (let i = 0; i < words.length; i++, k++) if (aligned[k]) none = false;
      return none;
    }));
  }
  const headings = new Set(truth.split('\n').filter((l) => /^#{1,6}\s/.test(l)).map((l) => l.replace(/^#+\s+/, '').replace(/[*]/g, '').trim()));
  const shape = (line: string): string => line.replace(/\d+/g, '#');
  const edgeIndexes = (n: number): number[] => [...new Set([0, 1, 2, n - 3, n - 2, n - 1].filter((i) => i >= 0 && i < n))];
  const pagesWith = new Map<string, number>();
  pages.forEach((lines) => {
    for (const s of new Set(edgeIndexes(lines.length).map((i) => shape(lines[i]!)))) pagesWith.set(s, (pagesWith.get(s) ?? 0) + 1);
  });
  const found = new Set<string>();
  pages.forEach((lines, p) => {
    for (const i of edgeIndexes(lines.length)) {
      const line = lines[i]!;
      if (!unaligned[p]![i]) continue;
      // A line of several words recurring on two pages is a running head; one word must recur more.
      const words = line.split(/\s+/).length;
      const recurring = /\p{L}/u.test(line) && (pagesWith.get(shape(line)) ?? 0) >= (words > 1 ? 2 : line.length >= 4 ? Math.max(3, pages.length / 4) : Infinity);
      const pageNumber = /^(?:\d{1,4}|[ivxlcdm]{1,7})(?:\s*\/\s*\d{1,4})?$/i.test(line);
      const bare = line.replace(/^(?:chapitre\s+)?[\dA-Z]*(?:\.\d+)*\.?\s+/iu, '');
      const runningHead = bare.length > 3 && [...headings].some((h) => h.endsWith(bare));
      if (recurring || pageNumber || runningHead) found.add(line);
    }
  });
  return [...found];
}
