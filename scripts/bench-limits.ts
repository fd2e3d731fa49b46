/**
 * How long hostile or broken input takes, from the text to the final HTML (repairs, Markdown
 * parsing, HTML, typography and hyphenation), without a browser: deep nesting (2,000 levels of
 * block quotes or lists, in the shapes an attacker or a broken export writes), a long paragraph,
 * a large ordinary text. Prints numbers, asserts nothing.
 *
 *   npx tsx scripts/bench-limits.ts [--depth 2000] [--runs 3]
 */
import { parseArgs } from 'node:util';
import { transformHtml } from '../src/assemble/final-html.ts';
import { markdownToHtml } from '../src/assemble/markdown-to-html.ts';
import { createLexicon } from '../src/language/fr/lexicon.ts';
import { typographyTransforms } from '../src/pipeline/assemble-stage.ts';
import { normalizeText } from '../src/repair/pipeline.ts';
import { parseMarkdown } from '../src/sources/markdown.ts';

const { values } = parseArgs({ options: { depth: { type: 'string', default: '2000' }, runs: { type: 'string', default: '3' } } });
const depth = Number(values.depth);
const runs = Number(values.runs);
const sentence = 'Une phrase ordinaire de la note, qui dit une chose et passe à la suivante. ';

const inputs: Record<string, string> = {
  [`${depth} quotes on one line`]: `${'>'.repeat(depth)} une citation enfouie\n`,
  [`${depth} list markers on one line`]: `${'- '.repeat(depth)}un élément enfoui\n`,
  [`20 lines of ${depth} quotes`]: Array.from({ length: 20 }, (_, i) => `${'>'.repeat(depth)} ligne ${i}`).join('\n') + '\n',
  [`a staircase of ${Math.min(depth, 500)} items`]: Array.from({ length: Math.min(depth, 500) }, (_, i) => `${'  '.repeat(i)}- élément ${i}`).join('\n') + '\n',
  'a paragraph of 90,000 characters': `${sentence.repeat(Math.floor(90_000 / sentence.length))}\n`,
  '1 MB of ordinary paragraphs': Array.from({ length: Math.floor(1_000_000 / (sentence.length * 4)) }, () => sentence.repeat(4)).join('\n\n') + '\n',
};

const lexicon = createLexicon(['une', 'phrase', 'note']);
const ms = (t: number): string => `${Math.round(t)}`.padStart(7);
console.log(`${'input'.padEnd(36)} ${'bytes'.padStart(9)} ${'repair'.padStart(7)} ${'parse'.padStart(7)} ${'html'.padStart(7)} ${'typo'.padStart(7)}  (ms, best of ${runs})`);
for (const [name, body] of Object.entries(inputs)) {
  const text = `Un titre\n\n${body}`;
  const best = [Infinity, Infinity, Infinity, Infinity];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    const repaired = normalizeText(text, 'x.txt', { lexicon });
    const t1 = performance.now();
    const tree = parseMarkdown(repaired.markdown);
    const t2 = performance.now();
    const { html } = markdownToHtml(tree, 'x');
    const t3 = performance.now();
    transformHtml(`<!DOCTYPE html><html lang="fr"><head><title>x</title></head><body>${html}</body></html>`, typographyTransforms('fr'));
    const t4 = performance.now();
    [t1 - t0, t2 - t1, t3 - t2, t4 - t3].forEach((t, i) => (best[i] = Math.min(best[i]!, t)));
  }
  console.log(`${name.padEnd(36)} ${String(Buffer.byteLength(text)).padStart(9)} ${best.map(ms).join(' ')}`);
}
