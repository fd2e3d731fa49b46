/**
 * Checks the built products as a publisher's proofreader would, and prints numbers (asserts
 * nothing; exit code 1 when a target is missed, so it can gate a release):
 *
 * - unresolved page references (`00` placeholders) — target 0;
 * - U+00AD in poppler's `pdftotext` output — target 0;
 * - the longest run of lines ending with a hyphen — target ≤ 2;
 * - running heads on opening pages (a page with a title of 13 pt or more) — target 0;
 * - English words of Folio's messages in the products of a French edition — target 0;
 * - compendium.html size — target under 500 000 bytes, and no empty attribute;
 * - tags (compendium, handouts): structure types standard or role-mapped, no content that is
 *   neither tagged nor an artifact, no artifact inside tagged content, no words glued at line
 *   ends or U+00AD in the text read from the structure tree;
 * - booklet: nothing printed within 8 mm of the trimmed edge, outer margin ≥ inner margin.
 *
 *   npm run check:pdf [-- --out output --sources sources]
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { loadFrenchLexicon } from '../src/language/fr/lexicon.ts';
import { en } from '../src/messages/en.ts';
import { fr } from '../src/messages/fr.ts';
import { parseContent, readPageContent } from '../src/render/pdf-content.ts';
import { isTextShowing } from '../src/render/pdf-text-layer.ts';
import { countGluedLineEnds, standardStructureTypes, usedStructureTypes } from '../src/render/pdf-tags.ts';

const { values } = parseArgs({ options: { out: { type: 'string', default: 'output' }, sources: { type: 'string', default: 'sources' } } });
const out = path.resolve(values.out!);
const mm = (v: number): number => (v * 72) / 25.4;

interface Line {
  page: number;
  /** 0 or 1: the half of an imposed sheet (0 for a plain page). */
  half: number;
  y: number;
  x0: number;
  x1: number;
  text: string;
  size: number;
}

/** Lines of text of every page, as pdf.js places them; imposed sheets are read half by half. */
async function readLines(file: string, halves: boolean): Promise<{ lines: Line[]; sizes: [number, number][] }> {
  const doc = await getDocument({ data: new Uint8Array(readFileSync(file)), disableFontFace: true, isEvalSupported: false }).promise;
  const lines: Line[] = [];
  const sizes: [number, number][] = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const page = await doc.getPage(p);
    const [, , w, h] = page.view as [number, number, number, number];
    sizes.push([w, h]);
    const content = await page.getTextContent();
    const byLine = new Map<string, Line>();
    for (const item of content.items) {
      if (!('str' in item) || !item.str.trim()) continue;
      const x = item.transform[4] as number;
      const y = Math.round(item.transform[5] as number);
      const half = halves && x >= w / 2 ? 1 : 0;
      const key = `${half}:${y}`;
      const size = Math.abs(item.transform[3] as number);
      const line = byLine.get(key) ?? { page: p, half, y, x0: x, x1: x + item.width, text: '', size };
      if (x < line.x0) {
        line.text = item.str + line.text;
        line.x0 = x;
      } else line.text += item.str;
      line.x1 = Math.max(line.x1, x + item.width);
      line.size = Math.max(line.size, size);
      byLine.set(key, line);
    }
    lines.push(...[...byLine.values()].sort((a, b) => a.half - b.half || b.y - a.y));
  }
  await doc.destroy();
  return { lines, sizes };
}

/** The top band of a page, where running heads are (8 % of its height). */
const isHead = (l: Line, height: number): boolean => l.y > height * 0.92;
const isFoot = (l: Line, height: number): boolean => l.y < height * 0.06;

function longestHyphenRun(lines: Line[], sizes: [number, number][]): { run: number; where: string } {
  let best = { run: 0, where: '' };
  let run = 0;
  let prev: Line | undefined;
  for (const l of lines) {
    const h = sizes[l.page - 1]![1];
    if (isHead(l, h) || isFoot(l, h)) continue;
    if (prev && (prev.page !== l.page || prev.half !== l.half)) run = 0;
    if (/[-\u2010\u2011\u00ad]$/u.test(l.text.trim())) {
      run += 1;
      if (run > best.run) best = { run, where: `p. ${l.page}${l.half ? ' (right half)' : ''}: “${l.text.trim().slice(-30)}”` };
    } else run = 0;
    prev = l;
  }
  return best;
}

