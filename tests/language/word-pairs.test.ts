/**
 * General-French word pairs (`word-pairs.ts`): the table's format, the shipped table loaded with
 * the lexicon, and the model scoring a reading that keeps a frequent pair above one that splits it.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFrenchLexicon, type Lexicon } from '../../src/language/fr/lexicon.ts';
import { createFrenchModel } from '../../src/language/fr/model.ts';
import { sentenceTokens } from '../../src/language/fr/tokens.ts';
import { loadWordPairs, parseWordPairs } from '../../src/language/fr/word-pairs.ts';

const table = ['# an invented table', '@total\t40', '@vocabulary\t6', 'total\t3', 'chat\t5', 'noir\t4', 'chat noir\t3', 'le chat\t2', ''].join('\n');

describe('the word-pair table', () => {
  it('reads counts of words and pairs, and totals no word can overwrite', () => {
    const stats = parseWordPairs(table);
    expect(stats.total).toBe(40);
    expect(stats.vocabulary).toBe(6);
    expect(stats.count('total')).toBe(3);
    expect(stats.count('chat')).toBe(5);
    expect(stats.pairCount('chat', 'noir')).toBe(3);
    expect(stats.pairCount('noir', 'chat')).toBe(0);
    expect(stats.tripleCount('le', 'chat', 'noir')).toBe(0);
  });

  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'folio-pairs-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('loads a gzipped table, and gives nothing for a missing or broken file', async () => {
    await writeFile(path.join(dir, 'ok.tsv.gz'), gzipSync(Buffer.from(table, 'utf8')));
    await writeFile(path.join(dir, 'broken.tsv.gz'), 'not gzip');
    expect((await loadWordPairs(path.join(dir, 'ok.tsv.gz')))?.pairCount('le', 'chat')).toBe(2);
    expect(await loadWordPairs(path.join(dir, 'broken.tsv.gz'))).toBeUndefined();
    expect(await loadWordPairs(path.join(dir, 'none.tsv.gz'))).toBeUndefined();
  });
});

describe('the shipped table', () => {
  let lexicon: Lexicon;
  beforeAll(async () => {
    lexicon = await loadFrenchLexicon();
  });

  it('comes with the lexicon and holds the pairs of ordinary French', () => {
    const pairs = lexicon.wordPairs!;
    expect(pairs.total).toBeGreaterThan(100_000);
    expect(pairs.pairCount('à', 'partir')).toBeGreaterThan(pairs.pairCount('partir', 'à'));
    expect(pairs.pairCount('mise', 'à')).toBeGreaterThan(0);
  });

  it('makes the model prefer the reading that keeps a frequent pair together', () => {
    const score = (model: ReturnType<typeof createFrenchModel>, s: string): number => model.score(sentenceTokens(s));
    const withPairs = createFrenchModel({ lexicon, general: lexicon.wordPairs });
    const without = createFrenchModel({ lexicon });
    const together = 'il fait la mise à jour du système chaque soir';
    const apart = 'il fait la mise du système à jour chaque soir';
    expect(score(withPairs, together) - score(withPairs, apart)).toBeGreaterThan(score(without, together) - score(without, apart));
  });
});
