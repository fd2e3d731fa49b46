/**
 * The glossary of acronyms: the definitions the texts give (`acronyms.ts`), completed by the
 * editors' file (`glossary-file.ts`), with every use of every term, sorted with French collation.
 *
 * Which all-caps words are acronyms is decided here, over the whole corpus, by rules of writing
 * rather than lists: a Roman numeral, a word of the dictionary (`PLANÈTE`, a category label), a word
 * the corpus also writes as a name (`ORION` / `Orion`), a word introduced as an operation or
 * an exercise (`l'opération … ORION`, `ORBIS 31, exercice …`), a run of several capitalized words
 * (`SILENT COMET 2031`) or a word listed with such names (`ALPHA, BRAVO et CHARLIE`) is a
 * name, not an acronym — unless the texts or the editors explain it as one.
 *
 * One term with several meanings keeps them all (`MCO`, two missions); a restatement of a meaning
 * (`office de contrôle de l'ASF`) is not a new one, and a paraphrase that explains the letters
 * much worse than another meaning (`politique spatiale commune (PESF)`) is not kept.
 */
import { diagnostic, type Diagnostic } from '../diagnostics.ts';
import type { GlossaryEntry, SourcePlace } from './types.ts';
import type { Lexicon } from '../language/fr/lexicon.ts';
import { isOnlyAdverb } from '../language/fr/tags.ts';
import { createTermMatcher, findAcronymTokens, glossaryId, useId, type TermMatcher } from './acronym-uses.ts';
import { findDefinitions, fold, isAccepted, type DefinitionCandidate } from './acronyms.ts';
import { diagnosticAt, type ExtractionDocument } from './document.ts';
import type { EditorialEntry } from './glossary-file.ts';

/** What the HTML marking needs to know of a term. */
export interface TermMark {
  term: string;
  /** Anchor of the glossary entry. */
  entryId: string;
  /** The `title` of a use with no definition before it in its document. */
  title: string;
  /** Uses that define the term, with the meaning they give (later uses in the document take it). */
  sites: { documentId: string; occurrence: number; title: string }[];
}

export interface GlossaryResult {
  entries: GlossaryEntry[];
  marks: TermMark[];
  diagnostics: Diagnostic[];
}

interface Use {
  documentId: string;
  term: string;
  occurrence: number;
  offset: number;
}

interface Found extends DefinitionCandidate {
  doc: ExtractionDocument;
  offset: number;
}

const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });

/**
 * Builds the glossary of a corpus.
 * @param docs the documents, in reading order
 * @param editorial the editors' entries
 * @param lexicon the French word list; without it, no all-caps word is taken for a plain word
 */
