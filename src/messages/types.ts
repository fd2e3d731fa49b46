/**
 * The shape of a catalogue of messages (see `catalogue.ts`): every language's catalogue has this
 * type, so a message missing in one of them does not compile.
 */
import type { PluralForms } from './plural.ts';

/** A message that depends on values: a count, a date… */
export type Message<P = Record<string, never>> = (params: P) => string;

export interface Messages {
  /** Language tag of the catalogue (`fr`). */
  language: string;
  edition: {
    contents: string;
    glossary: string;
    chronology: string;
    colophon: string;
    cover: string;
    sources: string;
    /** `Édition 1.0.0 · 21 novembre 2026` */
    editionOf: Message<{ version: string; date: string }>;
    originalTitle: string;
    truncated: string;
    notes: string;
    backToNote: Message<{ n: number }>;
  };
  glossary: {
    intro: string;
    editorial: string;
    none: string;
  };
  chronology: {
    none: string;
  };
  colophon: {
    /** The publisher is absent when the manifest names none. */
    edition: Message<{ version: string; date: string; publisher?: string }>;
    composed: Message<{ date: string; generator: string }>;
    repairs: Message<{ count: number }>;
    noRepairs: string;
    review: Message<{ notes: number }>;
    sources: string;
    document: string;
    fileAndHash: string;
  };
  handout: {
    editionOf: Message<{ title: string; version: string; date: string }>;
    source: string;
    unknownSource: string;
    date: string;
    period: Message<{ from: string; to: string }>;
    undated: string;
    originalTitle: string;
    received: string;
    acronyms: string;
    notesTitle: string;
    repaired: Message<{ version: string; infos: number; warnings: number }>;
    repairedClean: Message<{ version: string; infos: number }>;
    unchanged: string;
    /** A place in a source; `page` for a PDF (the line is then counted on that page). */
    position: Message<{ line: number; column: number; page?: number }>;
    fullList: Message<{ title: string }>;
  };
  review: {
    title: Message<{ title: string }>;
    heading: string;
    intro: Message<{ title: string; version: string }>;
    removed: string;
    added: string;
    document: string;
    toCheck: string;
    repaired: string;
    notes: string;
    byRule: string;
    nothingToCheck: string;
    noRepair: string;
    noNote: string;
    editionHeading: string;
    editionIntro: string;
    line: Message<{ line: number; page?: number }>;
    column: Message<{ column: number }>;
  };
  watch: {
    title: string;
    heading: string;
    fix: string;
    rebuilding: string;
    stopped: string;
  };
  /** What each rule of the repairs and checks means, for a reader (by rule id). */
  rules: Record<string, string>;
  /** What is said of a rule the catalogue does not describe. */
  otherRule: Message<{ rule: string }>;
  /** Counted nouns: `repairs`, `warnings`… */
  counted: Record<'repairs' | 'points' | 'notes', PluralForms>;
}
