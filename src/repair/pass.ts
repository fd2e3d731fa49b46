/**
 * What a repair pass is: a pure function from its input text to the edits it wants, the doubts
 * it reports, and what it learned about the document (its title, its date of update).
 * No I/O, no globals: the lexicon and the corpus statistics come in through the context.
 */
import type { CorpusStats } from '../language/corpus.ts';
import type { Lexicon } from '../language/fr/lexicon.ts';
import type { Edit, Note } from './mapped-text.ts';
import type { SourceMeta } from '../sources/formats.ts';

/** Facts about a document: what its reader found (`SourceMeta`) and what repairs find in its text. */
export interface DocumentMeta extends SourceMeta {
  /** The document's own title line, when it has one. */
  title?: string;
  /** "Updated on" date of a web page, ISO (YYYY-MM-DD) when it could be read. */
  updated?: string;
  /** Category label of a web page. */
  category?: string;
  /** True when the text stops in the middle of a word or sentence. */
  truncated?: boolean;
  /** Footnote numbers called in the text whose notes are absent. */
  missingNotes?: string[];
}

export interface PassContext {
  /** French word list; passes that need it do less (and say so) without it. */
  lexicon?: Lexicon;
  /** Word and pair counts of the whole corpus. */
  corpus?: CorpusStats;
  /** For switchable passes: detect (`auto`), force (`on`) or skip (`off`). */
  mode: 'auto' | 'on' | 'off';
}

export interface PassResult {
  edits: Edit[];
  notes?: Note[];
  meta?: DocumentMeta;
}

export type RepairPass = (text: string, context: PassContext) => PassResult;
