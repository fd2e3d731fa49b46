/**
 * The chronology: every dated event of the texts, resolved, merged across documents and sorted.
 *
 * An event is the sentence that holds a date (`src/language/fr/dates.ts`), told as a readable
 * sentence: the clause around the date when the sentence is long, never a piece that starts in
 * the middle (`… sa mission`), without the list marker, section number or unbalanced quote of
 * the line it came from. Precision is kept: a month stays a month.
 *
 * A date that labels its block (`Juillet 2000 : …` in a heading, `- 1995 – …` in a list item)
 * dates the text after it; a date alone on its line dates the paragraph that follows; a heading's
 * date is the context of the section under it, so that `Le 9 mai, …` below `Mai 2004 : …` is
 * placed in 2004. A date without a year is otherwise resolved against the document's period
 * (`(novembre)` in a report on June 2025 – May 2026), its date (`juillet dernier` in a
 * communiqué of February 2024), or a year given earlier in the same sentence or paragraph, and
 * checked against its day of the week when the text names one; otherwise it is reported as
 * unresolved and left out. A deadline (`à l'horizon 2030`) is not an event. Inside one sentence,
 * a range takes in the dates it spans and a full date the bare year it belongs to.
 *
 * Two mentions of one event (in one document or several) become one entry with all their sources
 * when their dates agree (one may be more precise than the other) and their words overlap enough,
 * weighted by rarity across the corpus (`event-words.ts`), and they share two words at least (in
 * two documents, besides the event's kind): paragraphs about one thing share its name whatever
 * they tell; the entry keeps the most precise date and, of its texts, a sentence of a document's
 * body rather than its title.
 *
 * Not for: finding dates in text (`src/language/fr/dates.ts`), placing anchors in HTML
 * (`src/assemble/mark-extraction.ts`).
 */
import type { ChronologyEntry } from './types.ts';
import type { Diagnostic } from '../diagnostics.ts';
import { findFrenchDates, isoDate, parseIsoDate, weekdayOf, type DateMention, type PartialDate } from '../language/fr/dates.ts';
import { isAuxiliaryForm } from '../language/fr/words.ts';
import { diagnosticAt, type ExtractionDocument } from './document.ts';
import { eventWords } from './event-words.ts';
import { letterIndexAt, placeAt, sentences, type TextBlock, type TextPlace } from './text-blocks.ts';

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
  /** Told by a document's title only. */
  fromTitle?: boolean;
  /** The block it was read in (`document#index`): one paragraph does not tell one event twice. */
  block?: string;
}

/** Longest event text, in characters: one readable line of the timeline. */
export const maxEventLength = 220;
/** Longest event text kept whole when it reads as one sentence. */
export const hardMaxEventLength = 320;

const weekdays = ['dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi'];

