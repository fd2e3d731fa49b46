/**
 * Handouts: each document of the edition as a PDF of its own, printable without the rest — a
 * heading block (title, source, date), a running header, page numbers `x / y`, the acronyms it
 * uses and the notes on its repairs. The layout is `templates/handout.hbs` with
 * `styles/handout.css` appended after the compendium's stylesheet; this module only chooses what
 * goes in and prints it.
 *
 * Not for: the compendium's own layout, or the repairs themselves (it reports them).
 */
import type { Diagnostic } from '../diagnostics.ts';
import type { Edition, EditionDocument, GlossaryEntry } from '../assemble/edition.ts';
import { loadTemplates, renderTemplates, type TemplateSet } from '../assemble/templates.ts';
import type { BrowserSession } from '../render/browser.ts';
import { messagesFor, ruleDescription } from '../messages/catalogue.ts';
import type { PdfMetadata } from '../render/pdf-metadata.ts';
import { printPdf, type PrintedPdf } from '../render/print-pdf.ts';
import { withPool, type PrintPool } from '../render/print-pool.ts';

/** What a handout says about the repairs of its text. */
export interface RepairNotes {
  /** Doubts an editor should check, in source order. */
  warnings: Diagnostic[];
  /** Routine repairs (line breaks joined, hyphens restored…), counted, not listed. */
  infos: number;
  /** Of all diagnostics, those that changed the text. */
  changes: number;
}

/** One document's handout, ready to print. */
export interface Handout {
  documentId: string;
  html: string;
}

/**
 * Whether a reference from the glossary (a use, a first use, where a term is defined) points into
 * a document: the document's id itself, or an anchor inside it (`<id>--…`, `<id>#…`).
 */
export function refersTo(reference: string, documentId: string): boolean {
  return reference === documentId || reference.startsWith(`${documentId}--`) || reference.startsWith(`${documentId}#`);
}

/**
 * The glossary entries a document uses or defines, in the glossary's order.
 * @param glossary the edition's glossary
 * @param documentId the document's id
 */
export function glossaryFor(glossary: readonly GlossaryEntry[], documentId: string): GlossaryEntry[] {
  return glossary.filter(
    (entry) =>
      entry.uses.some((u) => refersTo(u, documentId)) ||
      (entry.firstUse !== undefined && refersTo(entry.firstUse, documentId)) ||
      entry.expansions.some((e) => e.definedIn !== undefined && refersTo(e.definedIn, documentId)),
  );
}

/**
 * The notes on a document's repairs: its warnings listed, its infos counted.
 * @param diagnostics the edition's diagnostics
 * @param sourceFile the document's source file, as diagnostics name it
 */
export function repairNotes(diagnostics: readonly Diagnostic[], sourceFile: string): RepairNotes {
  const own = diagnostics.filter((d) => d.file === sourceFile);
  return {
    warnings: own.filter((d) => d.severity !== 'info'),
    infos: own.filter((d) => d.severity === 'info').length,
    changes: own.filter((d) => d.change).length,
  };
}

/**
 * A CSS string literal for a text, for `content:` in a page margin box (the only way to put a
 * document's title in a running header in Chrome). Safe inside an HTML `<style>` element.
 */
export function cssString(text: string): string {
  const escaped = text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\r?\n/g, '\\A ').replace(/</g, '\\3C ');
  return `"${escaped}"`;
}

/**
 * Reads the handout templates: `handout.hbs` is the page, the folders' other templates are
 * partials, as for the compendium.
 * @param dirs the template folders, Folio's own first
 * @throws FolioError when no folder has a `handout.hbs`, or a template is invalid
 */
export async function loadHandoutTemplates(dirs: string | readonly string[]): Promise<TemplateSet> {
  return loadTemplates(dirs, 'handout');
}

/**
 * Renders one document's handout.
 * @param templates the handout templates
 * @param edition the edition model
 * @param document the document
 * @param documentHtml the document's body as HTML
 * @param css the compendium stylesheet followed by the handout stylesheet, self-contained
 */
export function renderHandout(templates: TemplateSet, edition: Edition, document: EditionDocument, documentHtml: string, css: string): string {
  const messages = messagesFor(edition.language);
  return renderTemplates(templates, {
    edition,
    document: { ...document, html: documentHtml },
    glossary: glossaryFor(edition.glossary, document.id),
    // What is printed about each warning is the rule's meaning in the edition's language, not
    // the diagnostic's own (English) sentence.
    notes: ((notes) => ({ ...notes, warnings: notes.warnings.map((w) => ({ ...w, description: ruleDescription(messages, w.rule) })) }))(repairNotes(edition.diagnostics, document.source.file)),
    messages,
    runningHeader: { document: cssString(document.shortTitle), edition: cssString(`${edition.shortTitle} · ${edition.version}`) },
    css,
  });
}

/**
 * Prints and finishes handouts; the pool prints as many at once as it has pages.
 * @param target the build's print pool (or a browser)
 * @param handouts each handout's HTML and metadata
 * @param onDone told after each handout
 * @returns each document id with its PDF and how it was paginated, in the given order
 */
export async function printHandouts(
  target: BrowserSession | PrintPool,
  handouts: readonly (Handout & { metadata: PdfMetadata })[],
  onDone?: (done: number, pages: number) => void,
): Promise<{ documentId: string; pdf: Uint8Array; pagination: PrintedPdf['pagination'] }[]> {
  let done = 0;
  let pages = 0;
  return withPool(target, (pool) =>
    Promise.all(
      handouts.map(async (h) => {
        const printed = await printPdf(pool, { html: h.html, metadata: h.metadata });
        done += 1;
        pages += printed.pagination.pageCount;
        onDone?.(done, pages);
        return { documentId: h.documentId, pdf: printed.pdf, pagination: printed.pagination };
      }),
    ),
  );
}
