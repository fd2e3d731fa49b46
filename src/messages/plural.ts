/**
 * Plural forms by the language's own rules (`Intl.PluralRules`, CLDR): French says `0 réparation`,
 * `1 réparation`, `2 réparations`; English `0 repairs`, `1 repair`.
 */

/** The forms of a counted noun; `{n}` stands for the number. */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

/**
 * A count with its noun in the right form.
 * @param language the catalogue's language
 * @param count the number
 * @param forms the noun's forms, `{n}` for the number
 */
export function plural(language: string, count: number, forms: PluralForms): string {
  const form = forms[new Intl.PluralRules(language).select(count)] ?? forms.other;
  return form.replace('{n}', new Intl.NumberFormat(language).format(count));
}
