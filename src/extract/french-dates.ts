/**
 * Dates written in French prose, found with a small grammar of their own.
 *
 * Why not chrono-node (it has a French locale)? Tried on the forms these
 * briefings use, it misses month–year dates (`Février 1992`, `en janvier 2023`), bare years,
 * year ranges (`2006 – 2010`, `(2008-2016)`), month ranges (`entre juin 2025 et mai 2026`),
 * decades and bare months (`(septembre)`), reads `à 2035` as a time of day, and resolves every
 * missing part against one reference instant, inventing days. Custom parsers would have to
 * replace nearly all of its French locale; a grammar of a few patterns is shorter and keeps
 * precision as the text gives it: what the text does not say stays unknown (`year`, `month`, `day`
 * are optional), and resolving a date without a year is the caller's job (`chronology.ts`).
 *
 * Not for: times of day, durations (`deux ans après`), ordinals (`24e conférence`).
 */
import { monthNumber } from '../language/months.ts';

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
  /** Last day, month or year of a range (`12-13 mai 2016`, `2006 – 2010`). */
  to?: PartialDate;
  /** `juillet dernier`, `juin prochain`: which side of the document's date the date lies on. */
  relative?: 'past' | 'future';
  /** A deadline or horizon (`à l'horizon 2030`, `d'ici à 2035`), not something that happened. */
  target?: boolean;
  /** The expression labels the paragraph (`Février 1992 : …`): the rest of it is the event. */
  label?: boolean;
}

const weekdays = ['dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi'];

const MONTH = String.raw`(?:janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[uû]t|septembre|octobre|novembre|d[ée]cembre|janv\.|f[ée]vr\.|avr\.|juil\.|sept\.|oct\.|nov\.|d[ée]c\.)`;
const DAY = String.raw`(?:1er|premier|[12]\d|3[01]|0?[1-9])`;
const YEAR = String.raw`(?:1[6-9]\d\d|20\d\d)`;
const WEEKDAY = String.raw`(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)`;
const DASH = String.raw`\s*[-–—‑]\s*`;
// Not part of a longer number, a code (`n° 2001`), an amount (`2000 €`) or a word.
const B = String.raw`(?<![\p{L}\p{N}°])`;
const E = String.raw`(?![\p{L}\p{N}]|\s?%|\s?€|\s(?:euros?|dollars?|millions?|milliards?|soldats|personnes)\b|\s\d{3}\b)`;

const patterns: { re: RegExp; read: (m: RegExpExecArray) => Omit<DateMention, 'start' | 'end'> | undefined }[] = [
  // 12-13 mai 2016, du 12 au 13 mai 2016
  {
    re: new RegExp(String.raw`${B}(?:du\s+)?(${DAY})(?:${DASH}|\s+au\s+)(${DAY})\s+(${MONTH})(?:\s+(${YEAR}))?${E}`, 'giu'),
    read: (m) => {
      const month = monthOf(m[3]!);
      const year = m[4] ? Number(m[4]) : undefined;
      return { from: { year, month, day: dayOf(m[1]!) }, to: { year, month, day: dayOf(m[2]!) } };
    },
  },
  // de juin 2007 à décembre 2016, entre juin 2025 et mai 2026
  {
    re: new RegExp(String.raw`${B}(?:de|d'|d’|entre)\s*(${MONTH})\s+(${YEAR})\s+(?:à|a|et|au)\s+(${MONTH})\s+(${YEAR})${E}`, 'giu'),
    read: (m) => ({ from: { year: Number(m[2]), month: monthOf(m[1]!) }, to: { year: Number(m[4]), month: monthOf(m[3]!) } }),
  },
  // (ce) mardi 24 juin (2025), le 2 décembre 2004, 1er mai 2016
  {
    re: new RegExp(String.raw`${B}(?:(${WEEKDAY})\s+)?(${DAY})\s+(${MONTH})(?:\s+(${YEAR}))?${E}`, 'giu'),
    read: (m) => ({
      from: { year: m[4] ? Number(m[4]) : undefined, month: monthOf(m[3]!), day: dayOf(m[2]!), weekday: m[1] ? weekdays.indexOf(m[1].toLowerCase()) : undefined },
    }),
  },
  // 2006 – 2010, (2025-2028), de 2008 à 2016, entre 2016 et 2018
  {
    re: new RegExp(String.raw`${B}(?:(?:de|entre)\s+)?(${YEAR})(?:${DASH}|\s+(?:à|et|au)\s+)(${YEAR})${E}`, 'giu'),
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
  // février 2003, Juin 1992
  {
    re: new RegExp(String.raw`${B}(${MONTH})\s+(${YEAR})${E}`, 'giu'),
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
  // 2001, en 2003, (2008)
  {
    re: new RegExp(String.raw`${B}(${YEAR})${E}`, 'gu'),
    read: (m) => ({ from: { year: Number(m[1]) } }),
  },
];

function monthOf(word: string): number {
  const n = monthNumber(word);
  if (n === undefined) throw new Error(`not a month: ${word}`);
  return n;
}

function dayOf(word: string): number {
  return /^(?:1er|premier)$/i.test(word) ? 1 : Number(word);
}

/**
 * Finds the dates of a text, longest expression first: `12-13 mai 2016` is one range, not a day
 * and a date.
 * @param text one block of plain text (a paragraph, a list item)
 * @returns the mentions, in text order
 */
export function findFrenchDates(text: string): DateMention[] {
  const taken: boolean[] = new Array(text.length).fill(false);
  const found: DateMention[] = [];
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
      // A number after `n°` is a reference, not a year.
      if (/n[°o]\.?\s*$/iu.test(text.slice(Math.max(0, start - 4), start))) continue;
      const value = read(m);
      if (!value) continue;
      for (let i = start; i < end; i++) taken[i] = true;
      found.push({ start, end, ...value, ...context(text, start, end) });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** What the words around a date say about it: a horizon, a label. */
function context(text: string, start: number, end: number): Pick<DateMention, 'target' | 'label'> {
  const before = text.slice(Math.max(0, start - 24), start);
  const result: Pick<DateMention, 'target' | 'label'> = {};
  if (/(?:horizon|d['’]ici(?:\s+(?:à|a|la fin de))?|jusqu['’](?:en|à))\s*$/iu.test(before)) result.target = true;
  if (!text.slice(0, start).trim() && /^\s*:/.test(text.slice(end))) result.label = true;
  return result;
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
