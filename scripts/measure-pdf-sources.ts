/**
 * How well Folio reads PDFs, in figures (prints numbers, never fails on a bad score):
 *
 * 1. The development set's PDF cases (`/work/devset/pdf`, made by `npm run devset`), tune and
 *    test apart: each `source.pdf` read by Folio's PDF reader and repaired as a PDF source is
 *    (`folio normalize x.pdf`), against `truth.md`: word recall and precision, truth paragraphs
 *    reproduced, paragraphs cut in the middle of a sentence, furniture words left. Links and code
 *    spans are compared by their text, as the truths write them.
 * 2. The European Parliament resolution's clean repaired form printed by Chrome with running
 *    heads and page numbers — once with real bold faces, once in two columns with a bold the
 *    browser synthesizes — and read back: its 22 bold phrases, extra bold, words.
 * 3. `--speed FILE`: the time and memory to read one PDF (e.g. a long manual) and to repair what
 *    was read, alone (the development set and the resolution are then left out).
 *
 *   npx tsx scripts/measure-pdf-sources.ts [--split tune|test|all] [--cases] [--examples N] [--only TEXT] [--no-resolution] [--speed FILE]
 *
 * `--examples N` prints N examples of each loss per case (3 by default; cuts: 2, or
 * `$FOLIO_EXAMPLES`); `--only TEXT` measures only the cases whose name holds TEXT (for studying
 * one class of damage — the totals are then of those cases alone).
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildCorpusStats } from '../src/language/corpus.ts';
import { loadFrenchLexicon, type Lexicon } from '../src/language/fr/lexicon.ts';
import { openBrowser } from '../src/render/browser.ts';
import { normalizeText } from '../src/repair/pipeline.ts';
import { readPdf } from '../src/sources/pdf/read-pdf.ts';
import { boldPhrases, printMarkdown } from '../tests/helpers/print-markdown.ts';
import { furnitureLeft, loadCases, paragraphScores, wordScores } from './devset/compare.ts';

const { values } = parseArgs({
  options: {
    split: { type: 'string', default: 'all' },
    cases: { type: 'boolean', default: false },
    'no-resolution': { type: 'boolean', default: false },
    'no-devset': { type: 'boolean', default: false },
    speed: { type: 'string' },
    examples: { type: 'string' },
    only: { type: 'string' },
  },
});
const lexicon = await loadFrenchLexicon();
const pct = (n: number, d: number): string => (d ? `${((100 * n) / d).toFixed(2)} %` : '—');

/** A PDF read and repaired as `folio normalize x.pdf` does. */
async function readAndRepair(bytes: Uint8Array, file: string, lex: Lexicon): Promise<{ markdown: string; pages: number }> {
  const reading = await readPdf(bytes, file, { lexicon: lex });
  const result = normalizeText(reading.text, file, { lexicon: lex, format: 'markdown', locator: reading.locator, meta: reading.meta });
  return { markdown: (reading.meta.title ? `# ${reading.meta.title}\n\n` : '') + result.markdown, pages: reading.pageCount };
}

/** Links and code spans by their text, no table delimiter rows: the truths are plain. Fenced code stays fenced. */
function plain(markdown: string): string {
  return markdown
    .split(/^(```[^\n]*\n[\s\S]*?\n```)$/mu)
    .map((part, i) => (i % 2 ? part : plainProse(part)))
    .join('');
}

