/**
 * The extract stage: from the repaired Markdown of every document to the glossary of acronyms and
 * the chronology of events, with the marks the final HTML needs (uses of acronyms, anchors of
 * events) and the diagnostics. Pure: the editors' glossary comes in already parsed.
 */
import type { ChronologyEntry, GlossaryEntry } from './types.ts';
import type { Diagnostic } from '../diagnostics.ts';
import type { Lexicon } from '../language/fr/lexicon.ts';
import { buildChronology, type AnchorMark } from './chronology.ts';
import type { ExtractionDocument } from './document.ts';
import type { EditorialEntry } from './glossary-file.ts';
import { buildGlossary, type TermMark } from './glossary.ts';

export type { ExtractionDocument } from './document.ts';
export type { AnchorMark } from './chronology.ts';
export type { TermMark } from './glossary.ts';

export interface Extraction {
  glossary: GlossaryEntry[];
  chronology: ChronologyEntry[];
  /** What `rehypeMarkExtraction` needs: the terms to mark and the anchors to place. */
  marks: { terms: TermMark[]; anchors: AnchorMark[] };
  diagnostics: Diagnostic[];
}

/**
 * Extracts the glossary and the chronology of a corpus.
 * @param docs the documents, in reading order
 * @param editorial the editors' glossary entries
 * @param lexicon the French word list (optional: without it, fewer all-caps words are recognized as plain words)
 */
export function extractEdition(docs: readonly ExtractionDocument[], editorial: readonly EditorialEntry[] = [], lexicon?: Lexicon): Extraction {
  const glossary = buildGlossary(docs, editorial, lexicon);
  const chronology = buildChronology(docs);
  return {
    glossary: glossary.entries,
    chronology: chronology.entries,
    marks: { terms: glossary.marks, anchors: chronology.anchors },
    diagnostics: [...glossary.diagnostics, ...chronology.diagnostics],
  };
}
