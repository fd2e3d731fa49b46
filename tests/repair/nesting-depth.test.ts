/**
 * Texts nested thousands of levels deep (block quotes, lists) are flattened before anything
 * parses them: the HTML they give is never deeper than the limit, and nothing overflows.
 */
import { describe, expect, it } from 'vitest';
import { markdownToHtml } from '../../src/assemble/markdown-to-html.ts';
import { normalizeText } from '../../src/repair/pipeline.ts';
import { maxNestingDepth } from '../../src/repair/nesting-depth.ts';
import { parseMarkdown } from '../../src/sources/markdown.ts';

function deepestNesting(html: string): number {
  let depth = 0;
  let deepest = 0;
  for (const m of html.matchAll(/<(\/?)(blockquote|ul|ol)\b/g)) {
    depth += m[1] ? -1 : 1;
    deepest = Math.max(deepest, depth);
  }
  return deepest;
}

const cases: Record<string, string> = {
  'quotes on one line': `${'>'.repeat(2000)} une citation\n`,
  'spaced quotes': `${'> '.repeat(2000)}une citation\n`,
  'list markers on one line': `${'- '.repeat(2000)}un élément\n`,
  'twenty deep lines': Array.from({ length: 20 }, (_, i) => `${'>'.repeat(2000)} ligne ${i}`).join('\n') + '\n',
  'a staircase of items': Array.from({ length: 300 }, (_, i) => `${'  '.repeat(i)}- élément ${i}`).join('\n') + '\n',
};

describe('deep nesting', () => {
  for (const [name, body] of Object.entries(cases)) {
    it(`flattens ${name} to ${maxNestingDepth} levels, keeping the words, with a warning`, () => {
      const result = normalizeText(`Un titre\n\n${body}`, 'x.txt');
      const html = markdownToHtml(parseMarkdown(result.markdown), 'x').html;
      expect(deepestNesting(html)).toBeLessThanOrEqual(maxNestingDepth + 1);
      expect(result.diagnostics.filter((d) => d.rule === 'nesting-depth').length).toBeGreaterThan(0);
      for (const word of body.match(/\p{L}+|\d+/gu)!.slice(0, 50)) expect(html).toContain(word);
    });
  }
});
