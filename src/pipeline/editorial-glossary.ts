/**
 * The editors' glossary of an edition: the file named by the manifest's `glossary:` (or
 * `glossary.yaml` beside it), read with the same rules as a source and parsed. Its own module so
 * that a build that takes its extraction from the cache reads it without loading the extraction.
 */
import path from 'node:path';
import { FolioError } from '../diagnostics.ts';
import { parseGlossaryFile, type EditorialEntry } from '../extract/glossary-file.ts';
import { projectPath, type LoadedEdition } from '../sources/load.ts';
import { readFileSafely } from '../sources/read-source.ts';

/**
 * Reads the editors' glossary of an edition.
 * @returns its entries and its path as shown in messages (no entries when there is no file)
 * @throws FolioError when the file named by the manifest is missing or the file is invalid
 */
export async function loadEditorialGlossary(loaded: LoadedEdition): Promise<{ entries: EditorialEntry[]; file?: string }> {
  const named = loaded.manifest.glossary;
  const file = path.resolve(loaded.root, named ?? 'glossary.yaml');
  const shown = projectPath(loaded.root, file);
  // The same rules as a source: inside the project, a regular file, not too large.
  const read = await readFileSafely(file, { maxBytes: loaded.manifest.maxSourceBytes, confineTo: loaded.manifest.allowOutside ? undefined : loaded.root });
  if ('problem' in read) {
    if (!named && read.code === 'missing') return { entries: [] };
    const hint = read.code === 'outside' ? 'Copy it into the project folder, or write `allowOutside: true` in the manifest.' : 'Check the path: it is relative to the manifest’s folder.';
    throw new FolioError(`Cannot read the editors' glossary ${shown} named by the manifest's \`glossary:\` key: ${read.problem}. ${hint}`, [], 'input');
  }
  const parsed = parseGlossaryFile(new TextDecoder().decode(read.bytes), shown);
  if (!parsed.entries) throw new FolioError(`The editors' glossary ${shown} is invalid.`, parsed.diagnostics);
  return { entries: parsed.entries, file: shown };
}

