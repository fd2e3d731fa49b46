/**
 * Derives the class-transition table of the French language model
 * (`src/language/fr/class-transitions.json`) from French prose: the TUNE part of the
 * development set only, never its test part. Expectation–maximization over the lexicon's
 * readings (see `estimateClassModel`); what it learns is how French orders word classes
 * (article → noun, infinitive → article…), one number per pair of classes, nothing of any text.
 *
 *   npx tsx scripts/derive-class-transitions.ts [--set /work/devset/prose/tune.jsonl] [--iterations 12]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { classNames, estimateClassModel, readingsOf, STOP } from '../src/language/fr/classes.ts';
import { loadFrenchLexicon } from '../src/language/fr/lexicon.ts';
import { sentenceTokens } from '../src/language/fr/tokens.ts';

const { values } = parseArgs({
  options: {
    set: { type: 'string', multiple: true, default: ['/work/devset/prose/tune.jsonl'] },
    iterations: { type: 'string', default: '12' },
  },
});
if (values.set!.some((f) => /test/u.test(path.basename(f)))) throw new Error('The class table is derived from the tune part only.');
const lexicon = await loadFrenchLexicon();
const paragraphs = values.set!.flatMap((f) =>
  readFileSync(f, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => (JSON.parse(l) as { text: string }).text),
);
const sequences = paragraphs.map((p) => {
  const tokens = sentenceTokens(p);
  return tokens.map((t, i) => readingsOf(t, lexicon, i === 0 || readingsOf(tokens[i - 1]!, lexicon)[0]![0] === STOP));
});
const model = estimateClassModel(sequences, Number(values.iterations));
const round = (v: number): number => Number(v.toPrecision(4));
const out = {
  comment: `P(class | previous class) in French prose, by EM over the Lefff readings of ${sequences.reduce((n, s) => n + s.length, 0)} tokens of the development set's tune part (scripts/derive-class-transitions.ts).`,
  classes: classNames,
  prior: model.prior.map(round),
  transition: model.transition.map((row) => row.map(round)),
};
writeFileSync(path.join(import.meta.dirname, '..', 'src', 'language', 'fr', 'class-transitions.json'), `${JSON.stringify(out, null, 1)}\n`);
for (const [a, row] of model.transition.entries()) {
  const top = row.map((p, b) => [classNames[b], p] as const).sort((x, y) => y[1] - x[1]).slice(0, 5);
  console.log(classNames[a]!.padEnd(8), top.map(([n, p]) => `${n} ${(100 * p).toFixed(0)}`).join('  '));
}
