/**
 * The edition model: everything the templates, the PDF and `compendium.json` need, in one
 * plain object. Built once from the loaded sources, their repairs and the extraction, then frozen:
 * no stage changes it. The page numbers found by printing make a new model
 * (`withPrintedPages`), the one `compendium.json` holds. It holds no I/O handle and can be
 * serialized as it is.
 */
import { messagesFor } from '../messages/catalogue.ts';
import type { Diagnostic } from '../diagnostics.ts';
import type { DocumentMeta } from '../repair/pass.ts';
import type { Manifest, ManifestDocument } from '../sources/manifest.ts';
import type { ChronologyEntry, GlossaryEntry } from '../extract/types.ts';
import type { Heading } from './markdown-to-html.ts';

export type { ChronologyEntry, GlossaryEntry } from '../extract/types.ts';

export interface EditionDocument {
  id: string;
  title: string;
  shortTitle: string;
  /** Free text (`rapport`, `note`…); absent when the manifest names none. */
  kind?: string;
  publisher?: string;
  date?: string;
  period?: { from: string; to: string };
  url?: string;
  source: { file: string; sha256: string; bytes: number };
  /** What the repairs learned about the document (its own title, update date…). */
  meta: DocumentMeta;
  headings: Heading[];
  /** Repairs count for this document, by severity. */
  repairs: { changes: number; warnings: number; errors: number };
}

export interface TocEntry {
  /** Anchor id of the target. */
  id: string;
  title: string;
  /** 1 for documents and back matter, 2 for their sections… */
  level: number;
  documentId?: string;
  /** Page number in the PDF, once paginated. */
  page?: number;
}

export interface Edition {
  title: string;
  subtitle?: string;
  shortTitle: string;
  version: string;
  date: string;
  language: string;
  publisher?: string;
  /** Subjects of the edition, from the manifest (empty when it names none). */
  keywords: string[];
  /** Whether the parts start on right-hand pages (the manifest's `rightHandStarts`). */
  rightHandStarts: boolean;
  generator: { name: 'Folio'; version: string };
  documents: EditionDocument[];
  toc: TocEntry[];
  glossary: GlossaryEntry[];
  chronology: ChronologyEntry[];
  diagnostics: Diagnostic[];
}

export interface DocumentInput {
  id: string;
  entry: ManifestDocument;
  /** The title: the manifest's, else the text's own (see the repair stage). */
  title: string;
  source: EditionDocument['source'];
  meta: DocumentMeta;
  headings: Heading[];
  diagnostics: Diagnostic[];
}

/** The anchors of the back matter sections. */
export const backMatter = { glossary: 'glossaire', chronology: 'chronologie' } as const;

/**
 * Builds the edition model, frozen.
 * @param manifest the validated manifest
 * @param documents each document with its repairs' results, in manifest order
 * @param backMatter the glossary and the chronology the extraction found
 * @param folioVersion version of Folio, for the colophon
 * @param diagnostics every diagnostic of the edition so far
 * @param tocDepth deepest heading level listed in the table of contents
 */
export function createEdition(
  manifest: Manifest,
  documents: DocumentInput[],
  backMatterEntries: Pick<Edition, 'glossary' | 'chronology'>,
  folioVersion: string,
  diagnostics: Diagnostic[],
  tocDepth = 2,
): Edition {
  const docs: EditionDocument[] = documents.map((d) => ({
    id: d.id,
    title: d.title,
    shortTitle: d.entry.shortTitle ?? d.title,
    kind: d.entry.kind,
    publisher: d.entry.publisher,
    date: d.entry.date,
    period: d.entry.period,
    url: d.entry.url,
    source: d.source,
    meta: d.meta,
    headings: d.headings,
    repairs: {
      changes: d.diagnostics.filter((x) => x.change).length,
      warnings: d.diagnostics.filter((x) => x.severity === 'warning').length,
      errors: d.diagnostics.filter((x) => x.severity === 'error').length,
    },
  }));
  const toc: TocEntry[] = [];
  for (const d of docs) {
    toc.push({ id: d.id, title: d.title, level: 1, documentId: d.id });
    for (const h of d.headings) if (h.level <= tocDepth) toc.push({ id: h.id, title: h.text, level: h.level, documentId: d.id });
  }
  const messages = messagesFor(manifest.language);
  toc.push({ id: backMatter.glossary, title: messages.edition.glossary, level: 1 });
  toc.push({ id: backMatter.chronology, title: messages.edition.chronology, level: 1 });
  return deepFreeze({
    title: manifest.title,
    subtitle: manifest.subtitle,
    shortTitle: manifest.shortTitle ?? manifest.title,
    version: manifest.version,
    date: manifest.date,
    language: manifest.language,
    publisher: manifest.publisher,
    keywords: manifest.keywords ?? [],
    rightHandStarts: manifest.rightHandStarts,
    generator: { name: 'Folio', version: folioVersion },
    documents: docs,
    toc,
    glossary: structuredClone(backMatterEntries.glossary),
    chronology: structuredClone(backMatterEntries.chronology),
    diagnostics: structuredClone(diagnostics),
  });
}

/**
 * The edition as printed: the same model with the page of every table-of-contents entry, and the
 * diagnostics of printing added. A new frozen object; the model it comes from is unchanged.
 * @param edition the edition model
 * @param pages the page on which each anchor starts
 * @param diagnostics what printing reported
 */
export function withPrintedPages(edition: Edition, pages: Readonly<Record<string, number>>, diagnostics: readonly Diagnostic[]): Edition {
  return deepFreeze({
    ...edition,
    toc: edition.toc.map((entry) => ({ ...entry, page: pages[entry.id] })),
    diagnostics: [...edition.diagnostics, ...structuredClone(diagnostics as Diagnostic[])],
  });
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
