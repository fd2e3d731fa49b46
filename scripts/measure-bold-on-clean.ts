/**
 * What the displaced-bold repair does to real texts that do not have the artifact: the documents
 * of the extraction development set (`tests/fixtures/extract/devset/{tune,test}.json` — HTML
 * manuals as a browser copies them, `pdftotext` of PDFs, man pages, help pages), each repaired
 * alone as `folio normalize` would. None was printed with displaced bold, so every phrase moved,
 * every lacuna marked and every warning of the pass is a false alarm. Prints the counts per
 * document that has any, and the totals; never fails.
 *
 *   npx tsx scripts/measure-bold-on-clean.ts [--part tune|test|all] [--lines]
 *
 * `--lines` prints the line of each phrase moved or lacuna marked.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadFrenchLexicon } from '../src/language/fr/lexicon.ts';
import { normalizeText } from '../src/repair/pipeline.ts';
import { loadDevsetText } from './extraction-devset.ts';

const { values } = parseArgs({ options: { part: { type: 'string', default: 'tune' }, lines: { type: 'boolean', default: false } } });
const parts = values.part === 'all' ? ['tune', 'test'] : [values.part!];

async function main(): Promise<void> {
  const lexicon = await loadFrenchLexicon();
  for (const part of parts) {
    const file = path.join(import.meta.dirname, '..', 'tests', 'fixtures', 'extract', 'devset', `${part}.json`);
    const documents = (JSON.parse(readFileSync(file, 'utf8')) as { documents: Record<string, string> }).documents;
    const total = { documents: 0, lines: 0, moved: 0, lacunae: 0, warnings: 0 };
    for (const [key, id] of Object.entries(documents)) {
      const { text } = loadDevsetText(id);
      const lines = text.split('\n');
      const repaired = normalizeText(text, key, { lexicon });
      const own = { moved: 0, lacunae: 0, warnings: 0 };
      for (const d of repaired.diagnostics) {
        if (d.rule === 'lacuna') own.lacunae += 1;
        else if (d.rule !== 'displaced-bold') continue;
        else if (d.severity === 'warning') own.warnings += 1;
        else if (d.change) own.moved += 1;
        else continue;
        if (values.lines && (d.rule === 'lacuna' || d.severity !== 'warning')) console.log(`  ${key}:${d.line} ${d.rule} | ${lines[d.line - 1]?.slice(0, 140)}`);
      }
      total.documents += 1;
      total.lines += lines.length;
      total.moved += own.moved;
      total.lacunae += own.lacunae;
      total.warnings += own.warnings;
      if (own.moved + own.lacunae + own.warnings > 0) console.log(`${key.padEnd(24)} moved ${own.moved}, lacunae ${own.lacunae}, warnings ${own.warnings}`);
    }
    console.log(`== ${part}: ${total.documents} documents, ${total.lines} lines: phrases moved ${total.moved}, lacunae ${total.lacunae}, warnings ${total.warnings} (all false: these texts have no displaced bold)`);
  }
}

await main();
