/**
 * The messages a reader sees in Folio's products (the compendium's fixed texts, the handouts, the
 * colophon, the review page, the watch page), one catalogue per language. Each catalogue has the
 * type `Messages`, so a key missing in one language does not compile. Counted messages take the
 * count and choose their form with `Intl.PluralRules` (`1 réparation`, `36 réparations`).
 *
 * Templates reach them through the `t` helper (`{{t "handout.source"}}`, `{{t "colophon.repairs"
 * count=12}}`), code through `messagesFor(language)`.
 *
 * Not for: diagnostics on the command line (they stay in English, with their rule id).
 */
import { en } from './en.ts';
import { fr } from './fr.ts';
import { plural, type PluralForms } from './plural.ts';

export type { PluralForms } from './plural.ts';

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
    edition: Message<{ version: string; date: string; publisher: string }>;
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
    position: Message<{ line: number; column: number }>;
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
    line: Message<{ line: number }>;
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

const catalogues: Record<string, Messages> = { fr, en };

/**
 * The catalogue of a language: its own, or the one of its base language (`fr-CA` → `fr`), or the
 * English one.
 * @param language a BCP 47 tag
 */
export function messagesFor(language: string): Messages {
  const tag = language.toLowerCase();
  return catalogues[tag] ?? catalogues[tag.split('-')[0]!] ?? en;
}

/**
 * A count with its noun in the right plural form (`1 réparation`, `36 réparations`).
 * @param messages the catalogue
 * @param noun which counted noun
 * @param count the number
 */
export function counted(messages: Messages, noun: keyof Messages['counted'], count: number): string {
  return plural(messages.language, count, messages.counted[noun]);
}

/** What a rule means, in the catalogue's language. */
export function ruleDescription(messages: Messages, rule: string): string {
  return messages.rules[rule] ?? messages.otherRule({ rule });
}

/**
 * Looks up a message by its dotted path and fills it: what the templates' `t` helper does.
 * @throws Error naming the key when the catalogue has no such message
 */
export function translate(messages: Messages, key: string, params: Record<string, unknown> = {}): string {
  let value: unknown = messages;
  for (const part of key.split('.')) value = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[part] : undefined;
  if (typeof value === 'function') return String((value as Message<Record<string, unknown>>)(params));
  if (typeof value === 'string') return value;
  throw new Error(`No message “${key}” in the ${messages.language} catalogue.`);
}
