/**
 * Derives the general-French word-pair table of the language model
 * (`src/language/fr/word-pairs.tsv.gz`, read by `word-pairs.ts`) from the French prose of Debian
 * manuals installed on this machine that the development set does NOT use: the Debian
 * administrator's handbook, the installation guide, the Debian history (DocBook, read as
 * `scripts/devset/extra-sources.ts` reads them), the LibreOffice help, the KiCad manuals and the
 * French manual pages (formatted by groff).
 * Never the dev set's packages (debian-reference-fr, aptitude-doc-fr, gimp-help-fr,
 * eyes17-manuals-fr), never the packages the acceptance checks use.
 *
 * Paragraphs are the dev set's prose paragraphs (`documentParagraphs`: `<p>` and plain list items,
 * no code, tables, navigation; clean French only), each kept once; tokens are the model's
 * (`modelTokens`). The table keeps every word seen at least `--min-word` times and every pair seen
 * at least `--min-pair` times, with the totals of all counts; sorted, so the same manuals give
 * the same bytes.
 *
 *   npx tsx scripts/derive-word-pairs.ts [--min-word 2] [--min-pair 3]
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gunzipSync, gzipSync } from 'node:zlib';
import { listExtraDocuments } from './devset/extra-sources.ts';
import { readHtml } from './devset/html.ts';
import { documentParagraphs, rejectReason } from './devset/prose.ts';
import { type SourceDocument } from './devset/sources.ts';
import { modelTokens } from '../src/language/corpus.ts';
import { wordPairsFile } from '../src/language/fr/word-pairs.ts';

const { values } = parseArgs({
  options: {
    'min-word': { type: 'string', default: '2' },
    'min-pair': { type: 'string', default: '3' },
  },
});
const minWord = Number(values['min-word']);
const minPair = Number(values['min-pair']);

/** Plain HTML manuals: one document per file. */
const htmlManuals = [
  { dir: '/usr/share/libreoffice/help/fr/text', package: 'libreoffice-help-fr' },
  { dir: '/usr/share/doc/kicad/help/fr', package: 'kicad-doc-fr' },
];

function htmlFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.html'))
    .sort()
    .map((f) => path.join(dir, f));
}

const documents: SourceDocument[] = [...listExtraDocuments().documents];
for (const m of htmlManuals) {
  for (const file of htmlFiles(m.dir)) {
    documents.push({ doc: `${m.package}/${path.relative(m.dir, file)}`, package: m.package, typesetter: 'DocBook', book: m.package, pages: [{ path: file, content: () => readHtml(file) }] });
  }
}

/** The French manual pages, formatted by groff with very long lines: each paragraph is one line. */
const manualPagesDir = '/usr/share/man/fr';

function manualPageParagraphs(): { package: string; text: string }[] {
  if (!existsSync(manualPagesDir)) return [];
  const files = readdirSync(manualPagesDir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.gz')).sort();
  const out: { package: string; text: string }[] = [];
  for (const f of files) {
    let text: string;
    try {
      const source = gunzipSync(readFileSync(path.join(manualPagesDir, f)));
      text = execFileSync('groff', ['-k', '-Kutf8', '-Tutf8', '-man', '-P-cbou', '-rLL=4000n'], { input: source, stdio: ['pipe', 'pipe', 'ignore'] }).toString('utf8');
    } catch {
      continue;
    }
    // Indented lines are the body (headings are not); the same paragraph tests as the HTML manuals'.
    for (const line of text.split('\n')) {
      const t = line.trim().replace(/\s+/gu, ' ');
      if (/^\s/u.test(line) && !rejectReason(t, 8)) out.push({ package: 'manpages-fr', text: t.normalize('NFC') });
    }
  }
  return out;
}

const seen = new Set<string>();
const words = new Map<string, number>();
const pairs = new Map<string, number>();
const perPackage = new Map<string, number>();
let total = 0;
const paragraphs = [...documents.flatMap((d) => documentParagraphs(d, { minWords: 8, paraDivs: true })), ...manualPageParagraphs()];
{
  for (const p of paragraphs) {
    if (seen.has(p.text)) continue;
    seen.add(p.text);
    const seq = modelTokens(p.text);
    perPackage.set(p.package, (perPackage.get(p.package) ?? 0) + seq.length);
    total += seq.length;
    seq.forEach((t, i) => {
      words.set(t, (words.get(t) ?? 0) + 1);
      if (i > 0) pairs.set(`${seq[i - 1]} ${t}`, (pairs.get(`${seq[i - 1]} ${t}`) ?? 0) + 1);
    });
  }
}

const byKey = (a: [string, number], b: [string, number]): number => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
const keptWords = [...words].filter(([, n]) => n >= minWord).sort(byKey);
const keptPairs = [...pairs].filter(([, n]) => n >= minPair).sort(byKey);
const sources = [...perPackage].sort(byKey).map(([p, n]) => `${p} ${n}`).join(', ');
const header = [
  '# General-French word pairs: token and adjacent-token counts of French technical prose (Debian manuals).',
  `# Sources (tokens): ${sources}; ${seen.size} paragraphs.`,
  `# Kept: words seen >= ${minWord} times, pairs seen >= ${minPair} times.`,
  '# Made by: npx tsx scripts/derive-word-pairs.ts' + (minWord !== 2 || minPair !== 3 ? ` --min-word ${minWord} --min-pair ${minPair}` : ''),
  `@total\t${total}`,
  `@vocabulary\t${words.size}`,
];
const body = [...keptWords, ...keptPairs].map(([k, n]) => `${k}\t${n}`);
const data = gzipSync(Buffer.from(`${[...header, ...body].join('\n')}\n`, 'utf8'), { level: 9 });
writeFileSync(wordPairsFile, data);
console.log(`${seen.size} paragraphs, ${total} tokens (${sources})`);
console.log(`${keptWords.length} of ${words.size} words, ${keptPairs.length} of ${pairs.size} pairs → ${wordPairsFile} (${(data.length / 1e6).toFixed(2)} MB)`);
