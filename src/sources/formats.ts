/**
 * The one place that decides how a source file is read, from its extension (and, for a PDF
 * given another name, from its first bytes):
 *
 * | file | read as | the repairs start from |
 * | --- | --- | --- |
 * | `.pdf` | PDF (`pdf/read-pdf.ts`) | the Markdown read from the page, located by page and line |
 * | `.html`, `.htm`, `.xhtml` | a saved web page (`html/read-html.ts`) | the Markdown of its main content, located by line of the HTML |
 * | `.md`, `.markdown` | Markdown | the file itself |
 * | anything else (`.txt`) | plain text | the file itself |
 *
 * Each reader returns the text the repairs start from, its format (plain text gets every repair;
 * Markdown only those that make sense for Markdown, see `src/repair/pipeline.ts`), a locator that
 * turns an offset of that text into the place in the file, the metadata the file itself gives
 * (title, author, dates) and its diagnostics. The PDF and HTML readers are imported only when a
 * file of theirs is read, so that starting the CLI costs nothing for them.
 */
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { Lexicon } from '../language/fr/lexicon.ts';
import { textLocator } from './positions.ts';
import type { SourceMeta, SourceReading } from './reading.ts';

export type { SourceFormat, SourceMeta, SourceReading } from './reading.ts';
import { decodeSource } from './read-source.ts';

export type SourceKind = 'pdf' | 'html' | 'markdown' | 'text';

export interface ReadSourceOptions {
  /** French words, for the PDF reader's line-end hyphens (loaded when a PDF needs it and none is given). */
  lexicon?: Lexicon;
}

/** The kind of a source, from its name, or from its first bytes for a PDF under another name. */
export function sourceKind(file: string, bytes?: Uint8Array): SourceKind {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.pdf') return 'pdf';
  if (ext === '.html' || ext === '.htm' || ext === '.xhtml') return 'html';
  if (ext === '.md' || ext === '.markdown') return 'markdown';
  if (bytes && bytes.length > 5 && String.fromCharCode(...bytes.subarray(0, 5)) === '%PDF-') return 'pdf';
  return 'text';
}

/**
 * Reads a source file.
 * @param bytes the file as read from disk
 * @param file the path to name in diagnostics
 * @returns the text the repairs start from, with its format, locator, metadata and diagnostics
 */
export async function readSource(bytes: Uint8Array, file: string, options: ReadSourceOptions = {}): Promise<SourceReading> {
  const kind = sourceKind(file, bytes);
  if (kind === 'pdf') {
    const { readPdf } = await import('./pdf/read-pdf.ts');
    const lexicon = options.lexicon ?? (await loadLexicon());
    const r = await readPdf(bytes, file, { lexicon });
    return { text: r.text, format: 'markdown', locator: r.locator, meta: r.meta, diagnostics: r.diagnostics };
  }
  const decoded = decodeSource(bytes, file);
  if (kind === 'html' && !decoded.diagnostics.some((d) => d.severity === 'error')) {
    const { readHtml } = await import('./html/read-html.ts');
    const r = await readHtml(decoded.text, file);
    return { text: r.text, format: 'markdown', locator: r.locator, meta: r.meta, diagnostics: [...decoded.diagnostics, ...r.diagnostics] };
  }
  if (kind === 'markdown') return { ...readMarkdown(decoded.text), diagnostics: decoded.diagnostics };
  return { text: decoded.text, format: 'text', locator: textLocator(decoded.text), meta: {}, diagnostics: decoded.diagnostics };
}

/**
 * A Markdown source: its YAML front matter, when it has one, gives its metadata (`title`,
 * `author`, `date`, `updated`) and is not part of the text; the text keeps its place in the file.
 */
function readMarkdown(text: string): Omit<SourceReading, 'diagnostics'> {
  const whole = textLocator(text);
  const front = /^---\n([\s\S]*?)\n(?:---|\.\.\.)\n/u.exec(text);
  if (!front) return { text, format: 'markdown', locator: whole, meta: {} };
  let data: Record<string, unknown> = {};
  try {
    const parsed: unknown = parseYaml(front[1]!);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) data = parsed as Record<string, unknown>;
  } catch {
    return { text, format: 'markdown', locator: whole, meta: {} };
  }
  const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : v instanceof Date ? v.toISOString().slice(0, 10) : undefined);
  const meta: SourceMeta = {};
  const title = str(data.title);
  const author = str(data.author) ?? (Array.isArray(data.author) ? data.author.map(str).filter(Boolean).join(', ') : undefined);
  const published = str(data.date);
  const updated = str(data.updated) ?? str(data.modified);
  if (title) meta.title = title;
  if (author) meta.author = author;
  if (published) meta.published = published;
  if (updated) meta.updated = updated;
  const skip = front[0].length;
  return {
    text: text.slice(skip),
    format: 'markdown',
    locator: { at: (offset) => whole.at(offset + skip), lineRange: (p) => whole.lineRange(p).map((o) => o - skip) as [number, number] },
    meta,
  };
}

async function loadLexicon(): Promise<Lexicon | undefined> {
  try {
    const { loadFrenchLexicon } = await import('../language/fr/lexicon.ts');
    return await loadFrenchLexicon();
  } catch {
    // Without the word list, a hyphen at a line end is kept only before a capital.
    return undefined;
  }
}
