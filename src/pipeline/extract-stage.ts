/**
 * The extract stage of a build: reads the editors' glossary named by the manifest (or
 * `glossary.yaml` beside it), then runs the extraction on every repaired document.
 * Reading the file is the only I/O; the extraction itself is pure (`src/extract/`).
 */
import path from 'node:path';
import { FolioError } from '../diagnostics.ts';
import type { Lexicon } from '../language/fr/lexicon.ts';
import { parseGlossaryFile, type EditorialEntry } from '../extract/glossary-file.ts';
import { extractEdition, type Extraction, type ExtractionDocument } from '../extract/index.ts';
import { readDocumentText } from '../extract/text-blocks.ts';
import { projectPath, type LoadedEdition } from '../sources/load.ts';
import { readFileSafely } from '../sources/read-source.ts';
import type { RepairedDocument } from './repair-stage.ts';
import type { StageResult } from './stage.ts';

export type { Extraction } from '../extract/index.ts';

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

/**
 * Extracts the glossary and the chronology of a repaired edition.
 * @param glossary the editors' glossary, when already read (`loadEditorialGlossary`)
 */
export async function extractStage(loaded: LoadedEdition, repaired: RepairedDocument[], lexicon?: Lexicon, glossary?: readonly EditorialEntry[]): Promise<StageResult<Extraction>> {
  const editorial = glossary ? { entries: [...glossary] } : await loadEditorialGlossary(loaded);
  const docs: ExtractionDocument[] = repaired.map((d) => {
    const lines = d.loaded.locator;
    const origin = d.result.origin;
    return {
      id: d.loaded.id,
      file: d.loaded.file,
      title: d.loaded.entry.shortTitle ?? d.title,
      text: readDocumentText(d.tree),
      ownTitle: d.result.meta.title,
      category: d.result.meta.category,
      date: d.loaded.entry.date,
      period: d.loaded.entry.period,
      locate: (offset) => lines.at(origin ? (origin[Math.min(offset, origin.length - 1)] ?? 0) : offset),
    };
  });
  const extraction = extractEdition(docs, editorial.entries, lexicon);
  return { value: extraction, diagnostics: extraction.diagnostics };
}
