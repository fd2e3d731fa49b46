/**
 * Dates in French, in one place: the month names, one grammar to read the dates of prose
 * (`findFrenchDates`) and one to write them (`formatFrenchDate`). Used by the extraction (the
 * chronology), the assembly (dates printed in the back matter and the colophon) and the repairs
 * (the date of a web page, which may be written the English way, `26 Jun. 2018`).
 *
 * Why a grammar of our own rather than chrono-node (it has a French locale)? Tried on the forms
 * briefings and manuals use, it misses month–year dates (`en janvier 2023`), bare years, year and
 * month ranges (`2006 – 2010`, `entre mars et juin 2031`), decades and bare months
 * (`(septembre)`), reads `à 2035` as a time of day, and resolves every missing part against one
 * reference instant, inventing days. A few patterns keep the precision the text gives: what the
 * text does not say stays unknown (`year`, `month`, `day` are optional), and placing a date
 * without a year is the caller's job (`src/extract/chronology.ts`).
 *
 * What is not a date, by the rules of writing rather than by lists of a text's words: a number
 * inside a URL, a path, a version or a code (`v2.10`, `5.2`, `git20230208`, `10179:1996`), a
 * quantity (`4096 bits`, `2000 Hz`, `1800 échantillons`, `1920 × 1080`), a timestamp of a program's output
 * (`12 mai 2031 08:14:55`), the years of a copyright notice, a date that is all a quotation
 * holds (a value cited), and a bare four-digit number that no word of time introduces
 * (`TeX Live 2007`, a table's `2051`).
 *
 * The text is read after Unicode normalization (NFC) and the repair of the accent pairs that TeX
 * fonts leave in PDF extractions (`fe´vrier`, `fe\u0301vrier`), so a month name damaged that way
 * is read; positions are those of the text as given.
 *
 * Not for: times of day, durations (`deux ans après`), ordinals (`24e conférence`).
 */
import { isAuxiliaryForm, isFrenchFunctionWord, isFunctionWord } from './words.ts';

// ---------------------------------------------------------------------------------------------
// Month names

/**
 * Each month once: its French name, the French abbreviations and the spellings without accents
 * that texts write, and the English name and abbreviation web pages print (`26 Jun. 2018`).
 */
const months: readonly { french: string; frenchForms: readonly string[]; english: readonly string[] }[] = [
  { french: 'janvier', frenchForms: ['janv'], english: ['january', 'jan'] },
  { french: 'février', frenchForms: ['fevrier', 'févr', 'fevr', 'fév'], english: ['february', 'feb'] },
  { french: 'mars', frenchForms: [], english: ['march', 'mar'] },
  { french: 'avril', frenchForms: ['avr'], english: ['april', 'apr'] },
  { french: 'mai', frenchForms: [], english: ['may'] },
  { french: 'juin', frenchForms: [], english: ['june', 'jun'] },
  { french: 'juillet', frenchForms: ['juil'], english: ['july', 'jul'] },
  { french: 'août', frenchForms: ['aout'], english: ['august', 'aug'] },
  { french: 'septembre', frenchForms: ['sept'], english: ['september', 'sep'] },
  { french: 'octobre', frenchForms: ['oct'], english: ['october'] },
  { french: 'novembre', frenchForms: ['nov'], english: ['november'] },
  { french: 'décembre', frenchForms: ['decembre', 'déc', 'dec'], english: ['december'] },
];

const monthForms: Record<string, number> = {};
months.forEach((m, i) => {
  for (const f of [m.french, ...m.frenchForms, ...m.english]) monthForms[f] ??= i + 1;
});

/** The French name of a month (1–12), or undefined. */
export function frenchMonthName(month: number): string | undefined {
  return months[month - 1]?.french;
}

/** The month number (1–12) of a month name or abbreviation, French or English, any case, with or without a final dot. */
export function monthNumber(name: string): number | undefined {
  return monthForms[name.normalize('NFC').toLocaleLowerCase('fr').replace(/\.$/u, '')];
}

