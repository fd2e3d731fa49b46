/**
 * What the edition's PDFs say about themselves — the compendium, its booklet and each handout:
 * their metadata and the compendium's outline, taken from the edition model. The outline follows
 * the edition's shape: the edition, then the table of contents, each document with its sections,
 * the back matter and the colophon.
 *
 * Not for: writing them into the PDF (see `finish-pdf.ts`).
 */
import type { Edition, EditionDocument } from '../assemble/edition.ts';
import { messagesFor } from '../messages/catalogue.ts';
import type { PdfMetadata } from './pdf-metadata.ts';
import type { OutlineItem } from './pdf-outline.ts';

/** Anchor ids of the compendium's fixed parts, as the templates write them. */
export const compendiumAnchors = { cover: 'couverture', toc: 'sommaire', colophon: 'colophon' } as const;

/**
 * The PDF metadata of an edition.
 * @param edition the edition model
 * @param date the build date (see `buildDate`)
 * @param identity what the document ID is made from (the compendium's HTML)
 * @param printer the browser's version, named in the producer
 */
export function editionPdfMetadata(edition: Edition, date: Date, identity: string, printer?: string): PdfMetadata {
  const keywords = edition.keywords.length
    ? edition.keywords
    : [...new Set(edition.documents.flatMap((d) => [d.kind ?? '', d.publisher ?? '']).filter(Boolean))];
  const folio = `${edition.generator.name} ${edition.generator.version}`;
  return {
    title: edition.title,
    author: edition.publisher,
    publisher: edition.publisher,
    subject: edition.subtitle ?? edition.title,
    keywords,
    language: edition.language,
    date,
    creator: folio,
    producer: printer ? `${folio} (${printer}, pdf-lib)` : `${folio} (pdf-lib)`,
    identity,
  };
}

/**
 * The PDF metadata of one document's handout: the document's own title and publisher, the edition
 * as its subject.
 * @param edition the edition model
 * @param document the handout's document
 * @param date the build date
 * @param identity what the document ID is made from (the handout's HTML)
 * @param printer the browser's version
 */
export function handoutPdfMetadata(edition: Edition, document: EditionDocument, date: Date, identity: string, printer?: string): PdfMetadata {
  const base = editionPdfMetadata(edition, date, identity, printer);
  return {
    ...base,
    title: document.title,
    author: document.publisher ?? edition.publisher,
    publisher: edition.publisher,
    subject: `${edition.title}, ${edition.version}`,
    keywords: [document.kind ?? '', document.publisher ?? ''].filter(Boolean),
  };
}

/**
 * The outline of an edition: one root for the edition, unfolded, holding the table of contents,
 * the documents (their sections folded beneath them), the back matter and the colophon.
 * @param edition the edition model; its `toc` gives the documents' sections and the back matter
 */
export function editionOutline(edition: Edition): OutlineItem[] {
  const messages = messagesFor(edition.language);
  const children: OutlineItem[] = [{ title: messages.edition.contents, anchor: compendiumAnchors.toc }];
  for (const entry of edition.toc) {
    if (entry.level !== 1) continue;
    const doc = edition.documents.find((d) => d.id === entry.id);
    if (!doc) {
      children.push({ title: entry.title, anchor: entry.id });
      continue;
    }
    children.push({ title: doc.shortTitle, anchor: doc.id, children: nestHeadings(doc.headings) });
  }
  children.push({ title: messages.edition.colophon, anchor: compendiumAnchors.colophon });
  return [{ title: edition.title, anchor: compendiumAnchors.cover, open: true, children }];
}

/** Nests a flat list of headings (levels 2, 3…) by level. */
function nestHeadings(headings: Edition['documents'][number]['headings']): OutlineItem[] {
  const root: OutlineItem[] = [];
  const stack: { level: number; item: OutlineItem }[] = [];
  for (const h of headings) {
    const item: OutlineItem = { title: h.text, anchor: h.id, children: [] };
    while (stack.length && stack[stack.length - 1]!.level >= h.level) stack.pop();
    (stack.length ? stack[stack.length - 1]!.item.children! : root).push(item);
    stack.push({ level: h.level, item });
  }
  return root;
}
