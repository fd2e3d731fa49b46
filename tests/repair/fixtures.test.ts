/**
 * Fixture tests for the repair passes, the unified way: `tests/fixtures/repair/<pass>/<case>/`
 * holds `input.txt`, the `expected.md` the pass (or the whole pipeline, for `pipeline/`) must
 * produce, and `messages.json`, the diagnostics it must report (rule, severity, line, column);
 * optionally `options.json` (the manifest's `repairs`) and `corpus.txt` (more text for the word
 * statistics, as the other sources of an edition would give).
 * `UPDATE=1 npx vitest run tests/repair` rewrites the expected files: review the diff.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCorpusStats } from '../../src/language/corpus.ts';
import { loadFrenchLexicon, type Lexicon } from '../../src/language/fr/lexicon.ts';
import { passes, runPasses, type RepairOptions } from '../../src/repair/pipeline.ts';

const root = path.join(import.meta.dirname, '..', 'fixtures', 'repair');
const update = process.env.UPDATE === '1';
let lexicon: Lexicon;

beforeAll(async () => {
  lexicon = await loadFrenchLexicon();
});

for (const passId of readdirSync(root).sort()) {
  describe(passId, () => {
    for (const name of readdirSync(path.join(root, passId)).sort()) {
      const dir = path.join(root, passId, name);
      it(name, () => {
        const input = readFileSync(path.join(dir, 'input.txt'), 'utf8');
        const optionsFile = path.join(dir, 'options.json');
        const options = (existsSync(optionsFile) ? JSON.parse(readFileSync(optionsFile, 'utf8')) : {}) as Pick<RepairOptions, 'repairs'>;
        const list = passId === 'pipeline' ? passes : passes.filter((p) => p.id === passId);
        expect(list.length, `no pass named ${passId}`).toBeGreaterThan(0);
        // `corpus.txt`, when present, stands for the rest of an edition: it feeds the word statistics.
        const corpusFile = path.join(dir, 'corpus.txt');
        const texts = existsSync(corpusFile) ? [input, readFileSync(corpusFile, 'utf8')] : [input];
        const result = runPasses(list, input, 'input.txt', { ...options, lexicon, corpus: buildCorpusStats(texts) });
        const messages = result.diagnostics.map((d) => ({ line: d.line, column: d.column, rule: d.rule, severity: d.severity }));
        const expectedFile = path.join(dir, 'expected.md');
        const messagesFile = path.join(dir, 'messages.json');
        if (update) {
          writeFileSync(expectedFile, result.markdown);
          writeFileSync(messagesFile, `${JSON.stringify(messages, null, 2)}\n`);
        }
        // A missing expected file fails: only `UPDATE=1` writes one, for a person to review.
        expect(existsSync(expectedFile) && existsSync(messagesFile), `${dir}: no expected.md or messages.json; run UPDATE=1 npx vitest run tests/repair and review them`).toBe(true);
        expect(result.markdown).toBe(readFileSync(expectedFile, 'utf8'));
        expect(messages).toEqual(JSON.parse(readFileSync(messagesFile, 'utf8')));
      });
    }
  });
}