/** The dates a section or the paragraphs before give, to place a date without a year. */
interface Context {
  /** Dates of the current section's heading or label. */
  section: DateMention[];
  /** A date alone on its line, waiting for the paragraph it dates. */
  pending?: DateMention;
  /** Inside a section of worked examples, whose dates are values. */
  example?: boolean;
}

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
    const titleEvents = doc.ownTitle ? eventsOfText(doc.ownTitle, doc, undefined, [], diagnostics) : [];
    for (const e of titleEvents) events.push({ ...e, anchors: [doc.id], order: events.length, fromTitle: true });
    const context: Context = { section: [] };
    for (const [index, block] of doc.text.blocks.entries()) {
      if (block.kind === 'code' || block.kind === 'title') continue;
      const dates = findFrenchDates(block.text);
      if (block.kind === 'heading') {
        // A heading opens a section: its dates (if any) are the context of what follows.
        context.section = dates.filter((m) => m.from.year !== undefined && !m.target);
        context.pending = undefined;
        // A manual's worked example (`Exemple`, `Exemples`) gives values, not events, up to the next heading.
        context.example = /^\P{L}*(?:exemples?|examples?)(?:\s+d['’]\p{L}+)?\P{L}*$/iu.test(block.text);
        if (context.example) continue;
        if (!dates.some((m) => m.label)) continue;
      } else if (context.example) {
        continue;
      } else if (isDateLine(block, dates)) {
        context.pending = dates[0];
        continue;
      }
      let pending = context.pending;
      context.pending = undefined;
      let first = true;
      for (const [start, end] of sentences(block.text)) {
        // A block that opens on a date standing as its own sentence (`12 mars 2031. L'agence …`):
        // the date dates the sentence after it, as a date line dates the paragraph under it.
        const bare = block.text.slice(start, end).replace(/[.\s]+$/u, '');
        const sentenceDates = first && end < block.text.length ? findFrenchDates(bare) : [];
        if (sentenceDates.length === 1 && isDateLine({ ...block, text: bare }, sentenceDates)) {
          pending = sentenceDates[0];
          continue;
        }
        const own = eventsOfText(block.text, doc, { start, end, offsets: block.offsets }, context.section, diagnostics);
        // The paragraph under a date line tells its event (its first sentence, when it names no date of its own).
        const found = own.length || !first || !pending ? own : eventsOfText(block.text, doc, { start, end, offsets: block.offsets }, [], diagnostics, pending);
        first = false;
        if (!found.length) continue;
        const place = placeAt(doc.text.letters, letterIndexAt(block, start + leadingSpace(block.text.slice(start, end))));
        const id = `${doc.id}--date-${++anchorCount}`;
        anchors.push({ documentId: doc.id, id, ...place, where: { file: doc.file, ...doc.locate(block.offsets[start] ?? 0) } });
        for (const e of found) events.push({ ...e, anchors: [id], order: events.length, block: `${doc.id}#${index}` });
      }
      // A label at the head of a paragraph or list item is the context of the next ones too.
      const label = dates.find((m) => m.label && m.from.year !== undefined);
      if (label && block.kind !== 'heading') context.section = [label];
    }
  }
  return { entries: mergeEvents(events), anchors, diagnostics };
}

/**
 * A block that is only a date (`12 mars 2004`, `1995`) dates the paragraph after it; a bare
 * year alone is taken so only when it cannot be a number of a table (it is a plausible year and
 * the block holds nothing else).
 */
function isDateLine(block: TextBlock, dates: DateMention[]): boolean {
  if (dates.length !== 1 || !dates[0]!.label) return false;
  const rest = block.text.slice(0, dates[0]!.start) + block.text.slice(dates[0]!.end);
  return !/[\p{L}\p{N}]/u.test(rest);
}

function leadingSpace(text: string): number {
  return text.length - text.trimStart().length;
}

/**
 * The events of one sentence (or of a title when `range` is undefined).
 * @param section dates of the section, to place a date without a year
 * @param dated a date line above the sentence, which then dates it
 */
