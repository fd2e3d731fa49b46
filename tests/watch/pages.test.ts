/** The live-reload client and the error page of `folio watch`, as exact strings where it matters. */
import { describe, expect, it } from 'vitest';
import { diagnostic } from '../../src/diagnostics.ts';
import { errorPage, withLiveReload } from '../../src/watch/pages.ts';

describe('withLiveReload', () => {
  it('puts the client before the last </body>, escaping the links', () => {
    const html = withLiveReload('<html><body><pre>&lt;/body&gt;</pre></body></html>', [{ href: '/a.pdf?x=1&y=2', label: 'A & B', title: 'Le "titre"' }]);
    expect(html.startsWith('<html><body><pre>&lt;/body&gt;</pre>\n<div id="folio-watch"')).toBe(true);
    expect(html.endsWith('</script>\n</body></html>')).toBe(true);
    expect(html).toContain('<a style="color:#fff" href="/a.pdf?x=1&amp;y=2" title="Le &quot;titre&quot;" target="_blank" rel="noopener">A &amp; B</a>');
  });

  it('appends the client to a page without </body>', () => {
    expect(withLiveReload('<p>x</p>')).toMatch(/^<p>x<\/p>\n<div id="folio-watch"[\s\S]*<\/script>\n$/);
  });
});

describe('errorPage', () => {
  it('lists errors and warnings as file:line:column, escaped, and leaves infos out', () => {
    const page = errorPage('The sources have <errors>.', [
      diagnostic('a.txt', { line: 3, column: 7 }, { rule: 'manifest', severity: 'error', message: 'Bad <kind>.' }),
      diagnostic('a.txt', { line: 9, column: 1 }, { rule: 'page-break-join', severity: 'info', message: 'Joined.' }),
    ]);
    expect(page).toContain('<p lang="en">The sources have &lt;errors&gt;.</p>');
    expect(page).toContain('<li class="error"><code>a.txt:3:7: error: Bad &lt;kind&gt;. [manifest]</code></li>');
    expect(page).not.toContain('Joined.');
  });
});
