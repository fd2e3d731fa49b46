/**
 * Measures the repairs on real PDF extractions: each case of the PDF development set (a French
 * manual's chapter as a PDF, what `pdftotext` gives of it, and the true text from the manual's
 * HTML) is repaired by Folio and compared word by word and paragraph by paragraph with the truth,
 * beside the raw extraction. Tune and test parts are printed apart: tune on one, report the other.
 *
 *   FOLIO_DEVSET=/work/devset npm run measure:pdf -- [--split tune|test|all] [--case NAME] [--verbose] [--layout]
 *
 * Per case and in total (words summed over the cases): word recall and precision, page-furniture
 * lines left, paragraphs cut in the middle of a sentence, paragraphs merged — for the raw input and
 * for the repair. `--verbose` prints the missed and extra words and the cuts of each case;
 * `--layout` measures `pdftotext -layout` inputs instead of the default mode.
 *
 * The set is built by `scripts/devset/` (`npm run devset`); the comparison is its `compare.ts`.
 */
import { parseArgs } from 'node:util';
import { loadFrenchLexicon } from '../src/language/fr/lexicon.ts';
import { normalizeText } from '../src/repair/pipeline.ts';
import { furnitureLeft, loadCases, paragraphScores, wordScores, type PdfCase } from './devset/compare.ts';

const { values } = parseArgs({
  options: {
    split: { type: 'string', default: 'all' },
    case: { type: 'string' },
    verbose: { type: 'boolean', default: false },
    layout: { type: 'boolean', default: false },
  },
});
const split = values.split as 'tune' | 'test' | 'all';
if (!['tune', 'test', 'all'].includes(split)) throw new Error(`--split must be tune, test or all, not ${values.split}`);

interface Row {
  name: string;
  truthWords: number;
  raw: Figures;
  repaired: Figures;
  ms: number;
}

interface Figures {
  matched: number;
  candidateWords: number;
  recall: number;
  precision: number;
  furniture: number;
  cut: number;
  merged: number;
}

function figures(candidate: string, c: PdfCase): Figures & { detail: ReturnType<typeof wordScores>; paragraphs: ReturnType<typeof paragraphScores>; left: ReturnType<typeof furnitureLeft> } {
  const w = wordScores(candidate, c.truth);
  const p = paragraphScores(candidate, c.truth);
  const left = furnitureLeft(candidate, c.meta.furniture, c.truth);
  return {
    matched: w.matched,
    candidateWords: w.candidateWords,
    recall: w.recall,
    precision: w.precision,
    furniture: left.reduce((n, h) => n + h.count, 0),
    cut: p.cut,
    merged: p.merged,
    detail: w,
    paragraphs: p,
    left,
  };
}

const lexicon = await loadFrenchLexicon();
const cases = loadCases('pdf', split).filter((c) => !values.case || c.name.includes(values.case));
if (cases.length === 0) throw new Error('no case matches');

const rows: Row[] = [];
for (const c of cases) {
  const input = values.layout ? (c.inputLayout ?? c.input) : c.input;
  const t0 = performance.now();
  const result = normalizeText(input, `${c.name}/input.txt`, { lexicon });
  const ms = performance.now() - t0;
  // The document's title moves to its front matter; it is part of the text a reader gets.
  const repairedText = `${result.meta.title ? `# ${result.meta.title}\n\n` : ''}${result.markdown}`;
  const raw = figures(input, c);
  const repaired = figures(repairedText, c);
  rows.push({ name: c.name, truthWords: repaired.detail.truthWords, raw, repaired, ms });
  if (values.verbose) {
    console.log(`\n=== ${c.name} (${c.split})`);
    for (const m of repaired.detail.missed) console.log(`  missed: ${m.context}`);
    for (const e of repaired.detail.extra) console.log(`  extra:  ${e.context}`);
    for (const x of repaired.paragraphs.examples) console.log(`  ${x.kind}: ${x.context}`);
    for (const h of repaired.left) console.log(`  furniture left: “${h.furniture}” ×${h.count}`);
  }
}

const pct = (x: number): string => `${(100 * x).toFixed(2)}%`.padStart(7);
const num = (x: number): string => String(x).padStart(4);

function printPart(part: 'tune' | 'test'): void {
  const mine = rows.filter((r) => cases.find((c) => c.name === r.name)!.split === part);
  if (mine.length === 0) return;
  console.log(`\n${part.toUpperCase()} (${mine.length} cases)`);
  console.log(`${'case'.padEnd(66)} words |  raw rec   prec furn  cut  mrg | repaired rec   prec furn  cut  mrg`);
  const line = (name: string, words: number, raw: Figures, rep: Figures): string =>
    `${name.padEnd(66)} ${String(words).padStart(5)} | ${pct(raw.recall)} ${pct(raw.precision)} ${num(raw.furniture)} ${num(raw.cut)} ${num(raw.merged)} |  ${pct(rep.recall)} ${pct(rep.precision)} ${num(rep.furniture)} ${num(rep.cut)} ${num(rep.merged)}`;
  for (const r of mine) console.log(line(r.name, r.truthWords, r.raw, r.repaired));
  const total = (pick: (r: Row) => Figures): Figures => {
    const sum = (f: (x: Figures) => number): number => mine.reduce((n, r) => n + f(pick(r)), 0);
    const truth = mine.reduce((n, r) => n + r.truthWords, 0);
    return {
      matched: sum((x) => x.matched),
      candidateWords: sum((x) => x.candidateWords),
      recall: sum((x) => x.matched) / truth,
      precision: sum((x) => x.matched) / sum((x) => x.candidateWords),
      furniture: sum((x) => x.furniture),
      cut: sum((x) => x.cut),
      merged: sum((x) => x.merged),
    };
  };
  console.log(line('TOTAL', mine.reduce((n, r) => n + r.truthWords, 0), total((r) => r.raw), total((r) => r.repaired)));
}

printPart('tune');
printPart('test');
const ms = rows.reduce((n, r) => n + r.ms, 0);
console.log(`\nrec/prec: word recall and precision against the truth; furn: page-furniture lines left; cut: paragraphs cut in the middle of a sentence; mrg: paragraph breaks of the truth missing. Repairs took ${Math.round(ms)} ms for ${rows.length} cases.`);
