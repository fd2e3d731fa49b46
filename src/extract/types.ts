/**
 * What the extract stage gives the rest of the pipeline: the entries of the glossary of acronyms
 * and of the chronology of events, as plain serializable objects (they go into the edition model
 * and `compendium.json` as they are).
 */

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
}
