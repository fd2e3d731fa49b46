/**
 * The rules the extraction follows on any text: invented sentences, one rule each. Quality on
 * real texts is measured by scripts/measure-extraction-devset.ts, not here.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { doc, taken } from './helpers.ts';
import { buildChronology } from '../../src/extract/chronology.ts';
import { buildGlossary } from '../../src/extract/glossary.ts';
import { findFrenchDates, formatFrenchDate, isoDate, readable } from '../../src/language/fr/dates.ts';
import { findDefinitions, isAccepted } from '../../src/extract/acronyms.ts';
import { loadFrenchLexicon, type Lexicon } from '../../src/language/fr/lexicon.ts';

let lexicon: Lexicon;
beforeAll(async () => {
  lexicon = await loadFrenchLexicon();
});

const dates = (text: string) => findFrenchDates(text).map((m) => [text.slice(m.start, m.end), isoDate(m.from), m.to && isoDate(m.to)]);

describe('French dates: what is a date', () => {
  it('reads month names damaged by TeX fonts or decomposed accents, at their place in the text', () => {
    expect(dates('Il est parti le 3 fe´vrier 2031.')).toEqual([['3 fe´vrier 2031', '2031-02-03', undefined]]);
    expect(dates('En fe\u0301vrier 2031, puis en de\u0301cembre 2032.')).toEqual([['fe\u0301vrier 2031', '2031-02', undefined], ['de\u0301cembre 2032', '2032-12', undefined]]);
    expect(readable('ı\u0302le').text).toBe('île');
  });
  it('finds no date in a URL, a path, a version, a code, a quantity or a timestamp', () => {
    expect(dates('Voir https://exemple.org/2031/05/annonce et /srv/archives/2029/ ou v2.10, 5.2, git20310208.')).toEqual([]);
    expect(dates('Une clé de 4096 bits, un son à 2000 Hz, 1800 échantillons, la norme ISO 10179:1996.')).toEqual([]);
    expect(dates('un écran en 1920 × 1080 points, en 2000 + 31 jours, en 1995 - 2000 lignes')).toEqual([]);
    expect(dates('de 2029 à 2031 environ').map((d) => [d[1], d[2]])).toEqual([['2029', '2031']]);
    expect(dates('de décembre 2029 jusqu’à mai 2030, puis de 2031 jusqu’en 2033').map((d) => [d[1], d[2]])).toEqual([['2029-12', '2030-05'], ['2031', '2033']]);
    expect(dates('mer. 19 mai 2031 15:19:02 UTC')).toEqual([]);
    // An IPv6 address whose first group reads like a year; a colon that French spaces still ends a date.
    expect(dates('relais  IN  AAAA  2001:db8:10::7 et 2029:FE80::1')).toEqual([]);
    expect(dates('En 2031 : la station ouvre.').map((d) => d[1])).toEqual(['2031']);
  });
  it('reads a date in figures, day first, after the word that introduces a day', () => {
    expect(dates('La station a tourné jusqu’au 16/07/2031 à 00:00, puis depuis le 01/06/2032.').map((d) => d[1])).toEqual(['2031-07-16', '2032-06-01']);
    expect(dates('La fraction 16/07/2031 du lot, le 31/02/2031 et le fichier /srv/le 12/05/2031.txt.')).toEqual([]);
  });
  it('finds no event in a copyright notice, a quoted value, or a number listed after a number', () => {
    expect(dates('Copyright (C) 2029,2030,2031 Agence spatiale fictive.')).toEqual([]);
    expect(dates('Copyright © 2024-2029, 2030-2031 Jeanne Dupont.')).toEqual([]);
    expect(dates('Jeanne Dupont <jeanne@exemple.org>, 2029-2031.')).toEqual([]);
    expect(dates('Paul Martin pm@exemple.net, 2029, 2030-2031')).toEqual([]);
    expect(dates('Écrivez à pm@exemple.net ; en 2029 il partit.').map((d) => d[1])).toEqual(['2029']);
    expect(dates('le champ porte « 2029-2031 » ou « 12 mai 2031 » en clair')).toEqual([]);
    expect(dates('si vous tapez 2030 ou 2031, rien.')).toEqual([]);
    expect(dates('le profil Atelier (2031)™ et la marque Orion 2030® sont fournis')).toEqual([]);
    expect(dates('en mars 2003, 2004 et 2005').map((d) => d[1])).toEqual(['2003-03', '2004', '2005']);
  });
  it('finds no event in a credit: a name, an e-mail address and years', () => {
    expect(dates('Jeanne Martin <jeanne.martin@exemple.org>, 2029-2031.')).toEqual([]);
    expect(dates('Traduction : Paul Durand (pdurand@exemple.net) 2030, 2031')).toEqual([]);
    expect(dates('Écrivez à contact@exemple.org. En 2031, le service a fermé.').map((d) => d[1])).toEqual(['2031']);
    expect(dates('Copyright: 2029-2031 Agence fictive.')).toEqual([]);
    expect(dates('Voir le profil Orion (2031) Pro, puis la loi Dupont (2030) appliquée.').map((d) => d[1])).toEqual(['2030']);
  });
  it('takes a bare year only where a word of time introduces it', () => {
    expect(dates('Le logiciel Atelier 2031 est livré.')).toEqual([]);
    expect(dates('L’été 2031 fut chaud, l’année 2032 est calme.').map((d) => d[1])).toEqual(['2031', '2032']);
    expect(dates('En 2031 il partit ; entre 2032 et 2034 elle resta.').map((d) => [d[1], d[2]])).toEqual([['2031', undefined], ['2032', '2034']]);
    expect(dates('Elle est née en 2004, a travaillé depuis 2010 et, à l’été 2031, est partie.').map((d) => d[1])).toEqual(['2004', '2010', '2031']);
    expect(dates('Plus de 2000 paquets, mais avant 2004 rien.')).toEqual([]);
    expect(dates('Les noms (2029) et l’exercice SILENT COMET 2031.').map((d) => d[1])).toEqual(['2029', '2031']);
  });
  it('reads the first of the month with its suffix raised or set apart', () => {
    expect(dates('le 1ᵉʳ octobre 2031 et le 1 er mai 2032').map((d) => d[1])).toEqual(['2031-10-01', '2032-05-01']);
  });
  it('reads month ranges that share a year, and tells a past end from a deadline', () => {
    expect(dates('publiées entre août et décembre 2031')).toEqual([['entre août et décembre 2031', '2031-08', '2031-12']]);
    expect(dates('en juillet-août 2031, puis')).toEqual([['juillet-août 2031', '2031-07', '2031-08']]);
    expect(findFrenchDates('Elle a dirigé le projet jusqu’en mars 2031.')[0]!.target).toBeFalsy();
    expect(findFrenchDates('Le plan sera appliqué jusqu’en mars 2031.')[0]!.target).toBe(true);
  });
  it('writes dates with the precision they have', () => {
    expect([formatFrenchDate('2031'), formatFrenchDate('2031-02'), formatFrenchDate('2031-02-01')]).toEqual(['2031', 'février 2031', '1er février 2031']);
  });
});

describe('chronology: events that hold on any text', () => {
  it('dates the text under a heading label, and places a day without a year in its section', () => {
    const { entries } = buildChronology([doc('h', '## Mai 2031 : départ de la sonde\n\nLe 9 mai, la sonde Orion a quitté son orbite de parking.\n\n## Juin 2032 : arrivée\n\nLe 2 juin, elle s’est posée sans encombre sur la Lune.')]);
    const byDate = Object.fromEntries(entries.map((e) => [e.date, e.text]));
    expect(byDate['2031-05-09']).toBe('Le 9 mai, la sonde Orion a quitté son orbite de parking.');
    expect(byDate['2032-06-02']).toBe('Le 2 juin, elle s’est posée sans encombre sur la Lune.');
  });
  it('dates the text after a date that heads a list item, whatever separates them', () => {
    const { entries } = buildChronology([doc('l', '- 12 mars 2031. L’agence inaugure son centre de contrôle.\n- 3 avril 2032 La sonde quitte son orbite.\n- 9 mai 2033 : la sonde se pose.')]);
    expect(entries.map((e) => [e.date, e.text])).toEqual([
      ['2031-03-12', 'L’agence inaugure son centre de contrôle.'],
      ['2032-04-03', 'La sonde quitte son orbite.'],
      ['2033-05-09', 'La sonde se pose.'],
    ]);
  });
  it('tells no event in a worked example, a value typed or mapped, or a manual page\'s footer', () => {
    const { entries } = buildChronology([
      doc(
        'x',
        '=ANNEEORBITE(A1) renvoie 1, si A1 contient 29-02-2032, la date valide du 29 février 2032.\n\nRenvoie 157,2, la prévision pour janvier 2031 basée sur les plages.\n\nPar exemple, saisissez 1/2/2031 pour écrire la date du 2 janvier 2031.\n\nLa valeur 0 correspond au 30 décembre 1899.\n\nLa saisie 02/03/31 est lue comme le 02/03/2031, non comme le 02/03/1931.\n\norbit-tools 2.38.1 11 mai 2031 ORBIT(8)\n\nLa sonde a quitté son orbite le 12 mai 2031.',
      ),
    ]);
    expect(entries.map((e) => e.date)).toEqual(['2031-05-12']);
  });
  it('tells no event in a section of worked examples, a line of code, or beyond a limit', () => {
    const { entries } = buildChronology([
      doc('e', "#### Exemple\n\nLa date de liquidation est le 7 février 2031.\n\n#### Historique\n\nLa sonde est partie le 3 mai 2031.\n\n<'2031-01-10'\trenvoie les dates antérieures au 10 janvier 2031\n\nLes horloges ne vont pas au-delà du 19 janvier 2038."),
    ]);
    expect(entries.map((e) => e.date)).toEqual(['2031-05-03']);
  });
  it('dates the paragraph under a date alone on its line', () => {
    const { entries } = buildChronology([doc('d', '12 mars 2031\n\nL’agence inaugure son nouveau centre de contrôle.')]);
    expect(entries.map((e) => [e.date, e.text])).toEqual([['2031-03-12', 'L’agence inaugure son nouveau centre de contrôle.']]);
  });
  it('tells each event of a sentence in its own clause, never starting with « … »', () => {
    const { entries } = buildChronology([doc('c', 'La société Alpha ferma ses portes le 17 janvier 2031, la société Bêta déposa son bilan le 1er octobre 2031, et la société Gamma fut rachetée.')]);
    expect(entries.map((e) => e.text)).toEqual(['La société Alpha ferma ses portes le 17 janvier 2031.', 'La société Bêta déposa son bilan le 1er octobre 2031, et la société Gamma fut rachetée.']);
    for (const e of entries) expect(e.text).not.toMatch(/^…/u);
  });
  it('never gives a clause that holds only its date for the event', () => {
    const sentence = 'Tirant parti des essais menés sur le banc de Namur, et dans le prolongement des travaux de l’équipe de Liège sur les moteurs à faible poussée et sur les panneaux solaires déployables, l’Agence spatiale fictive a lancé une nouvelle sonde, la sonde Orion, le 3 mai 2031.';
    const { entries } = buildChronology([doc('l', sentence)]);
    expect(entries).toHaveLength(1);
    expect(entries[0]!.text).toMatch(/\p{L}{4,}.*le 3 mai 2031\.$/u);
    expect(entries[0]!.text).not.toMatch(/^Le 3 mai 2031/u);
  });
  it('never starts an event at a relative clause, nor inside a list of dates', () => {
    const sentence = 'L’année 2031 a marqué l’ouverture du port fluvial de la commune, qui reposait sur des études menées pendant les années 2020 en faveur d’une navigation plus sûre sur le fleuve et ses canaux.';
    const list = 'Le bilan présente les résultats des chartes adoptées en 2026, 2028 et 2030, parmi lesquels la protection des berges, la qualité de l’eau et la pêche.';
    const { entries } = buildChronology([doc('p', `${sentence}\n\n${list}`)]);
    expect(entries.length).toBeGreaterThan(0);
    for (const e of entries) expect(e.text, e.date).toMatch(/^(?:L’année|Le bilan)/u);
  });
  it('dates the sentence before a parenthesis that gives only its date', () => {
    const { entries } = buildChronology([doc('r', '- « Manuel du pilote » de Jeanne Dupont. (12 mai 2031)\n- « Guide de vol » de Paul Martin (2032)')]);
    expect(entries.map((e) => [e.date, e.text])).toEqual([
      ['2031-05-12', '« Manuel du pilote » de Jeanne Dupont (12 mai 2031).'],
      ['2032', '« Guide de vol » de Paul Martin (2032).'],
    ]);
  });
  it('takes no year for the number of a numbered document, a span of versions or a limit', () => {
    expect(dates('le protocole (voir IETF RFC 1625 et ISO 8601) est décrit')).toEqual([]);
    expect(dates('Orbiteur Studio 2000-2013\t"Document"\tapplication/x-orbit')).toEqual([]);
    expect(dates('Année comme 1900-2078')).toEqual([]);
    expect(dates('ne l’utilisez pas après l’année 2037 ni d’après le début de 2038')).toEqual([]);
    expect(dates('les années écrites sur deux chiffres sont ajoutées à l’année 1900, comme en 2031')).toEqual([['2031', '2031', undefined]]);
    expect(dates('la station a fonctionné de 2000 à 2013 puis en 2014').map((d) => [d[1], d[2]])).toEqual([['2000', '2013'], ['2014', undefined]]);
  });
  it('takes no year for the number of a thing named in one word of capitals', () => {
    expect(dates('Le pilote ZX 2000 est livré, la norme QRS 2031 aussi.')).toEqual([]);
    expect(dates('Lors de l’exercice ORION 2031 et du sommet de l’ASF 2032.').map((d) => d[1])).toEqual(['2031', '2032']);
  });
  it('keeps the subject of a long sentence whose verb follows an aside, and ends a quotation once', () => {
    const long = '« La sonde Vega, au retour de Namur, a été remise en orbite en mars 2031 pour la troisième campagne de mesures : les équipes de Liège et de Gand avaient préparé ses capteurs (trois caméras et deux spectromètres), chaque laboratoire suivait ses instruments et le centre de calcul recevait toutes les données la nuit même. »';
    const { entries } = buildChronology([doc('a', long)]);
    expect(entries[0]!.text).toMatch(/^La sonde Vega, au retour de Namur, a été remise en orbite en mars 2031/u);
    const quoted = buildChronology([doc('b', '« La sonde Vega, au retour de Namur, a été remise en orbite en mars 2031. »')]).entries;
    expect(quoted[0]!.text).toBe('« La sonde Vega, au retour de Namur, a été remise en orbite en mars 2031. »');
  });
  it('ends a sentence at a quotation closed French-style before the next one opens', () => {
    const { entries } = buildChronology([doc('q', '« Nous montions chaque pièce à la main. Le prototype B fut le dernier fait ainsi. » « L’essentiel de l’année 2031 est allé aux essais en vol. »')]);
    expect(entries.map((e) => e.text)).toEqual(['« L’essentiel de l’année 2031 est allé aux essais en vol. »']);
  });
  it('gives one entry for one event told by two documents, with both places', () => {
    const { entries } = buildChronology([
      doc('a', 'L’Agence spatiale fictive a été fondée en mars 2031 par trois pays.'),
      doc('b', 'En mars 2031, trois pays ont créé l’Agence spatiale fictive à Namur.'),
    ]);
    expect(entries).toHaveLength(1);
    expect(entries[0]!.places.map((p) => p.document)).toEqual(['a', 'b']);
  });
  it('keeps apart two paragraphs of one document that share only the name they are about', () => {
    const { entries } = buildChronology([doc('n', 'En mars 2030, Vega était prête.\n\nVega fut lancée en mai 2030.\n\nÀ l’été 2031, Orion était là.\n\nOrion fut lancée en septembre 2031.')]);
    expect(entries.map((e) => e.date)).toEqual(['2030-03', '2030-05', '2031', '2031-09']);
  });
  it('keeps apart two paragraphs of one document that tell alike of things named by other identifiers or capitals', () => {
    const { entries } = buildChronology([doc('n', 'ZX-82\n\nSuccesseur du ZX-81, publié en 2031.\n\nOrion 3\n\nSuccesseur de Orion2, publié en 2031.')]);
    expect(entries.map((e) => e.text)).toEqual(['Successeur du ZX-81, publié en 2031.', 'Successeur de Orion2, publié en 2031.']);
    const capitals = buildChronology([doc('c', 'La version majeure précédente de ZQB était publiée en 2032.\n\nLes versions majeures précédentes de la KLM sont publiées en 2032.')]);
    expect(capitals.entries).toHaveLength(2);
    // One thing named by both: one event told twice.
    const same = buildChronology([doc('m', 'Successeur du ZX-81, publié en 2031.\n\nLe successeur du ZX-81 fut publié en 2031.')]);
    expect(same.entries).toHaveLength(1);
  });
  it('keeps apart two documents that share only the kind of event and a common word', () => {
    const { entries } = buildChronology([
      doc('a', 'La diffusion d’une version du catalogue des cartes a été confiée aux équipes en mai 2031.'),
      doc('b', 'Atelier Version 1.2 est sortie le 3 mai 2031.'),
    ]);
    expect(entries.map((e) => [e.date, e.sources])).toEqual([['2031-05', ['a']], ['2031-05-03', ['b']]]);
  });
  it('keeps two events of one paragraph apart, even on the same date', () => {
    const { entries } = buildChronology([doc('p', 'Le logiciel Atelier fut gelé en octobre 2031. Son manuel est également sorti en octobre 2031.')]);
    expect(entries).toHaveLength(2);
  });
});

describe('glossary: definitions that hold on any text', () => {
  it('finds the forms that delimit both names', () => {
    expect(taken('créée en 2031 (« Agence spatiale fictive », ASF) à Namur')).toEqual([['ASF', 'Agence spatiale fictive']]);
    expect(taken('le suivi (observatoire orbital régional ou OOR) commence')).toEqual([['OOR', 'observatoire orbital régional']]);
    expect(taken('Le COR, pour Centre orbital régional, ouvre.')).toEqual([['COR', 'Centre orbital régional']]);
    expect(taken('le Centre orbital régional, dit COR, ouvre.')).toEqual([['COR', 'Centre orbital régional']]);
    expect(taken('L’acronyme COR signifie « Centre orbital régional ».')).toEqual([['COR', 'Centre orbital régional']]);
    expect(taken('on dit en anglais qu’il est ZBRQ « Zone Bound Relay Queue » et il attend')).toEqual([['ZBRQ', 'Zone Bound Relay Queue']]);
    // Quoted words that do not spell every letter are a value or a label, not the acronym's name.
    expect(taken('cliquez sur OKV « Valider la saisie » pour finir')).toEqual([]);
    expect(taken('le mode ZBRQ « Zone Queue » attend')).toEqual([]);
    expect(taken('la charte sur les données ouvertes (CDO) (« Open Data Charter ») s’applique')).toEqual([['CDO', 'charte sur les données ouvertes']]);
    expect(taken('la touche d’appel sécurisée (SAK) (« secure attention key ») du noyau')).toEqual([['SAK', 'secure attention key']]);
  });
  it('takes the phrase whose words give the letters, not the words before it', () => {
    expect(taken('Ils ont leur propre interface utilisateur graphique (GUI) et une console.')).toEqual([['GUI', 'interface utilisateur graphique']]);
    expect(taken('son prédécesseur « Secure Sockets Layer » (SSL) pour chiffrer')).toEqual([['SSL', 'Secure Sockets Layer']]);
    expect(taken('un service such as Secure Shell (SSH) or others')).toEqual([['SSH', 'Secure Shell']]);
  });
  it('takes no head noun joined by a contracted article unless it renders the letter a head gives', () => {
    expect(taken('Cherchez sur la vitrine du service de traçage des colis (PTS) avant.')).toEqual([['PTS', 'service de traçage des colis']]);
    expect(taken('le renforcement des capacités spatiales (SCB) progresse')).toEqual([['SCB', 'renforcement des capacités spatiales']]);
  });
  it('starts a name written in capitals at its first capital, not at the verb before it', () => {
    expect(taken('Les cartes récentes emploient UEFI Boot Record (UBR) pour démarrer.')).toEqual([['UBR', 'UEFI Boot Record']]);
    // Table cells run together by an extraction: bare words side by side make no head noun.
    expect(taken('gestion financière personnelle gravure musicale gestion financière personnelle conception orbitale détaillée (COD)')).toEqual([['COD', 'conception orbitale détaillée']]);
  });
  it('finds the definitions French writes with a lead-in, a remark or a sign', () => {
    const forms = [
      'L’ASF (pour Agence spatiale fictive) ouvre.',
      'l’Agence spatiale fictive (ou ASF) ouvre.',
      'l’Agence spatiale fictive (ci-après « ASF ») ouvre.',
      'l’Agence spatiale fictive (sigle : ASF) ouvre.',
      'l’Agence spatiale fictive (en abrégé ASF) ouvre.',
      'ASF — Agence spatiale fictive',
      'ASF = Agence spatiale fictive',
      'l’ASF, c’est-à-dire l’Agence spatiale fictive, ouvre.',
      'L’ASF (Agence spatiale fictive, Namur) ouvre.',
      'l’Agence spatiale fictive, plus connue sous le sigle ASF, ouvre.',
    ];
    for (const f of forms) expect(taken(f)).toEqual([['ASF', 'Agence spatiale fictive']]);
    expect(taken('L’ASF (de l’anglais Fictive Space Agency) ouvre.')).toEqual([['ASF', 'Fictive Space Agency']]);
    expect(taken('le FSA (the Fictive Space Agency) ouvre.')).toEqual([['FSA', 'Fictive Space Agency']]);
  });
  it('reads a remark on the name before it, a quoted name among other words, and a name in title case', () => {
    expect(taken('Le bureau ZORK (originally an acronym for Zone Of Rare Kites) est libre.')).toEqual([['ZORK', 'Zone Of Rare Kites']]);
    expect(taken('Le bureau ZK (anciennement acronyme de Zone Kilométrique) ferme.')).toEqual([['ZK', 'Zone Kilométrique']]);
    expect(taken('Les Brave Ship Captains, often abbreviated BSC, sail.')).toEqual([['BSC', 'Brave Ship Captains']]);
    expect(taken('la liste tenue (pour les éditions « Very Long Edition » ou VLE) dure.')).toEqual([['VLE', 'Very Long Edition']]);
    expect(taken('les gardiens de l’équipe MOTR (Masters Of The Rivers) partent.')).toEqual([['MOTR', 'Masters Of The Rivers']]);
    expect(taken('l’interface V8R (Video Router, le huit se lisant comme ate en anglais) sert.')).toEqual([['V8R', 'Video Router']]);
    expect(taken('l’interface S4M (Sound for Music, le quatre se lisant comme for en anglais) sert.')).toEqual([['S4M', 'Sound for Music']]);
    expect(taken('La carte de l’atelier porte une horloge interne, dite « CAOS ».')).toEqual([]);
    expect(taken('Le module se nomme ZFQ qui est l’acronyme de « Zone Fast Queue » soit : file rapide.')).toEqual([['ZFQ', 'Zone Fast Queue']]);
    // A remark then a reference, whose first letter no word gives: no definition.
    expect(taken('Les blocs (au format des vieux en-têtes de lettres, RFC 1234) décrivent tout.')).toEqual([]);
  });
  it('finds the short form in a parenthesis that remarks on it or on its language', () => {
    expect(taken('Le séparateur de groupe (ASCII : GS) clôt un bloc.')).toEqual([['GS', 'séparateur de groupe']]);
    expect(taken('Le séparateur de groupe (anglais : GS) clôt un bloc.')).toEqual([['GS', 'séparateur de groupe']]);
    expect(taken('Le caractère suivant (ASCII : GS) clôt un bloc.')).toEqual([]);
    expect(taken('La « Ligue spatiale fictive » (mieux connue comme LSF) est née.')).toEqual([['LSF', 'Ligue spatiale fictive']]);
    expect(taken('les « courbes de gain de signal » (« SGC » en anglais) servent')).toEqual([['SGC', 'courbes de gain de signal']]);
    expect(taken('Voyez le filtre NL (Non-Linéaire) du logiciel.')).toEqual([['NL', 'Non-Linéaire']]);
  });
  it('takes the nearer of two coordinated noun phrases, and no pronoun, for the long form', () => {
    expect(taken('Le pacte naval Orion et les Règles du code libre (OPNR) ;')).toEqual([]);
    expect(taken('Le capteur rend un signal très voisin de Bruit, et Gain (TBG) reste stable.')).toEqual([]);
    expect(taken('pour la sécurité et la santé au travail (SST) en')).toEqual([['SST', 'sécurité et la santé au travail']]);
    expect(taken('Un badge sert aux visiteurs, l’autre pour la salle d’Accès-Libre (AL) du musée.')).toEqual([['AL', 'salle d’Accès-Libre']]);
  });
  it('takes no description for a one-letter short form, nor the last of a list of alternatives', () => {
    expect(taken('On relie B2 (toute borne numérique) au boîtier.')).toEqual([]);
    expect(taken('le G9 (Groupe des neuf) se réunit')).toEqual([['G9', 'Groupe des neuf']]);
    expect(taken('la page numérisée gardée en ABC, JKL ou PNG. Ensuite')).toEqual([]);
  });
  it('ends a name written in capitals at its last capital, and reads « a » before a capital as an article', () => {
    expect(taken('Our shop sells Heavy Duty Roller kits (HDR) at cost.')).toEqual([['HDR', 'Heavy Duty Roller']]);
    expect(taken('Each probe carries a Spatial Orbit Tracker (SOT). It works')).toEqual([['SOT', 'Spatial Orbit Tracker']]);
    expect(taken('la Station Orbitale habitée (SOH) ouvre')).toEqual([['SOH', 'Station Orbitale habitée']]);
  });
  it('takes no remark, clause, list, file extension or partial English phrase for a long form', () => {
    expect(taken('le fichier ICP (ici le pilote compatible). Vous')).toEqual([]);
    expect(taken('enregistrez-le au format ABC (c.-à-d au bon codage), car')).toEqual([]);
    expect(taken('importez-le dans ASF (aucun fichier ne sera supprimé). Puis')).toEqual([]);
    expect(taken('les équipes de Namur et de Liège (NL, Gand ou Mons) partent')).toEqual([]);
    expect(taken('pour lire un fichier ABC (extension .abc) il faut')).toEqual([]);
    expect(taken('the probe then reads this data (RTI) in memory')).toEqual([]);
    expect(taken('-- la liste principale de  (LPS) à droite')).toEqual([]);
    expect(taken('a probe which may show a high orbital drift (HOD), for instance')).toEqual([['HOD', 'high orbital drift']]);
  });
  it('takes no identifier, file name, far-flung letters or headless foreign gloss for a definition', () => {
    expect(taken('le message AB_CD (Arbre Binaire de Calcul Distant) part')).toEqual([]);
    expect(taken('le paramètre PA (plan.asf) du fichier')).toEqual([]);
    expect(taken('plain files for rtlinux hosts or kernel drivers for some clusters (RTAC):')).toEqual([]);
    const french = (w: string): boolean => !['controller', 'motion'].includes(w);
    expect(findDefinitions('There are two parts: the motion controller (ASCMOT), and', french).filter(isAccepted)).toEqual([]);
    expect(findDefinitions('le programme des objectifs orbitaux (HLOP) avance', french).filter(isAccepted).map((d) => d.expansion)).toEqual(['programme des objectifs orbitaux']);
  });
  it('ends the name at a comma when it spells the letters on its own: a translation or a reference follows', () => {
    expect(taken('le protocole FPT (Fictive Probe Transfer, ou transfert de sonde fictif) sert')).toEqual([['FPT', 'Fictive Probe Transfer']]);
    expect(taken('la FSF (Fictive Space Foundation, fondation spatiale fictive) aide')).toEqual([['FSF', 'Fictive Space Foundation']]);
    expect(taken('OTP (Orbit Tracking Protocol, RFC 9999) relaie')).toEqual([['OTP', 'Orbit Tracking Protocol']]);
    expect(taken('FSA (which stands for Fictive Space Agency) is ours')).toEqual([['FSA', 'Fictive Space Agency']]);
  });
  it('reads a name in another language in its own order, with no adjective of the sentence before it', () => {
    const english = (w: string): boolean => !['cheap', 'agile', 'probe', 'array', 'specific', 'unique', 'tracker', 'integrating', 'orbitkeys'].includes(w);
    const expansions = (text: string): string[] => findDefinitions(text, english).filter(isAccepted).map((d) => d.expansion);
    expect(expansions('to build a cheap, agile, and open probe array (PA), run by all')).toEqual(['probe array']);
    expect(expansions('labeled with a specific unique tracker (UT) that marks it')).toEqual(['unique tracker']);
    expect(expansions('Integrating OrbitKeys (OKIM) Signing')).not.toContain('Integrating OrbitKeys');
    // French words damaged by an extraction are unknown too, but a French sentence keeps them French.
    const damaged = (w: string): boolean => !['thermiqes', 'rapidse'].includes(w);
    expect(findDefinitions('la mesure des capteurs thermiqes rapidse (RT) suit', damaged).filter(isAccepted).map((d) => d.term)).toEqual(['RT']);
  });
  it('reads « is an acronym for » and ends a name in words at a relative clause', () => {
    expect(taken('OTR is an acronym for Orbital Tracking Relay, and it runs.')).toEqual([['OTR', 'Orbital Tracking Relay']]);
    expect(taken('ASF est un acronyme pour Agence spatiale fictive qui a fondé le Centre orbital.')).toEqual([['ASF', 'Agence spatiale fictive']]);
  });
  it('takes no cross-reference, enumeration or remark with a manner adverb for a long form', () => {
    expect(taken('Vous pouvez créer une AC (as described in Section 4.2, « Autorité de certification ») ici')).toEqual([]);
    expect(taken('des supports variés (CD, DVD, Blu-Ray, USB, etc.) prêts à servir')).toEqual([]);
    const adverb = (w: string): boolean => w === 'sûrement';
    expect(findDefinitions('seules quelques adresses AS (anciennes sûrement) passent', undefined, adverb).filter(isAccepted)).toEqual([]);
  });
  it('takes no key, checksum or Windows path, no « also called » remark, no bare alternative for a long form', () => {
    expect(taken('Empreinte : SHA256:Ab3dEf9hIjKlMn0pQrStUv12 (ASF)')).toEqual([]);
    expect(taken('réglez la clé HKLM\\SOFTWARE\\Orbite\\Temps (HSOT) à 1')).toEqual([]);
    expect(taken('les capteurs ORB (parfois appelés Orbitaux Rapides Bas) standards')).toEqual([]);
    expect(taken('Tout comme avec Orion ou LOC, la configuration change.')).toEqual([]);
    expect(taken('l’Agence spatiale fictive ou ASF, ouvre.')).toEqual([['ASF', 'Agence spatiale fictive']]);
  });
  it('reads an acronym with a one-letter part, « being an acronym for », and ends a name before a possessive', () => {
    expect(taken('la technique ORB-T (ORB Tracking, ou suivi d’ORB) sert')).toEqual([['ORB-T', 'ORB Tracking']]);
    expect(taken('simple-osd (OSD being an acronym for Orbital Space Derivative). Even')).toEqual([['OSD', 'Orbital Space Derivative']]);
    expect(taken('The Fictive Orbit Director’s (FOD) term ends')).toEqual([['FOD', 'Fictive Orbit Director']]);
  });
  it('reads an acronym that is also a Roman numeral with C, D or M as an acronym', () => {
    expect(taken('Elle passe par la couche de liaison inverse (CLI) du réseau.')).toEqual([['CLI', 'couche de liaison inverse']]);
    expect(taken('Envoyez votre curriculum vitae (CV) avant lundi.')).toEqual([['CV', 'curriculum vitae']]);
    expect(taken('Le Comité des représentants permanents (Coreper II) siège.')).toEqual([['Coreper II', 'Comité des représentants permanents']]);
  });
  it('reads a short form mixing capitals and small letters only when its long form spells it whole, in order', () => {
    expect(taken('le Lunar Orbit Protocol version 2 (LOPv2) remplace')).toEqual([['LOPv2', 'Lunar Orbit Protocol version 2']]);
    expect(taken('en utilisant Orbital Key Guard (OrbKG) ici')).toEqual([['OrbKG', 'Orbital Key Guard']]);
    expect(taken('la console de la Station (StCo) et les ASF (ASFs) ok')).toEqual([]);
  });
  it('reads a numeronym when its count of letters is exact', () => {
    expect(taken('La numérisation (N10N) avance, la virtualisation (V12N) aussi.')).toEqual([['N10N', 'numérisation'], ['V12N', 'virtualisation']]);
    expect(taken('le plurilinguisme (P10E) recule')).toEqual([]);
  });
  it('takes no word whose start gives all the letters for a long form: that is an abbreviation of the word', () => {
    expect(taken('Le disque passe en mode write-once (ON) ensuite.')).toEqual([]);
    expect(taken('CAM : Prise pour caméra. On y branche la caméra.')).toEqual([]);
  });
  it('takes no URL, remark, list, self-reference or description for an expansion', () => {
    expect(taken('Le site https://exemple.org/asf (ASF) est ouvert.')).toEqual([]);
    expect(taken('Le module PID (i.e., init process) démarre.')).toEqual([]);
    expect(taken('les outils (CVS, Subversion, RCS) sont listés')).toEqual([]);
    expect(taken('le guide HOWTO (HOWTO du réseau de Linux) existe')).toEqual([]);
    expect(taken('un disque optique à changement de phase (CD-RW) dure vingt ans')).toEqual([]);
  });
  it('takes no heading line, translator\'s label or sentence-initial head noun into a long form', () => {
    expect(taken('EXEMPLES\nService orbital fictif (SOF)\nChaque service a un nom.')).toEqual([['SOF', 'Service orbital fictif']]);
    expect(taken('le champ ZCN (NdT : Zonal Carrier Notice, avis de porteuse zonale) sert.')).toEqual([['ZCN', 'Zonal Carrier Notice']]);
    const french = (w: string): boolean => ['spécification', 'de', 'large', 'achevée', 'en'].includes(w);
    expect(findDefinitions('Spécification de Large Orbit Summit (LOS), achevée en 2031.', french).filter(isAccepted).map((d) => d.expansion)).toEqual(['Large Orbit Summit']);
  });
  it('takes no tail of an enumeration, no coordination read out of order, no plural head over the name', () => {
    expect(taken('les écritures, principalement grecque, zende et kali (GZC) sont prises en charge')).toEqual([]);
    expect(taken('les repères sont au temps local ou orbital (OL) ou non')).toEqual([]);
    expect(taken('une interface aux pilotes pour les horloges orbitales (OH) intégrées').map(([, e]) => e)).not.toContain('pilotes pour les horloges orbitales');
  });
  it('takes no remark introduced by « tels », no numbered item, no edition named after its stem', () => {
    expect(taken('les jeux 8 bits non ZQ (tels ceux des anciennes consoles orbitales) sont lus')).toEqual([]);
    expect(taken('92 QX 154 (quadrant cyrillique développé en Xénon)')).toEqual([]);
    expect(taken('première publication du guide basée sur une norme ORBIX (ORBIX.1-2031) et')).toEqual([]);
  });
  it('reads a short form set equal to its name, a name after a dash in a table, a quoted name after « ou », a plural', () => {
    expect(taken('le langage définit des structures (dans la ZTD = Zonal Type Definition).')).toEqual([['ZTD', 'Zonal Type Definition']]);
    expect(taken('ZDF - Zonal Document Format\t"writer_zdf_Export"\tapplication/zdf')).toEqual([['ZDF', 'Zonal Document Format']]);
    expect(taken('IP6 - _POSIX_IPV6 - _SC_IPV6\nInternet Protocol Version 6')).toEqual([]);
    expect(taken('Zone privée (ZUA ou « Zonal Use Areas »)')).toEqual([['ZUA', 'Zonal Use Areas']]);
    expect(taken('Elle sert aux orbital circuit boards (OCBs) et aux autres.')).toEqual([['OCB', 'orbital circuit boards']]);
    expect(taken('ZVID 4 « Zonal V Interface Definition version 4 », publiée en 2031')).toEqual([['ZVID 4', 'Zonal V Interface Definition version 4']]);
    expect(taken('si A1 = B1 alors, et LANG = fr_FR.UTF-8 est lu')).toEqual([]);
  });
  it('takes no function\'s arguments, no identifier built on a word of its gloss, no introductory phrase or adjective', () => {
    expect(taken('#### Syntaxe TAUX.ORBITE(terme;échéance;investissement)')).toEqual([]);
    expect(taken('en utilisant l’interface d’orbix en détection par changement d’état (ORBIXET) voilà')).toEqual([]);
    expect(taken('En particulier, les serveurs de nouvelles orbitales (NOTP) et de courrier.').map(([, e]) => e)).not.toContain('particulier, les serveurs de nouvelles orbitales');
    expect(taken('Une autre agence de certification (AC) peut servir.')).toEqual([['AC', 'agence de certification']]);
    expect(taken('le programme orbital pour l’innovation, les technologies et l’ingénierie (POITI) avance').map(([, e]) => e)).toEqual(['programme orbital pour l’innovation, les technologies et l’ingénierie']);
  });
  it('takes no head noun before a name whose letters are all given out of order, no plural head before an acronym', () => {
    expect(taken('Activez la fonction de contrôle du rythme de la source (SRC) du module.')).toEqual([['SRC', 'contrôle du rythme de la source']]);
    expect(taken('pour des grappes ZFX de haute densité (HD-ZFX) de calcul')).toEqual([['HD-ZFX', 'ZFX de haute densité']]);
    // (In order, a head that gives no letter stays: the name is built on it.)
    expect(taken('la mission de police de l’UE (EUPOL) part')).toEqual([['EUPOL', 'mission de police de l’UE']]);
  });
  it('takes no list whose first item is the acronym, and no French phrase that lacks its head letter', () => {
    expect(taken('des connexions de divers types (DTX, configuration manuelle, boucle locale seulement), mais')).toEqual([]);
    expect(taken('il crée un volume chiffré (CVM) ou')).toEqual([]);
    expect(taken('une date avant l’ère partagée (AEP) et')).toEqual([]);
    expect(taken('on lance le gestionnaire de volumes chiffrés (CVM) puis')).toEqual([['CVM', 'gestionnaire de volumes chiffrés']]);
  });
  it('ends a name before a bare complement that gives no letter', () => {
    expect(taken('La machine virtuelle de test (VM) démarre.')).toEqual([['VM', 'machine virtuelle']]);
    expect(taken('le mécanisme de réponse rapide du G7 (MRR) agit')).toEqual([['MRR', 'mécanisme de réponse rapide du G7']]);
  });
  it('with the lexicon: takes no part of the letters given by one word, no phrase in two languages, no clause', () => {
    const french = (w: string): boolean => lexicon.has(w);
    const takenFr = (text: string): string[][] => findDefinitions(text, french).filter(isAccepted).map((d) => [d.term, d.expansion]);
    expect(takenFr('## 4.2. Integrating DomainKeys (DKIM) Signing and Checking')).toEqual([]);
    expect(takenFr('voir la colonne description de l’action kill all tasks on the current console (DAK) puis')).toEqual([]);
    expect(takenFr('le poste considère qu’il s’agit de temps universel (UTC).')).toEqual([]);
  });
  it('gives each entry one place per document that uses it, where it is defined there', () => {
    const { entries } = buildGlossary([
      doc('a', 'L’ASF est connue. L’Agence spatiale fictive (ASF) est née à Namur.'),
      doc('b', 'L’ASF y travaille aussi.'),
    ]);
    expect(entries[0]!.places).toEqual([
      { document: 'a', anchor: 'a--sigle-asf-2' },
      { document: 'b', anchor: 'b--sigle-asf-1' },
    ]);
  });
});
