/**
 * Measures the extraction against the hand-checked lists of tests/fixtures/extract/:
 * precision and recall of the acronym definitions, of the set of glossary terms, and of the dated
 * events (per document and date). Prints numbers and the misses; never fails.
 *
 *   npx tsx scripts/measure-extraction.ts [--manifest sources/compendium.yaml] [--verbose]
 */
import { readFileSync } from 'node:fs';
import { prepareEdition } from '../src/pipeline/build.ts';
import { fold } from '../src/extract/acronyms.ts';

const args = process.argv.slice(2);
const manifest = args.includes('--manifest') ? args[args.indexOf('--manifest') + 1]! : 'sources/compendium.yaml';
const verbose = args.includes('--verbose');
const fixture = (name: string): any => JSON.parse(readFileSync(new URL(`../tests/fixtures/extract/${name}`, import.meta.url), 'utf8'));
const expectedGlossary = fixture('glossary.expected.json');
const expectedChronology = fixture('chronology.expected.json');

const { extraction } = await prepareEdition(manifest);
const norm = (s: string): string => fold(s).replace(/[’']/g, "'").replace(/\s+/g, ' ').trim();
const pct = (n: number, d: number): string => (d ? `${((100 * n) / d).toFixed(1)} %` : '—');
const report = (label: string, tp: number, found: number, expected: number, recalled = tp): void =>
  console.log(`${label.padEnd(34)} precision ${pct(tp, found).padStart(7)} (${tp}/${found})   recall ${pct(recalled, expected).padStart(7)} (${recalled}/${expected})`);

// 1. Definitions found in the texts: (term, expansion) pairs.
const defined: Record<string, string[]> = expectedGlossary.defined;
const expectedPairs = Object.entries(defined).flatMap(([term, meanings]) => meanings.map((m) => ({ term, accepted: m.split('|').map(norm) })));
const foundPairs = extraction.glossary.flatMap((e) => e.expansions.filter((x) => x.origin === 'text').map((x) => ({ term: e.term, text: x.text })));
const matched = new Set<number>();
let correct = 0;
const wrong: string[] = [];
for (const f of foundPairs) {
  const i = expectedPairs.findIndex((p, k) => !matched.has(k) && p.term === f.term && p.accepted.includes(norm(f.text)));
  if (i >= 0) {
    matched.add(i);
    correct++;
  } else wrong.push(`${f.term} = ${f.text}`);
}
report('Definitions (term + expansion)', correct, foundPairs.length, expectedPairs.length);

// 2. Which words the glossary explains: acronyms, not names.
const acronyms = new Set([...Object.keys(defined), ...expectedGlossary.undefined]);
const names = new Set<string>(expectedGlossary.names);
const terms = extraction.glossary.map((e) => e.term);
const termHits = terms.filter((t) => acronyms.has(t)).length;
report('Glossary terms (acronyms)', termHits, terms.length, acronyms.size);
const namesTaken = terms.filter((t) => names.has(t));
console.log(`${'Names taken for acronyms'.padEnd(34)} ${namesTaken.length}${namesTaken.length ? ` (${namesTaken.join(', ')})` : ''}`);

// 3. Dated events, per document and date; dates agree when one is the other or more precise.
type Mention = { document: string; date: string; end?: string; what: string; dates?: string[] };
// One event told several times in one document is one expected entry (issue 14): its mentions
// collapse into one, found under any of its dates.
const groups: { document: string; dates: string[]; what: string }[] = expectedChronology.sameEvent ?? [];
const inGroup = (m: Mention): boolean => groups.some((g) => g.document === m.document && g.dates.includes(m.date) && !m.end);
const mentions: Mention[] = [
  ...(expectedChronology.mentions as Mention[]).filter((m) => !inGroup(m)),
  ...groups.map((g) => ({ document: g.document, date: g.dates[0]!, dates: g.dates, what: g.what })),
];
const compatible = (a: string, b: string): boolean => a.startsWith(b) || b.startsWith(a);
const pairs = extraction.chronology.flatMap((e) => e.sources.map((document) => ({ document, date: e.date, end: e.end, text: e.text })));
const used = new Set<number>();
let eventHits = 0;
let exact = 0;
let repeats = 0;
const repeated: string[] = [];
const extra: string[] = [];
// A line may tell an event the text gives twice (a repeat, counted apart); a hand-listed event is
// found when one line at least tells it.
for (const p of pairs) {
  const candidates = mentions.map((m, k) => ({ m, k })).filter(({ m }) => m.document === p.document && (m.dates ?? [m.date]).some((d) => compatible(d, p.date)) && (m.end ?? '').slice(0, 4) === (p.end ?? '').slice(0, 4));
  const best = candidates.find(({ m, k }) => (m.dates ?? [m.date]).includes(p.date) && !used.has(k)) ?? candidates.find(({ k }) => !used.has(k)) ?? candidates[0];
  if (best) {
    if (used.has(best.k)) {
      repeats++;
      repeated.push(`${p.date} ${p.document}: ${p.text.slice(0, 90)}`);
    }
    used.add(best.k);
    eventHits++;
    if ((best.m.dates ?? [best.m.date]).includes(p.date)) exact++;
  } else extra.push(`${p.date}${p.end ? `–${p.end}` : ''} ${p.document}: ${p.text.slice(0, 70)}`);
}
report('Events (document + date)', eventHits, pairs.length, mentions.length, used.size);
console.log(`${'  lines repeating a listed event'.padEnd(34)} ${repeats}`);
console.log(`${'  of which with the same precision'.padEnd(34)} ${exact}/${eventHits}`);
const merges: { documents: string[]; date: string; what: string }[] = expectedChronology.merges;
const mergeHits = merges.filter((g) => extraction.chronology.some((e) => compatible(e.date, g.date) && g.documents.every((d) => e.sources.includes(d))));
console.log(`${'Same event told by two documents'.padEnd(34)} ${mergeHits.length}/${merges.length} merged`);

if (verbose) {
  console.log('\nWrong or unexpected definitions:\n  ' + (wrong.join('\n  ') || '(none)'));
  console.log('\nMissed definitions:\n  ' + (expectedPairs.filter((_, k) => !matched.has(k)).map((p) => `${p.term} = ${p.accepted[0]}`).join('\n  ') || '(none)'));
  console.log('\nMissed acronyms:\n  ' + ([...acronyms].filter((a) => !terms.includes(a)).join(', ') || '(none)'));
  console.log('\nEvents not in the hand list:\n  ' + (extra.join('\n  ') || '(none)'));
  console.log('\nLines repeating a listed event:\n  ' + (repeated.join('\n  ') || '(none)'));
  console.log('\nMissed events:\n  ' + (mentions.filter((_, k) => !used.has(k)).map((m) => `${m.date}${m.end ? `–${m.end}` : ''} ${m.document}: ${m.what}`).join('\n  ') || '(none)'));
  console.log('\nMerges missed:\n  ' + (merges.filter((g) => !mergeHits.includes(g)).map((g) => `${g.date} ${g.what}`).join('\n  ') || '(none)'));
}