function plainProse(markdown: string): string {
  return markdown
    .replace(/^\|(?:\s*:?-{3,}:?\s*\|)+\s*$/gmu, '').replace(/(?<!\\)\[((?:\\.|[^\]\\])*)\]\((?:<[^>]*>|[^)\s]*)\)/gu, '$1').replace(/(`+)(?!`)([\s\S]*?[^`])\1(?!`)/gu, (_m, _t, code: string) => code.trim())
    // A character Markdown escapes (`\[`, `\*`, `\_`) reads as itself, as the truths write it.
    .replace(/\\([[\]\\`*_{}()#+\-.!|<>])/gu, '$1');
}

if (!values['no-devset'] && !values.speed) {
  const splits = values.split === 'all' ? (['tune', 'test'] as const) : [values.split as 'tune' | 'test'];
  for (const split of splits) {
    let cases;
    try {
      cases = loadCases('pdf', split).filter((c) => !values.only || c.name.includes(values.only));
    } catch (error) {
      console.log(`PDF set not found (${error instanceof Error ? error.message : error}); run npm run devset.`);
      break;
    }
    const t = { truth: 0, candidate: 0, matched: 0, paragraphs: 0, reproduced: 0, cut: 0, merged: 0, furniture: 0, pages: 0, ms: 0 };
    console.log(`\nPDF set, ${split}: ${cases.length} cases`);
    for (const c of cases) {
      const start = performance.now();
      const { markdown, pages } = await readAndRepair(new Uint8Array(readFileSync(c.pdf)), c.pdf, lexicon);
      const ms = performance.now() - start;
      const candidate = plain(markdown);
      const w = wordScores(candidate, c.truth);
      const p = paragraphScores(candidate, c.truth);
      const f = furnitureLeft(candidate, c.meta.furniture, c.truth).reduce((n, h) => n + h.count, 0);
      Object.assign(t, {
        truth: t.truth + w.truthWords,
        candidate: t.candidate + w.candidateWords,
        matched: t.matched + w.matched,
        paragraphs: t.paragraphs + p.truthParagraphs,
        reproduced: t.reproduced + p.reproduced,
        cut: t.cut + p.cut,
        merged: t.merged + p.merged,
        furniture: t.furniture + f,
        pages: t.pages + pages,
        ms: t.ms + ms,
      });
      if (values.cases) {
        console.log(`  ${c.name.padEnd(58)} recall ${pct(w.matched, w.truthWords).padStart(8)}  precision ${pct(w.matched, w.candidateWords).padStart(8)}  paragraphs ${pct(p.reproduced, p.truthParagraphs).padStart(8)}  cut ${String(p.cut).padStart(3)}  furniture ${f}`);
        const shown = Number(values.examples ?? 3);
        for (const m of w.missed.slice(0, shown)) console.log(`      missed: ${m.context.slice(0, 140)}`);
        for (const e of w.extra.slice(0, shown)) console.log(`      extra:  ${e.context.slice(0, 140)}`);
        for (const x of p.examples.filter((e) => e.kind === 'cut' || (process.env.FOLIO_EXAMPLES && e.kind === 'merged')).slice(0, Number(values.examples ?? process.env.FOLIO_EXAMPLES ?? 2))) console.log(`      ${x.kind.padEnd(7)} ${x.context.slice(0, 140)}`);
      }
    }
    console.log(
      `${split.padEnd(5)} words: recall ${pct(t.matched, t.truth)}  precision ${pct(t.matched, t.candidate)}  (${t.truth} truth words)` +
        `  paragraphs reproduced ${pct(t.reproduced, t.paragraphs)}  cut mid-sentence ${t.cut}  merged ${t.merged}  furniture words left ${t.furniture}` +
        `  — ${t.pages} pages in ${(t.ms / 1000).toFixed(1)} s`,
    );
  }
}

if (!values['no-resolution'] && !values.speed) {
  const sources = path.join(import.meta.dirname, '..', 'sources');
  const texts = readdirSync(sources).filter((f) => f.endsWith('.txt')).map((f) => [f, readFileSync(path.join(sources, f), 'utf8')] as const);
  const resolution = 'parlement-europeen-resolution-partenariats.txt';
  const text = texts.find(([f]) => f === resolution)![1];
  const clean = normalizeText(text, resolution, { lexicon, corpus: buildCorpusStats(texts.map(([, t]) => t)) }).markdown;
  const expected = (JSON.parse(readFileSync(path.join(import.meta.dirname, '..', 'tests', 'fixtures', 'corpus', 'resolution-bold.json'), 'utf8')) as { phrases: string[] }).phrases;
  const session = await openBrowser();
  try {
    console.log(`\nThe resolution, printed and read back (${expected.length} bold phrases):`);
    for (const variant of [
      { label: 'real bold faces, one column', options: { bold: 'real', columns: 1 } },
      { label: 'synthesized bold, two columns', options: { bold: 'synthetic', columns: 2 } },
    ] as const) {
      const pdf = await printMarkdown(session, clean, { ...variant.options, runningHead: 'Partenariats de l’Union — résolution', hyphenate: true });
      const { markdown } = await readAndRepair(pdf, 'resolution.pdf', lexicon);
      if (process.env.FOLIO_DEBUG) console.log(markdown.slice(0, 500));
      const bold = boldPhrases(markdown);
      const exact = bold.filter((b, i) => b === expected[i]).length;
      const extra = bold.filter((b) => !expected.includes(b)).length;
      const w = wordScores(plain(markdown), clean);
      console.log(
        `  ${variant.label.padEnd(32)} bold phrases exactly: ${exact}/${expected.length}, extra bold: ${extra}, identical list: ${JSON.stringify(bold) === JSON.stringify(expected)}` +
          `  words: recall ${pct(w.matched, w.truthWords)} precision ${pct(w.matched, w.candidateWords)}`,
      );
      for (const m of w.missed.slice(0, 3)) console.log(`      missed: ${m.context.slice(0, 140)}`);
      for (const e of w.extra.slice(0, 3)) console.log(`      extra:  ${e.context.slice(0, 140)}`);
    }
  } finally {
    await session.close();
  }
}

if (values.speed) {
  // Read, then repaired as `folio normalize` does; the peak is the kernel's count of the
  // process's resident memory (a timer would not see the peaks of synchronous work).
  const bytes = new Uint8Array(readFileSync(values.speed));
  const mib = (kib: number): number => Math.round(kib / 1024);
  const before = process.resourceUsage().maxRSS;
  const start = performance.now();
  const reading = await readPdf(bytes, values.speed, { lexicon });
  const read = (performance.now() - start) / 1000;
  const afterRead = process.resourceUsage().maxRSS;
  normalizeText(reading.text, values.speed, { lexicon, format: 'markdown', locator: reading.locator, meta: reading.meta });
  const repaired = (performance.now() - start) / 1000 - read;
  const cpu = process.cpuUsage();
  console.log(
    `\n${values.speed}: ${reading.pageCount} pages read in ${read.toFixed(1)} s (${(reading.pageCount / read).toFixed(0)} pages/s), ` +
      `repaired in ${repaired.toFixed(1)} s; ${Math.round(reading.text.length / 1024)} KiB of Markdown; ` +
      `peak resident memory ${mib(afterRead)} MiB after reading, ${mib(process.resourceUsage().maxRSS)} MiB after repairing (${mib(before)} MiB before); ` +
      `process CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s (a busy machine stretches the wall-clock times, not this)`,
  );
}
