import { openBrowser } from './src/render/browser.ts';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
const s = await openBrowser();
const html = `<!DOCTYPE html><html lang="fr"><head><style>
@page { size: A5; margin: 20mm; @top-center { content: "hdr " counter(page) } }
@page folio-blank { @top-center { content: none } }
.c { break-before: right; }
.blank { break-before: page; page: folio-blank; }
</style></head><body>
<p>intro</p>
<section class="c" id="s1"><h1 id="h1">One</h1><p id="p1">text</p></section>
<div class="blank"></div>
<section class="c" id="s2"><h1 id="h2">Two</h1><p>text</p></section>
</body></html>`;
const p = await s.load(html);
console.log(await p.evaluate(() => [...document.querySelectorAll('section')].map(e => getComputedStyle(e).breakBefore)));
const pdf = await p.pdf();
const doc = await getDocument({ data: pdf.slice() }).promise;
const out = [];
for (let i = 1; i <= doc.numPages; i++) { const t = await (await doc.getPage(i)).getTextContent(); out.push(t.items.map((x: any) => x.str).join(' ')); }
console.log(doc.numPages, JSON.stringify(out));
// determinism on real corpus html
const big = readFileSync('output/compendium.html', 'utf8');
const hashes = [];
for (let i = 0; i < 2; i++) { const q = await s.load(big); const t0 = performance.now(); const b = await q.pdf(); console.log('print ms', Math.round(performance.now() - t0)); const txt = Buffer.from(b).toString('latin1').replace(/\/(CreationDate|ModDate) \([^)]*\)/g, ''); hashes.push(createHash('sha256').update(txt).digest('hex')); await q.close(); }
console.log(hashes);
await s.close();
