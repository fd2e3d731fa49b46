/**
 * What the extractors know of a document: its id, its repaired text read into blocks, the facts
 * of the manifest that place it in time, and how to turn a place in its Markdown into
 * `file:line:column` of the source as received.
 */
import { diagnostic, type Diagnostic, type Finding } from '../diagnostics.ts';
import type { DocumentText } from './text-blocks.ts';

export interface ExtractionDocument {
  id: string;
  /** The source's path, as diagnostics name it. */
  file: string;
  /** The document's short title, for messages and the back matter. */
  title: string;
  text: DocumentText;
  /** The document's own title line (the repairs moved it out of the body), when it has one. */
  ownTitle?: string;
  /** The web page's category label, when the repairs found one. */
  category?: string;
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, from the manifest. */
  date?: string;
  /** The period a report covers, from the manifest. */
  period?: { from: string; to: string };
  /** Source position of an offset of the repaired Markdown. */
  locate: (markdownOffset: number) => { line: number; column: number };
}

/** A diagnostic at an offset of a document's Markdown. */
export function diagnosticAt(doc: ExtractionDocument, offset: number, finding: Finding): Diagnostic {
  return diagnostic(doc.file, doc.locate(offset), finding);
}
