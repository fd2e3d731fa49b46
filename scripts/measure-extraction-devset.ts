/**
 * Measures the glossary and the chronology on the extraction development set
 * (`tests/fixtures/extract/devset/{tune,test}.json`): texts of Debian packages that Folio was not
 * written on, repaired and extracted as an edition of their own, scored against the hand
 * annotations. Prints numbers and, with `--verbose`, every miss and every error; never fails.
 *
 *   npx tsx scripts/measure-extraction-devset.ts [--part tune|test|all] [--only REGEX] [--verbose]
 *
 * `--only REGEX` measures the documents whose key matches (e.g. `'^(man|lo|kicad)-'`, the part's
 * latest additions); an annotated meaning counts then when its term and one of its wordings occur in
 * those texts.
 *
 * Glossary: an acronym meaning is right when a text expansion of the entry is one of the accepted
 * wordings; an entry whose expansion is none of them is a wrong expansion (or a noise entry, when
 * the term is no acronym the text defines); a gloss listed as tolerated is neither.
 * Chronology: a found entry is matched per document to an annotated event of the same date (or, less
 * precise, a compatible one); a date the text does not give as an event is a wrong date, unless the
 * annotation tolerates it (untranslated English passages).
 */
import { readFileSync } from 'node:fs';
import { buildCorpusStats } from '../src/language/corpus.ts';
import { loadFrenchLexicon } from '../src/language/fr/lexicon.ts';
import { normalizeText } from '../src/repair/pipeline.ts';
import { fold } from '../src/extract/acronyms.ts';
import { extractEdition, type ExtractionDocument } from '../src/extract/index.ts';
import { readDocumentText } from '../src/extract/text-blocks.ts';
import { loadDevsetText } from './extraction-devset.ts';

interface Annotation {
  documents: Record<string, string>;
  acronyms: Record<string, string[]>;
  glosses: Record<string, string[]>;
  events: { document: string; date: string; end?: string; what: string }[];
  toleratedDates: Record<string, string[]>;
  merges: { documents: string[]; date: string; what: string }[];
}

const args = process.argv.slice(2);
const part = args.includes('--part') ? args[args.indexOf('--part') + 1]! : 'all';
const verbose = args.includes('--verbose');
const only = args.includes('--only') ? new RegExp(args[args.indexOf('--only') + 1]!) : undefined;
const parts = part === 'all' ? ['tune', 'test'] : [part];
const lexicon = await loadFrenchLexicon();

