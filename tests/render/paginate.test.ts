/**
 * Pagination with a real browser on small documents: page references, right-hand starts, another
 * page format through one more stylesheet. Skips, loudly, only when no browser is installed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, type BrowserSession } from '../../src/render/browser.ts';
import { paginateToBytes as paginate, type PaginationResult } from '../../src/render/paginate.ts';
import { browserAvailable } from '../helpers/browser.ts';
import { flat, readPdfText, type PdfText } from '../helpers/pdf.ts';

const chapter = (id: string, title: string, paragraphs: number): string =>
  `<section class="chapter" id="${id}"><h1 id="${id}-title">${title}</h1>${'<p>Texte courant. '.repeat(1) + 'Lorem ipsum dolor sit amet, consectetur adipiscing elit. '.repeat(6) + '</p>'}${'<p>Suite du texte, assez longue pour remplir la page peu à peu. Encore des mots, et encore.</p>'.repeat(paragraphs)}</section>`;

const documentHtml = (extraCss = ''): string => `<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><style>
@page { size: A4; margin: 20mm; @bottom-center { content: counter(page); } }
body { font: 11pt/1.4 serif; }
.chapter { break-before: right; }
nav li { list-style: none; }
${extraCss}
</style></head><body>
<nav><h1 id="toc">Table</h1><ol>
<li>Premier <span data-page-of="one-title">?</span></li>
<li>Deuxième <a href="#two-title" data-page-of="two-title">voir</a></li>
<li>Troisième <span data-page-of="three-title"><a href="#three-title">voir</a></span></li>
<li>Fin <span data-page-of="end">?</span></li>
<li>Absent <span data-page-of="nowhere">?</span></li>
<li>Doublé <a href="#one" data-page-of="one">→</a><a href="#one-title" data-page-of="one-title">→</a><a href="#two" data-page-of="two">→</a></li>
</ol></nav>
${chapter('one', 'Chapitre un', 30)}
${chapter('two', 'Chapitre deux', 3)}
${chapter('three', 'Chapitre trois', 12)}
<p id="end">Dernière ligne.</p>
</body></html>`;

describe.skipIf(!browserAvailable())('paginate with Chrome', () => {
  let session: BrowserSession;
  let a4: PaginationResult & { pdf: Uint8Array };
  let a4Text: PdfText;
  let a5: PaginationResult & { pdf: Uint8Array };

  beforeAll(async () => {
    session = await openBrowser();
    a4 = await paginate(session, documentHtml());
    a4Text = await readPdfText(a4.pdf);
    a5 = await paginate(session, documentHtml('@page { size: A5; margin: 12mm; }'));
  });
  afterAll(async () => session?.close());

  it('finds the page of every anchor, where its text is', () => {
    for (const [id, title] of [['one-title', 'Chapitre un'], ['two-title', 'Chapitre deux'], ['three-title', 'Chapitre trois']] as const) {
      const page = a4.pages[id]!;
      expect(flat(a4Text.pages[page - 1]!), id).toContain(title);
      expect(a4Text.pages.slice(0, page - 1).some((p) => flat(p).includes(title))).toBe(false);
    }
    expect(a4.pageCount).toBe(a4Text.numPages);
  });

  it('writes the page numbers into the page references, in their link when they have one', () => {
    const toc = flat(a4Text.pages[0]!);
    expect(toc).toContain(`Premier ${a4.pages['one-title']}`);
    expect(toc).toContain(`Deuxième ${a4.pages['two-title']}`);
    expect(toc).toContain(`Troisième ${a4.pages['three-title']}`);
    expect(toc).toContain(`Fin ${a4.pages.end}`);
    expect(toc).toContain('Absent ?');
    // Two references in a row to one page print its number once.
    expect(a4.pages.one).toBe(a4.pages['one-title']);
    expect(toc).toContain(`Doublé ${a4.pages.one}${a4.pages.two}`);
    expect(a4.missing).toEqual(['nowhere']);
  });

  it('starts each right-hand start on an odd page, with blank pages that carry no number', () => {
    for (const id of ['one', 'two', 'three']) expect(a4.pages[id]! % 2, id).toBe(1);
    expect(a4.blankPages).toBeGreaterThan(0);
    const blanks = a4Text.pages.map((p, i) => [flat(p), i + 1] as const).filter(([text]) => text === '');
    expect(blanks.length).toBe(a4.blankPages);
  });

  it('prints each part once, with its final numbers', () => {
    expect(a4.settled).toBe(true);
    expect(a4.passes).toBe(1);
    // The table, three chapters.
    expect(a4.parts).toBe(4);
  });

  it('takes the page format from the document’s CSS: one more stylesheet makes an A5', async () => {
    const text = await readPdfText(a5.pdf);
    expect(a5.pageCount).toBeGreaterThan(a4.pageCount);
    expect(flat(text.pages[0]!)).toContain(`Premier ${a5.pages['one-title']}`);
    expect(flat(text.pages[a5.pages['three-title']! - 1]!)).toContain('Chapitre trois');
    const { PDFDocument } = await import('pdf-lib');
    const size = (await PDFDocument.load(a5.pdf)).getPage(0).getSize();
    expect(Math.round(size.width / 72 * 25.4)).toBe(148);
    expect(Math.round(size.height / 72 * 25.4)).toBe(210);
  });
});