function headsOnOpeningPages(lines: Line[], sizes: [number, number][]): string[] {
  const found: string[] = [];
  const keys = new Set(lines.map((l) => `${l.page}:${l.half}`));
  for (const key of keys) {
    const [page, half] = key.split(':').map(Number) as [number, number];
    const here = lines.filter((l) => l.page === page && l.half === half);
    const h = sizes[page - 1]![1];
    const body = here.filter((l) => !isHead(l, h) && !isFoot(l, h));
    const opening = body.some((l) => l.size >= 12.9 && l.y > h * 0.55);
    const heads = here.filter((l) => isHead(l, h));
    if (opening && heads.length) found.push(`p. ${page}${half ? ' (right half)' : ''}: “${heads.map((l) => l.text).join(' ')}”`);
  }
  return found;
}

/** Words of Folio's English messages that are not French words. */
async function englishMessageWords(): Promise<Set<string>> {
  const lexicon = await loadFrenchLexicon();
  const texts: string[] = [];
  const collect = (value: unknown): void => {
    if (typeof value === 'string') texts.push(value);
    else if (typeof value === 'function') {
      try {
        texts.push(String(value({ count: 2, notes: 2, n: 2, version: '', date: '', title: '', publisher: '', generator: '', from: '', to: '', infos: 2, warnings: 2, line: 1, column: 1, rule: '' })));
      } catch {
        /* a message that needs other values */
      }
    } else if (value && typeof value === 'object') Object.values(value).forEach(collect);
  };
  collect(en);
  const frenchWords = new Set<string>();
  const collectFr = (value: unknown): void => {
    if (typeof value === 'string') for (const w of value.match(/\p{L}+/gu) ?? []) frenchWords.add(w.toLowerCase());
    else if (value && typeof value === 'object') Object.values(value).forEach(collectFr);
  };
  collectFr(fr);
  const words = new Set<string>();
  for (const t of texts) for (const w of t.match(/\p{L}{4,}/gu) ?? []) {
    const lower = w.toLowerCase();
    if (!lexicon.has(lower) && !frenchWords.has(lower) && !/^(folio|watch|chromium|adobe|source|serif|sans|open|font|license)$/.test(lower)) words.add(lower);
  }
  return words;
}

/** Words of the source texts and of the editors' files (glossary): English there is theirs, not Folio's. */
const sourceWords = new Set<string>();
const wordsOf = (file: string): void => {
  for (const w of readFileSync(file, 'utf8').match(/\p{L}{4,}/gu) ?? []) sourceWords.add(w.toLowerCase());
};
for (const f of existsSync(path.join(out, 'normalized')) ? readdirSync(path.join(out, 'normalized')) : []) wordsOf(path.join(out, 'normalized', f));
const sourcesDir = path.resolve(values.sources!);
for (const f of existsSync(sourcesDir) ? readdirSync(sourcesDir).filter((n) => /\.ya?ml$/.test(n)) : []) wordsOf(path.join(sourcesDir, f));

function englishIn(text: string, words: Set<string>): string[] {
  const hits = new Set<string>();
  // File names (`repairs.html`) and rule ids in brackets are identifiers, not words of a message.
  const prose = text.replace(/\S+\.[a-z]{2,4}\b/g, ' ');
  for (const w of prose.match(/\p{L}{4,}/gu) ?? []) if (words.has(w.toLowerCase()) && !sourceWords.has(w.toLowerCase())) hits.add(w);
  return [...hits];
}