export function buildGlossary(docs: readonly ExtractionDocument[], editorial: readonly EditorialEntry[] = [], lexicon?: Lexicon): GlossaryResult {
  const diagnostics: Diagnostic[] = [];
  const isFrenchWord = lexicon && ((word: string): boolean => lexicon.has(word));
  const isAdverb = lexicon && ((word: string): boolean => isOnlyAdverb(lexicon.tags(word)));
  const accepted: Found[] = [];
  const rejected: Found[] = [];
  for (const doc of docs) {
    for (const block of doc.text.blocks) {
      for (const d of findDefinitions(block.text, isFrenchWord, isAdverb)) {
        const found = { ...d, doc, offset: block.offsets[d.termStart] ?? 0 };
        (isAccepted(d) ? accepted : rejected).push(found);
      }
    }
  }
  const definedTerms = new Set(accepted.map((d) => d.term));
  for (const r of rejected) {
    if (definedTerms.has(r.term) || !/\p{Lu}{2}/u.test(r.term)) continue;
    diagnostics.push(
      diagnosticAt(r.doc, r.offset, {
        rule: 'acronym-definition',
        severity: 'info',
        message: `“${r.term}” next to “${clip(r.expansion)}” was not taken as a definition: the words explain its letters too poorly (confidence ${r.confidence.toFixed(2)}).`,
      }),
    );
  }

  // Which capitalized words are acronyms to explain, and which are names.
  const editorialByTerm = new Map(editorial.map((e) => [e.term, e]));
  const firstMatcher = createTermMatcher(definedTerms);
  const candidates = undefinedAcronyms(docs, firstMatcher, definedTerms, editorialByTerm, lexicon);
  const usedEditorial = new Set<string>();
  for (const [term, where] of candidates) {
    if (editorialByTerm.has(term)) usedEditorial.add(term);
    else {
      diagnostics.push(
        diagnosticAt(where.doc, where.offset, {
          rule: 'undefined-acronym',
          severity: 'warning',
          message: `The acronym “${term}” is used here but explained nowhere: add it to the editors' glossary (glossary.yaml) or define it in the text.`,
        }),
      );
    }
  }
  for (const e of editorial) {
    if (definedTerms.has(e.term) && !usedEditorial.has(e.term)) usedEditorial.add(e.term);
  }

  const terms = new Set([...definedTerms, ...usedEditorial]);
  const matcher = createTermMatcher(terms);
  const uses = collectUses(docs, matcher);
  const usesByTerm = new Map<string, Use[]>();
  for (const u of uses) usesByTerm.set(u.term, [...(usesByTerm.get(u.term) ?? []), u]);
  for (const e of editorial) {
    if (!usesByTerm.has(e.term)) {
      diagnostics.push(diagnostic(e.file, { line: e.line, column: 1 }, { rule: 'glossary-unused', severity: 'info', message: `The editors' entry “${e.term}” is not used by any text: it is left out of the glossary.` }));
    }
  }

  // A short form matched at its definition: which use of the term is it?
  const occurrenceOf = (d: Found): number | undefined => {
    const list = usesByTerm.get(d.term) ?? [];
    return list.find((u) => u.documentId === d.doc.id && u.offset >= d.offset)?.occurrence;
  };

  const entries: GlossaryEntry[] = [];
  const marks: TermMark[] = [];
  for (const term of terms) {
    const termUses = usesByTerm.get(term);
    if (!termUses?.length) continue;
    const defs = accepted.filter((d) => d.term === term);
    const meanings = meaningsOf(defs, accepted, diagnostics);
    const sites: TermMark['sites'] = [];
    const expansions: GlossaryEntry['expansions'] = [];
    for (const m of meanings.kept) {
      const first = m.defs[0]!;
      const occurrence = occurrenceOf(first);
      expansions.push({ text: m.text, origin: 'text', definedIn: occurrence ? useId(first.doc.id, term, occurrence) : undefined });
      for (const d of m.defs) {
        const n = occurrenceOf(d);
        if (n) sites.push({ documentId: d.doc.id, occurrence: n, title: m.text });
      }
    }
    for (const d of meanings.local) {
      const n = occurrenceOf(d);
      if (n) sites.push({ documentId: d.doc.id, occurrence: n, title: d.expansion });
    }
    const ed = editorialByTerm.get(term);
    if (!expansions.length && ed) for (const text of ed.expansions) expansions.push({ text, origin: 'editorial', ...(ed.source ? { source: ed.source } : {}) });
    const entry: GlossaryEntry = {
      term,
      expansions,
      firstUse: useId(termUses[0]!.documentId, term, termUses[0]!.occurrence),
      uses: termUses.map((u) => useId(u.documentId, term, u.occurrence)),
      places: placesOf(term, termUses, sites),
      ...(ed?.note ? { note: ed.note } : {}),
      ...(ed?.source && expansions.some((x) => x.origin === 'text') ? { source: ed.source } : {}),
    };
    entries.push(entry);
    marks.push({ term, entryId: glossaryId(term), title: expansions.map((x) => x.text).join(' ; ou '), sites });
  }
  entries.sort((a, b) => collator.compare(a.term, b.term) || a.term.localeCompare(b.term));
  return { entries, marks, diagnostics };
}

/**
 * One place per document that uses a term, in reading order: the use that defines it there, or
 * its first use there — what the back matter's page references point at.
 */
function placesOf(term: string, uses: Use[], sites: TermMark['sites']): SourcePlace[] {
  const places: SourcePlace[] = [];
  for (const u of uses) {
    if (places.some((p) => p.document === u.documentId)) continue;
    const defining = sites.filter((d) => d.documentId === u.documentId).sort((a, b) => a.occurrence - b.occurrence)[0];
    places.push({ document: u.documentId, anchor: useId(u.documentId, term, defining?.occurrence ?? u.occurrence) });
  }
  return places;
}

