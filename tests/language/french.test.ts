/**
 * The French knowledge the repairs use: the lexicon's morphology and frequencies, agreement,
 * elision, and the cache the expanded data lives in.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { degreePenalty, junctionPenalty } from '../../src/language/fr/agreement.ts';
import { cacheDirectory, readCacheEntry, writeCacheEntry } from '../../src/language/fr/cache.ts';
import { elisionBeforeConsonant, missingElision, splitElision } from '../../src/language/fr/elision.ts';
import { loadFrenchLexicon, type Lexicon } from '../../src/language/fr/lexicon.ts';
import { createFrenchModel } from '../../src/language/fr/model.ts';
import { createLocutions, locutionsOfLefff } from '../../src/language/fr/locutions.ts';
import { incompleteNegation } from '../../src/language/fr/negation.ts';
import * as T from '../../src/language/fr/tags.ts';
import { sentenceTokens } from '../../src/language/fr/tokens.ts';

let lexicon: Lexicon;
beforeAll(async () => {
  lexicon = await loadFrenchLexicon();
});

describe('the lexicon', () => {
  it('knows part of speech, gender and number', () => {
    expect(lexicon.tags('tortues') & (T.NOUN | T.FEM | T.PLUR)).toBe(T.NOUN | T.FEM | T.PLUR);
    expect(lexicon.tags('jardin') & (T.NOUN | T.MASC | T.SING)).toBe(T.NOUN | T.MASC | T.SING);
    expect(lexicon.tags('mangeait') & (T.VERB | T.P3S)).toBe(T.VERB | T.P3S);
    expect(lexicon.tags('dormir') & T.INFINITIVE).toBe(T.INFINITIVE);
    expect(lexicon.tags('la') & T.DET).toBe(T.DET);
  });

  it('tells words from glued pairs, and common words from rare ones', () => {
    expect(lexicon.has('pour')).toBe(true);
    expect(lexicon.has('pourla')).toBe(false);
    expect(lexicon.has('l’arbre')).toBe(true);
    expect(lexicon.logFrequency('maison')).toBeGreaterThan(lexicon.logFrequency('tamanoir'));
    expect(lexicon.logFrequency('tamanoir')).toBeGreaterThan(lexicon.logFrequency('pourla'));
  });
});

describe('agreement and elision', () => {
  it('penalizes an article that does not agree with its noun, whatever a corpus says', () => {
    expect(junctionPenalty('la', 'tortues', lexicon)).toBeGreaterThan(0);
    expect(junctionPenalty('les', 'jardin', lexicon)).toBeGreaterThan(0);
    expect(junctionPenalty('les', 'tortues', lexicon)).toBe(0);
    expect(junctionPenalty('ils', 'mangeait', lexicon)).toBeGreaterThan(0);
    expect(junctionPenalty('il', 'mangeait', lexicon)).toBe(0);
  });

  it('makes the article agree with its adjective across an adverb of degree', () => {
    expect(degreePenalty('les', 'plus', 'grande', lexicon)).toBeGreaterThan(0);
    expect(degreePenalty('les', 'plus', 'grandes', lexicon)).toBe(0);
    expect(degreePenalty('les', 'fleurs', 'grande', lexicon)).toBe(0);
  });

  it('knows where French elides', () => {
    expect(elisionBeforeConsonant('l’', 'table')).toBe(true);
    expect(elisionBeforeConsonant('l’', 'arbre')).toBe(false);
    expect(missingElision('de', 'abord')).toBe(true);
    expect(missingElision('de', 'hibou')).toBe(false);
    expect(splitElision('jusqu’ici')).toEqual(['jusqu’', 'ici']);
    expect(sentenceTokens('L’arbre, dit-il.')).toEqual(['L’', 'arbre', ',', 'dit-il', '.']);
  });

  it('prefers French word order, with no text of the edition to go by', () => {
    const model = createFrenchModel({ lexicon });
    const score = (s: string): number => model.score(sentenceTokens(s));
    expect(score('Le chat dort sur la table.')).toBeGreaterThan(score('Le dort chat la sur table.'));
    expect(score('Il faut installer le paquet.')).toBeGreaterThan(score('Il faut le installer paquet.'));
  });

  it('puts an article after `tous` and `toute`, never after another determiner', () => {
    const model = createFrenchModel({ lexicon });
    const score = (s: string): number => model.score(sentenceTokens(s));
    // The same words in two orders: only the determiner before the article differs.
    expect(score('Nous lisons plusieurs lettres et tous les avis.')).toBeGreaterThan(score('Nous lisons tous lettres et plusieurs les avis.'));
    expect(score('Elle visite quelques villes et toute la région.')).toBeGreaterThan(score('Elle visite toute villes et quelques la région.'));
    expect(score('Ils ont plusieurs les maisons.')).toBeLessThan(score('Ils ont tous les maisons.'));
  });
});

describe('locutions and negation', () => {
  it('reads the Lefff’s locutions, with the contractions of `de` and `à`, and leaves names and function words alone', () => {
    const lefff = ['à peu près\tadv\tà peu près\t', 'en bas de\tprep\ten bas de\t', 'plus de\tdet\tplus de\t', 'Mont Blanc\tnp\tMont Blanc\t', 'jardin\tnc\tjardin\tms'].join('\n');
    expect(locutionsOfLefff(lefff).sort()).toEqual(['en bas de', 'en bas des', 'en bas du', 'à peu près']);
  });

  it('finds the longest locution starting at a token', () => {
    const locutions = createLocutions(['à peu près', 'en bas de', 'en bas du']);
    const tokens = sentenceTokens('posé en bas du mur à peu de frais').map((t) => t.toLowerCase());
    expect(locutions.longestAt(tokens, 1)).toBe(3);
    expect(locutions.longestAt(tokens, 5)).toBe(0);
    expect(lexicon.locutions.longestAt(sentenceTokens('il sait à peu près tout').map((t) => t.toLowerCase()), 2)).toBe(3);
  });

  it('keeps a reading with its locution whole above one that cuts it', () => {
    const model = createFrenchModel({ lexicon });
    const score = (s: string): number => model.score(sentenceTokens(s));
    expect(score('La lampe est posée en bas du mur, près de la porte.')).toBeGreaterThan(score('La lampe est posée en du mur bas, près de la porte.'));
  });

  it('knows a `ne` without its second half, and that `n’importe` needs none', () => {
    const tokens = (s: string): string[] => sentenceTokens(s).map((t) => t.toLowerCase());
    expect(incompleteNegation(tokens('il ne dort pas'), 1)).toBe(false);
    expect(incompleteNegation(tokens('il ne dort guère'), 1)).toBe(false);
    expect(incompleteNegation(tokens('il ne dort dans le jardin'), 1)).toBe(true);
    expect(incompleteNegation(tokens('elle lit n’importe quel livre'), 2)).toBe(false);
  });

  it('tells which words may follow one another', () => {
    const model = createFrenchModel({ lexicon });
    expect(model.mayFollow('la', 'table')).toBe(true);
    expect(model.mayFollow('la', 'tables')).toBe(false);
    expect(model.mayFollow('l’', 'table')).toBe(false);
  });
});

describe('the cache folder', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const d of dirs) await rm(d, { recursive: true, force: true });
  });

  it('is the user’s, not the current folder’s', () => {
    expect(cacheDirectory({ FOLIO_CACHE_DIR: '/x/y' })).toBe('/x/y');
    expect(cacheDirectory({ XDG_CACHE_HOME: '/c' })).toBe(path.join('/c', 'folio'));
    expect(cacheDirectory({})).toMatch(/\.cache[/\\]folio$/u);
  });

  it('writes entries whole, and a folder that cannot be written is no error', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'folio-cache-'));
    dirs.push(dir);
    expect(await writeCacheEntry(dir, 'a.bin', new Uint8Array([1, 2, 3]))).toBe(true);
    expect([...(await readCacheEntry(dir, 'a.bin'))!]).toEqual([1, 2, 3]);
    expect(await readdir(dir)).toEqual(['a.bin']);
    // A cache folder that cannot be made (here: under a file, which stops even root).
    expect(await writeCacheEntry(path.join(dir, 'a.bin', 'sub'), 'b.bin', new Uint8Array([4]))).toBe(false);
    expect(await readdir(dir)).toEqual(['a.bin']);
    expect(await readCacheEntry(path.join(dir, 'missing'), 'c.bin')).toBeUndefined();
  });
});
