import { describe, expect, it } from 'vitest';
import { doc, taken } from './helpers.ts';
import { createLexicon } from '../../src/language/fr/lexicon.ts';
import { findDefinitions, isAccepted } from '../../src/extract/acronyms.ts';
import { buildChronology } from '../../src/extract/chronology.ts';
import { findFrenchDates, isoDate } from '../../src/language/fr/dates.ts';
import { parseGlossaryFile } from '../../src/extract/glossary-file.ts';
import { buildGlossary } from '../../src/extract/glossary.ts';
import { transformHtml } from '../../src/assemble/final-html.ts';
import { rehypeMarkExtraction, type CompendiumMarks } from '../../src/assemble/mark-extraction.ts';

/** The compendium's acronym marking, run as the build runs it. */
const markCompendiumHtml = (html: string, marks: CompendiumMarks): string => transformHtml(html, [rehypeMarkExtraction(marks)]).html;


describe('acronym definitions', () => {
  it('finds both orders, in French, with letters out of order', () => {
    expect(taken("Les experts de l'Agence spatiale européenne (ESA) sont venus.")).toEqual([['ESA', 'Agence spatiale européenne']]);
    expect(taken("Le FMI (Fonds monétaire international) a prêté.")).toEqual([['FMI', 'Fonds monétaire international']]);
    expect(taken("la Force de stabilisation (SFOR) dirigée par l'OTAN")).toEqual([['SFOR', 'Force de stabilisation']]);
    expect(taken("le Centre de coordination de l'UE en matière de cyberdéfense (EUCDCC)")).toEqual([['EUCDCC', "Centre de coordination de l'UE en matière de cyberdéfense"]]);
    expect(taken("le Partenariat pour la paix (PPP) de l'OTAN")).toEqual([['PPP', 'Partenariat pour la paix']]);
  });
  it('takes the acronym, not the name after it, before a parenthesis', () => {
    expect(taken("l'opération EUNAVFOR MED IRINI (forces navales de l'UE en Méditerranée)")).toEqual([['EUNAVFOR MED', "forces navales de l'UE en Méditerranée"]]);
  });
  it('gives no entry for a qualifier, a date range or a list', () => {
    expect(findDefinitions("la 24e conférence du directeur général de l'EMI (OTAN) et")).toEqual([]);
    expect(findDefinitions('la gestion des crises (2025-2028), en insistant')).toEqual([]);
    expect(findDefinitions('des pays de la région indo-pacifique (Japon, République de Corée et Inde).')).toEqual([]);
    expect(taken('les incidents CBRN (chimiques, biologiques, radiologiques et nucléaires)')).toEqual([['CBRN', 'chimiques, biologiques, radiologiques et nucléaires']]);
  });
  it('takes the wording that spells the letters when a parenthesis gives two', () => {
    expect(taken('le protocole ZQP (« Protocole de liaison quartzique » ou « Zonal Quartz Protocol ») relie')).toEqual([['ZQP', 'Zonal Quartz Protocol']]);
    expect(taken('le service KRM (« Key Relay Manager », gestionnaire de relais de clés) garde')).toEqual([['KRM', 'Key Relay Manager']]);
  });
  it('reads a long form after the short form and a comma, or after the adjective that follows the short form', () => {
    expect(taken('toute carte de ligne (CLR, carrier line relay) reconnue')).toEqual([['CLR', 'carrier line relay']]);
    expect(taken('un ZRK matériel (Zoned Relay Keeper) garde')).toEqual([['ZRK', 'Zoned Relay Keeper']]);
    expect(taken('un ZRK matériel (relais zoné) garde')).toEqual([]);
  });
  it('takes the nearer of two coordinated phrases when the letters run backwards across them', () => {
    expect(taken('il a des fonctions comme son mode manuel ou la gestion des volumes légers (LVM). Puis')).toEqual([['LVM', 'gestion des volumes légers']]);
  });
  it('takes no clause for a long form: a remark with a negation, a sentence with a subject', () => {
    expect(taken('sur un poste VLX (le voyant n’aura clignoté qu’une fois), appuyez')).toEqual([]);
    // (The noun phrase alone, `troisième console virtuelle`, may stand as a gloss; the clause may not.)
    for (const [, expansion] of taken('il faut passer sur la troisième console virtuelle (VT3) puis lancer')) expect(expansion).not.toMatch(/faut|passer/u);
  });
  it('rejects, with its confidence, a parenthesis that does not explain the letters', () => {
    const [d] = findDefinitions("au SHAPE (commandement stratégique de l'OTAN pour les opérations, situé à Mons)");
    expect(d && isAccepted(d)).toBe(false);
  });
});

describe('French dates', () => {
  const dates = (t: string) => findFrenchDates(t).map((m) => [isoDate(m.from) ?? `--${m.from.month}`, m.to && isoDate(m.to), m.target ?? false]);
  it('keeps the precision the text gives', () => {
    expect(dates('Février 1992 : L’UE adopte')).toEqual([['1992-02', undefined, false]]);
    expect(dates('le 2 décembre 2004, puis en 2010')).toEqual([['2004-12-02', undefined, false], ['2010', undefined, false]]);
    expect(dates('12-13 mai 2016 : Une conférence')).toEqual([['2016-05-12', '2016-05-13', false]]);
    expect(dates('2006 – 2010 : Dîners')).toEqual([['2006', '2010', false]]);
    expect(dates('réalisés entre juin 2025 et mai 2026 dans')).toEqual([['2025-06', '2026-05', false]]);
    expect(dates('pendant les années 1990')).toEqual([['1990', '1999', false]]);
  });
  it('marks deadlines and leaves numbers alone', () => {
    expect(dates("à l'horizon 2030 et d'ici à 2035")).toEqual([['2030', undefined, true], ['2035', undefined, true]]);
    expect(dates('la STANAG n° 2001, 2000 soldats, 90 000 personnes, prendre en main')).toEqual([]);
  });
});