const norm = (s: string): string =>
  fold(s)
    .replace(/[’']/g, "'")
    .replace(/[«»"“”]/g, '')
    .replace(/^(?:(?:le|la|les|un|une|des|du|the)\s+|l')/u, '')
    .replace(/[\s.,;:]+$/u, '')
    .replace(/\s+/g, ' ')
    .trim();
const pct = (n: number, d: number): string => (d ? `${((100 * n) / d).toFixed(1)} %` : '—');
/** Whether `text` holds `wording` with `term` as a word less than 60 characters away. */
function near(text: string, wording: string, term: string): boolean {
  const word = new RegExp(`(?:^|[^\\p{L}\\p{N}])${term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'u');
  for (let i = text.indexOf(wording); i >= 0; i = text.indexOf(wording, i + 1)) {
    if (word.test(text.slice(Math.max(0, i - 60), i + wording.length + 60))) return true;
  }
  return false;
}
const compatible = (a: string, b: string): boolean => a.startsWith(b) || b.startsWith(a);

/** The documents of a part, repaired the way a build repairs them, ready for extraction. */
function prepare(annotation: Annotation): { docs: ExtractionDocument[]; texts: string[] } {
  const texts = Object.entries(annotation.documents)
    .filter(([key]) => !only || only.test(key))
    .map(([key, id]) => ({ key, ...loadDevsetText(id) }));
  const corpus = buildCorpusStats(texts.map((t) => t.text));
  const docs = texts.map((t): ExtractionDocument => {
    const repaired = normalizeText(t.text, t.key, { lexicon, corpus });
    return { id: t.key, file: t.id, title: t.key, text: readDocumentText(repaired.markdown), ownTitle: repaired.meta.title, locate: () => ({ line: 1, column: 1 }) };
  });
  return { docs, texts: texts.map((t) => t.text) };
}

for (const name of parts) {
  const annotation: Annotation = JSON.parse(readFileSync(new URL(`../tests/fixtures/extract/devset/${name}.json`, import.meta.url), 'utf8'));
  const { docs, texts: raw } = prepare(annotation);
  const meanings = Object.entries(annotation.acronyms).flatMap(([term, list]) => list.map((m, i) => ({ term, i, accepted: m.split('|').map(norm) })));
  // The meanings the figure counts: all, or with `--only` (the acronyms are annotated for the whole
  // part) those a selected text holds, one of its wordings beside its term, as a definition does,
  // and those found.
  const folded = raw.map(norm);
  const counted = new Set(meanings.filter((m) => !only || m.accepted.some((w) => folded.some((t, k) => raw[k]!.includes(m.term) && near(t, w, norm(m.term))))).map((m) => `${m.term}#${m.i}`));
  if (only) {
    const kept = Object.keys(annotation.documents).filter((k) => only.test(k));
    annotation.events = annotation.events.filter((e) => kept.includes(e.document));
    annotation.merges = annotation.merges.filter((g) => g.documents.every((d) => kept.includes(d)));
  }
  const extraction = extractEdition(docs, [], lexicon);
  console.log(`\n== ${name}: ${docs.length} documents`);

  // Glossary.
  const found = new Set<string>();
  const wrong: string[] = [];
  const noise: string[] = [];
  let right = 0;
  let expansionsFound = 0;
  for (const entry of extraction.glossary) {
    for (const x of entry.expansions.filter((e) => e.origin === 'text')) {
      expansionsFound++;
      const n = norm(x.text);
      const hit = meanings.find((m) => m.term === entry.term && m.accepted.includes(n));
      if (hit) {
        if (!found.has(`${hit.term}#${hit.i}`)) right++;
        found.add(`${hit.term}#${hit.i}`);
        counted.add(`${hit.term}#${hit.i}`);
        continue;
      }
      if ((annotation.glosses[entry.term] ?? []).map(norm).includes(n)) continue;
      if (annotation.acronyms[entry.term]) wrong.push(`${entry.term} = ${x.text}`);
      else noise.push(`${entry.term} = ${x.text}`);
    }
  }
  const tolerated = expansionsFound - right - wrong.length - noise.length;
  console.log(`Glossary: defined acronyms right     ${pct(found.size, counted.size).padStart(7)} (${found.size}/${counted.size})`);
  console.log(`          wrong expansions           ${wrong.length}`);
  console.log(`          noise entries              ${noise.length}`);
  console.log(`          tolerated glosses          ${tolerated}`);

  // Chronology.
  const places = extraction.chronology.flatMap((e) => e.sources.map((document) => ({ document, date: e.date, end: e.end, text: e.text })));
  const used = new Map<number, number>();
  const wrongDates: string[] = [];
  let exact = 0;
  let endsRight = 0;
  let toleratedEvents = 0;
  for (const p of places) {
    const candidates = annotation.events.map((m, k) => ({ m, k })).filter(({ m }) => m.document === p.document && compatible(m.date, p.date));
    const best = candidates.find(({ m, k }) => m.date === p.date && !used.has(k)) ?? candidates.find(({ k }) => !used.has(k)) ?? candidates.find(({ m }) => m.date === p.date) ?? candidates[0];
    if (best) {
      used.set(best.k, (used.get(best.k) ?? 0) + 1);
      if (used.get(best.k) === 1) {
        if (best.m.date === p.date) exact++;
        if ((best.m.end ?? '') === (p.end ?? '')) endsRight++;
      }
      continue;
    }
    if ((annotation.toleratedDates[p.document] ?? []).some((d) => compatible(d, p.date))) {
      toleratedEvents++;
      continue;
    }
    wrongDates.push(`${p.date}${p.end ? `–${p.end}` : ''} ${p.document}: ${p.text.slice(0, 90)}`);
  }
  const repeats = [...used.values()].reduce((n, c) => n + c - 1, 0);
  const texts = extraction.chronology.map((e) => e.text);
  const ellipsis = texts.filter((t) => /^…|…$/u.test(t.trim())).length;
  const short = texts.filter((t) => t.split(/\s+/).length < 4).length;
  const merges = annotation.merges.filter((g) => extraction.chronology.some((e) => compatible(e.date, g.date) && g.documents.every((d) => e.sources.includes(d))));
  console.log(`Chronology: dated events found       ${pct(used.size, annotation.events.length).padStart(7)} (${used.size}/${annotation.events.length})`);
  console.log(`            found with the text's precision ${exact}/${used.size}, ranges' ends right ${endsRight}/${used.size}`);
  console.log(`            wrong dates (no such event) ${wrongDates.length}`);
  console.log(`            tolerated (English passages) ${toleratedEvents}`);
  console.log(`            duplicates (an event told twice, not merged) ${repeats}`);
  console.log(`            texts starting or ending with « … » ${ellipsis}/${texts.length}, under four words ${short}`);
  console.log(`            same event in two documents merged ${merges.length}/${annotation.merges.length}`);
  if (verbose) {
    const list = (title: string, items: string[]): void => console.log(`\n${title}:\n  ${items.join('\n  ') || '(none)'}`);
    list('Missed acronyms', meanings.filter((m) => counted.has(`${m.term}#${m.i}`) && !found.has(`${m.term}#${m.i}`)).map((m) => `${m.term} = ${m.accepted[0]}`));
    list('Wrong expansions', wrong);
    list('Noise entries', noise);
    list('Missed events', annotation.events.filter((_, k) => !used.has(k)).map((m) => `${m.date}${m.end ? `–${m.end}` : ''} ${m.document}: ${m.what}`));
    list('Wrong dates', wrongDates);
    list('Event texts', extraction.chronology.map((e) => `${e.date}${e.end ? `–${e.end}` : ''} [${e.sources.join(', ')}] ${e.text}`));
  }
}
