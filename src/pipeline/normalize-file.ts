/**
 * Repairing one text file on its own (`folio normalize FILE`), with the same passes as a build.
 * Word-pair statistics come from the file itself, and from the edition's other sources when a
 * manifest is given or found, since more text makes the statistics surer.
 */
import { readFile } from 'node:fs/promises';
import { FolioError } from '../diagnostics.ts';
import { buildCorpusStats } from '../language/corpus.ts';
import { loadFrenchLexicon } from '../language/lexicon.ts';
import { normalizeText, type NormalizedText } from '../repair/pipeline.ts';
import type { ManifestDocument } from '../sources/manifest.ts';
import { displayPath, loadEdition } from '../sources/load.ts';
import { readSource } from '../sources/formats.ts';

export interface NormalizeFileOptions {
  /** Switchable repairs: as the manifest's `repairs` key. */
  repairs?: ManifestDocument['repairs'];
  /** A manifest whose sources feed the statistics; ignored when it cannot be loaded. */
  manifestPath?: string;
}

/**
 * Reads and repairs one source file: text, Markdown, a PDF or a saved web page.
 * @throws FolioError when the file cannot be read, is binary, or is a PDF that cannot be read
 */
export async function normalizeFile(file: string, options: NormalizeFileOptions = {}): Promise<NormalizedText> {
  const shown = displayPath(file);
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new FolioError(`Cannot read ${shown}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : String(error)}. Give the path of a source file (text, Markdown, PDF or HTML).`, [], 'input');
  }
  const lexicon = await loadFrenchLexicon();
  const decoded = await readSource(bytes, shown, { lexicon });
  if (decoded.diagnostics.some((d) => d.severity === 'error')) throw new FolioError(`Cannot repair ${shown}.`, decoded.diagnostics);
  const texts = [decoded.text];
  if (options.manifestPath) {
    try {
      const edition = await loadEdition(options.manifestPath);
      texts.push(...edition.documents.filter((d) => d.text !== decoded.text).map((d) => d.text));
    } catch {
      // The statistics of the file alone will do.
    }
  }
  const result = normalizeText(decoded.text, shown, {
    repairs: options.repairs,
    lexicon,
    corpus: buildCorpusStats(texts),
    format: decoded.format,
    locator: decoded.locator,
    meta: decoded.meta,
  });
  return { ...result, diagnostics: [...decoded.diagnostics, ...result.diagnostics] };
}
