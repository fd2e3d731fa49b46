/**
 * Where the repairs start: the scores of the RAW input and of Folio's current repair
 * (`normalizeText` with the French lexicon) on the development sets, per kind and split.
 * Prints numbers; never fails on a bad score.
 *
 *   npx tsx scripts/devset/baseline.ts [--split tune|test|all] [--kind pdf|prose|all] [--cases]
 *
 * PDF set: input.txt against truth.md — word recall and precision (micro-averaged over the words
 * of all cases), truth paragraphs reproduced, cuts (a break in the middle of a sentence), merges,
 * and furniture lines left. Prose set: each paragraph as it is, through the repair — a clean text
 * should come out unchanged, so anything below 100 % is damage done by the repair.
 */
import { parseArgs } from 'node:util';
import { loadFrenchLexicon } from '../../src/language/fr/lexicon.ts';
import { normalizeText } from '../../src/repair/pipeline.ts';
import { furnitureLeft, loadCases, paragraphScores, wordScores } from './compare.ts';

const { values } = parseArgs({
  options: {
    split: { type: 'string', default: 'all' },
    kind: { type: 'string', default: 'all' },
    cases: { type: 'boolean', default: false },
  },
});
const splits = values.split === 'all' ? (['tune', 'test'] as const) : [values.split as 'tune' | 'test'];
const lexicon = await loadFrenchLexicon();
const repair = (text: string, file: string): string => normalizeText(text, file, { lexicon }).markdown;
const pct = (n: number, d: number): string => (d ? `${((100 * n) / d).toFixed(2)} %` : '—');

interface Totals { truth: number; candidate: number; matched: number; paragraphs: number; reproduced: number; cut: number; merged: number; furniture: number; ms: number }
const zero = (): Totals => ({ truth: 0, candidate: 0, matched: 0, paragraphs: 0, reproduced: 0, cut: 0, merged: 0, furniture: 0, ms: 0 });

function line(label: string, t: Totals, withParagraphs: boolean): string {
  const words = `recall ${pct(t.matched, t.truth).padStart(8)}  precision ${pct(t.matched, t.candidate).padStart(8)}`;
  const paras = withParagraphs ? `  paragraphs ${pct(t.reproduced, t.paragraphs).padStart(8)}  cut ${String(t.cut).padStart(4)}  merged ${String(t.merged).padStart(4)}  furniture ${String(t.furniture).padStart(4)}` : '';
  return `${label.padEnd(34)} ${words}${paras}  (${(t.ms / 1000).toFixed(1)} s)`;
}

function add(t: Totals, candidate: string, truth: string, furniture: string[] | undefined, ms: number): Totals {
  const w = wordScores(candidate, truth);
  const one: Totals = { ...zero(), truth: w.truthWords, candidate: w.candidateWords, matched: w.matched, ms };
  if (furniture) {
    const p = paragraphScores(candidate, truth);
    Object.assign(one, { paragraphs: p.truthParagraphs, reproduced: p.reproduced, cut: p.cut, merged: p.merged });
    one.furniture = furnitureLeft(candidate, furniture, truth).reduce((n, h) => n + h.count, 0);
  }
  for (const k of Object.keys(t) as (keyof Totals)[]) t[k] += one[k];
  return one;
}

if (values.kind === 'all' || values.kind === 'pdf') {
  for (const split of splits) {
    const cases = loadCases('pdf', split);
    console.log(`\nPDF set, ${split}: ${cases.length} cases, ${cases.reduce((n, c) => n + c.meta.pages, 0)} pages`);
    for (const made of ['shipped', 'chrome', 'weasyprint', undefined] as const) {
      const raw = zero();
      const fixed = zero();
      for (const c of cases.filter((x) => !made || x.meta.made === made)) {
        const r = add(raw, c.input, c.truth, c.meta.furniture, 0);
        const start = performance.now();
        const repaired = repair(c.input, `${c.name}/input.txt`);
        const f = add(fixed, repaired, c.truth, c.meta.furniture, performance.now() - start);
        if (values.cases) {
          console.log(line(`  ${c.name.slice(0, 30)} raw`, r, true));
          console.log(line(`  ${c.name.slice(0, 30)} folio`, f, true));
        }
      }
      console.log(line(`${made ?? 'all'} — raw input`, raw, true));
      console.log(line(`${made ?? 'all'} — folio normalizeText`, fixed, true));
    }
  }
}

if (values.kind === 'all' || values.kind === 'prose') {
  for (const split of splits) {
    const cases = loadCases('prose', split);
    const fixed = zero();
    let changed = 0;
    for (const c of cases) {
      const start = performance.now();
      const out = repair(c.text, c.id);
      add(fixed, out, c.text, undefined, performance.now() - start);
      if (out.trim() !== c.text.trim()) changed++;
    }
    console.log(`\nProse set, ${split}: ${cases.length} clean paragraphs through normalizeText (should change nothing)`);
    console.log(line('folio normalizeText', fixed, false) + `  paragraphs changed ${changed}`);
  }
}
