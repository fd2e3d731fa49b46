/**
 * What reading a source file gives, whatever its format: the types shared by the dispatcher
 * (`formats.ts`) and the readers (`pdf/`, `html/`). Types only.
 */
import type { Diagnostic } from '../diagnostics.ts';
import type { SourceLocator } from './positions.ts';

/** What a source file says of itself (a web page's meta tags, a Markdown file's front matter, a PDF's largest type). */
export interface SourceMeta {
  title?: string;
  author?: string;
  /** Date of publication, ISO (YYYY-MM-DD) when it could be read. */
  published?: string;
  /** Date of the last update, ISO when it could be read. */
  updated?: string;
}

/** How the repairs read a source's text. */
export type SourceFormat = 'text' | 'markdown';

/** What a reader made of a source file. */
export interface SourceReading {
  /** The text the repairs start from. */
  text: string;
  format: SourceFormat;
  /** Offsets of `text` to places in the file (page and line for a PDF). */
  locator: SourceLocator;
  /** What the file says of itself: title, author, dates. */
  meta: SourceMeta;
  /** Errors (the file cannot be read) and warnings of reading. */
  diagnostics: Diagnostic[];
}
