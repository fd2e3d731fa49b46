/**
 * Pagination by parts on an edition of several parts, printed twice: once as it is, once with its
 * first chapter made longer, which moves every part after it. In both, the page references, the
 * folios, the right-hand starts, the links from one part into another and the merged structure
 * tree must be those of the whole document. Skips, loudly, only when no browser is installed.
 */
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, PDFRef } from 'pdf-lib';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, type BrowserSession } from '../../src/render/browser.ts';
import { paginateToBytes, type LayoutMemory, type PaginationResult, type RememberedLayout } from '../../src/render/paginate.ts';
import { createPrintPool, type PrintPool } from '../../src/render/print-pool.ts';
import { browserAvailable } from '../helpers/browser.ts';
import { flat, readPdfText, type PdfText } from '../helpers/pdf.ts';

const paragraph = '<p>Un paragraphe de texte courant, assez long pour occuper deux ou trois lignes de la page, et qui revient autant de fois qu’il le faut.</p>';
const chapter = (n: number, paragraphs: number, extra = ''): string =>
  `<section class="chapter" id="ch${n}"><h1 id="ch${n}-title">Chapitre ${n}</h1>${extra}${paragraph.repeat(paragraphs)}<p id="ch${n}-end">Fin du chapitre ${n}.</p></section>`;

/** Four chapters; the third refers back to the first, the first forward to the fourth. */
const edition = (firstLength: number): string => `<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><style>
@page { size: A5; margin: 22mm 15mm; @bottom-center { content: counter(page); } }
@page :first { @bottom-center { content: none; } }
body { font: 10pt/1.4 serif; }
.chapter, nav { break-before: right; }
</style></head><body>
<header><h1 id="cover">Édition d’essai</h1></header>
<nav id="toc"><h2>Table</h2><ol>
${[1, 2, 3, 4].map((n) => `<li><a href="#ch${n}-title">Chapitre ${n}</a> <span class="page" data-page-of="ch${n}-title"></span></li>`).join('\n')}
<li>Fin du premier <span data-page-of="ch1-end"></span></li>
</ol></nav>
${chapter(1, firstLength, '<p>Voir le chapitre 4, page <span data-page-of="ch4-title"></span>.</p>')}
${chapter(2, 7)}
${chapter(3, 20, '<p>Le chapitre 1 commence page <span data-page-of="ch1-title"></span> (<a href="#ch1">lien</a>).</p>')}
${chapter(4, 3)}
</body></html>`;

/** A narrow justified column of long hyphenated words, in a part after the first: hyphens line after line. */
function ladderDocument(): string {
  const shy = '\u00ad';
  const words = ['ad·mi·nis·tra·tion', 're·con·nais·san·ce', 'dé·par·te·men·ta·le', 'in·ter·na·tio·na·le'].map((w) => w.replaceAll('·', shy));
  const text = Array.from({ length: 36 }, (_, i) => words[i % words.length]).join(' ');
  return `<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><style>
@page { size: A5; margin: 20mm; }
body { font: 10pt/1.4 serif; }
section { break-before: right; }
p { width: 40mm; text-align: justify; hyphens: manual; }
</style></head><body><h1>Titre</h1><section id="texte"><p>${text}</p></section></body></html>`;
}

interface Printed {
  result: PaginationResult & { pdf: Uint8Array };
  text: PdfText;
}

