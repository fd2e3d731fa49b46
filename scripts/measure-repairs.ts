/**
 * Measures the displaced-bold repair on French prose it has never seen: each paragraph of the
 * development set (`/work/devset/prose/{tune,test}.jsonl`, one `{id, doc, package, text}` a line)
 * is damaged by the test generator (`tests/helpers/damage.ts`) at several densities and seeds,
 * then repaired ALONE — no edition, no corpus: only the paragraph and the general French data —
 * and, with `--edition`, also inside an edition made of the other documents of its part (never
 * its own document), to check that a text alone does as well.
 *
 *   npm run measure:repairs -- [--part tune|test|both] [--densities 0.02,0.05,0.1] [--seeds 3]
 *                              [--limit 400] [--edition] [--set FILE.jsonl] [--show N] [--misses N]
 *
 * Prints, for each part and density: bold phrases restored exactly (of all phrases, and of those
 * whose damage shows), placement precision (phrases the repair set in bold that are exactly a
 * phrase of the original, in its place), word accuracy (words in their original order), damaged
 * lines left as received and reported, clean paragraphs left untouched, and paragraphs that lost
 * or gained a letter (must be 0). The ceiling is the share of phrases that lie only on lines
 * showing damage: a part alone at the end of an otherwise clean line leaves no trace, so no repair
 * can restore its phrase. `--misses N` breaks the damaged lines down by outcome (right, left and
 * reported, left silently, words wrong) and by how many runs they held, with N examples of each
 * failure. Tune on `tune`; `test` is for reporting only.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { diffArrays } from 'diff';
import { buildCorpusStats, type CorpusStats } from '../src/language/corpus.ts';
import { loadFrenchLexicon } from '../src/language/fr/lexicon.ts';
import { agreementWeights } from '../src/language/fr/agreement.ts';
import { modelWeights } from '../src/language/fr/model.ts';
import { weights as boldWeights } from '../src/repair/displaced-bold.ts';
import { passes, runPasses } from '../src/repair/pipeline.ts';
import { boldWords, damageParagraph, lettersOf, phraseTokens, seeded, type ExpectedToken } from '../tests/helpers/damage.ts';

const { values } = parseArgs({
  options: {
    part: { type: 'string', default: 'both' },
    densities: { type: 'string', default: '0.02,0.05,0.1' },
    seeds: { type: 'string', default: '3' },
    limit: { type: 'string', default: '400' },
    edition: { type: 'boolean', default: false },
    set: { type: 'string' },
    show: { type: 'string', default: '0' },
    /** Tuning only: a breakdown of the damaged lines by outcome, and up to N examples of each failure. */
    misses: { type: 'string' },
    /** Tuning only: writes each damaged line's outcome to FILE (one line each), to compare two runs with `diff`. */
    outcomes: { type: 'string' },
    /** Tuning only: JSON overriding weights of the repair and of the model, e.g. `{"minGain":3}`. */
    weights: { type: 'string' },
  },
});

interface Paragraph {
  id: string;
  doc: string;
  text: string;
}

if (values.weights) {
  for (const [k, v] of Object.entries(JSON.parse(values.weights) as Record<string, number>)) {
    const target = [boldWeights, modelWeights, agreementWeights].find((w) => k in w) as Record<string, number> | undefined;
    if (!target) throw new Error(`no weight named ${k}`);
    target[k] = v;
  }
}
const dir = '/work/devset/prose';
const parts = values.part === 'both' ? ['tune', 'test'] : [values.part!];
const lexicon = await loadFrenchLexicon();
const onlyBold = passes.filter((p) => p.id === 'escape-markdown' || p.id === 'displaced-bold');
const escapeOnly = onlyBold.slice(0, 1);
let shown = 0;
const showMax = Number(values.show);

function readPart(part: string): Paragraph[] {
  const file = values.set ? values.set.replace('{part}', part) : `${dir}/${part}.jsonl`;
  const all = readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Paragraph)
    // `*` would be escaped by the Markdown pass and blur the comparison; such paragraphs are few.
    .filter((p) => !p.text.includes('*') && p.text.split(/\s+/u).length >= 12)
    .map((p) => ({ ...p, text: p.text.replace(/\s+/gu, ' ').trim() }));
  // A fixed, spread sample: every k-th paragraph.
  const limit = Number(values.limit);
  const step = Math.max(1, Math.floor(all.length / limit));
  return all.filter((_, i) => i % step === 0).slice(0, limit);
}

