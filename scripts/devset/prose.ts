/**
 * The prose set: clean French paragraphs of the HTML manuals, one JSON object a line, split by
 * document into tune.jsonl and test.jsonl. The repairs' measurement scripts damage them (bold runs
 * displaced, hyphens lost…) and compare the repair with the paragraph.
 *
 * What counts as prose is decided here with simple tests of the text itself (length, sentence end,
 * share of letters, no code, a French stopword test) rather than with Folio's own knowledge of
 * French under src/: the set must not move when the code it measures changes.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Element } from 'hast';
import { classesOf, findElements, textOf } from './html.ts';
import { type SourceDocument } from './sources.ts';
import { hashUnit, type Split, splitOf } from './split.ts';

/** One paragraph of the prose set. */
export interface ProseParagraph {
  /** `doc/page#pN`: stable across runs. */
  id: string;
  doc: string;
  package: string;
  text: string;
}

/** At most this many paragraphs per document, drawn deterministically, so no manual dominates. */
export const maxParagraphsPerDocument = 100;

/** Classes of subtrees that hold no running prose: navigation, code, tables of contents, indexes. */
const skippedClasses = new Set([
  'navheader', 'navfooter', 'toc', 'list-of-tables', 'list-of-figures', 'index', 'screen', 'programlisting',
  'synopsis', 'cmdsynopsis', 'literallayout', 'highlight', 'footnotes', 'footnote', 'titlepage', 'indexterm',
  'refsynopsisdiv', 'sidebar', 'sphinxsidebar', 'related', 'footer',
]);
const skippedTags = new Set(['table', 'pre', 'code', 'script', 'style', 'nav', 'header', 'footer', 'head', 'dt']);

function skipped(e: Element): boolean {
  return skippedTags.has(e.tagName) || classesOf(e).some((c) => skippedClasses.has(c));
}

const blockTags = new Set(['p', 'ul', 'ol', 'dl', 'div', 'table', 'pre', 'blockquote', 'section']);

/**
 * The paragraph-like elements of a page: `<p>`, and `<li>`/`<dd>` that hold only inline content;
 * with `paraDivs`, also Publican's `<div class="para">` that hold only inline content.
 */
function paragraphElements(root: Element | import('hast').Root, paraDivs = false): Element[] {
  const inline = (e: Element): boolean => !e.children.some((c) => c.type === 'element' && blockTags.has(c.tagName));
  return findElements(
    root,
    (e) => e.tagName === 'p' || ((e.tagName === 'li' || e.tagName === 'dd') && inline(e)) || (paraDivs && e.tagName === 'div' && classesOf(e).includes('para') && inline(e)),
    skipped,
  );
}

/** Footnote calls (`[1]` in a superscript) are not part of the sentence. */
function footnoteCall(e: Element): boolean {
  return e.tagName === 'sup' && /^\[?\d+\]?$/.test(textOf(e));
}

const frenchStopwords = new Set(
  ('le la les l un une des du de d et ou à au aux en dans par pour sur sous avec sans est sont être a ont que qui ' +
    'ne pas plus se s ce cette ces il elle ils elles on nous vous leur leurs son sa ses qu c n y si comme mais ' +
    'peut doit être été fait très aussi tout tous toutes lorsque quand dont où entre vers après avant').split(' '),
);
const englishStopwords = new Set(
  ('the of and to in is are be that this with for it as by on or an at from which you your can not will have has ' +
    'if when then there their they was were been into only also').split(' '),
);

/**
 * Why a paragraph is not clean prose, or undefined when it is.
 * @param minWords fewer words is 'short' (the prose set wants whole paragraphs; word-pair counts take shorter ones)
 */
