/**
 * Repairing one text on its own (`folio normalize FILE`, or `-` for the standard input), with
 * the same passes as a build. Word-pair statistics come from the text itself, and from the
 * edition's other sources when a manifest is given or found, since more text makes the
 * statistics surer. The file is read with the same care as a source: a regular file, no larger
 * than the limit.
 */
import { FolioError } from '../diagnostics.ts';
import { buildCorpusStats } from '../language/corpus.ts';
import { loadFrenchLexicon } from '../language/fr/lexicon.ts';
import { normalizeText, type NormalizedText } from '../repair/pipeline.ts';
import { defaultLimits, type ManifestDocument } from '../sources/manifest.ts';
import { displayPath, loadEdition } from '../sources/load.ts';
import { readSource } from '../sources/formats.ts';
import { readFileSafely } from '../sources/read-source.ts';

export interface NormalizeFileOptions {
  /** Switchable repairs: as the manifest's `repairs` key. */
  repairs?: ManifestDocument['repairs'];
  /** A manifest whose sources feed the statistics; ignored when it cannot be loaded. */
  manifestPath?: string;
  /** Larger texts are refused (default: the manifest's default, 20 MB). */
  maxBytes?: number;
}

/**
 * Reads and repairs one source file: text, Markdown, a PDF or a saved web page.
 * @throws FolioError when the file cannot be read, is not a regular file, is too large or binary
 */
export async function normalizeFile(file: string, options: NormalizeFileOptions = {}): Promise<NormalizedText> {
  const shown = displayPath(file);
  const read = await readFileSafely(file, { maxBytes: options.maxBytes ?? defaultLimits.maxSourceBytes });
  if ('problem' in read) throw new FolioError(`Cannot read ${shown}: ${read.problem}. Give the path of a source file (text, Markdown, PDF or HTML).`, [], 'input');
  return normalizeBytes(read.bytes, shown, options);
}

/**
 * Repairs a source given as bytes (a file's, or the standard input's).
 * @param bytes the source as received
 * @param shown the name diagnostics give it (`<stdin>`); its extension says the format
 */
export async function normalizeBytes(bytes: Uint8Array, shown: string, options: NormalizeFileOptions = {}): Promise<NormalizedText> {
  const lexicon = await loadFrenchLexicon();
  const decoded = await readSource(bytes, shown, { lexicon });
  if (decoded.diagnostics.some((d) => d.severity === 'error')) throw new FolioError(`Cannot repair ${shown}.`, decoded.diagnostics);
  const texts = [decoded.text];
  if (options.manifestPath) {
    try {
      const edition = await loadEdition(options.manifestPath);
      texts.push(...edition.documents.filter((d) => d.text !== decoded.text).map((d) => d.text));
    } catch {
      // The statistics of the text alone will do.
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