/** A regular-expression alternation of all month names and abbreviations, French and English (longest first). */
export const monthPattern = Object.keys(monthForms)
  .sort((a, b) => b.length - a.length)
  .join('|');

/**
 * The French month names only, as a regular-expression alternation (prose is read with these):
 * the names and their unaccented spellings, and the abbreviations with their dot (`janv.`; an
 * abbreviation without its dot is too often something else: `oct`, `nov`).
 */
export const frenchMonthPattern = `(?:${months
  .flatMap((m) => [m.french, ...m.frenchForms.map((f) => (f.length < m.french.length - 1 ? `${f}\\.` : f))])
  .join('|')})`;

// ---------------------------------------------------------------------------------------------
// Writing

/**
 * Formats `YYYY`, `YYYY-MM` or `YYYY-MM-DD` the French way, with the precision it has
 * (`2024`, `février 2024`, `1er février 2024`); returns other values unchanged.
 */
export function formatFrenchDate(iso: string): string {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(iso);
  if (!m) return iso;
  const [, year, month, day] = m;
  if (!month) return year!;
  const name = frenchMonthName(Number(month));
  if (!name) return iso;
  if (!day) return `${name} ${year}`;
  const d = Number(day);
  return `${d === 1 ? '1er' : d} ${name} ${year}`;
}

/** Formats a partial date as ISO 8601 with the precision it has (`2024`, `2024-02`, `2024-02-13`). */
export function isoDate(date: PartialDate): string | undefined {
  if (date.year === undefined) return undefined;
  const y = String(date.year).padStart(4, '0');
  if (date.month === undefined) return y;
  const m = `${y}-${String(date.month).padStart(2, '0')}`;
  return date.day === undefined ? m : `${m}-${String(date.day).padStart(2, '0')}`;
}

/** Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
export function parseIsoDate(value: string): PartialDate | undefined {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (!m) return undefined;
  return { year: Number(m[1]), month: m[2] ? Number(m[2]) : undefined, day: m[3] ? Number(m[3]) : undefined };
}

/** The day of the week of a full date (0 = Sunday), or undefined when a part is missing or the date does not exist. */
export function weekdayOf(date: PartialDate): number | undefined {
  if (date.year === undefined || date.month === undefined || date.day === undefined) return undefined;
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day));
  if (d.getUTCMonth() !== date.month - 1) return undefined;
  return d.getUTCDay();
}

/**
 * Reads a calendar date written `26 Jun. 2018`, `13 février 2024`, `1er mai 2016` or
 * `2018-06-26` (the date line of a web page), and returns it as `YYYY-MM-DD`; undefined when the
 * text holds no such date.
 */
