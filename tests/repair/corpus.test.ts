/**
 * The repairs on the real corpus: the European Parliament text comes back word for word with its
 * bold phrases and its one lacuna, inside its edition and alone; the four other sources get no bold
 * and keep their words.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCorpusStats, type CorpusStats } from '../../src/language/corpus.ts';
import { loadFrenchLexicon, type Lexicon } from '../../src/language/fr/lexicon.ts';
import { normalizeText, passes, runPasses } from '../../src/repair/pipeline.ts';
import { lettersOf } from '../helpers/damage.ts';

const sources = path.join(import.meta.dirname, '..', '..', 'sources');
const resolution = 'parlement-europeen-resolution-partenariats.txt';
const texts = Object.fromEntries(readdirSync(sources).filter((f) => f.endsWith('.txt')).map((f) => [f, readFileSync(path.join(sources, f), 'utf8')]));
const expected = JSON.parse(readFileSync(path.join(import.meta.dirname, '..', 'fixtures', 'corpus', 'resolution-bold.json'), 'utf8')) as { phrases: string[]; contexts: string[] };
let lexicon: Lexicon;
let corpus: CorpusStats;

beforeAll(async () => {
  lexicon = await loadFrenchLexicon();
  corpus = buildCorpusStats(Object.values(texts));
});

// Inside its edition (the other sources feed the statistics) and alone, as `folio normalize FILE`
// gives it in an empty folder: general French must do the work, so both must come out the same.
for (const setting of ['in its edition', 'alone'] as const) {
  const options = (): { lexicon: Lexicon; corpus?: CorpusStats } => (setting === 'alone' ? { lexicon } : { lexicon, corpus });
  describe(`the European Parliament resolution, ${setting}`, () => {
    it('gets every bold phrase back in its place, and only those', () => {
      const { markdown } = normalizeText(texts[resolution]!, resolution, options());
      const bold = [...markdown.matchAll(/\*\*([^*]+)\*\*/gu)].map((m) => m[1]!.replace(/\s+/gu, ' '));
      expect(bold).toEqual(expected.phrases);
      const flat = markdown.replace(/\s+/gu, ' ');
      for (const context of expected.contexts) expect(flat).toContain(context);
    });

    it('marks the one lost fragment […] with a warning, and keeps every letter', () => {
      const result = runPasses(passes.filter((p) => p.id === 'escape-markdown' || p.id === 'displaced-bold'), texts[resolution]!, resolution, options());
      expect(lettersOf(result.markdown)).toBe(lettersOf(texts[resolution]!));
      expect(result.markdown.match(/\[…\]/gu)).toHaveLength(1);
      expect(result.diagnostics.filter((d) => d.rule === 'lacuna')).toMatchObject([{ severity: 'warning', line: 101, column: 1 }]);
      expect(result.diagnostics.filter((d) => d.severity === 'warning' && d.rule === 'displaced-bold')).toEqual([]);
    });
  });
}

describe('the other four sources', () => {
  for (const file of Object.keys(texts).filter((f) => f !== resolution)) {
    it(`${file}: no bold added, no word moved`, () => {
      const only = passes.filter((p) => p.id === 'escape-markdown' || p.id === 'displaced-bold');
      const escaped = runPasses(only.slice(0, 1), texts[file]!, file, { lexicon, corpus }).markdown;
      const result = runPasses(only, texts[file]!, file, { lexicon, corpus });
      expect(result.markdown).toBe(escaped);
      expect(normalizeText(texts[file]!, file, { lexicon, corpus }).markdown).not.toContain('**');
    });
  }
});