function eventsOfText(
  text: string,
  doc: ExtractionDocument,
  range: { start: number; end: number; offsets: number[] } | undefined,
  section: DateMention[],
  diagnostics: Diagnostic[],
  dated?: DateMention,
): Omit<Event, 'anchors' | 'order'>[] {
  const start = range?.start ?? 0;
  const end = range?.end ?? text.length;
  const sentence = text.slice(start, end);
  if (isExampleValue(sentence)) return [];
  const mentions = (dated ? [{ ...dated, start: 0, end: 0, label: false }] : findFrenchDates(sentence).filter((m) => !m.target)).filter((m) => dated || !isColophon(sentence, m));
  if (!mentions.length) return [];
  // The years the paragraph gives before this sentence, then the section's, to place dates without one.
  const context = [...section, ...(range ? findFrenchDates(text.slice(0, start)).filter((m) => m.from.year !== undefined) : [])];
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
  const out: Omit<Event, 'anchors' | 'order'>[] = [];
  const seen = new Set<string>();
  for (const r of kept) {
    const date = isoDate(r.from)!;
    const endDate = r.to ? isoDate(r.to) : undefined;
    const key = `${date}/${endDate ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    // Several events in one sentence (`A a fait ceci le 3 mai, B cela le 9 juin`): each its clause.
    const others = kept.filter((o) => o !== r && !r.mention.label).map((o) => o.mention.start);
    const told = eventText(others.length ? clauseOf(sentence, r.mention, others) : sentence, r.mention.label || !others.length ? r.mention : { ...r.mention, start: r.mention.start - clauseOffset(sentence, r.mention, others), end: r.mention.end - clauseOffset(sentence, r.mention, others) });
    if (!told) continue;
    // A date that labels a paragraph (`Mars 2003 : …`) dates all of it: its words all tell the event.
    const words = eventWords(r.mention.label && range ? text : sentence);
    const near = eventWords(sentence.slice(Math.max(0, r.mention.start - nearWindow), r.mention.end + nearWindow));
    out.push({ date, ...(endDate && endDate !== date ? { end: endDate } : {}), text: told, sources: [doc.id], words, near });
  }
  return out;
}

/**
 * A sentence of a worked example, whose dates are values: it holds a formula or a function called
 * on a cell (`=JOURS(A1;B1)`, `ANNEE(A1) renvoie 1968 si A1 contient …`), gives what one
 * returns (`Renvoie 157,2, la prévision pour janvier 2031`), opens on code (`<'2031-01-10'
 * renvoie …`), tells what to type, or maps a value to a date (`la valeur 0 correspond au 30
 * décembre 1899`), or reads a value as another.
 */
function isExampleValue(sentence: string): boolean {
  return /(?:^|[\s(;])=\s*\p{Lu}[\p{Lu}\p{N}._]*\(|\p{Lu}{2,}[\p{Lu}\p{N}._]*\(\s*\$?[A-Z]{1,3}\$?\d+\s*[;,)]/u.test(sentence) || /^\s*(?:renvoie|retourne|donne)\s+-?\d/iu.test(sentence) || typedValue.test(sentence) || /^\s*[<>=!'"`]/u.test(sentence) || /valeurs?\s+(?:de\s+)?-?\d[\s\S]*correspond/iu.test(sentence) || valueReadAs.test(sentence);
}