describe.skipIf(!browserAvailable())('pagination by parts', () => {
  let session: BrowserSession;
  let pool: PrintPool;
  let short: Printed;
  let long: Printed;

  beforeAll(async () => {
    session = await openBrowser();
    pool = createPrintPool(session, 2);
    const print = async (html: string): Promise<Printed> => {
      const result = await paginateToBytes(pool, html);
      return { result, text: await readPdfText(result.pdf) };
    };
    // Both at once, as a build prints its products: the pool shares its pages between them.
    [short, long] = await Promise.all([print(edition(10)), print(edition(40))]);
  });
  afterAll(async () => {
    await pool?.close();
    await session?.close();
  });

  it('cuts the edition at its right-hand starts and prints every part once', () => {
    for (const { result } of [short, long]) {
      expect(result.parts).toBe(6);
      expect(result.passes).toBe(1);
      expect(result.settled).toBe(true);
      expect(result.unresolved).toEqual([]);
    }
  });

  it('moves the parts after a longer chapter, and every number with them', () => {
    const moved = ['ch2-title', 'ch3-title', 'ch4-title'];
    for (const id of moved) expect(long.result.pages[id]!, id).toBeGreaterThan(short.result.pages[id]!);
    expect(long.result.pages['ch1-title']).toBe(short.result.pages['ch1-title']);
    for (const { result, text } of [short, long]) {
      expect(result.pageCount).toBe(text.numPages);
      for (const n of [1, 2, 3, 4]) {
        const page = result.pages[`ch${n}-title`]!;
        // The chapter starts on a right-hand page, on the page the table gives…
        expect(page % 2, `chapter ${n}`).toBe(1);
        expect(flat(text.bodies[page - 1]!).startsWith(`Chapitre ${n}`), `chapter ${n} on page ${page}`).toBe(true);
        expect(flat(text.bodies.slice(0, 4).join(' '))).toContain(`Chapitre ${n} ${page}`);
      }
      // …and references inside the chapters, forward and back, are right too.
      expect(flat(text.pages.join(' '))).toContain(`Voir le chapitre 4, page ${result.pages['ch4-title']}.`);
      expect(flat(text.pages.join(' '))).toContain(`Le chapitre 1 commence page ${result.pages['ch1-title']} (lien)`);
      expect(flat(text.bodies[result.pages['ch1-end']! - 1]!)).toContain('Fin du chapitre 1.');
    }
  });

  it('numbers every page as the whole document would, and leaves the blank pages and the first page without a number', () => {
    for (const { result, text } of [short, long]) {
      expect(result.blankPages).toBeGreaterThan(0);
      text.pages.forEach((page, i) => {
        const body = flat(text.bodies[i]!);
        if (i === 0 || body === '') expect(flat(text.feet[i]!), `page ${i + 1}`).toBe('');
        else expect(flat(text.feet[i]!), `page ${i + 1}`).toBe(String(i + 1));
      });
    }
  });

  it('keeps links from one part into another, to the right page', async () => {
    for (const { result } of [short, long]) {
      const doc = await getDocument({ data: result.pdf.slice() }).promise;
      const targets: number[] = [];
      for (const pageNumber of [3, 4]) {
        for (const annotation of await (await doc.getPage(pageNumber)).getAnnotations()) {
          if (annotation.subtype !== 'Link' || !annotation.dest) continue;
          const dest = typeof annotation.dest === 'string' ? await doc.getDestination(annotation.dest) : annotation.dest;
          targets.push((await doc.getPageIndex(dest![0])) + 1);
        }
      }
      expect(targets).toEqual([1, 2, 3, 4].map((n) => result.pages[`ch${n}-title`]));
      await doc.destroy();
    }
  });

  it('merges the parts’ structure trees into one, each page keeping its own parent-tree entry', async () => {
    const doc = await PDFDocument.load(long.result.pdf);
    const root = doc.catalog.lookup(PDFName.of('StructTreeRoot'), PDFDict);
    const top = root.lookup(PDFName.of('K'), PDFDict);
    expect(top.get(PDFName.of('S'))).toBe(PDFName.of('Document'));
    const kids = top.lookup(PDFName.of('K'), PDFArray);
    // The headings of every part are in the one tree, in order.
    const headings: string[] = [];
    const walk = (item: unknown): void => {
      const dict = item instanceof PDFRef ? doc.context.lookup(item) : item;
      if (!(dict instanceof PDFDict)) return;
      const s = dict.get(PDFName.of('S'));
      if (s === PDFName.of('H1') || s === PDFName.of('H2')) headings.push(s.toString());
      const k = dict.get(PDFName.of('K'));
      if (k instanceof PDFArray) k.asArray().forEach(walk);
      else if (k) walk(k);
    };
    kids.asArray().forEach(walk);
    expect(headings.length).toBeGreaterThanOrEqual(6);
    const keys = doc.getPages().map((p) => p.node.get(PDFName.of('StructParents'))).filter((k): k is PDFNumber => k instanceof PDFNumber).map((k) => k.asNumber());
    expect(new Set(keys).size).toBe(keys.length);
    const nums = root.lookup(PDFName.of('ParentTree'), PDFDict).lookup(PDFName.of('Nums'), PDFArray);
    const treeKeys = new Set(nums.asArray().filter((_, i) => i % 2 === 0).map((k) => (k as PDFNumber).asNumber()));
    for (const k of keys) expect(treeKeys.has(k), `parent tree entry ${k}`).toBe(true);
    expect(root.lookup(PDFName.of('ParentTreeNextKey'), PDFNumber).asNumber()).toBeGreaterThan(Math.max(...treeKeys));
  });

  it('breaks up runs of hyphenated lines in a part printed after the first, as that part is laid out', async () => {
    const html = ladderDocument();
    const result = await paginateToBytes(pool, html);
    expect(result.parts).toBe(2);
    const printed = await readPdfText(result.pdf);
    const lines = printed.bodies[result.pages.texte! - 1]!.split('\n').map((l) => l.trim()).filter(Boolean);
    let run = 0;
    let longest = 0;
    let hyphenated = 0;
    for (const line of lines) {
      run = /[-\u2010]$/.test(line) ? run + 1 : 0;
      if (run) hyphenated += 1;
      longest = Math.max(longest, run);
    }
    // Words are still broken at line ends, but never more than two lines in a row.
    expect(hyphenated, lines.join(' / ')).toBeGreaterThan(2);
    expect(longest, lines.join(' / ')).toBeLessThanOrEqual(2);
  });
  it('takes out, in a part laid out before, the same soft hyphens without laying it out again', async () => {
    const html = ladderDocument();
    const memory = new Map<string, RememberedLayout>();
    const layouts: LayoutMemory = { get: (k) => memory.get(k), set: (k, l) => void memory.set(k, l) };
    const first = await paginateToBytes(pool, html, { layouts });
    expect([...memory.values()].some((l) => l.removed.length > 0)).toBe(true);
    const again = await paginateToBytes(pool, html, { layouts });
    expect(again.prints).toBe(again.parts);
    expect((await readPdfText(again.pdf)).bodies).toEqual((await readPdfText(first.pdf)).bodies);
  });

  it('prints documents that share a stylesheet in one page in turn as each prints alone', async () => {
    const doc = (title: string, head: string): string => `<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>${title}</title><style>
@page { size: A5; margin: 22mm 15mm; @bottom-center { content: counter(page); } }
body { font: 10pt/1.4 serif; }
</style><style>@page { @top-center { content: "${head}"; } }</style></head><body class="${title}"><h1>${title}</h1>${paragraph.repeat(12)}</body></html>`;
    const [a, b] = [doc('Premier', 'Tête A'), doc('Second', 'Tête B')];
    const alone = async (html: string): Promise<PdfText> => {
      const own = createPrintPool(session, 1);
      try {
        return await readPdfText((await paginateToBytes(own, html)).pdf);
      } finally {
        await own.close();
      }
    };
    const shared = createPrintPool(session, 1);
    try {
      const inTurn: PdfText[] = [];
      for (const html of [a, b, a]) inTurn.push(await readPdfText((await paginateToBytes(shared, html)).pdf));
      const [soloA, soloB] = [await alone(a), await alone(b)];
      expect(inTurn[0]).toEqual(soloA);
      expect(inTurn[1]).toEqual(soloB);
      expect(inTurn[2]).toEqual(soloA);
      expect(inTurn[1]!.heads.join(' ')).toContain('Tête B');
      expect(inTurn[1]!.heads.join(' ')).not.toContain('Tête A');
    } finally {
      await shared.close();
    }
  });

  it('prints every part once, side by side, with the layouts of an earlier print — and the same numbers; a wrong memory costs a print, not a number', async () => {
    const memory = new Map<string, RememberedLayout>();
    const layouts: LayoutMemory = { get: (k) => memory.get(k), set: (k, l) => void memory.set(k, l) };
    const first = await paginateToBytes(pool, edition(40), { layouts });
    const again = await paginateToBytes(pool, edition(40), { layouts });
    expect(again.prints).toBe(again.parts);
    expect(again.pages).toEqual(long.result.pages);
    expect(first.pages).toEqual(long.result.pages);
    expect(again.pageCount).toBe(long.result.pageCount);
    // Every remembered part two pages longer than it is (one page could be absorbed by the blank
    // page before a right-hand start): the numbers come out right all the same.
    for (const [k, l] of memory) memory.set(k, { ...l, length: l.length + 2 });
    const misled = await paginateToBytes(pool, edition(40), { layouts });
    expect(misled.pages).toEqual(long.result.pages);
    expect(misled.settled).toBe(true);
    expect(misled.prints).toBeGreaterThan(misled.parts);
  });
});
