import { describe, expect, it } from 'vitest';
import { transformHtml } from '../../src/assemble/final-html.ts';
import { frenchTypographyTree } from '../../src/typography/french-typography.ts';
import { hyphenateTree } from '../../src/typography/hyphenate.ts';

const page = (body: string, lang = 'fr'): string => `<!DOCTYPE html><html lang="${lang}"><head><title>t</title></head><body>${body}</body></html>`;
const bodyOf = (html: string): string => /<body>([\s\S]*)<\/body>/.exec(html)![1]!;
const typeset = (body: string, lang?: string): string => bodyOf(transformHtml(page(body, lang), [(t) => frenchTypographyTree(t)]).html);

describe('French typography on the whole HTML', () => {
  it('sees a paragraph as one run across inline elements', () => {
    expect(typeset('<p>l<em>\'</em>OTAN <abbr title="x">UE</abbr>; fin</p>')).toBe('<p>l<em>’</em>OTAN <abbr title="x">UE</abbr>\u202f; fin</p>');
  });

  it('does not reach across blocks', () => {
    expect(typeset('<p>fin</p><p>; suite</p>')).toBe('<p>fin</p><p>; suite</p>');
  });

  it('leaves code, pre and text in another language alone', () => {
    expect(typeset('<p>voir <code>a;b: c</code> ici</p>')).toBe('<p>voir <code>a;b: c</code> ici</p>');
    expect(typeset('<pre>x ; y</pre>')).toBe('<pre>x ; y</pre>');
    expect(typeset('<p lang="en">Really? Yes: no</p>')).toBe('<p lang="en">Really? Yes: no</p>');
    expect(typeset('<p>Really? Yes</p>', 'en')).toBe('<p>Really? Yes</p>');
  });

  it('raises ordinals, with Roman numerals in small capitals', () => {
    expect(typeset('<p>le 1er mai, au XXIe siècle</p>')).toBe(
      '<p>le 1<sup class="ordinal">er</sup>\u00a0mai, au <span class="roman-numeral">XXI</span><sup class="ordinal">e</sup> siècle</p>',
    );
  });

  it('keeps the doctype and is stable when run twice', () => {
    const once = transformHtml(page('<p>Quoi ? « oui » 90000 l\'an</p>'), [(t) => frenchTypographyTree(t), (t) => hyphenateTree(t)]).html;
    expect(once).toMatch(/^<!DOCTYPE html><html lang="fr">/);
    expect(transformHtml(once, [(t) => frenchTypographyTree(t), (t) => hyphenateTree(t)]).html).toBe(once);
  });

  it('hyphenates running text only', () => {
    const html = bodyOf(transformHtml(page('<h2>organisation</h2><p>organisation</p><nav><p>organisation</p></nav>'), [(t) => hyphenateTree(t)]).html);
    expect(html).toBe('<h2>organisation</h2><p>orga\u00adni\u00adsa\u00adtion</p><nav><p>organisation</p></nav>');
  });
});

describe('page references in the HTML edition', () => {
  it('links each page reference to its anchor unless it already is, holds or sits in a link', async () => {
    const { linkPageReferences } = await import('../../src/assemble/page-references.ts');
    const body = '<span data-page-of="a">voir</span><a href="#b" data-page-of="b">b</a><a href="#c"><span data-page-of="c"></span></a><span data-page-of="d"><a href="#d">d</a></span>';
    expect(bodyOf(transformHtml(page(body), [linkPageReferences]).html)).toBe(
      '<span data-page-of="a"><a href="#a">voir</a></span><a href="#b" data-page-of="b">b</a><a href="#c"><span data-page-of="c"></span></a><span data-page-of="d"><a href="#d">d</a></span>',
    );
  });
});
