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
import { plural } from './plural.ts';
import type { Message, Messages } from './types.ts';

export type { Message, Messages } from './types.ts';
export type { PluralForms } from './plural.ts';

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
