/** The PDF extraction pairs (to do: being written). */
import type { SourceDocument } from './sources.ts';

/** Builds the PDF cases under `outDir`; returns their names. */
export async function buildPdfSet(_documents: SourceDocument[], _outDir: string): Promise<string[]> {
  throw new Error('the PDF set is not written yet');
}