export function readDayMonthYear(text: string): string | undefined {
  const iso = /\b(\d{4})-(\d{2})-(\d{2})\b/u.exec(text);
  if (iso) return `${iso[1]}-${iso[2]}-${iso[3]}`;
  const m = new RegExp(`\\b(\\d{1,2})(?:er)?\\s+(${monthPattern})\\.?\\s+(\\d{4})\\b`, 'iu').exec(readable(text).text);
  if (!m) return undefined;
  const month = monthNumber(m[2]!);
  const day = Number(m[1]);
  if (!month || day < 1 || day > 31) return undefined;
  return `${m[3]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

// ---------------------------------------------------------------------------------------------
// Reading prose

/** A calendar date as precise as the text: a month without a day stays a month. */
export interface PartialDate {
  year?: number;
  /** 1–12 */
  month?: number;
  day?: number;
  /** 0 = Sunday … 6 = Saturday, when the text names the day of the week. */
  weekday?: number;
}

export interface DateMention {
  /** `[start, end)` of the expression in the text. */
  start: number;
  end: number;
  from: PartialDate;
  /** Last day, month or year of a range (`8-9 avril 2019`, `2006 – 2010`). */
  to?: PartialDate;
  /** `juillet dernier`, `juin prochain`: which side of the document's date the date lies on. */
  relative?: 'past' | 'future';
  /** A deadline or horizon (`à l'horizon 2030`, `d'ici à 2035`), not something that happened. */
  target?: boolean;
  /** The expression heads its block and labels it (`Février 1992 : …`, `- 1995 – …`): the rest is the event. */
  label?: boolean;
  /** A bare year (no month, no day). */
  bareYear?: boolean;
}

/** Spacing accents that TeX fonts leave beside their letter in PDF extractions, and the combining mark each stands for. */
const spacingAccents: Record<string, string> = {
  '\u00b4': '\u0301', // ´ acute
  '\u02ca': '\u0301',
  '\u02cb': '\u0300', // ˋ grave
  '\u02c6': '\u0302', // ˆ circumflex
  '\u00a8': '\u0308', // ¨ diaeresis
  '\u02dc': '\u0303', // ˜ tilde
  '\u00b8': '\u0327', // ¸ cedilla
  '\u02c7': '\u030c', // ˇ caron
};

/** A character `readable` changes: a mark, a spacing accent, a dotless i, a ligature. */
const needsReading = new RegExp(`[\\p{M}ıﬁﬂﬀﬃﬄ${Object.keys(spacingAccents).join('')}]`, 'u');

/**
 * The text as the grammar reads it: NFC, accent pairs of TeX fonts joined to their letter, dotless
 * i under an accent made an i, ligatures opened; and, for each character of the result, the
 * offset in the given text it comes from (one more entry: the end).
 */
export function readable(text: string): { text: string; origin: number[] } {
  // Most text holds none of these: it reads as it is.
  if (!needsReading.test(text)) return { text, origin: Array.from({ length: text.length + 1 }, (_, i) => i) };
  const out: string[] = [];
  const origin: number[] = [];
  const composes = (base: string, mark: string): boolean => base !== '' && (base + mark).normalize('NFC').length === 1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const mark = spacingAccents[ch] ?? (/\p{M}/u.test(ch) ? ch : undefined);
    if (mark) {
      const prev = out.length ? out[out.length - 1]! : '';
      const base = prev === 'ı' ? 'i' : prev;
      if (composes(base, mark)) {
        out[out.length - 1] = (base + mark).normalize('NFC');
        continue;
      }
      const next = text[i + 1] === 'ı' ? 'i' : (text[i + 1] ?? '');
      if (spacingAccents[ch] && composes(next, mark)) {
        out.push((next + mark).normalize('NFC'));
        origin.push(i);
        i++;
        continue;
      }
    }
    const opened = ch === 'ﬁ' ? 'fi' : ch === 'ﬂ' ? 'fl' : ch === 'ﬀ' ? 'ff' : ch === 'ﬃ' ? 'ffi' : ch === 'ﬄ' ? 'ffl' : ch;
    for (const c of opened) {
      out.push(c);
      origin.push(i);
    }
  }
  origin.push(text.length);
  return { text: out.join(''), origin };
}

const weekdays = ['dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi'];

const MONTH = frenchMonthPattern;
// `1er`, also with its suffix raised (`1ᵉʳ`) or set apart by a PDF's extraction (`1 er`).
const DAY = String.raw`(?:1(?:er|ᵉʳ|\s(?:er|ᵉʳ)(?=\s))|premier|[12]\d|3[01]|0?[1-9])`;
const YEAR = String.raw`(?:1[6-9]\d\d|20\d\d)`;
const WEEKDAY = String.raw`(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)`;
const DASH = String.raw`\s*[-–—‑]\s*`;
// Not inside a longer number, a word, a code (`n° 2001`, `ISO-2022`, `git20230208`), a path or a
// version (`10179:1996`, `/2019/`, `v2.10`, `5.2`). `mi-` (`mi-décembre`) is French.
const B = String.raw`(?<![\p{L}\p{N}°.:/_~+#@=\\])(?<!(?<!mi)-)`;
// Not followed by more digits or letters, a decimal or version part, a colon that a letter or a
// digit touches (an address, `2001:db8::1`; French spaces a colon), an amount, a percentage.
const E = String.raw`(?![\p{L}\p{N}_]|[.,\/-]\p{N}|:[\p{L}\p{N}]|\s?%|\s?[€$£]|\s\d{3}\b)`;

/** Series of numbered documents (standards, requests for comments, book numbers): their numbers are no years. */
const numberedSeries = /(?:^|[^\p{L}])(?:RFC|ISO(?:\/IEC)?|IEC|IEEE(?:\s+Std)?|ECMA|BCP|STD|FIPS|ISBN|ISSN|DIN|NF|UIT-T|ITU-T)[\s-]*$/u;

/** Units and symbols after which a number is a quantity (`2000 Hz`, `4096 bits`). */
const unitRe = /^(?:[kMGT]?(?:Hz|o|io|B|iB|bits?|bps|W|V|A|Ω)|mA|mV|µs|ms|ns|mm|cm|km|kg|Go|Mo|Ko|To|Gio|Mio|Kio|°C?|K)\b/u;

/**
 * The words after which a bare year is a date in French prose: prepositions of time (`en 2004`,
 * `depuis 2006`, `jusqu'en 2031`; not `avant 2004`, `après 2004`, which name no moment), nouns of periods (`l'année 2031`, `l'été 2032`, `début 2033`,
 * `premier trimestre 2034`) and `de` (`le sommet de 2025`, `de 2008 à 2016`).
 */
const yearIntroducer = new RegExp(
  String.raw`(?:^|[^\p{L}])(?:en|dès|depuis|vers|courant|jusqu['’](?:en|à|au)|d['’]ici(?:\s+(?:à|a))?|horizon|de|du|fin|début|mi|milieu|l['’]an|an|année|années|été|hiver|printemps|automne|trimestre|semestre|saison|exercice|cru|promotion|millésime)\s*$`,
  'iu',
);

/**
 * Nouns of gatherings and campaigns, which come in yearly editions: a name in capitals after them
 * takes a year (`l'exercice ORION 2031`, `le sommet ASF 2031`).
 */
const gatheringBefore = /(?:^|[^\p{L}])(?:sommets?|exercices?|op[ée]rations?|conf[ée]rences?|congr[èe]s|forums?|salons?|festivals?|sessions?|r[ée]unions?|rencontres?|championnats?|jeux|coupes?|[ée]ditions?|campagnes?|missions?)\s+\p{Lu}{2,}\s+$/iu;

/** A future or conditional verb: `jusqu'en 2030` then marks a deadline, not the end of something past. */
const futureVerb = /(?:^|[^\p{L}])(?:sera|seront|serait|seraient|aura|auront|aurait|devra|devront|devrait|pourra|pourront|fera|feront|ira|iront|\p{L}{2,}(?:era|eront|erait|eraient|ira|iront|irait))(?![\p{L}])/iu;

const patterns: { re: RegExp; read: (m: RegExpExecArray) => Omit<DateMention, 'start' | 'end'> | undefined }[] = [
  // 8-9 avril 2019, du 8 au 9 avril 2019
  {
    re: new RegExp(String.raw`${B}(?:du\s+)?(${DAY})(?:${DASH}|\s+au\s+)(${DAY})\s+(${MONTH})(?:\s+(${YEAR}))?${E}`, 'giu'),
    read: (m) => {
      const month = monthOf(m[3]!);
      const year = m[4] ? Number(m[4]) : undefined;
      return { from: { year, month, day: dayOf(m[1]!) }, to: { year, month, day: dayOf(m[2]!) } };
    },
  },
  // de mars 1998 à octobre 2003, entre avril 2031 et février 2032, de mars 1998 jusqu'à mai 1999
  {
    re: new RegExp(String.raw`${B}(?:de|d'|d’|entre)\s*(${MONTH})\s+(${YEAR})\s+(?:(?:à|a|et|au)\s+|jusqu['’](?:à|au|en)\s*)(${MONTH})\s+(${YEAR})${E}`, 'giu'),
    read: (m) => ({ from: { year: Number(m[2]), month: monthOf(m[1]!) }, to: { year: Number(m[4]), month: monthOf(m[3]!) } }),
  },
  // entre mars et juin 2031, de mars à juin 2031, juillet-août 2031: one year for both months
  {
    re: new RegExp(String.raw`${B}(?:(?:de|d'|d’|entre)\s*(${MONTH})\s+(?:(?:à|a|et|au)\s+|jusqu['’](?:à|au|en)\s*)|(${MONTH})\s*[-–—/]\s*)(${MONTH})\s+(${YEAR})${E}`, 'giu'),
    read: (m) => {
      const [a, b] = [monthOf((m[1] ?? m[2])!), monthOf(m[3]!)];
      if (b <= a) return undefined;
      return { from: { year: Number(m[4]), month: a }, to: { year: Number(m[4]), month: b } };
    },
  },
  // (ce) jeudi 17 avril (2031), le 9 novembre 1989, 1er mars 2019
  {
    re: new RegExp(String.raw`${B}(?:(${WEEKDAY})\s+)?(${DAY})\s+(${MONTH})(?:\s+(${YEAR}))?${E}`, 'giu'),
    read: (m) => ({
      from: { year: m[4] ? Number(m[4]) : undefined, month: monthOf(m[3]!), day: dayOf(m[2]!), weekday: m[1] ? weekdays.indexOf(m[1].toLowerCase()) : undefined },
    }),
  },
  // 2006 – 2010, (2025-2028), de 2008 à 2016, entre 2016 et 2018
  {
    re: new RegExp(String.raw`${B}(?:(?:de|entre)\s+)?(${YEAR})(?:${DASH}|\s+(?:à|et|au)\s+|\s+jusqu['’](?:en|à|au)\s*)(${YEAR})${E}`, 'giu'),
    read: (m) => {
      const [a, b] = [Number(m[1]), Number(m[2])];
      // `2016 et 2018` after `en` lists two years; only `entre`, `de … à` and dashes make ranges.
      if (b <= a) return undefined;
      if (!/^(?:de|entre)\s/i.test(m[0]) && !/[-–—‑]/.test(m[0])) return undefined;
      return { from: { year: a }, to: { year: b } };
    },
  },
  // juillet dernier, juin prochain
  {
    re: new RegExp(String.raw`${B}(${MONTH})\s+(dernier|prochain)\b`, 'giu'),
    read: (m) => ({ from: { month: monthOf(m[1]!) }, relative: m[2]!.toLowerCase() === 'dernier' ? 'past' : 'future' }),
  },
  // février 2031, Juin 2032, mi-mars de l'an 2033
  {
    re: new RegExp(String.raw`${B}(${MONTH})\s+(?:de\s+l['’]an\s+)?(${YEAR})${E}`, 'giu'),
    read: (m) => ({ from: { year: Number(m[2]), month: monthOf(m[1]!) } }),
  },
  // les années 1990
  {
    re: new RegExp(String.raw`${B}années\s+(1[6-9]\d0|20\d0)${E}`, 'giu'),
    read: (m) => ({ from: { year: Number(m[1]) }, to: { year: Number(m[1]) + 9 } }),
  },
  // en novembre, (septembre), depuis avril, début mars: a month the reader places from the context
  {
    re: new RegExp(String.raw`(?:(?<=\(\s*)(${MONTH})(?=\s*\))|(?<=(?<!\p{L})(?:en|depuis|début|fin|dès)\s+)(${MONTH})(?!\p{L}|\s*(?:\d|dernier|prochain)))`, 'giu'),
    read: (m) => ({ from: { month: monthOf((m[1] ?? m[2])!) } }),
  },
  // le 16/07/2031, jusqu'au 01/06/2032: a date in figures, day first as French writes it, only
  // after the article or preposition that introduces a day (alone, `16/07/2031` may be a code, a
  // fraction or an American date); a day the month does not have is no date.
  {
    re: new RegExp(String.raw`(?<=(?<![\p{L}'’])(?:le|au|du|jusqu['’]au|dès\s+le|depuis\s+le)\s+)(0?[1-9]|[12]\d|3[01])\/(0?[1-9]|1[0-2])\/(${YEAR})${E}`, 'giu'),
    read: (m) => {
      const [year, month, day] = [Number(m[3]), Number(m[2]), Number(m[1])];
      if (new Date(Date.UTC(year, month - 1, day)).getUTCDate() !== day) return undefined;
      return { from: { year, month, day } };
    },
  },
  // 2001, en 2003, (2008)
  {
    re: new RegExp(String.raw`${B}(${YEAR})${E}`, 'gu'),
    read: (m) => ({ from: { year: Number(m[1]) }, bareYear: true }),
  },
];

function monthOf(word: string): number {
  const n = monthNumber(word);
  if (n === undefined) throw new Error(`not a month: ${word}`);
  return n;
}

function dayOf(word: string): number {
  return /^(?:1\s?(?:er|ᵉʳ)|premier)$/iu.test(word) ? 1 : Number(word);
}

/** The whitespace-delimited token around `[start, end)`: a URL, a path, an address or a code holds no date. */
function insideCode(text: string, start: number, end: number): boolean {
  let a = start;
  while (a > 0 && !/\s/u.test(text[a - 1]!)) a--;
  let b = end;
  while (b < text.length && !/\s/u.test(text[b]!)) b++;
  const token = text.slice(a, b);
  // A date in figures (`16/07/2031,`) is a token of its own, not a path.
  if (/^\d{1,2}\/\d{1,2}\/\d{4}[.,;:!?)»]*$/u.test(token)) return false;
  return /:\/\/|^www\.|@|\/\S*\d|\d\S*\/|[=\\_~]/u.test(token);
}

/** True when what follows a number makes it a quantity: a unit, or a noun it counts (`2000 paquets`). */
function countsSomething(after: string): boolean {
  const m = /^[\s\u00a0\u202f]+(\S+)/u.exec(after);
  if (!m) return false;
  const word = m[1]!.replace(/[.,;:!?)»”]+$/u, '');
  if (unitRe.test(word)) return true;
  if (!/^\p{Ll}/u.test(word)) return false;
  // An elided word (`s'est`, `l'a`, `qu'il`) starts a clause; it counts nothing; nor does a
  // pronoun or another word of the closed classes (`en 2031 elle …`, `2031 leur …`).
  if (/^\p{L}{1,5}['’]/u.test(word) || isFrenchFunctionWord(word)) return false;
  // A verb or a participle after the number (`2031-2032 ayant permis`, `2003 adoptée`, `2031 fut`) makes it no count.
  if (/(?:ant|é|ée|és|ées|ait|aient)$/u.test(word) || isAuxiliaryForm(word)) return false;
  return !isFunctionWord(word) && !/^(?:et|ou|puis|alors|déjà|seulement|encore|enfin|aussi|environ|aujourd|hui|ans?|à|a|y|lors|quand|lorsque|où)$/u.test(word.replace(/['’].*$/u, ''));
}

/**
 * Finds the dates of a text, longest expression first: `8-9 avril 2019` is one range, not a day
 * and a date.
 * @param given one block of plain text (a paragraph, a list item, a heading)
 * @returns the mentions, in text order, with positions in `given`
 */
export function findFrenchDates(given: string): DateMention[] {
  const { text, origin } = readable(given);
  const taken: boolean[] = new Array(text.length).fill(false);
  const found: DateMention[] = [];
  // Where the dates found end, in `text`: a year listed after one is a date too.
  const ends: number[] = [];
  for (const { re, read } of patterns) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const start = m.index;
      const end = m.index + m[0].length;
      if (end === start) {
        re.lastIndex++;
        continue;
      }
      if (taken.slice(start, end).some(Boolean)) continue;
      // A number after `n°` is a reference, not a year; so is the number of a document in a
      // numbered series (`RFC 1945`, `ISO 8601`, `IEEE 1394`, `ISBN 2003…`).
      if (/n[°o]\.?\s*$/iu.test(text.slice(Math.max(0, start - 4), start)) || numberedSeries.test(text.slice(Math.max(0, start - 12), start))) continue;
      // The years of a copyright notice (`Copyright © 2029-2031, 2032 …`) date a text's rights, not
      // an event; a date that is all a quotation holds (`datée « 2029-2031 »`) is a value cited.
      // So do the years after a name and its e-mail address (`Jeanne Martin <jm@exemple.org>, 2029-2031.`):
      // a translator's or an author's credit.
      if (/(?:copyright|©|\(c\))\s*:?[\s\d,;–—-]*$/iu.test(text.slice(Math.max(0, start - 60), start)) || /[\w.+-]+@[\w-]+(?:\.[\w-]+)+\s*[>)\]]?\s*[,;:]?[\s\d,;–—-]*$/u.test(text.slice(Math.max(0, start - 80), start)) || (/[«"“]\s*$/u.test(text.slice(Math.max(0, start - 3), start)) && /^\s*[»"”]/u.test(text.slice(end, end + 3)))) {
        for (let i = start; i < end; i++) taken[i] = true;
        continue;
      }
      if (insideCode(text, start, end)) continue;
      const after = text.slice(end, end + 40);
      // A timestamp printed by a program (`12 mai 2031 08:14:55`) tells no event; a number before
      // a trademark sign (`Atelier (2031)™`) belongs to a name.
      if (/^,?\s+(?:à\s+)?\d{1,2}:\d{2}:\d{2}/u.test(after) || /^\)?\s*[™®]/u.test(after)) continue;
      // Nor does a year in parentheses between two words of a name in capitals (`Orion (2031) Pro`).
      if (/\p{Lu}[\p{L}\p{N}]*\s*\($/u.test(text.slice(Math.max(0, start - 30), start)) && /^\)\s*\p{Lu}/u.test(after)) continue;
      // A number in a dimension or a sum (`1920 × 1080`, `2000 + 31`) is no year.
      if (/^\s*[×x*+=]\s*\d/u.test(after) || /\d\s*[×x*+=]\s*$/u.test(text.slice(Math.max(0, start - 8), start))) continue;
      const value = read(m);
      if (!value) continue;
      // A span of years right after a product's name (`Visio 2000-2013`) gives the versions it
      // covers; a period of time is introduced (`de 2000 à 2013`, `en 2000-2013`).
      // So does one given as an example (`Année comme 1900-2078`).
      const spanBefore = text.slice(Math.max(0, start - 40), start);
      if (value.to && value.from.month === undefined && /^\d/u.test(m[0]) && /(?:^|[\s(])(?:\p{Lu}\p{Ll}+|comme|soit|tels?\s+que)\s+$/u.test(spanBefore) && !yearIntroducer.test(spanBefore)) continue;
      // A number that counts something (`2000 paquets`); a month name makes it a date whatever follows.
      if (value.from.month === undefined && countsSomething(after)) {
        // A range of quantities (`1995 - 2000 lignes`) holds no year either.
        if (value.to) for (let i = start; i < end; i++) taken[i] = true;
        continue;
      }
      if (value.bareYear && !bareYearIsDate(text, start, end, ends)) continue;
      for (let i = start; i < end; i++) taken[i] = true;
      found.push({ start: origin[start]!, end: origin[end]!, ...value, ...context(text, start, end) });
      ends.push(end);
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/**
 * A bare year is a date when a word of time introduces it, when it stands in parentheses
 * (`(2008)`, `(en 2001)`), or when it heads its block as a label (`1995 : …`, `2004 – …`).
 */
function bareYearIsDate(text: string, start: number, end: number, datesEnd: readonly number[]): boolean {
  const before = text.slice(Math.max(0, start - 40), start);
  // A limit (`après l'année 2037`, `d'avant le début de 2038`) names no moment.
  if (/(?:^|[^\p{L}])(?:avant|après)\s+(?:l['’]année|les\s+années|le\s+début\s+de|la\s+fin\s+de)\s*$/iu.test(before)) return false;
  // Nor does a year that a number is added to or taken from (`… sont ajoutées à l'année 2000`): an operand.
  if (/(?:^|[^\p{L}])(?:ajoutée?s?|additionnée?s?|soustraite?s?|retranchée?s?|ôtée?s?)\s+(?:à|de)\s+l['’]année\s*$/iu.test(before)) return false;
  if (yearIntroducer.test(before)) return true;
  if (/\(\s*$/u.test(before) && /^\s*\)/u.test(text.slice(end))) return true;
  // The edition of something named in capitals (`l'exercice NORTHERN SHIELD 2024`, `le sommet de
  // l'ASF 2031`, `le forum ASF 2031`): a name of several words, the organizer's after `de`, or one
  // after a noun of gathering. One word in capitals after anything else names a thing with its
  // number (`le pilote ZX 2000`, `la norme QRS 2031`).
  if (/(?:^|[^\p{L}])\p{Lu}{2,}(?:[\s-]\p{Lu}{2,})*\s+$/u.test(before) && !/\d[.\d]*\s+\p{Lu}{2,}(?:\s\p{Lu}{2,})*\s+$/u.test(before)) {
    if (/\p{Lu}{2,}[\s-]+\p{Lu}{2,}\s+$/u.test(before) || /(?:^|[^\p{L}])(?:d['’]|de\s+l['’]|de\s+la\s+|du\s+|des\s+)\p{Lu}{2,}\s+$/iu.test(before)) return true;
    if (gatheringBefore.test(before)) return true;
  }
  if (!text.slice(0, start).trim() && /^\s*(?:[:–—]|-\s)/u.test(text.slice(end))) return true;
  // `le 1er mars et en 2004` or `mars 2003, 2004 et 2005`: a year listed after another date (one
  // read as a date: after `tapez 2030 ou`, 2031 is a number too).
  const listed = /(?:^|\D)(?:1[6-9]\d\d|20\d\d)(\s*(?:,|et|ou)\s*)$/u.exec(before);
  if (listed && datesEnd.includes(start - listed[1]!.length)) return true;
  // A year alone in its block (a date line above the text it dates); the chronology decides.
  return !text.slice(0, start).trim() && !text.slice(end).trim();
}

/** What the words around a date say about it: a horizon, a label. */
function context(text: string, start: number, end: number): Pick<DateMention, 'target' | 'label'> {
  const before = text.slice(Math.max(0, start - 24), start);
  const result: Pick<DateMention, 'target' | 'label'> = {};
  // (`au-delà du 19 janvier 2038`: a limit, no moment either.)
  if (/(?:horizon|d['’]ici(?:\s+(?:à|a|la fin de))?|au[-\s]delà\s+d(?:u|e\s+l['’]an|e))\s*$/iu.test(before)) result.target = true;
  // `jusqu'en 2030` is a deadline in a sentence about the future, the end of a span in one about the past.
  else if (/jusqu['’](?:en|à|au)\s*$/iu.test(before) && futureVerb.test(sentenceAround(text, start))) result.target = true;
  const head = text.slice(0, start);
  // A date that heads its block labels it: before a colon or a dash, alone, or — with its month —
  // before the capital of the sentence it dates (`12 mars 2031 L'agence …`).
  const after = text.slice(end);
  const month = /\p{L}{3,}\.?\s+\d{4}$/u.test(text.slice(start, end));
  if (!head.trim() && (/^\s*(?:[:–—]|-\s)/u.test(after) || /^\s*$/u.test(after) || (month && /^\s+\p{Lu}/u.test(after)))) result.label = true;
  return result;
}

function sentenceAround(text: string, at: number): string {
  const a = Math.max(text.lastIndexOf('. ', at), 0);
  const b = text.indexOf('. ', at);
  return text.slice(a, b < 0 ? text.length : b);
}
