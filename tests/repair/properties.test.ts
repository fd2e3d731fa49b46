/**
 * Properties of the repairs, checked with fast-check on texts the repairs have never seen:
 * clean paragraphs of one source, damaged by the generator of `tests/helpers/damage.ts`, repaired
 * with word statistics drawn from the other sources only (or none). Quality figures are not
 * tested here: `npm run measure:repairs` prints them.
 */
import fc from 'fast-check';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCorpusStats } from '../../src/language/corpus.ts';
import { loadFrenchLexicon, type Lexicon } from '../../src/language/fr/lexicon.ts';
import { normalizeText, passes, runPasses } from '../../src/repair/pipeline.ts';
import { damageParagraph, lettersOf, seeded } from '../helpers/damage.ts';

const sources = path.join(import.meta.dirname, '..', '..', 'sources');
const cleanFile = 'ue-otan-onzieme-rapport-etape.txt';
const texts = Object.fromEntries(readdirSync(sources).filter((f) => f.endsWith('.txt')).map((f) => [f, readFileSync(path.join(sources, f), 'utf8')]));
const others = Object.entries(texts).filter(([f]) => f !== cleanFile).map(([, t]) => t);
const paragraphs = texts[cleanFile]!.split(/\n\s*\n/u).map((p) => p.trim().replace(/'/gu, '’')).filter((p) => p.length > 300);
const boldPass = passes.filter((p) => p.id === 'escape-markdown' || p.id === 'displaced-bold');
let lexicon: Lexicon;

beforeAll(async () => {
  lexicon = await loadFrenchLexicon();
});

/** A damaged text of one to four paragraphs, from a seed, with the indices of its damaged lines. */
function damagedText(seed: number, boldRate: number): { text: string; damagedLines: Set<number> } {
  const random = seeded(seed);
  const sample = paragraphs.filter(() => random() < 0.3).slice(0, 4);
  const damaged = (sample.length ? sample : [paragraphs[seed % paragraphs.length]!]).map((p) =>
    damageParagraph(p, random, { width: 80 + Math.floor(random() * 40), boldRate, trailingSpace: 0.2 }),
  );
  const damagedLines = new Set<number>();
  let offset = 0;
  for (const d of damaged) {
    for (const i of d.damagedLines) damagedLines.add(offset + i);
    offset += d.damaged.split('\n').length + 1;
  }
  return { text: `${damaged.map((d) => d.damaged).join('\n\n')}\n`, damagedLines };
}

describe('displaced bold, on damage it has never seen', () => {
  it('never loses or adds a letter', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.double({ min: 0.01, max: 0.08, noNaN: true }), (seed, rate) => {
        const { text } = damagedText(seed, rate);
        const out = runPasses(boldPass, text, 'd.txt', { lexicon, corpus: buildCorpusStats([...others, text]) }).markdown;
        expect(lettersOf(out)).toBe(lettersOf(text));
      }),
      { numRuns: 12 },
    );
  }, 120_000);

  it('leaves a clean hard-wrapped text as it is, whatever its width and stray spaces', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), (seed) => {
        const random = seeded(seed);
        // No bold at all: wrapping, trailing spaces and double spaces after full stops only.
        const { text } = damagedText(seed, 0);
        const noisy = text.replace(/\. /gu, () => (random() < 0.3 ? '.  ' : '. '));
        const escaped = runPasses(boldPass.slice(0, 1), noisy, 'c.txt', { lexicon }).markdown;
        const out = runPasses(boldPass, noisy, 'c.txt', { lexicon, corpus: buildCorpusStats([...others, noisy]), repairs: 'auto' }).markdown;
        expect(out).toBe(escaped);
      }),
      { numRuns: 20 },
    );
  }, 120_000);

  it('changes no line the damage left as it was (fixed seeds)', () => {
    for (let seed = 1; seed <= 15; seed++) {
      const { text, damagedLines } = damagedText(seed, 0.03);
      const escaped = runPasses(boldPass.slice(0, 1), text, 'd.txt', { lexicon }).markdown.split('\n');
      const out = runPasses(boldPass, text, 'd.txt', { lexicon }).markdown.split('\n');
      // Line breaks stay where they are: the repair moves text within lines, never across them.
      expect(out).toHaveLength(escaped.length);
      escaped.forEach((line, i) => {
        if (!damagedLines.has(i)) expect(out[i]!.replace(/\*\*/gu, ''), `seed ${seed}, line ${i + 1}`).toBe(line);
      });
    }
  }, 120_000);
});

describe('normalizing', () => {
  it('is idempotent on the five sources', () => {
    const corpus = buildCorpusStats(Object.values(texts));
    for (const [file, text] of Object.entries(texts)) {
      const once = normalizeText(text, file, { lexicon, corpus }).markdown;
      expect(normalizeText(once, file, { lexicon, corpus }).markdown, file).toBe(once);
    }
  });

  it('is idempotent on damaged texts', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), (seed) => {
        const { text } = damagedText(seed, 0.04);
        const corpus = buildCorpusStats([...others, text]);
        const once = normalizeText(text, 'd.txt', { lexicon, corpus }).markdown;
        expect(normalizeText(once, 'd.txt', { lexicon, corpus }).markdown).toBe(once);
      }),
      { numRuns: 12 },
    );
  }, 120_000);
});
