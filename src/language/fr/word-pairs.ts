/**
 * General-French word pairs: how often French prose writes one token after another, the base
 * statistics of the language model when a text is repaired alone (`folio normalize` with no
 * edition), with an edition's own pairs on top. Exposed as a `CorpusStats`, like an edition's, so
 * the model scores both the same way — each with its own weight (`model.ts`): adding the counts
 * together (`combined`) did as well on the tune part but leaves no weight to set.
 *
 * Where the table comes from (`word-pairs.tsv.gz`, made by `scripts/derive-word-pairs.ts`): the
 * French prose of Debian manuals installed on the development machine — the LibreOffice help
 * (about half the tokens), the French manual pages (`manpages-fr`, formatted by groff), the
 * installation guide, the Debian administrator's handbook, the Debian history, the KiCad manuals —
 * paragraphs only (no code, tables or navigation), about 880 000 tokens. Why this source: the
 * registry ships no French word pairs (frequency lists give words alone, the Lefff gives forms),
 * and these manuals are edited, translated French under free licences, large enough for the pairs
 * of ordinary phrases (`en ligne`, `à partir de`, `mise à jour`). None of them is in the
 * development set's prose, whose packages are kept apart so that its figures stay honest.
 *
 * Its limits: technical prose — software, menus, commands, installation — so its pairs lean to that
 * register (`cliquez sur`, `ligne de commande`) and know little of law, politics or narrative; the
 * untranslated English paragraphs of some manuals are left out, not replaced. Pairs seen fewer
 * than three times are dropped, so a rare pair says nothing (the model only rewards pairs, never
 * punishes their absence, and caps what one pair adds). Triples are not kept: the table answers
 * 0 for them.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { packageDir } from '../../package.ts';
import type { CorpusStats } from '../corpus.ts';

/** The shipped table (under `src/`, which the package includes; read from the same place once compiled). */
export const wordPairsFile = path.join(packageDir, 'src', 'language', 'fr', 'word-pairs.tsv.gz');

/**
 * Parses the table: comment lines (`#`), `@total` and `@vocabulary` (no token starts with `@`), then `token<TAB>count` and
 * `a b<TAB>count` lines.
 * @param text the decompressed table
 */
export function parseWordPairs(text: string): CorpusStats {
  const counts = new Map<string, number>();
  let total = 0;
  let vocabulary = 0;
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const tab = line.lastIndexOf('\t');
    const key = line.slice(0, tab);
    const n = Number(line.slice(tab + 1));
    if (key === '@total') total = n;
    else if (key === '@vocabulary') vocabulary = n;
    else counts.set(key, n);
  }
  return {
    count: (w) => counts.get(w) ?? 0,
    pairCount: (a, b) => counts.get(`${a} ${b}`) ?? 0,
    tripleCount: () => 0,
    total,
    vocabulary,
  };
}

/**
 * Reads the shipped table.
 * @returns its statistics, or undefined when the file is missing or unreadable (the model then
 *   goes on with the lexicon's knowledge alone)
 */
export async function loadWordPairs(file: string = wordPairsFile): Promise<CorpusStats | undefined> {
  try {
    return parseWordPairs(gunzipSync(await readFile(file)).toString('utf8'));
  } catch {
    return undefined;
  }
}
