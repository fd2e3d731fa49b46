/**
 * The columns pass beyond its fixtures: what it moves it keeps (every letter, once), and a page it
 * put in order stays as it is when the pass runs again.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadFrenchLexicon, type Lexicon } from '../../src/language/fr/lexicon.ts';
import { keepsWords, restoreColumnOrder } from '../../src/repair/columns.ts';
import { applyEdits, fromSource } from '../../src/repair/mapped-text.ts';

const fixtures = path.join(import.meta.dirname, '..', 'fixtures', 'repair', 'columns');
let lexicon: Lexicon;

beforeAll(async () => {
  lexicon = await loadFrenchLexicon();
});

function run(text: string): { text: string; rules: string[] } {
  const result = restoreColumnOrder(text, { lexicon, mode: 'auto' });
  return { text: applyEdits(fromSource(text), result.edits).output.text, rules: result.edits.flatMap((e) => (e.finding ? [e.finding.rule] : [])) };
}

const letters = (s: string): string => [...s.replace(/[^\p{L}\p{N}]/gu, '')].sort().join('');

describe('columns', () => {
  for (const name of ['lines-read-across', 'blocks-read-across', 'blocks-with-words-apart']) {
    it(`${name}: moves lines without losing or adding a letter, and a second run changes nothing`, () => {
      const input = readFileSync(path.join(fixtures, name, 'input.txt'), 'utf8');
      const once = run(input);
      expect(once.rules.length).toBeGreaterThan(0);
      expect(letters(once.text)).toBe(letters(input));
      const twice = run(once.text);
      expect(twice.rules).toEqual([]);
      expect(twice.text).toBe(once.text);
    });
  }

  it('leaves a text without pages alone', () => {
    const text = 'Une ligne de texte assez longue pour compter comme pleine,\nsuivie d’une autre.\n'.repeat(12);
    expect(run(text).text).toBe(text);
  });

  it('warns, and changes nothing, where numbered headings are out of order but the lines give no reading', () => {
    // Two columns of bare headings: the numbers prove the page was read across, the words say nothing.
    const page = ['1.1. Alpha', '1.3. Gamma', '1.2. Bêta', '1.4. Delta'].join('\n');
    const body = 'Une ligne de texte assez longue pour compter comme pleine, puis\nune autre.\n'.repeat(6);
    const text = `${body}\f\n${page}\n\f\n${body}`;
    const result = restoreColumnOrder(text, { lexicon, mode: 'auto' });
    expect(result.edits.filter((e) => e.finding)).toEqual([]);
    expect(result.notes?.map((n) => [n.finding.rule, n.finding.severity])).toEqual([['columns', 'warning']]);
  });

  it('checks that a reorder keeps the words of a page: moved, yes; dropped, doubled or glued, no', () => {
    const text = 'alpha bêta\ngamma delta\n';
    // The second line moved before the first.
    expect(keepsWords(text, [{ start: 0, end: 11, insert: '' }, { start: 22, end: 22, insert: '\nalpha bêta' }])).toBe(true);
    // The same, glued to the line it follows.
    expect(keepsWords(text, [{ start: 0, end: 11, insert: '' }, { start: 22, end: 22, insert: 'alpha bêta' }])).toBe(false);
    expect(keepsWords(text, [{ start: 0, end: 11, insert: '' }])).toBe(false);
    expect(keepsWords(text, [{ start: 22, end: 22, insert: 'gamma\n' }])).toBe(false);
    expect(keepsWords(text, [{ start: 10, end: 11, insert: '' }])).toBe(false);
  });
});
