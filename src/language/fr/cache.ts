/**
 * Where Folio keeps the data it derives from its packages (the French lexicon with morphology
 * and frequencies; the subsets of the fonts of an HTML edition): the user's cache folder, `$FOLIO_CACHE_DIR`, else `$XDG_CACHE_HOME/folio`,
 * else `~/.cache/folio`. Never the current folder: `folio normalize` may run anywhere, in a folder
 * of sources that must stay as received, or in a read-only one.
 *
 * Entries are written atomically (a temporary file in the same folder, then a rename), so two
 * processes expanding at once never read half a file; a folder that cannot be written only costs
 * time — the data is expanded again in memory next run. Not for build outputs (see `src/build/`).
 */
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import path from 'node:path';

/**
 * The cache folder for this user.
 * @param env the environment to read (the process's by default)
 */
export function cacheDirectory(env: NodeJS.ProcessEnv = process.env): string {
  if (env.FOLIO_CACHE_DIR) return path.resolve(env.FOLIO_CACHE_DIR);
  const base = env.XDG_CACHE_HOME && path.isAbsolute(env.XDG_CACHE_HOME) ? env.XDG_CACHE_HOME : path.join(homedir(), '.cache');
  return path.join(base, 'folio');
}

/**
 * Reads a cache entry.
 * @returns its bytes, or undefined when there is none (or it cannot be read)
 */
export async function readCacheEntry(dir: string, name: string): Promise<Buffer | undefined> {
  try {
    return await readFile(path.join(dir, name));
  } catch {
    return undefined;
  }
}

/**
 * Writes a cache entry atomically.
 * @returns false when the folder cannot be written (read-only, full): the caller goes on without
 */
export async function writeCacheEntry(dir: string, name: string, data: Uint8Array): Promise<boolean> {
  const file = path.join(dir, name);
  const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
  try {
    await mkdir(dir, { recursive: true });
    await writeFile(tmp, data);
    await rename(tmp, file);
    return true;
  } catch {
    await rm(tmp, { force: true }).catch(() => undefined);
    return false;
  }
}