/** Markdown back to plain tokens: escapes undone. */
function unescape(markdown: string): string {
  return markdown.replace(/\\([\\`*_{}[\]()#+\-.!|<>~])/gu, '$1');
}

interface Tally {
  phrases: number;
  displacedPhrases: number;
  whollyPhrases: number;
  visiblePhrases: number;
  restoredVisible: number;
  restoredWholly: number;
  restored: number;
  restoredDisplaced: number;
  placed: number;
  placedRight: number;
  placedPart: number;
  words: number;
  wordsRight: number;
  damagedLines: number;
  leftReported: number;
  leftSilent: number;
  clean: number;
  cleanUntouched: number;
  lostLetters: number;
  paragraphs: number;
}

const emptyTally = (): Tally => ({ phrases: 0, displacedPhrases: 0, whollyPhrases: 0, visiblePhrases: 0, restoredVisible: 0, restoredWholly: 0, restored: 0, restoredDisplaced: 0, placed: 0, placedRight: 0, placedPart: 0, words: 0, wordsRight: 0, damagedLines: 0, leftReported: 0, leftSilent: 0, clean: 0, cleanUntouched: 0, lostLetters: 0, paragraphs: 0 });

/** Compares the repaired tokens with the original's: words in order, phrases exact. */
function score(want: ExpectedToken[], got: ExpectedToken[], displaced: boolean[], wholly: boolean[], visible: boolean[], tally: Tally): void {
  const diff = diffArrays(
    want.map((t) => t.word),
    got.map((t) => t.word),
  );
  // Map each wanted token to the got token it is aligned with.
  const aligned = new Array<number>(want.length).fill(-1);
  let i = 0;
  let j = 0;
  for (const part of diff) {
    if (part.added) j += part.count!;
    else if (part.removed) i += part.count!;
    else for (let k = 0; k < part.count!; k++) aligned[i++] = j++;
  }
  tally.words += want.length;
  tally.wordsRight += aligned.filter((a) => a >= 0).length;
  const spans = (tokens: ExpectedToken[]): Map<number, [number, number]> => {
    const m = new Map<number, [number, number]>();
    tokens.forEach((t, k) => {
      if (t.phrase < 0) return;
      const s = m.get(t.phrase);
      if (s) s[1] = k;
      else m.set(t.phrase, [k, k]);
    });
    return m;
  };
  const wantSpans = spans(want);
  const gotSpans = spans(got);
  const gotKey = new Set([...gotSpans.values()].map(([a, b]) => `${a}:${b}`));
  const exact = (s: number, e: number): boolean => {
    for (let k = s; k <= e; k++) if (aligned[k]! < 0) return false;
    if (aligned[e]! - aligned[s]! !== e - s) return false;
    return gotKey.has(`${aligned[s]}:${aligned[e]}`);
  };
  const wantKeys = new Set<string>();
  for (const [p, [s, e]] of wantSpans) {
    tally.phrases += 1;
    if (displaced[p]) tally.displacedPhrases += 1;
    if (wholly[p]) tally.whollyPhrases += 1;
    if (visible[p]) tally.visiblePhrases += 1;
    const ok = exact(s, e);
    if (ok) {
      tally.restored += 1;
      if (displaced[p]) tally.restoredDisplaced += 1;
      if (wholly[p]) tally.restoredWholly += 1;
      if (visible[p]) tally.restoredVisible += 1;
      wantKeys.add(`${aligned[s]}:${aligned[e]}`);
    }
  }
  const wantOf = new Map<number, number>();
  aligned.forEach((g, w) => {
    if (g >= 0) wantOf.set(g, w);
  });
  for (const [a, b] of gotSpans.values()) {
    tally.placed += 1;
    if (wantKeys.has(`${a}:${b}`)) {
      tally.placedRight += 1;
      continue;
    }
    // The moved part of a phrase whose other part stayed, unseen, at a line end: right as far as it shows.
    const phrases = new Set<number>();
    for (let g = a; g <= b; g++) phrases.add(wantOf.has(g) ? want[wantOf.get(g)!]!.phrase : -2);
    const [only] = [...phrases];
    if (phrases.size === 1 && only! >= 0 && !wholly[only!]) tally.placedPart += 1;
  }
}

/** Statistics of an edition made of the other documents of the part (cached by document). */
function editionOf(doc: string, all: Paragraph[], cache: Map<string, CorpusStats>): CorpusStats {
  let stats = cache.get(doc);
  if (!stats) {
    stats = buildCorpusStats(all.filter((q) => q.doc !== doc).map((q) => q.text));
    cache.set(doc, stats);
  }
  return stats;
}

function measure(paragraphs: Paragraph[], density: number, seed: number, edition: Map<string, CorpusStats> | undefined, tally: Tally): void {
  for (const [n, p] of paragraphs.entries()) {
    const random = seeded(seed * 100_003 + n);
    const width = 70 + Math.floor(random() * 50);
    const d = damageParagraph(p.text, random, { width, boldRate: density, trailingSpace: 0.15 });
    const text = `${d.damaged}\n`;
    // Inside an edition: the other documents of the part, never the paragraph's own document.
    const corpus = edition ? editionOf(p.doc, paragraphs, edition) : undefined;
    const result = runPasses(onlyBold, text, 'p.txt', { lexicon, corpus, repairs: 'auto' });
    tally.paragraphs += 1;
    if (lettersOf(result.markdown) !== lettersOf(text)) {
      tally.lostLetters += 1;
      if (process.env.SHOW_LOST) console.log(`\nLOST ${p.id}\n${text}--- repaired:\n${result.markdown}`);
    }
    const got = phraseTokens(unescape(result.markdown));
    score(d.tokens, got, d.displaced, d.wholly, d.visible, tally);
    if (values.misses !== undefined || values.outcomes) classifyLines(d, text, result, escapedInLines(text), `${p.id}@${density}/${seed}`);
    const outLines = result.markdown.split('\n');
    const escapedIn = runPasses(escapeOnly, text, 'p.txt', {}).markdown.split('\n');
    for (const li of d.damagedLines) {
      tally.damagedLines += 1;
      if (outLines[li] === escapedIn[li]) {
        const reported = result.diagnostics.some((x) => x.rule === 'displaced-bold' && x.severity === 'warning' && x.line === li + 1);
        if (reported) tally.leftReported += 1;
        else {
          tally.leftSilent += 1;
          if (process.env.SHOW_SILENT) console.log(`silent: ${JSON.stringify(escapedIn[li])}  <- ${JSON.stringify(escapedIn[li - 1] ?? '')}`);
        }
      }
    }
    if (shown < showMax && d.runs > 0 && unescape(result.markdown).replace(/\s+/gu, ' ').trim() !== d.expected) {
      shown += 1;
      console.log(`\n--- ${p.id} (density ${density}, seed ${seed})\n${text}--- repaired:\n${result.markdown}--- expected:\n${d.expected}`);
      for (const x of result.diagnostics.filter((x) => x.severity === 'warning')) console.log(`  ${x.line}:${x.column} ${x.rule}: ${x.message}`);
    }
    // The same paragraph without bold, wrapped with stray spaces, must come back untouched.
    const c = damageParagraph(p.text, random, { width, boldRate: 0, trailingSpace: 0.2 });
    // Stray spaces of clean texts: double spaces after full stops, now and then one mid-sentence.
    const noisy = `${c.damaged.replace(/\. /gu, () => (random() < 0.3 ? '.  ' : '. ')).replace(/(?<=\p{L}) (?=\p{L})/gu, () => (random() < 0.01 ? '  ' : ' '))}\n`;
    const cleanCorpus = corpus;
    tally.clean += 1;
    const cleanOut = runPasses(onlyBold, noisy, 'c.txt', { lexicon, corpus: cleanCorpus, repairs: 'auto' }).markdown;
    if (cleanOut === runPasses(escapeOnly, noisy, 'c.txt', {}).markdown) tally.cleanUntouched += 1;
    else if (process.env.SHOW_CLEAN) console.log(`\nCLEAN CHANGED ${p.id}\n${noisy}--- became:\n${cleanOut}`);
  }
}

function escapedInLines(text: string): string[] {
  return runPasses(escapeOnly, text, 'p.txt', {}).markdown.split('\n');
}

/** Outcome of each damaged line, by how many bold runs it held: what the repair got right, left, or got wrong. */
const outcomes = new Map<string, number>();
const examples = new Map<string, string[]>();
const outcomeLines: string[] = [];
function classifyLines(d: ReturnType<typeof damageParagraph>, text: string, result: ReturnType<typeof runPasses>, escapedIn: string[], where: string): void {
  const outLines = result.markdown.split('\n');
  const gotWords = boldWords(outLines.map((l) => unescape(l).replace(/\[…\] ?/gu, '')));
  const key = (w: { word: string; bold: boolean }[]): string => w.map((x) => (/^[,.;:!?)»]+$/u.test(x.word) ? x.word : x.bold ? `*${x.word}` : x.word)).join(' ');
  // The expected line tokenized as the output is (`1:1`, `2.10` split alike).
  const asOutput = (w: { word: string; bold: boolean }[]): { word: string; bold: boolean }[] => boldWords([w.map((x) => (x.bold ? `**${x.word}**` : x.word)).join(' ')])[0]!;
  const inLines = text.split('\n');
  for (const li of d.damagedLines) {
    const want = asOutput(d.lines[d.lineOf[li]!]!);
    const runs = want.filter((w, k) => w.bold && !want[k - 1]?.bold).length;
    const startsBold = want[0]?.bold ? ' starts-bold' : '';
    const endsBold = want[want.length - 1]?.bold ? ' ends-bold' : '';
    let outcome: string;
    if (outLines[li] === escapedIn[li]) {
      const reported = result.diagnostics.some((x) => x.rule === 'displaced-bold' && x.severity === 'warning' && x.line === li + 1);
      outcome = reported ? 'left, reported' : 'left, silent';
    } else if (key(gotWords[li]!) === key(want)) outcome = 'right';
    else if (gotWords[li]!.map((w) => w.word).join(' ') === want.map((w) => w.word).join(' ')) outcome = 'words right, bold wrong';
    else outcome = 'words wrong';
    const k = `${outcome.padEnd(24)} runs=${Math.min(runs, 4)}${startsBold}${endsBold}`;
    outcomes.set(k, (outcomes.get(k) ?? 0) + 1);
    outcomeLines.push(`${outcome.padEnd(24)} ${where}:${li + 1}  ${JSON.stringify(inLines[li])} -> ${JSON.stringify(outLines[li])}`);
    if (outcome !== 'right') {
      const list = examples.get(outcome) ?? [];
      if (list.length < Number(values.misses)) {
        list.push(
          [`  [${k.trim()}]`, `    prev: ${JSON.stringify(inLines[li - 1] ?? '')}`, `    in:   ${JSON.stringify(inLines[li])}`, `    out:  ${JSON.stringify(outLines[li])}`, `    want: ${JSON.stringify(key(want))}`, `    next: ${JSON.stringify(inLines[li + 1] ?? '')}`].join('\n'),
        );
        examples.set(outcome, list);
      }
    }
  }
}

function reportMisses(): void {
  if (values.misses === undefined) return;
  console.log('damaged lines by outcome:');
  for (const [k, n] of [...outcomes].sort((a, b) => a[0].localeCompare(b[0]))) console.log(`  ${String(n).padStart(5)}  ${k}`);
  for (const [outcome, list] of examples) console.log(`\n${outcome}:\n${list.join('\n')}`);
  outcomes.clear();
  examples.clear();
}

const pct = (n: number, d: number): string => (d ? `${((100 * n) / d).toFixed(1)} %` : '—');
function report(label: string, t: Tally): void {
  console.log(
    [
      `${label}: ${t.paragraphs} paragraphs, ${t.phrases} bold phrases (${t.whollyPhrases} wholly moved), ${t.damagedLines} damaged lines`,
      `  phrases restored exactly   ${pct(t.restored, t.phrases)}   (of those whose every part was moved: ${pct(t.restoredWholly, t.whollyPhrases)}; a part left at a line end shows nothing)`,
      `  ceiling                    ${pct(t.visiblePhrases, t.phrases)} of the phrases lie only on lines that show damage; of those, restored exactly ${pct(t.restoredVisible, t.visiblePhrases)}`,
      `  placement precision        ${pct(t.placedRight, t.placed)}   (${t.placed} phrases set in bold; counting as right the moved part of a phrase whose rest stayed unseen: ${pct(t.placedRight + t.placedPart, t.placed)})`,
      `  word accuracy              ${pct(t.wordsRight, t.words)}`,
      `  damaged lines left, reported ${pct(t.leftReported, t.damagedLines)}; left silently ${pct(t.leftSilent, t.damagedLines)}`,
      `  clean paragraphs untouched ${pct(t.cleanUntouched, t.clean)}`,
      `  paragraphs that lost or gained a letter: ${t.lostLetters}`,
    ].join('\n'),
  );
}

const started = performance.now();
for (const part of parts) {
  const paragraphs = readPart(part);
  const edition = new Map<string, CorpusStats>();
  for (const mode of values.edition ? ['alone', 'edition'] : ['alone']) {
    for (const density of values.densities!.split(',').map(Number)) {
      const tally = emptyTally();
      for (let seed = 1; seed <= Number(values.seeds); seed++) measure(paragraphs, density, seed, mode === 'edition' ? edition : undefined, tally);
      report(`${part} · density ${density} · ${mode}`, tally);
      reportMisses();
    }
  }
}
if (values.outcomes) writeFileSync(values.outcomes, `${outcomeLines.join('\n')}\n`);
console.log(`time: ${((performance.now() - started) / 1000).toFixed(1)} s`);
