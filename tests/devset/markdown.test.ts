import { describe, expect, it } from 'vitest';
import { readDocument } from '../../scripts/devset/blocks.ts';
import { parseHtml } from '../../scripts/devset/html.ts';
import { toMarkdown } from '../../scripts/devset/markdown.ts';

describe('toMarkdown with truth options', () => {
  it('hands a cross-reference to its rewrite with white space as the truth writes it', () => {
    const html = '<p>Voir <a class="xref" href="#s">Section\u00a02.4, «\u00a0Le\n  réglage\u00a0»</a> plus loin.</p>';
    const seen: string[] = [];
    const md = toMarkdown(readDocument([parseHtml(html)]), { xref: (t) => (seen.push(t), t.replace(/,.*$/s, '')) });
    expect(seen).toEqual(['Section 2.4, « Le réglage »']);
    expect(md).toBe('Voir Section 2.4 plus loin.\n');
  });

  it("gives an admonition's label rewrite the admonition's kind", () => {
    const html =
      '<div class="tip"><table><tr><th>Conseil</th></tr><tr><td><p>Un conseil.</p></td></tr></table></div>' +
      '<div class="note"><table><tr><th>Remarque</th></tr><tr><td><p>Une remarque.</p></td></tr></table></div>';
    const md = toMarkdown(readDocument([parseHtml(html)]), { label: (t, kind) => (kind === 'tip' ? t.toUpperCase() : t) });
    expect(md).toBe('CONSEIL\n\nUn conseil.\n\nRemarque\n\nUne remarque.\n');
  });
});
