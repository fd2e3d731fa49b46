/**
 * Reading an edition from disk: the manifest, then every source it names, byte for byte.
 * The sources are never written to; all repairs happen later, in memory.
 *
 * The manifest's folder is the project: sources are read only from inside it (links included)
 * unless the manifest says `allowOutside: true`, only when they are regular files no larger
 * than `maxSourceBytes`, and every path an edition records is relative to it, so the same
 * project gives the same outputs from any working folder. A source that holds no text is left
 * out with a warning; one with a line longer than `maxLineLength` is refused.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { diagnostic, FolioError, type Diagnostic, type Point } from '../diagnostics.ts';
import { documentId, keyExamples, parseManifest, type Manifest, type ManifestDocument } from './manifest.ts';
import { readSource, type SourceFormat, type SourceMeta } from './formats.ts';
import type { SourceLocator } from './positions.ts';
import { megabytes, readFileSafely, type ReadFileResult } from './read-source.ts';

export interface SourceDocument {
  id: string;
  entry: ManifestDocument;
  /** Absolute path. */
  path: string;
  /** Path as outputs and diagnostics show it: relative to the project folder, `/` separators. */
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
  /** Where the document's entry is in the manifest. */
  at: Point;
}

export interface LoadedEdition {
  /** The project folder: the manifest's folder. */
  root: string;
  manifestPath: string;
  /** The manifest as diagnostics name it (relative to the project). */
  manifestFile: string;
  manifest: Manifest;
  documents: SourceDocument[];
  /** Diagnostics of reading (encoding fallbacks, empty sources): warnings only, errors throw. */
  diagnostics: Diagnostic[];
}

/** A manifest larger than this is no manifest. */
const maxManifestBytes = 1_000_000;

