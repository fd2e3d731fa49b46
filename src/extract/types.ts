/**
 * What the extract stage gives the rest of the pipeline: the entries of the glossary of acronyms
 * and of the chronology of events, as plain serializable objects (they go into the edition model
 * and `compendium.json` as they are).
 */

/** A place of a document that tells an entry's matter: where the back matter's page references point. */
export interface SourcePlace {
  /** The document's id. */
  document: string;
  /** The anchor in the document (a use of a term, the sentence of an event). */
  anchor: string;
}

export interface GlossaryEntry {
  term: string;
  /** `definedIn`: anchor of the use that defines it; `source`: where the editors took it from. */
  expansions: { text: string; definedIn?: string; origin: 'text' | 'editorial'; source?: string }[];
  /** Anchor of the first use in the compendium. */
  firstUse?: string;
  /** Anchors of every use, in reading order. */
  uses: string[];
  /** The editors' note, from glossary.yaml. */
  note?: string;
  /** The editors' source for the note. */
  source?: string;
  /**
   * One place per document that uses the term, in reading order: where that document defines it,
   * or its first use there. Page references of one document can be merged from these.
   */
  places?: SourcePlace[];
}

export interface ChronologyEntry {
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, as precise as the texts. */
  date: string;
  end?: string;
  text: string;
  /** Ids of the documents that tell the event. */
  sources: string[];
  /** Anchors of the places that tell it, one per source at least. */
  anchors: string[];
  /** The same places with their document, in the order of `anchors`. */
  places: SourcePlace[];
}
