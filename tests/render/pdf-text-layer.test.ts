/**
 * The text layer of a hyphenated paragraph, printed by Chrome: no soft hyphen in what poppler
 * extracts, and a word broken at a line end reads whole.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PDFDocument } from 'pdf-lib';
import { openBrowser, type BrowserSession } from '../../src/render/browser.ts';
import { finishPdf } from '../../src/render/finish-pdf.ts';
import { cleanSoftHyphens, cleanTextLayer } from '../../src/render/pdf-text-layer.ts';
import { imposePages } from '../../src/publish/impose-booklet.ts';
import { parseContent } from '../../src/render/pdf-content.ts';
import { bundleStylesheet } from '../../src/assemble/stylesheet.ts';
import { browserAvailable } from '../helpers/browser.ts';

describe('cleanSoftHyphens', () => {
  it('drops the invisible soft-hyphen glyphs but keeps their positioning, unwraps the line-end hyphen, and cleans ligatures', () => {
    const ops = parseContent(
      'BT 5 0 Td <0020> Tj /Span<</ActualText <FEFF00AD> >> BDC 7 0 Td <0001> Tj EMC 0 0 Td <002D> Tj ET ' +
        'BT /Span<</ActualText <FEFF2010> >> BDC <01F6> Tj EMC ET BT /Span<</ActualText <FEFF006600AD00660069> >> BDC <0200> Tj EMC ET',
    )!;
    const { ops: out, softHyphens, lineEndHyphens } = cleanSoftHyphens(ops);
    expect(softHyphens).toBe(1);
    expect(lineEndHyphens).toBe(1);
    const text = out.map((o) => [...o.operands, o.operator].join(' ')).join(' | ');
    expect(text).toBe('BT | 5 0 Td | <0020> Tj | 7 0 Td | 0 0 Td | <002D> Tj | ET | BT | <01F6> Tj | ET | BT | /Span <</ActualText <FEFF006600660069> >> BDC | <0200> Tj | EMC | ET');
  });
});

const run = browserAvailable() ? describe : describe.skip;

run('the printed text layer', () => {
  let session: BrowserSession;
  beforeAll(async () => {
    session = await openBrowser();
  }, 60_000);
  afterAll(async () => session?.close());

  it('extracts every word whole, without soft hyphens', async () => {
    const shy = '\u00ad';
    const words = `les or${shy}ga${shy}ni${shy}sa${shy}tions in${shy}ter${shy}na${shy}tio${shy}nales coopèrent ré${shy}gu${shy}liè${shy}re${shy}ment`;
    const html = `<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><style>${await bundleStylesheet(path.join(import.meta.dirname, '../../styles/fonts.css'))}</style><style>@page { size: A6; margin: 10mm } p { width: 24mm; font: 11pt 'Folio Serif'; hyphens: manual }</style></head><body><p>${words} ${words}</p></body></html>`;
    const page = await session.load(html);
    const printed = await page.pdf({ tagged: true, outline: false });
    await page.close();
    const doc = await PDFDocument.load(printed);
    const report = cleanTextLayer(doc);
    expect(report.lineEndHyphens).toBeGreaterThan(0);
    const dir = mkdtempSync(path.join(os.tmpdir(), 'folio-text-layer-'));
    const file = path.join(dir, 'p.pdf');
    writeFileSync(file, await doc.save());
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    expect(text).not.toContain(shy);
    const found = text.replace(/\s+/g, ' ');
    expect(found.match(/organisations/g)).toHaveLength(2);
    expect(found.match(/internationales/g)).toHaveLength(2);
    expect(found.match(/régulièrement/g)).toHaveLength(2);
  }, 60_000);

  it('is cleaned before a rearrangement: the pages of an imposed booklet extract whole words too', async () => {
    const shy = '\u00ad';
    const words = `les or${shy}ga${shy}ni${shy}sa${shy}tions in${shy}ter${shy}na${shy}tio${shy}nales coopèrent ré${shy}gu${shy}liè${shy}re${shy}ment`;
    const html = `<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><style>${await bundleStylesheet(path.join(import.meta.dirname, '../../styles/fonts.css'))}</style><style>@page { size: A6; margin: 10mm } p { width: 24mm; font: 11pt 'Folio Serif'; hyphens: manual }</style></head><body><p>${words} ${words}</p><p style="break-before: page">${words}</p></body></html>`;
    const page = await session.load(html);
    const printed = await page.pdf({ tagged: true, outline: false });
    await page.close();
    const metadata = { title: 'Un livret', keywords: [], language: 'fr', date: new Date('2026-11-21T00:00:00Z'), creator: 'Folio', producer: 'Folio', identity: html };
    const finished = await finishPdf(printed, { metadata, arrange: async (pages) => (await imposePages(pages)).document });
    expect(finished.textLayer.lineEndHyphens).toBeGreaterThan(0);
    const dir = mkdtempSync(path.join(os.tmpdir(), 'folio-text-layer-'));
    const file = path.join(dir, 'booklet.pdf');
    writeFileSync(file, finished.pdf);
    // One sheet, two sides: the pages were imposed, and the metadata is on the imposed file.
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(info).toMatch(/^Pages:\s+2$/m);
    expect(info).toMatch(/^Title:\s+Un livret$/m);
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    expect(text).not.toContain(shy);
    const found = text.replace(/\s+/g, ' ');
    expect(found.match(/organisations/g)).toHaveLength(3);
    expect(found.match(/régulièrement/g)).toHaveLength(3);
  }, 60_000);
});