/** Tag checks on one PDF. */
async function checkTags(file: string): Promise<Record<string, number | string>> {
  const doc = await PDFDocument.load(readFileSync(file), { updateMetadata: false });
  const root = doc.catalog.lookupMaybe(PDFName.of('StructTreeRoot'), PDFDict);
  if (!root) return { tagged: 'no' };
  const roleMap = root.lookupMaybe(PDFName.of('RoleMap'), PDFDict);
  const nonStandard = new Set<string>();
  for (const type of usedStructureTypes(doc, root)) {
    const mapped = roleMap?.get(PDFName.of(type));
    if (!standardStructureTypes.has(mapped instanceof PDFName ? mapped.decodeText() : type)) nonStandard.add(type);
  }
  let untagged = 0;
  let artifactsInTagged = 0;
  for (const page of doc.getPages()) {
    const ops = parseContent(readPageContent(doc, page) ?? '') ?? [];
    const stack: string[] = [];
    let inText = false;
    for (const op of ops) {
      if (op.operator === 'BDC' || op.operator === 'BMC') {
        const tag = op.operands[0] ?? '';
        const mcid = op.operator === 'BDC' && /\/MCID/.test(op.operands[1] ?? '');
        if (tag === '/Artifact' && stack.includes('tagged')) artifactsInTagged += 1;
        stack.push(tag === '/Artifact' ? 'artifact' : mcid ? 'tagged' : 'other');
      } else if (op.operator === 'EMC') stack.pop();
      else if (op.operator === 'BT') inText = true;
      else if (op.operator === 'ET') inText = false;
      else if ((isTextShowing(op.operator) || (!inText && /^(f|F|f\*|S|s|B|B\*|b|b\*|Do|sh)$/.test(op.operator))) && !stack.some((s) => s === 'tagged' || s === 'artifact')) untagged += 1;
    }
  }
  // Text read from the structure tree: line wraps inside a block with no space drawn, and soft
  // hyphens in the text pdf.js reads from the marked content.
  const glued = countGluedLineEnds(doc);
  const pdf = await getDocument({ data: new Uint8Array(readFileSync(file)), disableFontFace: true, isEvalSupported: false }).promise;
  let shy = 0;
  for (let p = 1; p <= pdf.numPages; p++) {
    const content = await (await pdf.getPage(p)).getTextContent({ includeMarkedContent: true });
    for (const item of content.items as { str?: string }[]) if (item.str?.includes('\u00ad')) shy += 1;
  }
  await pdf.destroy();
  return {
    'non-standard types': [...nonStandard].join(' ') || 0,
    'content neither tagged nor artifact': untagged,
    'artifacts inside tagged content': artifactsInTagged,
    'line wraps with no space (words glued in the structure text)': glued,
    'U+00AD in structure text': shy,
  };
}

/**
 * Booklet margins on the imposed sheets (no marks): the closest glyph to the trimmed edge, and the
 * text block's outer and inner margins on left and right pages (over all sheets).
 */
function bookletMargins(lines: Line[], sizes: [number, number][]): Record<string, string> {
  let minEdge = Infinity;
  let minEdgeWhere = '';
  const block = [{ x0: Infinity, x1: -Infinity }, { x0: Infinity, x1: -Infinity }];
  for (const l of lines) {
    const [w, h] = sizes[l.page - 1]!;
    const top = h - (l.y + l.size * 0.75);
    const bottom = l.y - l.size * 0.25;
    const outer = l.half === 0 ? l.x0 : w - l.x1;
    const d = Math.min(top, bottom, outer);
    if (d < minEdge) {
      minEdge = d;
      minEdgeWhere = `sheet side ${l.page}, ${l.half ? 'right' : 'left'} page: “${l.text.slice(0, 30)}”`;
    }
    if (isHead(l, h) || isFoot(l, h)) continue;
    block[l.half]!.x0 = Math.min(block[l.half]!.x0, l.x0);
    block[l.half]!.x1 = Math.max(block[l.half]!.x1, l.x1);
  }
  const w = sizes[0]?.[0] ?? 0;
  const toMm = (v: number): string => `${((v * 25.4) / 72).toFixed(1)} mm`;
  const left = { outer: block[0]!.x0, inner: w / 2 - block[0]!.x1 };
  const right = { outer: w - block[1]!.x1, inner: block[1]!.x0 - w / 2 };
  const ok = left.outer + 0.5 >= left.inner && right.outer + 0.5 >= right.inner;
  return {
    'closest glyph to the trimmed edge': `${toMm(minEdge)} (${minEdgeWhere})${minEdge >= mm(8) ? '' : '  ✗ under 8 mm'}`,
    'outer / inner margins': `left pages ${toMm(left.outer)} / ${toMm(left.inner)}, right pages ${toMm(right.outer)} / ${toMm(right.inner)}${ok ? '' : '  ✗ outer narrower'}`,
  };
}

