/**
 * The chronology: every dated event of the texts, resolved, merged across documents and sorted.
 *
 * An event is the sentence that holds a date (`french-dates.ts`), shortened to the clause around
 * it. Precision is kept: a month stays a month. A date without a year is resolved against the
 * document's period (`(novembre)` in a report on June 2025 – May 2026), its date (`juillet
 * dernier` in a communiqué of February 2024), or a year given earlier in the same sentence or
 * paragraph (`le sommet de 2025 … ce mardi 24 juin`), and checked against its day of the week when
 * the text names one; otherwise it is reported as unresolved and left out. A deadline (`à
 * l'horizon 2030`) is not an event. Inside one sentence, a range takes in the dates it spans and a
 * full date the bare year it belongs to.
 *
 * Two mentions of one event (in one document or several) become one entry with all their sources
 * when their dates agree (one may be more precise than the other) and their words overlap enough,
 * weighted by rarity across the corpus.
 *
 * Not for: finding dates in text (`french-dates.ts`), placing anchors in HTML (`assemble/mark-extraction.ts`).
 */
import type { ChronologyEntry } from './types.ts';
import type { Diagnostic } from '../diagnostics.ts';
import { fold } from './acronyms.ts';
import { diagnosticAt, type ExtractionDocument } from './document.ts';
import { findFrenchDates, isoDate, parseIsoDate, weekdayOf, type DateMention, type PartialDate } from './french-dates.ts';
import { letterIndexAt, placeAt, sentences, type TextPlace } from './text-blocks.ts';

/** A place the HTML marking must anchor: the start of a sentence that tells an event. */
export interface AnchorMark extends TextPlace {
  documentId: string;
  id: string;
  /** The sentence's place in the source, for a message when the anchor cannot be placed. */
  where: { file: string; line: number; column: number };
}

export interface ChronologyResult {
  entries: ChronologyEntry[];
  anchors: AnchorMark[];
  diagnostics: Diagnostic[];
}

interface Event {
  date: string;
  end?: string;
  text: string;
  sources: string[];
  anchors: string[];
  /** Order of discovery, for stable sorting. */
  order: number;
  words: string[];
  /** The words right around the date: what the event is, without the rest of the sentence. */
  near: string[];
}

/** Longest event text, in characters: one readable line of the timeline. */
export const maxEventLength = 180;

const weekdays = ['dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi'];

/**
 * Builds the chronology of a corpus.
 * @param docs the documents, in reading order
 */
export function buildChronology(docs: readonly ExtractionDocument[]): ChronologyResult {
  const diagnostics: Diagnostic[] = [];
  const anchors: AnchorMark[] = [];
  const events: Event[] = [];
  for (const doc of docs) {
    let anchorCount = 0;
    const blocks = doc.text.blocks.filter((b) => b.kind === 'paragraph' || b.kind === 'cell');
    const titleEvents = doc.ownTitle ? eventsOfText(doc.ownTitle, doc, undefined, diagnostics) : [];
    for (const e of titleEvents) events.push({ ...e.event, anchors: [doc.id], order: events.length });
    for (const block of blocks) {
      for (const [start, end] of sentences(block.text)) {
        const found = eventsOfText(block.text, doc, { start, end, offsets: block.offsets }, diagnostics);
        if (!found.length) continue;
        const place = placeAt(doc.text.letters, letterIndexAt(block, start + leadingSpace(block.text.slice(start, end))));
        const id = `${doc.id}--date-${++anchorCount}`;
        anchors.push({ documentId: doc.id, id, ...place, where: { file: doc.file, ...doc.locate(block.offsets[start] ?? 0) } });
        for (const e of found) events.push({ ...e.event, anchors: [id], order: events.length });
      }
    }
  }
  return { entries: mergeEvents(events), anchors, diagnostics };
}

function leadingSpace(text: string): number {
  return text.length - text.trimStart().length;
}