describe('chronology', () => {
  it('resolves relative dates against the period, the date or the sentence, and reports the rest', () => {
    const result = buildChronology([
      doc('rapport', 'Une réunion a eu lieu (novembre). Une autre (avril).', { period: { from: '2025-06', to: '2026-05' } }),
      doc('communique', 'Depuis juillet dernier, des contrats ont été signés.', { date: '2024-02-13' }),
      doc('article', 'En marge du sommet de 2025, le forum qui s’est tenu ce mardi 24 juin a marqué un tournant.\n\nIl reprendra le 3 mars.'),
    ]);
    expect(result.entries.map((e) => [e.date, e.sources[0]])).toEqual([
      ['2023-07', 'communique'],
      ['2025-06-24', 'article'],
      ['2025-11', 'rapport'],
      ['2026-04', 'rapport'],
    ]);
    expect(result.diagnostics.map((d) => d.rule)).toEqual(['unresolved-date']);
  });
  it('refuses a day of the week that contradicts the date', () => {
    const result = buildChronology([doc('a', 'Le sommet de 2024 s’est ouvert ce mardi 24 juin.')]);
    expect(result.entries.map((e) => e.date)).toEqual(['2024']);
    expect(result.diagnostics[0]!.message).toMatch(/mardi/);
  });
});

describe('glossary', () => {
  const editorial = parseGlossaryFile('- term: ONU\n  expansion: Organisation des Nations unies\n', 'glossary.yaml').entries!;
  const lexicon = createLexicon(['monde']);
  const result = buildGlossary(
    [
      doc('a', "L'Agence européenne de défense (AED) et l'ONU. Catégorie : MONDE. Au XXIe siècle, l'AED travaille avec la KFOR."),
      doc('b', "Les exercices STEADFAST DUEL 2025 et l'opération IRINI, ainsi que IRINI, ASPIDES et ATALANTA. L'opération Atalanta. La mission de conseil de l'UE en Iraq (EUAM) et la mission de conseil de l'UE sur la réforme du secteur de la sécurité en Ukraine (EUAM)."),
    ],
    editorial,
    lexicon,
  );
  it('explains defined and editorial acronyms, sorted, and no names', () => {
    expect(result.entries.map((e) => e.term)).toEqual(['AED', 'EUAM', 'ONU']);
    expect(result.entries[2]!.expansions).toEqual([{ text: 'Organisation des Nations unies', origin: 'editorial' }]);
  });
  it('keeps two meanings of one acronym', () => {
    expect(result.entries[1]!.expansions.map((x) => x.text)).toHaveLength(2);
  });
  it('warns about an acronym explained nowhere, at its first use', () => {
    const w = result.diagnostics.filter((d) => d.rule === 'undefined-acronym');
    expect(w.map((d) => [d.file, /“(\w+)”/.exec(d.message)![1]])).toEqual([['a.txt', 'KFOR'], ['b.txt', 'UE']]);
  });
  it('numbers uses and links the entry to the first', () => {
    expect(result.entries[0]!.uses).toEqual(['a--sigle-aed-1', 'a--sigle-aed-2']);
    expect(result.entries[0]!.expansions[0]!.definedIn).toBe('a--sigle-aed-1');
  });
  it('rejects an invalid editors’ file with its line', () => {
    const bad = parseGlossaryFile('- term: ONU\n  expansion: X\n- term: PIB\n  sens: produit\n', 'g.yaml');
    expect(bad.entries).toBeUndefined();
    expect(bad.diagnostics[0]).toMatchObject({ file: 'g.yaml', line: 3, severity: 'error' });
  });
});

describe('marking the HTML', () => {
  it('reports an event whose sentence is not in the HTML, at its place in the source', () => {
    const { diagnostics } = transformHtml(
      '<html><body><article class="document" id="d"><div class="document-body"><p>Un autre texte.</p></div></article></body></html>',
      [rehypeMarkExtraction({ terms: [], anchors: [{ documentId: 'd', id: 'd--date-1', quote: 'Introuvable', occurrence: 0, where: { file: 'd.txt', line: 7, column: 3 } }] })],
    );
    expect(diagnostics.map((d) => [d.file, d.line, d.column, d.rule, d.severity, d.source])).toEqual([['d.txt', 7, 3, 'event-anchor', 'warning', 'assemble/mark-extraction']]);
  });

  it('wraps uses in abbr, links the first to the glossary and anchors events', () => {
    const html = markCompendiumHtml(
      '<html><body><article class="document" id="d"><div class="document-body"><p>L’Agence européenne de défense (AED) existe. L’AED agit.</p></div></article></body></html>',
      { terms: [{ term: 'AED', entryId: 'sigle-aed', title: 'Agence européenne de défense', sites: [] }], anchors: [{ documentId: 'd', id: 'd--date-1', quote: 'LAED', occurrence: 0, where: { file: 'd.txt', line: 1, column: 1 } }] },
    );
    expect(html).toContain('<a href="#sigle-aed" class="sigle-lien"><abbr id="d--sigle-aed-1" title="Agence européenne de défense" class="sigle">AED</abbr></a>');
    expect(html).toContain('<abbr id="d--sigle-aed-2" title="Agence européenne de défense" class="sigle">AED</abbr> agit');
        // The anchor holds a word, so that it has a box on the page.
    expect(html).toContain('<span id="d--date-1" class="chrono-ancre">L’</span><abbr id="d--sigle-aed-2"');
  });
});