let failed = false;
const report = (name: string, value: number | string, ok: boolean): void => {
  if (!ok) failed = true;
  console.log(`  ${ok ? '✓' : '✗'} ${name}: ${value}`);
};

const english = await englishMessageWords();
const french = /lang="fr/.test(readFileSync(path.join(out, 'compendium.html'), 'utf8').slice(0, 400));
const handouts = existsSync(path.join(out, 'handouts')) ? readdirSync(path.join(out, 'handouts')).filter((f) => f.endsWith('.pdf')).map((f) => path.join('handouts', f)) : [];
const products = [
  { file: 'compendium.pdf', halves: false, tags: true },
  { file: 'compendium-booklet.pdf', halves: true, tags: false },
  ...handouts.map((file) => ({ file, halves: false, tags: true })),
];

for (const product of products) {
  const file = path.join(out, product.file);
  console.log(`${product.file}`);
  const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const { lines, sizes } = await readLines(file, product.halves);
  const placeholders = lines.filter((l) => /(^|[\s.])00(?!\d)/u.test(l.text)).length;
  report('unresolved page references (00)', placeholders, placeholders === 0);
  const shy = (text.match(/\u00ad/g) ?? []).length;
  report('U+00AD in pdftotext', shy, shy === 0);
  const run = longestHyphenRun(lines, sizes);
  report('longest run of hyphenated lines', `${run.run}${run.where ? ` (${run.where})` : ''}`, run.run <= 2);
  const heads = headsOnOpeningPages(lines, sizes);
  report('running heads on opening pages', `${heads.length}${heads.length ? ` — ${heads.slice(0, 4).join('; ')}` : ''}`, heads.length === 0);
  if (french) {
    const hits = englishIn(text, english);
    report('English words of Folio’s messages', `${hits.length}${hits.length ? ` (${hits.slice(0, 8).join(', ')})` : ''}`, hits.length === 0);
  }
  if (product.tags) for (const [name, value] of Object.entries(await checkTags(file))) report(name, value, value === 0 || (typeof value === 'string' && value.startsWith('0')));
  if (product.halves) for (const [name, value] of Object.entries(bookletMargins(lines, sizes))) report(name, value, !value.includes('✗'));
}

console.log('compendium.html');
const html = readFileSync(path.join(out, 'compendium.html'));
report('size', `${html.length} bytes`, html.length < 500_000);
const empty = (html.toString('utf8').match(/\s[a-z-]+=""/g) ?? []).length;
report('empty attributes', empty, empty === 0);
if (french && existsSync(path.join(out, 'repairs.html'))) {
  // The review page quotes the sources (diffs) and names rule ids (<code>): only its own prose is checked.
  const review = readFileSync(path.join(out, 'repairs.html'), 'utf8')
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/<(code|del|ins)\b[\s\S]*?<\/\1>/g, ' ')
    .replace(/<p class="diff">[\s\S]*?<\/p>/g, ' ')
    .replace(/<[^>]+>/g, ' ');
  const hits = englishIn(review, english);
  console.log('repairs.html');
  report('English words of Folio’s messages', `${hits.length}${hits.length ? ` (${hits.slice(0, 8).join(', ')})` : ''}`, hits.length === 0);
}
process.exitCode = failed ? 1 : 0;
