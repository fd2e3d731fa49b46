/**
 * What a build keeps for the next one, in the user's cache folder (`language/fr/cache.ts`), one
 * entry of each kind per project. Both only spare work: an entry that cannot be read or written
 * costs time, never a wrong output; `--fresh` and an archived build use neither.
 *
 * - **The repairs and the extraction.** They are a pure function of the sources, the manifest,
 *   the editors' glossary, the French lexicon and Folio's own code; when none of these changed —
 *   a rebuild after a change of style or template, `--only pdf` after `--only html` — the build
 *   takes them from here instead of repairing again, which is most of what a build does before
 *   printing. Keyed by a hash of everything the two stages read: the decoded text of every source
 *   with its manifest entry, the whole manifest, the editors' glossary, the lexicon's identity,
 *   and the bytes of Folio's code and of its lockfile. A changed byte anywhere means a fresh repair.
 * - **The layouts of the printed parts** (`render/paginate.ts`): the length of each part and where
 *   its anchors fell, by a hash of the part and of its document's head, for the Chrome that printed
 *   it. A part found there is not measured before its final print, so every part of an unchanged
 *   document can be printed at once, side by side; pagination still checks every final print.
 *   Only the layouts of the last build are kept.
 * - **The transformed HTML** (`assemble/final-html.ts`: page references, marks, typography,
 *   hyphenation), by a hash of the HTML the templates made and of what the transforms add, for
 *   the same code: most of the assembly's time, spared when the templates' output is unchanged.
 *
 * Not for: font subsets or the lexicon (their own entries), build outputs.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import v8 from 'node:v8';
import type { Diagnostic } from '../diagnostics.ts';
import type { EditorialEntry } from '../extract/glossary-file.ts';
import type { Extraction } from '../extract/index.ts';
import { cacheDirectory, readCacheEntry, writeCacheEntry } from '../language/fr/cache.ts';
import { lexiconIdentity } from '../language/fr/lexicon.ts';
import { packageDir } from '../package.ts';
import type { LayoutMemory, RememberedLayout } from '../render/paginate.ts';
import type { LoadedEdition } from '../sources/load.ts';
import type { RepairedDocument } from './repair-stage.ts';

/** Bump when what is stored changes shape. */
const FORMAT = 2;

/** What the repair and extract stages made, without the sources themselves. */
export interface PreparedParts {
  documents: Omit<RepairedDocument, 'loaded'>[];
  extraction: Extraction;
  repairDiagnostics: Diagnostic[];
  extractDiagnostics: Diagnostic[];
}

/**
 * The key of an edition's preparation.
 * @param loaded the edition as read
 * @param editorial the editors' glossary as read
 */
export async function preparationKey(loaded: LoadedEdition, editorial: readonly EditorialEntry[]): Promise<string> {
  const hash = createHash('sha256');
  const add = (label: string, value: string | Uint8Array): void => {
    hash.update(`${label}:${value.length}:`);
    hash.update(value);
  };
  add('format', String(FORMAT));
  add('code', await codeIdentity());
  add('lexicon', await lexiconIdentity());
  add('manifest', JSON.stringify(loaded.manifest));
  add('manifestFile', loaded.manifestFile);
  add('glossary', JSON.stringify(editorial));
  for (const d of loaded.documents) {
    add('document', JSON.stringify({ id: d.id, entry: d.entry, file: d.file, format: d.format, meta: d.meta, at: d.at, sha256: d.sha256, bytes: d.bytes }));
    add('text', d.text);
  }
  return hash.digest('hex');
}

/** The stored preparation of this key, if any. */
export async function readPrepared(loaded: LoadedEdition, key: string): Promise<PreparedParts | undefined> {
  const bytes = await readCacheEntry(cacheDirectory(), entryName(loaded, 'prepared'));
  if (!bytes || bytes.length < 64 || bytes.subarray(0, 64).toString('latin1') !== key) return undefined;
  try {
    const parts = v8.deserialize(bytes.subarray(64)) as PreparedParts;
    return parts.documents.length === loaded.documents.length ? parts : undefined;
  } catch {
    return undefined;
  }
}

/** Stores a preparation under its key (replacing the project's previous one); false when it could not. */
export async function writePrepared(loaded: LoadedEdition, key: string, parts: PreparedParts): Promise<boolean> {
  let payload: Buffer;
  try {
    payload = v8.serialize(parts);
  } catch {
    return false; // something that cannot be stored (a function): the next build repairs again
  }
  const dir = cacheDirectory();
  const written = await writeCacheEntry(dir, entryName(loaded, 'prepared'), Buffer.concat([Buffer.from(key, 'latin1'), payload]));
  if (written) await forgetOldest(dir, 'prepared');
  return written;
}

/** Projects remembered at most: the others' entries go, the least recently built first. */
const keptProjects = 16;

type MemoryKind = 'layouts' | 'html';

