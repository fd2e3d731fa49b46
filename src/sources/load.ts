/**
 * Reading an edition from disk: the manifest, then every source it names, byte for byte.
 * The sources are never written to; all repairs happen later, in memory.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { diagnostic, FolioError, type Diagnostic } from '../diagnostics.ts';
import { documentId, parseManifest, type Manifest, type ManifestDocument } from './manifest.ts';
import { readSource, type SourceFormat, type SourceMeta } from './formats.ts';
import type { SourceLocator } from './positions.ts';

export interface SourceDocument {
  id: string;
  entry: ManifestDocument;
  /** Absolute path. */
  path: string;
  /** Path as shown in diagnostics (relative to the working directory). */
  file: string;
  /** The text the repairs start from: the decoded file, or the Markdown read from a PDF or web page (`formats.ts`). */
  text: string;
  /** How the repairs read `text`. */
  format: SourceFormat;
  /** Offsets of `text` to places in the file (a page and a line for a PDF). */
  locator: SourceLocator;
  /** What the file says of itself (a web page's title, author, dates). */
  meta: SourceMeta;
  /** SHA-256 of the bytes as received. */
  sha256: string;
  bytes: number;
}

export interface LoadedEdition {
  manifestPath: string;
  manifestFile: string;
  manifest: Manifest;
  documents: SourceDocument[];
  /** Diagnostics of reading (encoding fallbacks): warnings only, errors throw. */
  diagnostics: Diagnostic[];
}

/** Path relative to `cwd` when inside it, absolute otherwise. */
export function displayPath(file: string, cwd = process.cwd()): string {
  const rel = path.relative(cwd, file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel.split(path.sep).join('/') : file;
}

/**
 * Loads a manifest and all its sources.
 * @param manifestPath path of `compendium.yaml`
 * @throws FolioError with diagnostics when the manifest is missing or invalid, or a source is
 *   missing, unreadable or binary
 */
export async function loadEdition(manifestPath: string): Promise<LoadedEdition> {
  const absolute = path.resolve(manifestPath);
  const manifestFile = displayPath(absolute);
  let yamlText: string;
  try {
    yamlText = await readFile(absolute, 'utf8');
  } catch (error) {
    throw new FolioError(`Cannot read the manifest ${manifestFile}: ${reason(error)}. Pass its path with --manifest.`, [], 'input');
  }
  const parsed = parseManifest(yamlText, manifestFile);
  if (!parsed.manifest) throw new FolioError(`The manifest ${manifestFile} is invalid.`, parsed.diagnostics);
  const manifest = parsed.manifest;
  const base = path.dirname(absolute);
  const diagnostics: Diagnostic[] = [];
  const errors: Diagnostic[] = [];
  const documents: SourceDocument[] = [];
  const fileLines = yamlText.split('\n');
  for (const [i, entry] of manifest.documents.entries()) {
    const sourcePath = path.resolve(base, entry.file);
    const file = displayPath(sourcePath);
    let bytes: Uint8Array;
    try {
      bytes = await readFile(sourcePath);
    } catch (error) {
      const line = fileLines.findIndex((l) => l.includes(entry.file)) + 1 || 1;
      errors.push(
        diagnostic(manifestFile, { line, column: 1 }, {
          rule: 'manifest',
          severity: 'error',
          message: `documents[${i}].file: cannot read ${file} (${reason(error)}). Check the path: it is relative to the manifest.`,
        }),
      );
      continue;
    }
    const decoded = await readSource(bytes, file);
    for (const d of decoded.diagnostics) (d.severity === 'error' ? errors : diagnostics).push(d);
    documents.push({
      id: documentId(entry),
      entry,
      path: sourcePath,
      file,
      text: decoded.text,
      format: decoded.format,
      locator: decoded.locator,
      meta: decoded.meta,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      bytes: bytes.length,
    });
  }
  if (errors.length) throw new FolioError('Some sources cannot be read.', errors);
  return { manifestPath: absolute, manifestFile, manifest, documents, diagnostics };
}

function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES') return 'permission denied';
  if (code === 'EISDIR') return 'it is a folder';
  return error instanceof Error ? error.message : String(error);
}
