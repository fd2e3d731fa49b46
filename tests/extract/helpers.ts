/** What the extraction tests share: a document made from Markdown, the definitions a text gives. */
import { findDefinitions, isAccepted } from '../../src/extract/acronyms.ts';
import type { ExtractionDocument } from '../../src/extract/document.ts';
import { readDocumentText } from '../../src/extract/text-blocks.ts';

/** The accepted definitions of a text, as `[term, expansion]`. */
export const taken = (text: string): string[][] => findDefinitions(text).filter(isAccepted).map((d) => [d.term, d.expansion]);

/** A document for the extractors, from Markdown; its offsets are its positions. */
export const doc = (id: string, markdown: string, extra: Partial<ExtractionDocument> = {}): ExtractionDocument => ({
  id,
  file: `${id}.txt`,
  title: id,
  text: readDocumentText(markdown),
  locate: (offset) => ({ line: 1, column: offset + 1 }),
  ...extra,
});
