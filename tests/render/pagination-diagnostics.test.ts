/** Page references left without a number are errors that say where to look. */
import { describe, expect, it } from 'vitest';
import { paginationDiagnostics, referenceOrigins } from '../../src/render/pagination-diagnostics.ts';

const html = `<!DOCTYPE html><html><body>
<section data-template="chronology"><a data-page-of="doc--date-3">→</a><a data-page-of="ghost">→</a></section>
<article data-template="document" data-source="sources/doc.txt"><p>Un <span id="doc--date-3"></span>mot.</p></article>
</body></html>`;

describe('paginationDiagnostics', () => {
  it('finds the template of each reference and the text of each anchor', () => {
    const origins = referenceOrigins(html, ['doc--date-3', 'ghost']);
    expect(origins.get('doc--date-3')).toEqual({ templates: ['chronology'], source: 'sources/doc.txt', exists: true });
    expect(origins.get('ghost')).toEqual({ templates: ['chronology'], exists: false });
  });

  it('makes an error of each unresolved reference, naming the anchor, the template and the text', () => {
    const diagnostics = paginationDiagnostics({ unresolved: ['doc--date-3', 'ghost'], settled: true, passes: 2 }, 'sources/compendium.yaml', html);
    expect(diagnostics).toHaveLength(2);
    expect(diagnostics.every((d) => d.severity === 'error' && d.rule === 'page-reference')).toBe(true);
    expect(diagnostics[0]).toMatchObject({ file: 'sources/doc.txt' });
    expect(diagnostics[0]!.message).toContain('templates/chronology.hbs');
    expect(diagnostics[0]!.message).toContain('“doc--date-3”');
    expect(diagnostics[0]!.message).toMatch(/empty/);
    expect(diagnostics[1]).toMatchObject({ file: 'sources/compendium.yaml' });
    expect(diagnostics[1]!.message).toMatch(/no part of the edition has that anchor/);
  });

  it('says nothing when every reference has its number', () => {
    expect(paginationDiagnostics({ unresolved: [], settled: true, passes: 2 }, 'm.yaml', html)).toEqual([]);
  });
});
