/**
 * Writes the README's table of diagnostic rules from the registry (`src/diagnostic-rules.ts`),
 * between the `<!-- rules:start -->` and `<!-- rules:end -->` markers, so the README names exactly
 * the rules Folio reports. `tests/diagnostic-rules.test.ts` fails when the two drift apart.
 *
 *   npx tsx scripts/readme-rules.ts          rewrite README.md
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { rules } from '../src/diagnostic-rules.ts';

export const readmePath = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'README.md');
const start = '<!-- rules:start -->';
const end = '<!-- rules:end -->';

/** The table of rules, as Markdown. */
export function rulesTable(): string {
  const rows = Object.entries(rules).map(([id, r]) => `| \`${id}\` | \`${r.source}\` | ${r.severity} | ${r.description} | [more](${r.doc}) |`);
  return ['| rule | reported by | usually | what it means | |', '| --- | --- | --- | --- | --- |', ...rows].join('\n');
}

/** The README with its table of rules made anew. */
export function withRulesTable(readme: string): string {
  const a = readme.indexOf(start);
  const b = readme.indexOf(end);
  if (a < 0 || b < a) throw new Error(`README.md has no ${start} … ${end} section.`);
  return `${readme.slice(0, a + start.length)}\n${rulesTable()}\n${readme.slice(b)}`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  writeFileSync(readmePath, withRulesTable(readFileSync(readmePath, 'utf8')));
  console.log(`README.md: ${Object.keys(rules).length} rules`);
}