function clip(text: string, max = 60): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Every use of every term, document by document, numbered per term and document. */
function collectUses(docs: readonly ExtractionDocument[], matcher: TermMatcher): Use[] {
  const uses: Use[] = [];
  for (const doc of docs) {
    const counts = new Map<string, number>();
    for (const run of doc.text.runs) {
      for (const m of matcher.find(run.value)) {
        const n = (counts.get(m.term) ?? 0) + 1;
        counts.set(m.term, n);
        uses.push({ documentId: doc.id, term: m.term, occurrence: n, offset: run.offset + m.start });
      }
    }
  }
  return uses;
}

/**
 * Introduces the name of an operation or an exercise, in apposition: `l'opération ORION`,
 * `l'exercice spatial de l'ASF SILENT COMET 31`, `l'opération EUNAVFIC SUD ORION` (not
 * `l'opération de la FORSUD`, where the force is named, not the operation). Adjectives may follow
 * the noun (words of four letters or more that are no preposition).
 */
const introducers = /(?:^|[^\p{L}])(?:op[ée]rations?|exercices?)(?:\s+(?!(?:dans|pour|avec|sans|sous|vers|chez|contre|entre|selon|menée?s?|conduite?s?|dirigée?s?)(?!\p{L}))\p{Ll}{4,})*(?:\s+(?:de\s+l['’]|du\s+)\p{Lu}{2,})?(?:\s+\p{Lu}[\p{Lu}\p{N}]+)*\s*$/u;

/**
 * The all-caps words that are neither defined by the texts nor names, with their first use.
 */
function undefinedAcronyms(
  docs: readonly ExtractionDocument[],
  defined: TermMatcher,
  definedTerms: Set<string>,
  editorial: Map<string, EditorialEntry>,
  lexicon?: Lexicon,
): Map<string, { doc: ExtractionDocument; offset: number }> {
  const corpusWords = new Set<string>();
  for (const doc of docs) for (const run of doc.text.runs) for (const m of run.value.matchAll(/\p{Lu}\p{Ll}+/gu)) corpusWords.add(m[0]);
  const categories = new Set(docs.map((d) => d.category?.trim().toUpperCase()).filter(Boolean));
  interface Occurrence {
    token: string;
    doc: ExtractionDocument;
    offset: number;
    name: boolean;
    listed: string[];
  }
  const occurrences: Occurrence[] = [];
  for (const doc of docs) {
    for (const run of doc.text.runs) {
      const taken = defined.find(run.value);
      for (const t of findAcronymTokens(run.value, taken)) {
        if (definedTerms.has(t.text)) continue;
        const run_ = run.value.slice(t.runStart, t.runEnd);
        const before = run.value.slice(Math.max(0, t.runStart - 60), t.runStart);
        const after = run.value.slice(t.runEnd, t.runEnd + 30);
        const inTerm = taken.some((x) => x.end <= t.start && /^\s*$/.test(run.value.slice(x.end, t.start)));
        const multiWord = /\s/.test(run_.trim()) && !editorial.has(run_.trim());
        const name =
          editorial.has(t.text)
            ? false
            : categories.has(t.text) ||
              (lexicon !== undefined && t.text.length >= 3 && lexicon.has(t.text.toLowerCase())) ||
              corpusWords.has(t.text.charAt(0) + t.text.slice(1).toLowerCase()) ||
              introducers.test(before) ||
              (inTerm && introducers.test(run.value.slice(Math.max(0, t.runStart - 80), taken.find((x) => x.end <= t.start)?.start ?? t.runStart))) ||
              /^\s*,\s*(?:un |une |l['’])?(?:exercice|opération|mission)\b/iu.test(after) ||
              multiWord;
        // Words listed with it (`ORION, LYRA et VEGA`).
        const listed: string[] = [];
        const left = /((?:\p{Lu}[\p{Lu}\p{N}]+\s*,\s*)*\p{Lu}[\p{Lu}\p{N}]+)\s*(?:,|\bet\b|\bou\b)\s*$/u.exec(run.value.slice(0, t.start));
        if (left) for (const w of left[1]!.split(/\s*,\s*/)) listed.push(w);
        const right = /^\s*(?:,|\bet\b|\bou\b)\s*(\p{Lu}[\p{Lu}\p{N}]+)/u.exec(run.value.slice(t.end));
        if (right) listed.push(right[1]!);
        occurrences.push({ token: t.text, doc, offset: run.offset + t.start, name, listed });
      }
    }
  }
  // A word listed with names is a name too (`ORION, LYRA et VEGA`).
  const names = new Set(occurrences.filter((o) => o.name).map((o) => o.token));
  for (let changed = true; changed; ) {
    changed = false;
    for (const o of occurrences) {
      if (!o.name && !editorial.has(o.token) && o.listed.some((w) => names.has(w))) {
        o.name = true;
        names.add(o.token);
        changed = true;
      }
    }
  }
  // A word is an acronym to explain when one of its uses at least is not a name's
  // (`StarLab ASF`, although `ASF Silent Comet` is the name of an exercise).
  const result = new Map<string, { doc: ExtractionDocument; offset: number }>();
  for (const o of occurrences) {
    if (o.name) continue;
    if (!result.has(o.token)) result.set(o.token, { doc: o.doc, offset: o.offset });
  }
  // Editorial terms of several words (`EUNAVFIC SUD`) are found by the matcher, not as tokens.
  for (const [term] of editorial) {
    if (!/\s/.test(term) || result.has(term)) continue;
    const m = createTermMatcher([term]);
    for (const doc of docs) {
      const run = doc.text.runs.find((r) => m.find(r.value).length);
      if (run) {
        result.set(term, { doc, offset: run.offset + m.find(run.value)[0]!.start });
        break;
      }
    }
  }
  return result;
}

interface Meaning {
  text: string;
  words: Set<string>;
  coverage: number;
  defs: Found[];
}

const stopwords = new Set(['de', 'du', 'des', 'd', 'la', 'le', 'les', 'l', 'a', 'au', 'aux', 'en', 'et', 'pour', 'sur', 'par', 'dans', 'un', 'une', 'que', 'qui']);

/** The content words of an expansion, with the acronyms it contains replaced by their own expansion. */
function wordsOf(text: string, expand: (acronym: string) => string | undefined, depth = 0): Set<string> {
  const words = new Set<string>();
  for (const m of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    const expanded = depth < 2 && /^\p{Lu}{2,}$/u.test(m[0]) ? expand(m[0]) : undefined;
    if (expanded) for (const w of wordsOf(expanded, expand, depth + 1)) words.add(w);
    else {
      const w = fold(m[0]);
      if (!stopwords.has(w)) words.add(w.replace(/(?:s|x)$/, ''));
    }
  }
  return words;
}

/**
 * Groups a term's definitions into meanings: the same words (acronyms inside spelled out) are one
 * meaning; a definition whose words are all in one meaning restates it; one whose words are in
 * several is only a local restatement.
 */
function meaningsOf(defs: Found[], all: Found[], diagnostics: Diagnostic[]): { kept: Meaning[]; local: Found[] } {
  const firstExpansion = (acronym: string): string | undefined => all.find((d) => d.term === acronym)?.expansion;
  const meanings: Meaning[] = [];
  const pending: { def: Found; words: Set<string> }[] = defs.map((def) => ({ def, words: wordsOf(def.expansion, firstExpansion) }));
  for (const { def, words } of pending) {
    const same = meanings.find((m) => sameSet(m.words, words));
    if (same) same.defs.push(def);
    else meanings.push({ text: def.expansion, words, coverage: def.coverage, defs: [def] });
  }
  const local: Found[] = [];
  const kept: Meaning[] = [];
  for (const m of meanings) {
    const containers = meanings.filter((o) => o !== m && [...m.words].every((w) => o.words.has(w)) && o.words.size > m.words.size);
    if (containers.length === 1) containers[0]!.defs.push(...m.defs);
    else if (containers.length > 1) local.push(...m.defs);
    else kept.push(m);
  }
  const best = Math.max(...kept.map((m) => m.coverage));
  const result = kept.filter((m) => {
    if (m.coverage >= best - 0.4) return true;
    const d = m.defs[0]!;
    diagnostics.push(
      diagnosticAt(d.doc, d.offset, {
        rule: 'acronym-definition',
        severity: 'info',
        message: `“${m.text}” is taken as a paraphrase of “${d.term}”, not as another meaning: its words explain the letters much less well than “${kept.find((k) => k.coverage === best)!.text}”.`,
      }),
    );
    local.push(...m.defs);
    return false;
  });
  return { kept: result, local };
}

function sameSet(a: Set<string>, b: Set<string>): boolean {
  return a.size === b.size && [...a].every((x) => b.has(x));
}
