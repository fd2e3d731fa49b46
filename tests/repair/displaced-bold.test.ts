/**
 * The signs of damage the displaced-bold repair reads in a line, tested on their own: what makes
 * a reading unlikely French (`anomalies`) and where a pasted tail may be glued (`glueCuts`).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadFrenchLexicon, type Lexicon } from '../../src/language/fr/lexicon.ts';
import { anomalies, findGaps, glueCuts } from '../../src/repair/displaced-bold.ts';

let lexicon: Lexicon;
beforeAll(async () => {
  lexicon = await loadFrenchLexicon();
});

describe('anomalies', () => {
  it('counts a ne whose second half is not among the next three words', () => {
    expect(anomalies('Si la case n’est pas cochée, la fenêtre reste ouverte.')).toBe(0);
    expect(anomalies('Le portail ne ferme plus du tout ce soir.')).toBe(0);
    expect(anomalies('Il ne lit que le journal du matin.')).toBe(0);
    expect(anomalies('Si la case n’est cochée, la fenêtre reste ouverte pas.')).toBe(1);
  });

  it('counts a pronoun or a conjunction with a capital in mid-sentence, not a name or a label', () => {
    expect(anomalies('La lampe reste allumée, elle chauffe la pièce.')).toBe(0);
    expect(anomalies('La lampe reste allumée, Elle chauffe la pièce.')).toBe(1);
    expect(anomalies('La lampe reste allumée tant que Il fait nuit.')).toBe(1);
    expect(anomalies('Cliquez sur Fermer, puis sur Valider.')).toBe(0);
  });
});

describe('glue points', () => {
  it('cut after an opening quote, an arrow or a word’s comma, and before a number, an option or capitals', () => {
    expect(glueCuts('«selon', lexicon)).toEqual([1]);
    expect(glueCuts('«oui»', lexicon)).toEqual([]);
    expect(glueCuts('→ouvrir', lexicon)).toEqual([1]);
    // Letters joined to `=` or `_` belong to an identifier: no glue inside (`pardix` would split alone).
    expect(glueCuts('(pardix=8', lexicon)).toEqual([]);
    expect(glueCuts('mon_pardix', lexicon)).toEqual([]);
    expect(glueCuts('barre,zorglub', lexicon)).toEqual([6]);
    expect(glueCuts('chapitre3', lexicon)).toEqual([8]);
    expect(glueCuts('ext4', lexicon)).toEqual([]);
    expect(glueCuts('fichiers--rapide', lexicon)).toEqual([8]);
    expect(glueCuts('câblesUSB', lexicon)).toEqual([6]);
    expect(glueCuts('école.à', lexicon)).toEqual([6]);
    expect(glueCuts('assises.120', lexicon)).toEqual([8]);
    expect(glueCuts('3.2', lexicon)).toEqual([]);
    expect(glueCuts('.--rapide', lexicon)).toEqual([1]);
    // A capital after a number starts a sentence when its word is one (`4Cette`), not as a unit (`12Mo`).
    expect(glueCuts('4Cette', lexicon)).toEqual([1]);
    expect(glueCuts('12Mo', lexicon)).toEqual([]);
    expect(glueCuts('fin.(voir', lexicon)).toEqual([4]);
    expect(glueCuts('noir).(voir', lexicon)).toEqual([6]);
    expect(glueCuts('note].(voir', lexicon)).toEqual([6]);
    // No seam inside an address, whatever its pieces read like.
    expect(glueCuts('(https://fr.exemple.org/wiki/Fin).', lexicon)).toEqual([]);
    expect(glueCuts('www.villedela.fr', lexicon)).toEqual([]);
    expect(glueCuts('jean.dupont@laposte.fr', lexicon)).toEqual([]);
  });

  it('cut a rare word that two common ones make, not a common word', () => {
    expect(glueCuts('deva', lexicon)).toContain(2);
    expect(glueCuts('pourtant', lexicon)).toEqual([]);
    expect(glueCuts('dessous', lexicon)).toEqual([]);
  });

  it('cut a lone capital off a word, and no two letters off a one-letter word unless they are a function word', () => {
    expect(glueCuts('Xdonne', lexicon)).toEqual([1]);
    expect(glueCuts('pourX', lexicon)).toEqual([4]);
    expect(glueCuts('apt', lexicon)).toEqual([]);
    // …and an auxiliary off capitals (`XYZest`), not the end of a name in mixed case.
    expect(glueCuts('XYZest', lexicon)).toEqual([3]);
    expect(glueCuts('IPsec', lexicon)).toEqual([]);
  });

  it('cut two letters off a word only where they are a word French writes often, not an abbreviation', () => {
    expect(glueCuts('pourla', lexicon)).toEqual([4]);
    expect(glueCuts('bonjourva', lexicon)).toEqual([7]);
    // `st` and `rap` are both in the lexicon; `strap` is a name, not two glued words.
    expect(glueCuts('strap', lexicon)).toEqual([]);
  });

  it('cut no word the text writes elsewhere on a line without gaps (a word of the text, not two glued ones)', () => {
    expect(glueCuts('device', lexicon)).toEqual([2]);
    expect(glueCuts('device', lexicon, new Set(['device']))).toEqual([]);
    expect(glueCuts('pourla', lexicon, new Set(['device']))).toEqual([4]);
  });
});

describe('gaps', () => {
  it('see a space before a full stop that a number or an option was pasted after', () => {
    expect(findGaps('la salle est agrandie de .150 places').map((g) => g.kind)).toEqual(['before-punctuation']);
    expect(findGaps('lancez-le avec l’option .--rapide').map((g) => g.kind)).toEqual(['before-punctuation']);
    expect(findGaps('cliquez sur « , puis fermez').map((g) => g.kind)).toEqual(['before-punctuation']);
    expect(findGaps('ouvrez le menu Outils → . Puis fermez').map((g) => g.kind)).toEqual(['before-punctuation']);
  });
});