/** The events of one sentence (or of a title when `range` is undefined). */
function eventsOfText(
  text: string,
  doc: ExtractionDocument,
  range: { start: number; end: number; offsets: number[] } | undefined,
  diagnostics: Diagnostic[],
): { event: Omit<Event, 'anchors' | 'order'> }[] {
  const start = range?.start ?? 0;
  const end = range?.end ?? text.length;
  const sentence = text.slice(start, end);
  const mentions = findFrenchDates(sentence).filter((m) => !m.target);
  if (!mentions.length) return [];
  // The years the paragraph gives before this sentence, to place dates without one.
  const context = range ? findFrenchDates(text.slice(0, start)).filter((m) => m.from.year !== undefined) : [];
  const resolved: { mention: DateMention; from: PartialDate; to?: PartialDate }[] = [];
  for (const m of mentions) {
    const r = resolve(m, mentions, context, doc);
    if ('problem' in r) {
      const offset = range ? (range.offsets[start + m.start] ?? 0) : 0;
      diagnostics.push(diagnosticAt(doc, offset, { rule: 'unresolved-date', severity: 'warning', message: `“${sentence.slice(m.start, m.end)}” could not be placed in time (${r.problem}): it is left out of the chronology.` }));
      continue;
    }
    resolved.push({ mention: m, ...r });
  }
  const kept = resolved.filter((r) => !resolved.some((o) => o !== r && subsumes(o, r)));
  const out: { event: Omit<Event, 'anchors' | 'order'> }[] = [];
  const seen = new Set<string>();
  for (const r of kept) {
    const date = isoDate(r.from)!;
    const endDate = r.to ? isoDate(r.to) : undefined;
    const key = `${date}/${endDate ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const eventText = shorten(sentence, r.mention);
    // A date that labels a paragraph (`Mars 2003 : …`) dates all of it: its words all tell the event.
    const words = wordsOf(r.mention.label && range ? text : sentence);
    const near = wordsOf(sentence.slice(Math.max(0, r.mention.start - nearWindow), r.mention.end + nearWindow));
    out.push({ event: { date, ...(endDate && endDate !== date ? { end: endDate } : {}), text: eventText, sources: [doc.id], words, near } });
  }
  return out;
}

/** True when `a` makes `b` redundant in one sentence: a range spanning it, or a finer date of the same year. */
function subsumes(a: { from: PartialDate; to?: PartialDate; mention: DateMention }, b: { from: PartialDate; to?: PartialDate; mention: DateMention }): boolean {
  if (a.to && !b.to) {
    const lo = isoDate(a.from)!;
    const hi = isoDate(a.to)!;
    const d = isoDate(b.from)!;
    return d.slice(0, lo.length) >= lo && d.slice(0, hi.length) <= hi;
  }
  if (!a.to && !b.to && b.from.month === undefined && a.from.month !== undefined && a.from.year === b.from.year) return true;
  return false;
}

/** Places a mention in time. */
function resolve(m: DateMention, all: DateMention[], context: DateMention[], doc: ExtractionDocument): { from: PartialDate; to?: PartialDate } | { problem: string } {
  let from = { ...m.from };
  const to = m.to ? { ...m.to } : undefined;
  if (from.year === undefined) {
    const year = yearFor(m, all, context, doc);
    if (typeof year === 'string') return { problem: year };
    from.year = year;
    if (to && to.year === undefined) to.year = year;
  }
  if (from.weekday !== undefined) {
    const actual = weekdayOf(from);
    if (actual !== from.weekday) return { problem: `${weekdays[from.weekday]} does not fall on that day in ${from.year}` };
    const { weekday: _, ...rest } = from;
    from = rest;
  }
  return { from, to };
}

/** The year of a date given without one, or why there is none. */
function yearFor(m: DateMention, all: DateMention[], context: DateMention[], doc: ExtractionDocument): number | string {
  const month = m.from.month!;
  const period = doc.period && { from: parseIsoDate(doc.period.from)!, to: parseIsoDate(doc.period.to)! };
  if (period?.from.year !== undefined && period.to.year !== undefined) {
    const years: number[] = [];
    for (let y = period.from.year; y <= period.to.year; y++) {
      const ym = y * 12 + month;
      if (ym >= period.from.year * 12 + (period.from.month ?? 1) && ym <= period.to.year * 12 + (period.to.month ?? 12)) years.push(y);
    }
    if (years.length === 1 && matchesWeekday(m, years[0]!)) return years[0]!;
    if (years.length > 1) return `the period ${doc.period!.from} – ${doc.period!.to} holds that month more than once`;
  }
  const date = doc.date ? parseIsoDate(doc.date) : undefined;
  if (date?.year !== undefined && date.month !== undefined) {
    const docMonth = date.year * 12 + date.month;
    let y = date.year;
    if (m.relative === 'future') {
      while (y * 12 + month <= docMonth) y++;
    } else {
      while (y * 12 + month > docMonth || (m.relative === 'past' && y * 12 + month === docMonth)) y--;
    }
    if (matchesWeekday(m, y)) return y;
  }
  // A year the sentence gives elsewhere, or the paragraph before it (nearest first).
  const sameSentence = all.filter((o) => o !== m && o.from.year !== undefined && !o.to).sort((a, b) => Math.abs(a.start - m.start) - Math.abs(b.start - m.start));
  for (const o of [...sameSentence, ...[...context].reverse()]) {
    if (matchesWeekday(m, o.from.year!)) return o.from.year!;
  }
  if (m.from.weekday !== undefined && (sameSentence.length || context.length)) return `${weekdays[m.from.weekday]} ${m.from.day} does not fall in the year the text gives`;
  return doc.period || doc.date ? "the document's date does not place it" : 'the document has no date or period in the manifest, and the text gives no year near it';
}

function matchesWeekday(m: DateMention, year: number): boolean {
  if (m.from.weekday === undefined) return true;
  return weekdayOf({ ...m.from, year }) === m.from.weekday;
}

/** The event's text: the sentence without its date label, cut to the clause around the date when too long. */
function shorten(sentence: string, m: DateMention): string {
  let text = sentence;
  let at = m.start;
  if (m.label) {
    const colon = sentence.indexOf(':', m.end);
    text = sentence.slice(colon + 1);
    at = 0;
  }
  const lead = text.length - text.trimStart().length;
  text = text.trim();
  at = Math.max(0, at - lead);
  if (text.length <= maxEventLength) return tidy(text);
  // Clauses: split at `;` and `, `; grow around the date's clause while it fits.
  const cuts = [0];
  for (const c of text.matchAll(/[;,]\s+/g)) cuts.push(c.index + c[0].length);
  cuts.push(text.length + 1);
  let k = cuts.findIndex((c, i) => c <= at && at < cuts[i + 1]!);
  if (k < 0) k = 0;
  let lo = k;
  let hi = k + 1;
  const len = (): number => cuts[hi]! - cuts[lo]!;
  while (true) {
    if (hi < cuts.length - 1 && cuts[hi + 1]! - cuts[lo]! <= maxEventLength) hi++;
    else if (lo > 0 && cuts[hi]! - cuts[lo - 1]! <= maxEventLength) lo--;
    else break;
  }
  let clause = text.slice(cuts[lo], Math.min(cuts[hi]!, text.length)).replace(/[;,]\s*$/, '').trim();
  let cut = cuts[hi]! < text.length;
  // A clause too short to read alone (`À Oslo,`) takes the words after it, cut at a word.
  if (clause.length < maxEventLength / 2 && cut) {
    clause = text.slice(cuts[lo]).trim();
    cut = false;
  }
  if (clause.length > maxEventLength) {
    clause = clause.slice(0, maxEventLength - 1).replace(/[\s,;:]+\S*$/, '');
    cut = true;
  }
  void len;
  return tidy(`${lo > 0 ? '…\u00a0' : ''}${clause}${cut ? '\u00a0…' : ''}`);
}

function tidy(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/^(\p{Ll})/u, (c) => c.toLocaleUpperCase('fr'));
}

const eventStopwords = new Set(['dans', 'pour', 'avec', 'entre', 'sont', 'leur', 'leurs', 'cette', 'elles', 'deux', 'plus', 'janvier', 'fevrier', 'mars', 'avril', 'juin', 'juillet', 'aout', 'septembre', 'octobre', 'novembre', 'decembre']);

/**
 * Words that institutional French uses for the same thing, by their six-letter stems: a
 * declaration is `commune` or `conjointe`; proposals and measures are `entérinées`, `adoptées`,
 * `approuvées`, `arrêtées`, a declaration `signée`. General vocabulary of the genre, so that two
 * documents telling one event in their own words meet.
 */
const sameMeaning: Record<string, string> = {
  conjoi: 'commun',
  enteri: 'adopte',
  approu: 'adopte',
  arrete: 'adopte',
  signee: 'adopte',
  signer: 'adopte',
  signe: 'adopte',
  signen: 'adopte',
  signat: 'adopte',
  mesure: 'propos',
};

function wordsOf(text: string): string[] {
  const words = new Set<string>();
  for (const m of text.matchAll(/\p{L}{4,}/gu)) {
    const w = fold(m[0]);
    if (eventStopwords.has(w)) continue;
    const stem = w.slice(0, 6);
    words.add(sameMeaning[stem] ?? stem);
  }
  return [...words];
}

/** Least share of weighted words two mentions must share to be one event. */
const sameEventThreshold = 0.3;
/** Characters on each side of a date that say what the event is (`… une troisième déclaration commune`). */
const nearWindow = 100;

function compatible(a: string, b: string): boolean {
  return a.startsWith(b) || b.startsWith(a);
}

/** Merges mentions of one event and sorts by date. */
function mergeEvents(events: Event[]): ChronologyEntry[] {
  const df = new Map<string, number>();
  for (const e of events) for (const w of e.words) df.set(w, (df.get(w) ?? 0) + 1);
  const weight = (w: string): number => Math.log((events.length + 1) / (df.get(w) ?? 1));
  const overlap = (a: string[], b: string[]): number => {
    const shared = a.filter((w) => b.includes(w)).reduce((n, w) => n + weight(w), 0);
    const total = Math.min(a.reduce((n, w) => n + weight(w), 0), b.reduce((n, w) => n + weight(w), 0));
    return total ? shared / total : 0;
  };
  // Whole sentences, or only the words around the date: two documents tell one event in
  // sentences about different things.
  const similarity = (a: Event, b: Event): number => Math.max(overlap(a.words, b.words), overlap(a.near, b.near));
  const merged: Event[] = [];
  for (const e of events) {
    let same: Event | undefined;
    let bestScore = sameEventThreshold;
    for (const m of merged) {
      if (!compatible(m.date, e.date) || (m.end === undefined) !== (e.end === undefined) || (m.end && !compatible(m.end, e.end!))) continue;
      const score = m.text === e.text && m.date === e.date ? 1 : similarity(m, e);
      if (score >= bestScore) {
        same = m;
        bestScore = score;
      }
    }
    if (!same) {
      merged.push({ ...e, sources: [...e.sources], anchors: [...e.anchors], words: [...e.words], near: [...e.near] });
      continue;
    }
    // Keep the most precise date and its wording.
    if (e.date.length > same.date.length) {
      same.date = e.date;
      same.text = e.text;
    }
    if (e.end && (!same.end || e.end.length > same.end.length)) same.end = e.end;
    for (const s of e.sources) if (!same.sources.includes(s)) same.sources.push(s);
    for (const a of e.anchors) if (!same.anchors.includes(a)) same.anchors.push(a);
    for (const w of e.words) if (!same.words.includes(w)) same.words.push(w);
    for (const w of e.near) if (!same.near.includes(w)) same.near.push(w);
  }
  merged.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : (a.end ?? '').localeCompare(b.end ?? '') || a.order - b.order));
  return merged.map(({ date, end, text, sources, anchors }) => ({ date, ...(end ? { end } : {}), text, sources, anchors }));
}
