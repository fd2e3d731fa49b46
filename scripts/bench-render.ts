/**
 * Measures the print stage: a bare Chrome print, then `paginate()` (passes until the page
 * numbers settle) and `finishPdf()`, on the real corpus and on the same corpus repeated to a few
 * hundred pages. Prints numbers; asserts nothing.
 *
 *   npx tsx scripts/bench-render.ts [--repeat 12] [--runs 3]
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { assembleEdition } from '../src/pipeline/build.ts';
import { openBrowser, type BrowserSession } from '../src/render/browser.ts';
import { editionOutline, editionPdfMetadata } from '../src/render/edition-pdf.ts';
import { finishPdf } from '../src/render/finish-pdf.ts';
import { paginate } from '../src/render/paginate.ts';

const { values } = parseArgs({ options: { repeat: { type: 'string', default: '12' }, runs: { type: 'string', default: '3' }, manifest: { type: 'string' } } });
const manifestPath = values.manifest ?? path.join(import.meta.dirname, '..', 'sources', 'compendium.yaml');
const runs = Number(values.runs);

/** The compendium with its documents repeated, ids renamed so that anchors stay unique. */
function repeatDocuments(html: string, times: number): string {
  const main = /<main>([\s\S]*)<\/main>/.exec(html);
  if (!main || times <= 1) return html;
  const copies = [main[1]!];
  for (let k = 2; k <= times; k++) copies.push(main[1]!.replace(/(\sid="|href="#|data-page-of=")([^"]+)"/g, `$1$2-x${k}"`));
  return html.replace(main[0], `<main>${copies.join('\n')}</main>`);
}

async function time<T>(run: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await run();
  return { ms: performance.now() - start, value };
}

async function measure(session: BrowserSession, label: string, html: string, finish: (pdf: Uint8Array, positions: Awaited<ReturnType<typeof paginate>>['positions']) => Promise<unknown>): Promise<void> {
  for (let run = 1; run <= runs; run++) {
    const bare = await time(async () => {
      const page = await session.load(html);
      try {
        return await page.pdf({ outline: false, tagged: true });
      } finally {
        await page.close();
      }
    });
    const paginated = await time(() => paginate(session, html, { pdf: { outline: false, tagged: true } }));
    const finished = await time(() => finish(paginated.value.pdf, paginated.value.positions));
    const r = paginated.value;
    console.log(
      [label, `run ${run}`, `${r.pageCount} pages`, `${r.passes} passes`, `${r.blankPages} blank pages`, `bare print ${(bare.ms / 1000).toFixed(2)} s`,
        `paginate ${(paginated.ms / 1000).toFixed(2)} s`, `finish ${(finished.ms / 1000).toFixed(2)} s`, `${Math.round(r.pdf.length / 1024)} KiB`, `settled ${r.settled}`].join('  |  '),
    );
  }
}

const { assembled, date } = await assembleEdition(manifestPath);
const { edition, html } = assembled;
const session = await openBrowser();
try {
  const version = await session.version();
  console.log(`browser ${version}, HTML ${Math.round(html.length / 1024)} KiB`);
  const finish = (pdf: Uint8Array, positions: Record<string, never> | Awaited<ReturnType<typeof paginate>>['positions']) =>
    finishPdf(pdf, { metadata: editionPdfMetadata(edition, date, html, version), outline: editionOutline(edition), positions, printedText: html });
  await measure(session, 'corpus', html, finish);
  const repeat = Number(values.repeat);
  if (repeat > 1) await measure(session, `corpus ×${repeat}`, repeatDocuments(html, repeat), finish);
} finally {
  await session.close();
}
