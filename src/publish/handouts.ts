/**
 * Handouts: each document of the edition as a PDF of its own, printable without the rest — a
 * heading block (title, source, date), a running header, page numbers `x / y`, the acronyms it
 * uses and the notes on its repairs. The layout is `templates/handout.hbs` with
 * `styles/handout.css` appended after the compendium's stylesheet; this module only chooses what
 * goes in and prints it.
 *
 * Not for: the compendium's own layout, or the repairs themselves (it reports them).
 */
import { FolioError, type Diagnostic } from '../diagnostics.ts';
import type { Edition, EditionDocument, GlossaryEntry } from '../assemble/edition.ts';
import { loadTemplates, renderTemplates, type TemplateSet } from '../assemble/templates.ts';
import type { BrowserSession } from '../render/browser.ts';
import { paginate } from '../render/paginate.ts';
import { messagesFor, ruleDescription } from '../messages/catalogue.ts';

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
 * Reads the handout templates: `handout.hbs` is the page, the folder's other templates are
 * partials, as for the compendium.
 * @throws FolioError when the folder has no `handout.hbs`
 */
export async function loadHandoutTemplates(dir: string): Promise<TemplateSet> {
  try {
    return await loadTemplates(dir, 'handout');
  } catch (error) {
    if (error instanceof Error && /^No handout\.hbs/.test(error.message)) {
      throw new FolioError(`The templates folder ${dir} has no handout.hbs. Copy Folio's templates/handout.hbs into it.`, [], 'input');
    }
    throw error;
  }
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
 * Prints handouts, a few at a time in the same browser.
 * @param session the build's browser
 * @param handouts the handouts' HTML
 * @param concurrency pages printed at once
 * @param finish what is done to each printed PDF (text layer, metadata)
 * @returns each document id with its PDF, in the given order
 */
export async function printHandouts(
  session: BrowserSession,
  handouts: readonly Handout[],
  concurrency = 2,
  finish?: (documentId: string, pdf: Uint8Array) => Promise<Uint8Array>,
): Promise<{ documentId: string; pdf: Uint8Array }[]> {
  const results: { documentId: string; pdf: Uint8Array }[] = new Array(handouts.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < handouts.length) {
      const i = next++;
      const h = handouts[i]!;
      const { pdf } = await paginate(session, h.html);
      results[i] = { documentId: h.documentId, pdf: finish ? await finish(h.documentId, pdf) : pdf };
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, handouts.length) }, worker));
  return results;
}
