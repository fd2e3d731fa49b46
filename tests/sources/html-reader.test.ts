/**
 * The HTML reader on a page saved from a news site (made up here): the article found as reader
 * modes find it, its structure and emphasis in Markdown, its notes as footnotes, the page's
 * machinery left out and listed, its title, author and dates as metadata, nothing fetched.
 */
import { describe, expect, it } from 'vitest';
import { readSource } from '../../src/sources/formats.ts';

const page = `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>Le pont fictif rouvre | Journal imaginaire</title>
<meta property="og:title" content="Le pont fictif rouvre après deux ans de travaux">
<meta name="author" content="Camille Exemple">
<meta property="article:published_time" content="2024-03-05T10:00:00+01:00">
<script type="application/ld+json">{"@type":"NewsArticle","headline":"Le pont fictif rouvre après deux ans de travaux","dateModified":"2024-03-06T08:00:00Z"}</script>
<script>document.body.innerHTML = '<p>texte injecté par un script</p>'</script>
</head><body>
<header><nav><ul><li><a href="/">Accueil</a></li><li><a href="/region">Région</a></li></ul></nav></header>
<main><article>
<h1>Le pont fictif rouvre après deux ans de travaux</h1>
<div class="share-buttons"><a href="https://example.com/share">Partager</a><button>Imprimer</button></div>
<p>Le <strong>pont de la Rivière fictive</strong> a rouvert lundi, annonce l’<em>Agence des routes imaginaires</em><sup><a href="#fn1" id="r1">1</a></sup>. Les travaux ont duré <b>vingt-quatre mois</b>.</p>
<h2>Un chantier hors normes</h2>
<p>Les ingénieurs ont remplacé les piles une à une, selon <a href="https://example.org/rapport">le rapport final</a>. Le chantier a mobilisé plusieurs entreprises de la région et plus de deux cents ouvriers, répartis en trois équipes qui se relayaient jour et nuit pendant les mois les plus chargés de l’année.</p>
<ul><li>Première étape : les fondations.</li><li>Deuxième étape : le tablier.</li></ul>
<figure><img src="https://example.org/pont.jpg" alt="Le pont au lever du jour"><figcaption>Le pont vu depuis la rive gauche.</figcaption></figure>
<p>La circulation reprend normalement dès cette semaine, mais les poids lourds devront attendre la fin des essais de charge prévus pour le mois prochain, a précisé la direction du chantier.</p>
<p class="comments-count">12 commentaires</p>
<section class="footnotes"><ol><li id="fn1">Communiqué du 4 mars. <a href="#r1">↩</a></li></ol></section>
</article></main>
<aside class="related"><h3>À lire aussi</h3><ul><li><a href="/x">Un autre pont</a></li></ul></aside>
<footer><p>© Journal imaginaire</p></footer>
</body></html>
`;

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
