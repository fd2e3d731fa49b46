/**
 * A French word list, to tell a real word (`pour`, `les`) from two words glued together
 * (`pourla`), and a hyphenated compound from a lost hyphen.
 *
 * The words come from `dictionary-fr` (Hunspell) expanded by `nspell`. That expansion takes
 * seconds, so the expanded list is cached under `node_modules/.cache/folio/`; the cache is keyed
 * by the dictionary's version and rebuilt when it changes. Elided forms (`l’`, `qu’`…) are not
 * stored: `has` strips the elision and looks up the rest.
 */
import { createRequire } from 'node:module';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';

export interface Lexicon {
  /** True when the word (any case, with or without an elided article) is a French word. */
  has(word: string): boolean;
}

const elision = /^(?:[cdjlmnst]|qu|jusqu|lorsqu|puisqu|quoiqu)['’](?=\p{L})/iu;

/** Builds a lexicon over a word list (used directly by tests with small lists). */
export function createLexicon(words: Iterable<string>): Lexicon {
  const set = words instanceof Set ? (words as Set<string>) : new Set(words);
  const lookup = (w: string): boolean => {
    if (set.has(w)) return true;
    const lower = w.toLocaleLowerCase('fr');
    if (lower !== w) {
      if (set.has(lower)) return true;
      const capital = lower.charAt(0).toLocaleUpperCase('fr') + lower.slice(1);
      if (capital !== w && set.has(capital)) return true;
    }
    return false;
  };
  return {
    has(word: string): boolean {
      const w = word.replace(/'/g, '’');
      if (!w) return false;
      if (lookup(w) || lookup(w.replace(/’/g, "'"))) return true;
      const m = elision.exec(w);
      return m ? lookup(w.slice(m[0].length)) : false;
    },
  };
}

let cached: Promise<Lexicon> | undefined;

/**
 * Loads the French lexicon once per process (from the cache when it is there).
 * @param cacheDir where to keep the expanded word list
 */
export function loadFrenchLexicon(cacheDir = defaultCacheDir()): Promise<Lexicon> {
  cached ??= load(cacheDir).catch((error: unknown) => {
    cached = undefined;
    throw error;
  });
  return cached;
}

function defaultCacheDir(): string {
  return path.join(process.cwd(), 'node_modules', '.cache', 'folio');
}

async function load(cacheDir: string): Promise<Lexicon> {
  const require = createRequire(import.meta.url);
  const pkgPath = path.join(path.dirname(require.resolve('dictionary-fr')), 'package.json');
  const version = (JSON.parse(await readFile(pkgPath, 'utf8')) as { version: string }).version;
  const file = path.join(cacheDir, `lexicon-fr-${version}.txt`);
  try {
    return createLexicon((await readFile(file, 'utf8')).split('\n'));
  } catch {
    // no cache yet: expand the dictionary below
  }
  const { default: nspell } = await import('nspell');
  const { default: dictionary } = await import('dictionary-fr');
  const spell = nspell({ aff: Buffer.from(dictionary.aff), dic: Buffer.from(dictionary.dic) }) as unknown as { data: Record<string, unknown> };
  const words = Object.keys(spell.data).filter((w) => !w.includes("'") && !w.includes('’'));
  try {
    await mkdir(cacheDir, { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    await writeFile(tmp, words.join('\n'));
    await rename(tmp, file);
  } catch {
    // a read-only install still works, only slower
  }
  return createLexicon(words);
}
