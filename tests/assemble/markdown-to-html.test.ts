import { describe, expect, it } from 'vitest';
import { markdownToHtml } from '../../src/assemble/markdown-to-html.ts';
import { renderTemplates } from '../../src/assemble/templates.ts';
import { formatFrenchDate } from '../../src/language/fr/dates.ts';

describe('markdownToHtml', () => {
  it('renders Markdown and gives headings ids unique in the compendium', () => {
    const { html, headings } = markdownToHtml('## Défense & sécurité\n\nTexte **gras**.\n\n## Défense & sécurité\n', 'doc');
    expect(html).toBe(
      '<h2 id="doc--defense-securite">Défense &#x26; sécurité</h2>\n<p>Texte <strong>gras</strong>.</p>\n<h2 id="doc--defense-securite-2">Défense &#x26; sécurité</h2>',
    );
    expect(headings).toEqual([
      { id: 'doc--defense-securite', text: 'Défense & sécurité', level: 2 },
      { id: 'doc--defense-securite-2', text: 'Défense & sécurité', level: 2 },
    ]);
  });

  it('keeps escaped Markdown characters as text', () => {
    expect(markdownToHtml('Un \\*astérisque\\* et 1999\\. fin', 'd').html).toBe('<p>Un *astérisque* et 1999. fin</p>');
  });
});

describe('renderTemplates', () => {
  it('escapes data, renders partials and formats dates the French way', () => {
    const html = renderTemplates(
      { main: 'page', sources: { page: '<h1>{{title}}</h1>{{> meta}}', meta: '<p>{{date when}}</p>' } },
      { title: 'OTAN & <UE>', when: '2016-05-01' },
    );
    expect(html).toBe('<h1>OTAN &amp; &lt;UE&gt;</h1><p>1er mai 2016</p>');
  });
});

describe('formatFrenchDate', () => {
  it('keeps the precision it is given', () => {
    expect(formatFrenchDate('2024-02-13')).toBe('13 février 2024');
    expect(formatFrenchDate('2024-02')).toBe('février 2024');
    expect(formatFrenchDate('2024')).toBe('2024');
    expect(formatFrenchDate('hier')).toBe('hier');
  });
});

describe('footnotes', () => {
  it('renders footnote references and notes with ids prefixed by the document', () => {
    const { html, headings } = markdownToHtml('Un appel[^1].\n\n[^1]: La note.\n', 'doc-a');
    expect(html).toContain('<a href="#doc-a-fn-1" id="doc-a-fnref-1" data-footnote-ref="true" aria-describedby="doc-a--notes">1</a>');
    expect(html).toContain('<h2 class="footnotes-title" id="doc-a--notes">Notes</h2>');
    expect(html).toContain('<li id="doc-a-fn-1">');
    expect(headings).toEqual([{ id: 'doc-a--notes', text: 'Notes', level: 2 }]);
  });
});
