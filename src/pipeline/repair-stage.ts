/**
 * The repair stage: every source through the repair passes (`src/repair/pipeline.ts`), with the
 * statistics of the whole edition, and the repaired Markdown parsed once into the tree that the
 * extract and assemble stages both read.
 */
import type { Root } from 'mdast';
import { buildCorpusStats, type CorpusStats } from '../language/corpus.ts';
import type { Lexicon } from '../language/lexicon.ts';
import { normalizeText, type NormalizedText } from '../repair/pipeline.ts';
import type { LoadedEdition } from '../sources/load.ts';
import { parseMarkdown } from '../sources/markdown.ts';
import type { StageResult } from './stage.ts';

export interface RepairedDocument {
  loaded: LoadedEdition['documents'][number];
  result: NormalizedText;
  /** `result.markdown` parsed (GFM). */
  tree: Root;
}

/**
 * Repairs every document of an edition.
 * @param loaded the edition as read
 * @param lexicon the French lexicon
 * @param corpus word statistics (default: those of the edition's own texts)
 */
export function repairStage(loaded: LoadedEdition, lexicon: Lexicon, corpus: CorpusStats = buildCorpusStats(loaded.documents.map((d) => d.text))): StageResult<RepairedDocument[]> {
  const value = loaded.documents.map((doc) => {
    const result = normalizeText(doc.text, doc.file, { repairs: doc.entry.repairs, lexicon, corpus, format: doc.format, locator: doc.locator, meta: doc.meta });
    return { loaded: doc, result, tree: parseMarkdown(result.markdown) };
  });
  return { value, diagnostics: value.flatMap((d) => d.result.diagnostics) };
}