export function rejectReason(text: string, minWords = 20): string | undefined {
  const words = text.split(/\s+/).filter(Boolean);
  if (words.length < minWords) return 'short';
  if (!/[.!?…](?:\s?[»”)"’])?$/u.test(text)) return 'no sentence end';
  if (/\s[.,;:]\s|\(\s*\)|\[\s*\]/.test(text)) return 'lost inline content';
  const nonSpace = text.replace(/\s/g, '');
  const letters = (nonSpace.match(/\p{L}/gu) ?? []).length;
  if (letters / nonSpace.length < 0.85) return 'too few letters';
  const codeLike = words
    .map((w) => w.replace(/[.,;:!?»)]+$/u, ''))
    // `et/ou`, `GNU/Linux` are prose; `/usr/share`, `a_b`, `x=1`, `file.txt`, `--option` are not.
    .filter((w) => !/^\p{L}+\/\p{L}+$/u.test(w) && /:\/\/|[\\/_=<>{}|$@#~^`]|\w\.\w+\.|\.\w{1,4}$|^-{1,2}\w|\w\(\)/u.test(w)).length;
  if (codeLike > Math.max(1, words.length * 0.04)) return 'code or paths';
  const folded = words.map((w) => w.toLowerCase().replace(/^[«(“"]+|[.,;:!?»)”"]+$/gu, '').split(/['’]/)[0]!);
  const fr = folded.filter((w) => frenchStopwords.has(w)).length;
  const en = folded.filter((w) => englishStopwords.has(w)).length;
  if (fr < words.length * 0.2 || en * 4 > fr) return 'not French';
  return undefined;
}

/** How `documentParagraphs` reads a page (the prose set uses the defaults). */
export interface ParagraphOptions {
  /** Fewer words and a paragraph is left out (20). */
  minWords?: number;
  /** Publican's `div.para` are paragraphs too (false). */
  paraDivs?: boolean;
}

/**
 * The candidate paragraphs of one document, in reading order, before the per-document cap.
 * @param document the document (its pages are read here)
 */
export function documentParagraphs(document: SourceDocument, options: ParagraphOptions = {}): ProseParagraph[] {
  const out: ProseParagraph[] = [];
  for (const page of document.pages) {
    const name = path.basename(page.path).replace(/\.(x?html)$/, '').replace(/\.fr$/, '');
    const content = page.content();
    let n = 0;
    for (const element of paragraphElements(content, options.paraDivs)) {
      n++;
      if (findElements(element, (e) => e.tagName === 'img' || e.tagName === 'math').length) continue;
      const text = textOf(element, footnoteCall);
      if (rejectReason(text, options.minWords)) continue;
      out.push({ id: `${document.doc}/${name}#p${n}`, doc: document.doc, package: document.package, text });
    }
  }
  return out;
}

/** Keeps at most `cap` paragraphs, chosen by a hash of their text, in reading order. */
export function capParagraphs(paragraphs: ProseParagraph[], cap = maxParagraphsPerDocument): ProseParagraph[] {
  if (paragraphs.length <= cap) return paragraphs;
  const ranked = paragraphs.map((p, i) => ({ i, r: hashUnit(p.id) })).sort((a, b) => a.r - b.r).slice(0, cap);
  return ranked.map((x) => x.i).sort((a, b) => a - b).map((i) => paragraphs[i]!);
}

/** Counts written to the README. */
export interface ProseCounts {
  paragraphs: Record<Split, number>;
  words: Record<Split, number>;
  byPackage: Record<string, Record<Split, { docs: number; paragraphs: number }>>;
}

/**
 * Builds the prose set under `outDir` (tune.jsonl, test.jsonl, README.md, READY).
 * @param documents the documents to draw from
 * @param outDir `<devset>/prose`
 */
export function buildProseSet(documents: SourceDocument[], outDir: string): ProseCounts {
  mkdirSync(outDir, { recursive: true });
  const seen = new Set<string>();
  const parts: Record<Split, ProseParagraph[]> = { tune: [], test: [] };
  const counts: ProseCounts = { paragraphs: { tune: 0, test: 0 }, words: { tune: 0, test: 0 }, byPackage: {} };
  for (const document of documents) {
    // The same paragraph repeated in another chapter (licences, notes) is kept once, where it first appears.
    const unique = documentParagraphs(document).filter((p) => !seen.has(p.text) && seen.add(p.text));
    const kept = capParagraphs(unique);
    if (!kept.length) continue;
    const split = splitOf(document.doc);
    parts[split].push(...kept);
    const pkg = (counts.byPackage[document.package] ??= { tune: { docs: 0, paragraphs: 0 }, test: { docs: 0, paragraphs: 0 } });
    pkg[split].docs++;
    pkg[split].paragraphs += kept.length;
    counts.paragraphs[split] += kept.length;
    counts.words[split] += kept.reduce((n, p) => n + p.text.split(/\s+/).length, 0);
  }
  for (const split of ['tune', 'test'] as const) {
    writeFileSync(path.join(outDir, `${split}.jsonl`), parts[split].map((p) => JSON.stringify(p)).join('\n') + '\n');
  }
  writeFileSync(path.join(outDir, 'README.md'), proseReadme(counts));
  writeFileSync(path.join(outDir, 'READY'), `${new Date().toISOString()}\n`);
  return counts;
}

function proseReadme(c: ProseCounts): string {
  const rows = Object.entries(c.byPackage).map(
    ([pkg, s]) => `| ${pkg} | ${s.tune.docs} | ${s.tune.paragraphs} | ${s.test.docs} | ${s.test.paragraphs} |`,
  );
  return `# Prose set

Clean French paragraphs (\`<p>\`, and list items holding only inline text) of the HTML manuals shipped by
Debian packages, for measuring repairs on text Folio never saw. Generated by \`npm run devset\`
(scripts/devset/); derived data, not committed.

- \`tune.jsonl\`: ${c.paragraphs.tune} paragraphs, ${c.words.tune} words — tune on these.
- \`test.jsonl\`: ${c.paragraphs.test} paragraphs, ${c.words.test} words — measure only, never tune.

One JSON object a line: \`{ "id", "doc", "package", "text" }\`. \`doc\` is the document (a chapter); the
split is by document (hash of its id, about 60 % of the documents in tune), so a chapter is on one
side only, in this set and in the PDF set alike.

Kept: at least 20 words, ends with sentence punctuation, at least 85 % letters, almost no words that look
like code, paths or URLs, more French than English stopwords; no paragraph holding an image or a formula;
footnote calls removed; duplicates kept once; at most ${maxParagraphsPerDocument} paragraphs per document
(chosen by a hash of their id, kept in reading order). The text is plain (inline emphasis dropped),
whitespace collapsed, NFC; no-break spaces kept as the manuals have them.

| package | tune docs | tune paragraphs | test docs | test paragraphs |
| --- | ---: | ---: | ---: | ---: |
${rows.join('\n')}
`;
}
