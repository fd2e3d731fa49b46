/**
 * What the glossary and chronology templates show: the edition's entries with, for each link,
 * the short title of the document it leads to. The page numbers come later, from the
 * `data-page-of` elements the templates write (filled by the pagination).
 */
import type { Edition } from './edition.ts';
import { glossaryId } from '../extract/acronym-uses.ts';

/** The document an anchor belongs to (anchors are `DOCUMENT-ID--…`, or a document's own id). */
function documentOf(edition: Edition, anchor: string | undefined): Edition['documents'][number] | undefined {
  if (!anchor) return undefined;
  const id = anchor.split('--')[0];
  return edition.documents.find((d) => d.id === id);
}

/** The view of the back matter for the templates. */
export function backMatterView(edition: Edition) {
  const title = (anchor: string | undefined): string | undefined => documentOf(edition, anchor)?.shortTitle;
  return {
    glossary: edition.glossary.map((e) => ({
      ...e,
      id: glossaryId(e.term),
      firstUseTitle: title(e.firstUse),
      expansions: e.expansions.map((x) => ({ ...x, definedInTitle: title(x.definedIn), editorial: x.origin === 'editorial' })),
    })),
    chronology: edition.chronology.map((e) => ({
      ...e,
      places: e.anchors.map((anchor) => ({ anchor, title: title(anchor) })),
    })),
  };
}
