/**
 * The HTML reader on a page saved from a news site (made up here): the article found as reader
 * modes find it, its structure and emphasis in Markdown, its notes as footnotes, the page's
 * machinery left out and listed, its title, author and dates as metadata, nothing fetched.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSource } from '../../src/sources/formats.ts';

const page = readFileSync(path.join(import.meta.dirname, '..', 'fixtures', 'sources-formats', 'article.html'), 'utf8');

describe('a saved web page', async () => {
  const r = await readSource(new TextEncoder().encode(page), 'article.html');

  it('gives the article as Markdown, structure and emphasis kept, notes as footnotes', () => {
    expect(r.format).toBe('markdown');
    expect(r.text).toBe(
      [
        'Le **pont de la Rivière fictive** a rouvert lundi, annonce l’*Agence des routes imaginaires*[^1]. Les travaux ont duré **vingt-quatre mois**.',
        '## Un chantier hors normes',
        'Les ingénieurs ont remplacé les piles une à une, selon [le rapport final](https://example.org/rapport). Le chantier a mobilisé plusieurs entreprises de la région et plus de deux cents ouvriers, répartis en trois équipes qui se relayaient jour et nuit pendant les mois les plus chargés de l’année.',
        '- Première étape : les fondations.\n- Deuxième étape : le tablier.',
        'Le pont vu depuis la rive gauche.',
        'La circulation reprend normalement dès cette semaine, mais les poids lourds devront attendre la fin des essais de charge prévus pour le mois prochain, a précisé la direction du chantier.',
        '[^1]: Communiqué du 4 mars.',
      ].join('\n\n') + '\n',
    );
  });

  it('takes the title, author and dates as the document’s metadata', () => {
    expect(r.meta).toEqual({ title: 'Le pont fictif rouvre après deux ans de travaux', author: 'Camille Exemple', published: '2024-03-05', updated: '2024-03-06' });
  });

  it('lists what it left out, each at its line of the HTML, and runs no script', () => {
    const left = r.diagnostics.filter((d) => d.rule === 'html-left-out').map((d) => `${d.line}: ${d.message}`);
    expect(left.join('\n')).toMatch(/^9: .*<header>.*Accueil Région/mu);
    expect(left.join('\n')).toMatch(/^12: .*share-buttons.*Partager Imprimer/mu);
    expect(left.join('\n')).toMatch(/^19: .*12 commentaires/mu);
    expect(left.join('\n')).toMatch(/^22: .*<aside.*À lire aussi/mu);
    expect(r.diagnostics.find((d) => d.rule === 'html-image')).toMatchObject({ line: 17 });
    expect(r.text).not.toContain('injecté');
  });

  it('locates each block of the Markdown at its line of the HTML', () => {
    expect(r.locator.at(r.text.indexOf('## Un chantier'))).toMatchObject({ line: 14 });
    expect(r.locator.at(r.text.indexOf('- Deuxième'))).toMatchObject({ line: 16 });
  });
});
