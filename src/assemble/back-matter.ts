/**
 * What the glossary and chronology templates show: the edition's entries laid out for a reader.
 * A glossary entry gives each expansion once, with the page of the place that defines it (else of
 * the first use); a chronology entry names each document that tells the event once, followed by
 * the pages of its places (`Rapport, p. 27, 32`). The page numbers come later, from the
 * `data-page-of` elements the templates write (filled by the pagination).
 *
 * Not for: choosing the entries or their text (`glossary.ts`, `chronology.ts`).
 */
import type { Edition } from './edition.ts';
import { glossaryId } from '../extract/acronym-uses.ts';

/** The document an anchor belongs to (anchors are `DOCUMENT-ID--…`, or a document's own id). */
function documentOf(edition: Edition, anchor: string | undefined): Edition['documents'][number] | undefined {
  if (!anchor) return undefined;
  const id = anchor.split('--')[0];
  return edition.documents.find((d) => d.id === id);
}

/** One document's places in a chronology entry. */
export interface ChronologySource {
  /** The document's short title. */
  title: string;
  /** Anchors of its places, in reading order, once each. */
  anchors: string[];
}

/**
 * Groups the places of an event by document, in the order the documents first appear.
 * @param edition the edition (for the documents' titles)
 * @param anchors the event's places
 */
export function chronologySources(edition: Edition, anchors: readonly string[]): ChronologySource[] {
  const out: ChronologySource[] = [];
  for (const anchor of anchors) {
    const doc = documentOf(edition, anchor);
    const title = doc?.shortTitle ?? '';
    let group = out.find((g) => g.title === title);
    if (!group) out.push((group = { title, anchors: [] }));
    if (!group.anchors.includes(anchor)) group.anchors.push(anchor);
  }
  return out;
}

/** The view of the back matter for the templates. */
export function backMatterView(edition: Edition) {
  return {
    glossary: edition.glossary.map((e) => ({
      term: e.term,
      note: e.note,
      id: glossaryId(e.term),
      expansions: e.expansions.map((x, i) => ({
        text: x.text,
        editorial: x.origin === 'editorial',
        // The page that explains the term: where a text defines it, else where it is first used.
        page: x.definedIn ?? (i === 0 ? e.firstUse : undefined),
      })),
    })),
    chronology: edition.chronology.map((e) => ({
      date: e.date,
      end: e.end,
      text: e.text,
      sources: chronologySources(edition, e.anchors),
    })),
  };
}