/** A value read as another (`02/03/31 est lue comme le 02/03/2031`): the dates are readings of an input. */
const valueReadAs = /(?:^|[^\p{L}])(?:reconnue?s?|interprétée?s?|lue?s?|convertie?s?|comprise?s?)\s+(?:comme|en)\s+(?:le\s+|l['’])?[«"“]?\s*\d/iu;

/** An instruction to type a value (`saisissez 1/2/2031 pour …`, `tapez 2031`): what follows is an example. */
const typedValue = /(?:^|[^\p{L}])(?:saisissez|tapez|entrez|saisir|taper|entrer)\s+[«"“]?\s*\d/iu;

/**
 * The date of a manual page's footer (`util-linux 2.38 11 mai 2031 MOUNT(8)`, `Pages du manuel
 * 6.03 5 février 2031 charsets(7)`): the page's own date, before its name and section, no event.
 */
function isColophon(sentence: string, m: DateMention): boolean {
  return /^\s*[\p{L}\p{N}._:+-]+\(\d\p{L}*\)\s*\.?\s*$/u.test(sentence.slice(m.end));
}

/** True when `a` makes `b` redundant in one sentence: a range spanning it, or a finer date of the same year. */
function subsumes(a: { from: PartialDate; to?: PartialDate; mention: DateMention }, b: { from: PartialDate; to?: PartialDate; mention: DateMention }): boolean {
  if (a.to && !b.to) {
    const lo = isoDate(a.from)!;
    const hi = isoDate(a.to)!;
    const d = isoDate(b.from)!;
    return d.slice(0, lo.length) >= lo && d.slice(0, hi.length) <= hi;
  }
  // `le colloque de 2031 … ce jeudi 17 avril`: the day took its year from the sentence, and tells the same event.
  if (!a.to && !b.to && b.from.month === undefined && a.from.month !== undefined && a.from.year === b.from.year && a.mention.from.year === undefined) return true;
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

/**
 * The event's text: the sentence without its date label, list marker, section number or
 * unbalanced quotes, made a readable sentence. A sentence too long for the timeline is cut at
 * clauses around the date, starting where a clause can start a sentence; a sentence with no word
 * beside its date tells nothing (undefined).
 */
function eventText(sentence: string, m: DateMention): string | undefined {
  const dateText = sentence.slice(m.start, m.end);
  // The text after a label: the label's own event, or another date told under it.
  const label = m.label ? m : labelOf(sentence);
  let text = label ? sentence.slice(label.end).replace(/^\s*(?:[:–—-]\s*)?/u, '') : sentence;
  text = clean(text);
  // Nothing but the date (and small words): no event to tell.
  if (!/\p{L}{4,}/u.test(text.replace(dateText, ' '))) return undefined;
  if (text.length <= maxEventLength) return tidy(text);
  const at = Math.max(0, m.label ? 0 : text.indexOf(dateText));
  // Whole from a clause that can start a sentence, up to a hard limit: a readable sentence beats a short one.
  const from = clauseStart(text, at, at + dateText.length);
  if (text.length - from <= hardMaxEventLength) return tidy(text.slice(from));
  // Too long: cut where the sentence itself pauses after the date — `;`, `:`, or a comma before a
  // clause that adds to a complete one (`, qui …`, `, et …`) — else at a word, marked `…`.
  const rest = text.slice(from);
  const dateEnd = at - from + dateText.length;
  const pauses = [...rest.matchAll(/\s*(?:[;:]|,(?=\s+(?:et|mais|puis|qui|que|qu['’]|dont|où|lorsque|alors|tandis|afin|ce qui|ce que|ainsi|notamment|avec)\s))\s*/giu)]
    .map((p) => p.index)
    .filter((i) => i >= dateEnd && i <= maxEventLength);
  if (pauses.length) return tidy(`${rest.slice(0, pauses[pauses.length - 1]).trim()}.`);
  const limit = Math.max(maxEventLength, dateEnd + 20);
  return tidy(`${rest.slice(0, limit).replace(/[\s,;:]+\S*$/u, '')}\u00a0…`);
}

/**
 * The part of a sentence that tells one of its several events: from the clause of its date (or
 * the nearest before that can open a sentence) to the clause of the next date.
 */
function clauseOf(sentence: string, m: DateMention, others: number[]): string {
  const from = clauseOffset(sentence, m, others);
  const next = others.filter((o) => o > m.end).sort((a, b) => a - b)[0];
  let to = sentence.length;
  if (next !== undefined) {
    const start = clauseStart(sentence, next);
    // Only when the next date's clause can stand alone; otherwise the rest belongs to this one.
    if (start > m.end && opensSentence(sentence.slice(start))) to = start;
  }
  return sentence.slice(from, to).replace(/[\s,;:]*(?:et|puis|mais|tandis que|alors que)?\s*$/u, '');
}

/** Where the clause of a date starts, not before the previous date of the sentence. */
function clauseOffset(sentence: string, m: DateMention, others: number[]): number {
  const previous = Math.max(0, ...others.filter((o) => o < m.start).map((o) => o + 1));
  const start = clauseStart(sentence, m.start, m.end);
  return start >= previous ? start : (() => {
    // The previous date's clause runs up to this one: start at the first clause boundary after it.
    // A clause that cannot open a sentence (`, qui …`, `, dont …`) is no start: the sentence's is.
    const cut = /[;,]\s+/gu;
    cut.lastIndex = previous;
    for (let c = cut.exec(sentence); c && c.index < m.start; c = cut.exec(sentence)) {
      if (opensSentence(sentence.slice(c.index + c[0].length))) return c.index + c[0].length;
    }
    return start;
  })();
}

/** Where the text of an event starts: the clause of the date, or the nearest before it that can start a sentence. */
function clauseStart(text: string, at: number, end?: number): number {
  const cuts = [0];
  for (const c of text.matchAll(/[;:,]\s+/gu)) if (c.index + c[0].length <= at) cuts.push(c.index + c[0].length);
  let k = cuts.length - 1;
  // Not a clause that holds nothing but its date (`…, la mission, le 3 mai 2011.`): that tells no event.
  const lone = (from: number): boolean => end !== undefined && !/\p{L}{4,}/u.test(text.slice(from, at) + text.slice(end));
  // Nor an aside between a subject and its verb (`La sonde, au retour, a été remise …`): the
  // clause after it opens with the verb, and the sentence's subject is before.
  const aside = (from: number): boolean => {
    const next = /^[^,;:]*,\s+(\p{L}+)/u.exec(text.slice(from));
    return !!next && isAuxiliaryForm(next[1]!.toLowerCase());
  };
  while (k > 0 && (!opensSentence(text.slice(cuts[k])) || lone(cuts[k]!) || aside(cuts[k]!))) k--;
  return cuts[k]!;
}

/** The date that labels a sentence (`Décembre 2000 : …`), if any. */
function labelOf(sentence: string): DateMention | undefined {
  return findFrenchDates(sentence).find((d) => d.label);
}

/** Words that open a clause which can stand alone: articles, pronouns, names, a date. */
function opensSentence(clause: string): boolean {
  const first = /^[«"“(]?\s*(\p{L}+(?:['’])?)/u.exec(clause)?.[1] ?? '';
  if (/^\p{Lu}/u.test(first)) return true;
  return /^(?:le|la|les|l['’]|un|une|des|ce|cette|ces|il|elle|ils|elles|on|nous|vous|son|sa|ses|leur|leurs|en|depuis|dès|après|avant|puis|enfin|lors)$/iu.test(first);
}

/** Removes what the line carries around the sentence: a list marker, a section number, quotes left open, a full stop before a closing parenthesis. */
function clean(text: string): string {
  let t = text.replace(/\s+/gu, ' ').trim();
  t = t.replace(/^(?:[-–—•*]\s+|\d+(?:\.\d+)*\.?\s+(?=\p{Lu}))/u, '');
  // A date in parentheses after the full stop (`… de Jean Dupont. (12 mai 2031)`) closes the sentence.
  t = t.replace(/\.\s*(\([^()]*\))\s*\.?$/u, ' $1');
  return balanceQuotes(t).trim().replace(/\s*[;,:]$/u, '');
}

/** Drops a quote left open at the start, or closed at the end, by the cut of a sentence. */
function balanceQuotes(text: string): string {
  let t = text;
  const opens = (t.match(/«/gu) ?? []).length;
  const closes = (t.match(/»/gu) ?? []).length;
  if (opens > closes && t.startsWith('«')) t = t.replace(/^«\s*/u, '');
  if (closes > opens && /»\s*[.!?]?$/u.test(t)) t = t.replace(/\s*»(\s*[.!?]?)$/u, '$1');
  return t;
}

function tidy(text: string): string {
  let t = balanceQuotes(text.replace(/\s+/g, ' ').trim()).replace(/^(\p{Ll})/u, (c) => c.toLocaleUpperCase('fr'));
  // A quotation closed after its own full stop (`… de base. »`) needs none after it.
  if (/[\p{L}\p{N})»”]$/u.test(t) && !/[.!?…]\s*[»”]$/u.test(t)) t += '.';
  return t;
}

/** Least share of weighted words two mentions must share to be one event. */
const sameEventThreshold = 0.3;
/** The same, for two mentions of one document. */
const sameDocumentThreshold = 0.5;
/** Characters on each side of a date that say what the event is (`… une deuxième convention cadre`). */
const nearWindow = 100;

function compatible(a: string, b: string): boolean {
  return a.startsWith(b) || b.startsWith(a);
}

/**
 * The identifiers a text names things by: a word with a capital and a figure (`4.3BSD`, `SVr2`,
 * `ZX-81`) or a word in capitals (`ZQB`, `KLM`). A year is no name (it has no capital).
 */
function identifiers(text: string): Set<string> {
  const found = text.match(/(?<![\p{L}\p{N}.-])(?:(?=[\p{L}\p{N}.-]*\p{Lu})(?=[\p{L}\p{N}.-]*\p{N})[\p{L}\p{N}][\p{L}\p{N}.-]*[\p{L}\p{N}]|\p{Lu}{2,}(?![\p{L}\p{N}]))/gu) ?? [];
  return new Set(found);
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
  const merged: (Event & { blocks: Set<string> })[] = [];
  for (const e of events) {
    let same: (typeof merged)[number] | undefined;
    let bestScore = sameEventThreshold;
    for (const m of merged) {
      if (!compatible(m.date, e.date) || (m.end === undefined) !== (e.end === undefined) || (m.end && !compatible(m.end, e.end!))) continue;
      if (e.block && m.blocks.has(e.block)) continue;
      const sameDocument = m.sources.some((d) => e.sources.includes(d)) && !m.fromTitle && !e.fromTitle;
      // Two paragraphs of one document that share a single word (the name they are both about)
      // tell two events; two documents that share only the kind of event and a common word
      // (`une version … est sortie` in a history of two programs) too: one event shares its names.
      const shared = m.words.filter((w) => e.words.includes(w)).length;
      const sharedThings = [...new Set([...m.words.filter((w) => e.words.includes(w)), ...m.near.filter((w) => e.near.includes(w))])].filter((w) => !w.startsWith('#')).length;
      // Two paragraphs of one document that each name things by identifiers (`4.3BSD`, `SVr2`,
      // `ZX-81`, `KLM`), none in common, tell of two things, however alike their words.
      const [mNames, eNames] = [identifiers(m.text), identifiers(e.text)];
      const otherThings = sameDocument && mNames.size > 0 && eNames.size > 0 && ![...mNames].some((n) => eNames.has(n));
      const score = m.text === e.text && m.date === e.date ? 1 : (sameDocument && (shared < 2 || otherThings)) || (!sameDocument && sharedThings < 2) ? 0 : similarity(m, e);
      // One document tells an event twice in other words (a date line and its paragraph, a title
      // and its body); the bar is higher than between two documents, which share less wording.
      // A title sums its document up: a date of the body that agrees tells the title's event.
      const bar = sameDocument ? sameDocumentThreshold : sameEventThreshold;
      if (score >= Math.max(bar, bestScore)) {
        same = m;
        bestScore = score;
      }
    }
    if (!same) {
      merged.push({ ...e, sources: [...e.sources], anchors: [...e.anchors], words: [...e.words], near: [...e.near], blocks: new Set(e.block ? [e.block] : []) });
      continue;
    }
    // Keep the most precise date and its wording, and a sentence of a text rather than a title.
    if (e.date.length > same.date.length || (same.fromTitle && !e.fromTitle)) {
      if (e.date.length >= same.date.length) same.date = e.date;
      same.text = e.text;
      same.fromTitle = e.fromTitle && same.fromTitle;
    }
    if (e.end && (!same.end || e.end.length > same.end.length)) same.end = e.end;
    if (e.block) same.blocks.add(e.block);
    for (const s of e.sources) if (!same.sources.includes(s)) same.sources.push(s);
    for (const a of e.anchors) if (!same.anchors.includes(a)) same.anchors.push(a);
    for (const w of e.words) if (!same.words.includes(w)) same.words.push(w);
    for (const w of e.near) if (!same.near.includes(w)) same.near.push(w);
  }
  merged.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : (a.end ?? '').localeCompare(b.end ?? '') || a.order - b.order));
  return merged.map(({ date, end, text, sources, anchors }) => ({
    date,
    ...(end ? { end } : {}),
    text,
    sources,
    anchors,
    places: anchors.map((anchor) => ({ document: documentOfAnchor(anchor), anchor })),
  }));
}

/** The document an anchor belongs to: anchors are `DOCUMENT-ID--…`, or a document's own id. */
function documentOfAnchor(anchor: string): string {
  return anchor.split('--')[0]!;
}
