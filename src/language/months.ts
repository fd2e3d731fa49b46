/**
 * Month names, French and English, full and abbreviated, as dates are written on the pages the
 * corpus comes from (`26 Jun. 2018`, `13 février 2024`, `Février 1992`).
 */

const names: Record<string, number> = {};
const add = (month: number, ...forms: string[]): void => {
  for (const f of forms) names[f] = month;
};
add(1, 'janvier', 'janv', 'january', 'jan');
add(2, 'février', 'fevrier', 'févr', 'fevr', 'fév', 'february', 'feb');
add(3, 'mars', 'march', 'mar');
add(4, 'avril', 'avr', 'april', 'apr');
add(5, 'mai', 'may');
add(6, 'juin', 'june', 'jun');
add(7, 'juillet', 'juil', 'july', 'jul');
add(8, 'août', 'aout', 'august', 'aug');
add(9, 'septembre', 'sept', 'september', 'sep');
add(10, 'octobre', 'oct', 'october');
add(11, 'novembre', 'nov', 'november');
add(12, 'décembre', 'decembre', 'déc', 'dec', 'december');

const frenchNames = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];

/** The French name of a month (1–12), or undefined. */
export function frenchMonthName(month: number): string | undefined {
  return frenchNames[month - 1];
}

/** The month number (1–12) of a month name or abbreviation, any case, with or without a final dot. */
export function monthNumber(name: string): number | undefined {
  return names[name.toLowerCase().replace(/\.$/u, '')];
}

/** A regular-expression alternation of all month names and abbreviations (longest first). */
export const monthPattern = Object.keys(names)
  .sort((a, b) => b.length - a.length)
  .join('|');

/**
 * Reads a calendar date written `26 Jun. 2018`, `13 février 2024`, `1er mai 2016` or
 * `2018-06-26`, and returns it as `YYYY-MM-DD`; undefined when the text holds no such date.
 */
export function readDayMonthYear(text: string): string | undefined {
  const iso = /\b(\d{4})-(\d{2})-(\d{2})\b/u.exec(text);
  if (iso) return `${iso[1]}-${iso[2]}-${iso[3]}`;
  const m = new RegExp(`\\b(\\d{1,2})(?:er)?\\s+(${monthPattern})\\.?\\s+(\\d{4})\\b`, 'iu').exec(text);
  if (!m) return undefined;
  const month = monthNumber(m[2]!);
  const day = Number(m[1]);
  if (!month || day < 1 || day > 31) return undefined;
  return `${m[3]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
