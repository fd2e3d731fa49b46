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

  it('writes a formula image the way TeX prints it, or names what it prints', () => {
    const html =
      '<p>Donc <img class="math" alt="\\lambda = (360 \\times \\Delta D)/X"/> et <img class="math" alt="2,5~Hz"/>, ' +
      'puis <img class="math" alt="\\frac{1}{R} = \\frac{1}{R_1} + \\dots"/>.</p>';
    expect(toMarkdown(readDocument([parseHtml(html)]))).toBe(
      '<!-- optional: formula -->\nDonc λ = (360 × ΔD)/X et 2, 5 Hz, puis <!-- formula: 1R=1R1+... -->.\n<!-- /optional -->\n',
    );
  });
});