async function forgetOldest(dir: string, kind: 'prepared' | MemoryKind): Promise<void> {
  const names = (await readdir(dir).catch(() => [] as string[])).filter((n) => n.startsWith(`${kind}-`) && /-[0-9a-f]{16}\.bin$/.test(n));
  if (names.length <= keptProjects) return;
  const dated = await Promise.all(names.map(async (n) => ({ n, t: (await stat(path.join(dir, n)).catch(() => undefined))?.mtimeMs ?? 0 })));
  dated.sort((a, b) => b.t - a.t);
  await Promise.all(dated.slice(keptProjects).map(({ n }) => rm(path.join(dir, n), { force: true }).catch(() => undefined)));
}

/** One entry of a kind per project: named after the manifest's absolute path. */
function entryName(loaded: Pick<LoadedEdition, 'manifestPath'>, kind: 'prepared' | MemoryKind): string {
  return `${kind}-${createHash('sha256').update(path.resolve(loaded.manifestPath)).digest('hex').slice(0, 16)}.bin`;
}

/** Entries a build remembers by key, to be saved when it is done. */
export interface BuildMemory<T> {
  get(key: string): T | undefined;
  set(key: string, value: T): void;
  /** Writes the entries used or made by this build (replacing the project's previous ones). */
  save(): Promise<boolean>;
}

/** The layouts a build remembers, to be saved when it has printed. */
export type BuildLayouts = BuildMemory<RememberedLayout> & LayoutMemory;

/** An HTML transformed (`assemble/final-html.ts`), by a hash of what it was made from. */
export interface TransformedHtml {
  html: string;
  diagnostics: Diagnostic[];
}

/**
 * The layouts of the project's last build printed by this Chrome.
 * @param loaded the edition (its manifest names the entry)
 * @param printer the browser's version: another Chrome lays out otherwise
 */
export function openLayouts(loaded: Pick<LoadedEdition, 'manifestPath'>, printer: string): Promise<BuildLayouts> {
  return openMemory<RememberedLayout>(loaded, 'layouts', printer);
}

/**
 * The HTML transforms of the project's last build (the compendium's and each handout's page
 * references, marks, typography and hyphenation): a pure function of the HTML the templates
 * made and of Folio's code, most of the assembly's time, the same when only the print changes.
 * @param loaded the edition (its manifest names the entry)
 */
export async function openTransforms(loaded: Pick<LoadedEdition, 'manifestPath'>): Promise<BuildMemory<TransformedHtml>> {
  return openMemory<TransformedHtml>(loaded, 'html', await codeIdentity());
}

/** A key for `openTransforms`: a hash of every input of one transform. */
export function transformKey(...inputs: string[]): string {
  const hash = createHash('sha256');
  for (const input of inputs) hash.update(`${input.length}:`).update(input);
  return hash.digest('hex');
}

/** The project's entries of a kind, kept only when made by the same `identity` (a Chrome, a code). */
async function openMemory<T>(loaded: Pick<LoadedEdition, 'manifestPath'>, kind: MemoryKind, identity: string): Promise<BuildMemory<T>> {
  const dir = cacheDirectory();
  const name = entryName(loaded, kind);
  let before = new Map<string, T>();
  const bytes = await readCacheEntry(dir, name);
  if (bytes) {
    try {
      const stored = v8.deserialize(bytes) as { format: number; identity: string; entries: Map<string, T> };
      if (stored.format === FORMAT && stored.identity === identity && stored.entries instanceof Map) before = stored.entries;
    } catch {
      // unreadable: made again
    }
  }
  const now = new Map<string, T>();
  return {
    get(key) {
      const value = now.get(key) ?? before.get(key);
      if (value) now.set(key, value);
      return value;
    },
    set(key, value) {
      now.set(key, value);
    },
    async save() {
      const written = await writeCacheEntry(dir, name, v8.serialize({ format: FORMAT, identity, entries: now }));
      if (written) await forgetOldest(dir, kind);
      return written;
    },
  };
}

let code: Promise<string> | undefined;

/** A hash of the code that runs (the compiled `dist/` or `src/`) and of the lockfile: another Folio repairs otherwise. */
function codeIdentity(): Promise<string> {
  code ??= (async () => {
    const hash = createHash('sha256');
    // The folder of the code: `src/` run by tsx or vitest, `dist/` compiled (this module in a
    // subfolder of it or, bundled, in it).
    let root = import.meta.dirname;
    while (!['src', 'dist'].includes(path.basename(root)) && path.dirname(root) !== root) root = path.dirname(root);
    if (!['src', 'dist'].includes(path.basename(root))) root = import.meta.dirname;
    const files = (await readdir(root, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name)).sort();
    for (const file of [...files, path.join(packageDir, 'package.json'), path.join(packageDir, 'package-lock.json')]) {
      hash.update(`${path.relative(packageDir, file)}\0`);
      hash.update(await readFile(file).catch(() => Buffer.alloc(0)));
    }
    return hash.digest('hex');
  })();
  return code;
}