/** Path relative to `cwd` when inside it, absolute otherwise (for messages to the terminal). */
export function displayPath(file: string, cwd = process.cwd()): string {
  const rel = path.relative(cwd, file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel.split(path.sep).join('/') : file;
}

/** Path relative to the project folder, `/`-separated (`..` when outside): what outputs record. */
export function projectPath(root: string, file: string): string {
  return path.relative(root, path.resolve(root, file)).split(path.sep).join('/') || '.';
}

/**
 * The edition's date when its manifest names none: the day of `SOURCE_DATE_EPOCH` when it is
 * set (reproducible builds), else today, in UTC.
 */
export function defaultEditionDate(env: Record<string, string | undefined> = process.env, now = new Date()): string {
  const epoch = env.SOURCE_DATE_EPOCH?.trim();
  const date = epoch && /^\d{1,12}$/.test(epoch) ? new Date(Number(epoch) * 1000) : now;
  return date.toISOString().slice(0, 10);
}

/**
 * Loads a manifest and all its sources.
 * @param manifestPath path of `compendium.yaml`
 * @param options the edition date when the manifest names none (default: `defaultEditionDate()`)
 * @throws FolioError with diagnostics when the manifest is missing or invalid, or a source is
 *   missing, outside the project, not a regular file, too large or binary
 */
export async function loadEdition(manifestPath: string, options: { today?: string } = {}): Promise<LoadedEdition> {
  const absolute = path.resolve(manifestPath);
  const root = path.dirname(absolute);
  const manifestFile = projectPath(root, absolute);
  const read = await readFileSafely(absolute, { maxBytes: maxManifestBytes });
  if ('problem' in read) {
    const hint = read.code === 'missing' ? ' Create one with `folio init`, or pass its path with --manifest.' : '';
    throw new FolioError(`Cannot read the manifest ${displayPath(absolute)}: ${read.problem}.${hint}`, [], 'input');
  }
  const yamlText = new TextDecoder('utf-8').decode(read.bytes).replace(/^\uFEFF/, '');
  const parsed = parseManifest(yamlText, manifestFile, { today: options.today ?? defaultEditionDate() });
  if (!parsed.manifest) throw new FolioError(`The manifest ${displayPath(absolute)} is invalid.`, parsed.diagnostics);
  const manifest = parsed.manifest;
  const diagnostics: Diagnostic[] = [];
  const errors: Diagnostic[] = [];
  const documents: SourceDocument[] = [];
  for (const [i, entry] of manifest.documents.entries()) {
    const at = parsed.documentPositions[i] ?? { line: 1, column: 1 };
    const sourcePath = path.resolve(root, entry.file);
    const file = projectPath(root, sourcePath);
    const bytes = await readFileSafely(sourcePath, { maxBytes: manifest.maxSourceBytes, confineTo: manifest.allowOutside ? undefined : root });
    if ('problem' in bytes) {
      errors.push(diagnostic(manifestFile, at, { rule: 'source', severity: 'error', message: `documents[${i}]: cannot read ${file}: ${bytes.problem}. ${readHint(bytes, manifest)}` }));
      continue;
    }
    const decoded = await readSource(bytes.bytes, file);
    for (const d of decoded.diagnostics) (d.severity === 'error' ? errors : diagnostics).push(d);
    if (decoded.diagnostics.some((d) => d.severity === 'error')) continue;
    if (/^[\s\p{Cc}]*$/u.test(decoded.text)) {
      diagnostics.push(
        diagnostic(file, { line: 1, column: 1 }, { rule: 'empty-source', severity: 'warning', message: `This source holds no text${bytes.bytes.length ? ' (only spaces or line breaks)' : ''}: it was left out of the edition. Check that the right file is named, or remove it from the manifest.` }),
      );
      continue;
    }
    const long = longLine(decoded.text, manifest.maxLineLength);
    if (long) {
      errors.push(diagnostic(file, decoded.locator.at(decoded.text.split('\n', long.line - 1).join('\n').length + (long.line > 1 ? 1 : 0)), { rule: 'long-line', severity: 'error', message: longLineMessage(long.length, manifest.maxLineLength, 'This line') }));
      continue;
    }
    documents.push({
      id: documentId(entry),
      entry,
      path: sourcePath,
      file,
      text: decoded.text,
      format: decoded.format,
      locator: decoded.locator,
      meta: decoded.meta,
      sha256: createHash('sha256').update(bytes.bytes).digest('hex'),
      bytes: bytes.bytes.length,
      at,
    });
  }
  if (errors.length) throw new FolioError('Some sources cannot be read: nothing was built.', [...errors, ...diagnostics]);
  if (!documents.length) {
    throw new FolioError('No source of the edition holds any text: nothing was built.', [
      ...diagnostics,
      diagnostic(manifestFile, parsed.documentPositions[0] ?? { line: 1, column: 1 }, { rule: 'source', severity: 'error', message: 'documents: every source is empty. Name at least one file that holds a text.' }),
    ]);
  }
  return { root, manifestPath: absolute, manifestFile, manifest, documents, diagnostics };
}

/** What to do about a source that cannot be read. */
function readHint(result: Extract<ReadFileResult, { problem: string }>, manifest: Manifest): string {
  switch (result.code) {
    case 'missing':
      return 'Check the path: it is relative to the manifest’s folder.';
    case 'outside':
      return 'Copy the file into the project folder; or, if you trust where it is, write `allowOutside: true` in the manifest.';
    case 'not-a-file':
      return 'Name a text file.';
    case 'too-large':
      return `If it really is one text, raise the limit (${megabytes(manifest.maxSourceBytes)}) in the manifest, e.g. \`${keyExamples.maxSourceBytes}\`.`;
    default:
      return 'Check the file’s permissions.';
  }
}

/** The first line longer than `limit` characters, or undefined. */
export function longLine(text: string, limit: number): { line: number; length: number } | undefined {
  let start = 0;
  let line = 1;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    if (end - start > limit) return { line, length: end - start };
    start = end + 1;
    line++;
  }
  return undefined;
}

/** The message of a line or paragraph too long to lay out. */
export function longLineMessage(length: number, limit: number, what: 'This line' | 'The paragraph starting here'): string {
  const n = (x: number): string => x.toLocaleString('en');
  return `${what} is ${n(length)} characters long, more than the limit of ${n(limit)}: no page can lay out a paragraph that long. If the text lost its line breaks, break it into paragraphs; or raise the limit in the manifest, e.g. \`maxLineLength: ${limit * 2}\`.`;
}
