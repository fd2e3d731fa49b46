/**
 * The extract stage of a build: the editors' glossary (`editorial-glossary.ts`), read unless
 * given, then the extraction on every repaired document. Reading the file is the only I/O; the
 * extraction itself is pure (`src/extract/`).
 */
import type { Lexicon } from '../language/fr/lexicon.ts';
import type { EditorialEntry } from '../extract/glossary-file.ts';
import { extractEdition, type Extraction, type ExtractionDocument } from '../extract/index.ts';
import { readDocumentText } from '../extract/text-blocks.ts';
import type { LoadedEdition } from '../sources/load.ts';
import { loadEditorialGlossary } from './editorial-glossary.ts';
import type { RepairedDocument } from './repair-stage.ts';
import type { StageResult } from './stage.ts';

export type { Extraction } from '../extract/index.ts';

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
