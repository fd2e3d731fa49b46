/**
 * Tags a checker accepts, on a small document printed by Chrome: standard types through the
 * RoleMap, running heads and folios as artifacts (and none on an opening page), no words glued at
 * line ends, `Lang` where the HTML marks another language.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import { bundleStylesheet } from '../../src/assemble/stylesheet.ts';
import { openBrowser, type BrowserSession } from '../../src/render/browser.ts';
import { parseContent, readPageContent } from '../../src/render/pdf-content.ts';
import { countGluedLineEnds, fixTags } from '../../src/render/pdf-tags.ts';
import { browserAvailable } from '../helpers/browser.ts';
import { readPdfText } from '../helpers/pdf.ts';

const run = browserAvailable() ? describe : describe.skip;

run('fixTags', () => {
  let session: BrowserSession;
  let printed: Uint8Array;
  beforeAll(async () => {
    session = await openBrowser();
    const fonts = await bundleStylesheet(path.join(import.meta.dirname, '../../styles/fonts.css'));
    const words = 'Une phrase assez longue pour courir sur plusieurs lignes de ce paragraphe étroit, avec des mots ordinaires. ';
    const html = `<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><style>${fonts}
      @page { size: A5; margin: 25mm 20mm; @top-center { content: "Tête courante"; font: 9pt 'Folio Serif'; } @bottom-center { content: counter(page); font: 9pt 'Folio Serif'; } }
      body { font: 11pt/1.4 'Folio Serif'; } section { break-before: page; }</style></head><body>
      <section><h1>Première partie</h1><p>${words.repeat(8)}<strong>en gras</strong> et <em lang="en">an English phrase</em>.</p></section>
      <section><h1>Deuxième partie</h1><p>${words.repeat(3)}</p></section></body></html>`;
    const page = await session.load(html);
    printed = await page.pdf({ tagged: true, outline: false });
    await page.close();
  }, 60_000);
  afterAll(async () => session?.close());

  it('maps PDF 2.0 types, marks page furniture as artifacts and draws the spaces of line wraps', async () => {
    const doc = await PDFDocument.load(printed);
    expect(countGluedLineEnds(doc)).toBeGreaterThan(0);
    const report = fixTags(doc, { openingPages: [2] });
    expect(report.roleMap).toMatchObject({ Strong: 'Span' });
    const root = doc.catalog.lookup(PDFName.of('StructTreeRoot'), PDFDict);
    expect(root.lookup(PDFName.of('RoleMap'), PDFDict).get(PDFName.of('Strong'))).toEqual(PDFName.of('Span'));
    expect(report.artifacts).toBeGreaterThan(0);
    expect(countGluedLineEnds(doc)).toBe(0);
    // Every glyph is inside tagged content or an artifact.
    for (const page of doc.getPages()) {
      const stack: string[] = [];
      for (const op of parseContent(readPageContent(doc, page)!)!) {
        if (op.operator === 'BDC' || op.operator === 'BMC') stack.push(op.operands[0] === '/Artifact' ? 'artifact' : /MCID/.test(op.operands[1] ?? '') ? 'tagged' : 'other');
        else if (op.operator === 'EMC') stack.pop();
        else if (op.operator === 'Tj' || op.operator === 'TJ') expect(stack.some((s) => s === 'tagged' || s === 'artifact')).toBe(true);
      }
    }
    const text = await readPdfText(await doc.save());
    expect(text.heads[0]).toContain('Tête courante');
    // Page 2 opens the second part: its running head is gone, its folio stays.
    expect(text.heads[1]).not.toContain('Tête courante');
    expect(text.feet[1]).toContain('2');
  });

  // Chrome writes `Lang` for a block or an `em`/`strong` with `lang`, not for a bare `span lang`.
  it('keeps the language Chrome writes for a passage the HTML marks', async () => {
    const doc = await PDFDocument.load(printed);
    fixTags(doc);
    const langs: string[] = [];
    for (const [, object] of doc.context.enumerateIndirectObjects()) {
      if (object instanceof PDFDict && object.get(PDFName.of('S')) && object.get(PDFName.of('Lang'))) langs.push(String(object.get(PDFName.of('Lang'))));
    }
    expect(langs).toContain('(en)');
  });
});
