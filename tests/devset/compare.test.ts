import { describe, expect, it } from 'vitest';
import { furnitureLeft, paragraphScores, wordScores } from '../../scripts/devset/compare.ts';

describe('wordScores', () => {
  it('scores a perfect copy 1 and ignores Markdown syntax, NFC and apostrophe forms', () => {
    const truth = '# Le titre\n\nIl dit **l’essentiel** du *projet*[^1].\n\n- un point\n- un autre\n\n[^1]: Une note.\n';
    const candidate = 'Le titre\n\nIl dit l\'essentiel du projet.\n\n• un point\n• un autre\n\nUne note.\n'.normalize('NFD');
    const s = wordScores(candidate, truth);
    expect(s.recall).toBe(1);
    expect(s.precision).toBe(1);
    expect(s.missed).toEqual([]);
  });

  it('counts a lost hyphen, a glued word and a change of case as errors', () => {
    const s = wordScores('Que ditil du pla ce ? réseau', 'Que dit-il du place ? Réseau');
    expect(s.matched).toBe(3);
    expect(s.missed.map((m) => m.words)).toEqual(['dit-il', 'place', 'Réseau']);
    expect(s.extra.map((m) => m.words)).toEqual(['ditil', 'pla ce', 'réseau']);
    expect(s.extra[0]!.context).toContain('⟦ditil⟧');
  });

  it('neither requires optional truth nor counts its words as extra', () => {
    const truth = 'Avant le tableau.\n\n<!-- optional: table -->\n| clé | valeur |\n<!-- /optional -->\n\nAprès.';
    const s = wordScores('Avant valeur le tableau. clé Après. 17', truth);
    expect(s.truthWords).toBe(4);
    expect(s.recall).toBe(1);
    expect(s.extra.map((m) => m.words)).toEqual(['17']);
  });

  it('does not count the glyphs of a formula the truth only names as extra, nor other words in its place', () => {
    const truth = 'La somme vaut <!-- formula: R=R1+R2 -->. Puis (<!-- formula: 230√2 -->) volts.';
    const s = wordScores('La somme vaut R = R₂ R₁ + . Puis (230 2) √ volts.', truth);
    expect(s.truthWords).toBe(5);
    expect(s.precision).toBe(1);
    // More of a glyph than the formula prints, a word of other letters: extra.
    expect(wordScores('La somme vaut R = R₁ + R₂ + R₃ vraiment. Puis (230√2) volts.', truth).extra.map((m) => m.words)).toEqual(['+ R₃ vraiment.']);
    // Away from the formula's place, its glyphs are words like any other.
    expect(wordScores('R La somme vaut Puis volts.', truth).extra.map((m) => m.words)).toEqual(['R']);
  });

  it('reads a period after a space and a unit after its number as spacing, not as words', () => {
    const s = wordScores('Le protocole LDAP. Une résistance de 100 Ω, puis 5 kHz.', 'Le protocole LDAP . Une résistance de 100Ω, puis 5kHz .');
    expect(s.recall).toBe(1);
    expect(s.precision).toBe(1);
    expect(wordScores('Classe A et 3 A', 'Classe A et 3A').precision).toBe(1);
    expect(wordScores('Le mot ditil .', 'Le mot dit-il.').missed.map((m) => m.words)).toEqual(['dit-il.']);
  });

  it('compares footnote bodies after the text wherever they are defined', () => {
    const truth = 'Un mot[^1] ici.\n\nLa suite.\n\n[^1]: La note.';
    const candidate = 'Un mot[^1] ici.\n\n[^1]: La note.\n\nLa suite.';
    expect(wordScores(candidate, truth).recall).toBe(1);
    expect(wordScores(candidate, truth).precision).toBe(1);
  });
});

describe('paragraphScores', () => {
  const truth = 'Une première phrase qui continue ici.\n\nUn second paragraphe entier.\n\n- un élément de liste\n- un autre élément';

  it('finds every paragraph of an exact copy', () => {
    const p = paragraphScores(truth, truth);
    expect(p).toMatchObject({ truthParagraphs: 4, reproduced: 4, cut: 0, merged: 0, split: 0 });
  });

  it('counts a break in the middle of a sentence as a cut and a missing break as a merge', () => {
    const candidate = 'Une première phrase qui\n\ncontinue ici. Un second paragraphe entier.\n\n- un élément de liste\n- un autre élément';
    const p = paragraphScores(candidate, truth);
    expect(p.cut).toBe(1);
    expect(p.merged).toBe(1);
    expect(p.reproduced).toBe(2);
    expect(p.examples.map((e) => e.kind).sort()).toEqual(['cut', 'merged']);
  });

  it('takes the copy of a word that keeps the truth paragraph whole, not the one in an optional caption before it', () => {
    const truth = 'Mode fondu\n\n<!-- optional: figure caption -->\nFigure 2. Exemple du mode « Mode fondu »\n<!-- /optional -->\n\nMode fondu mêle les deux calques.';
    const candidate = 'Mode fondu\n\nFigure 2. Exemple du mode « Mode fondu »\n\nMode fondu mêle les deux calques.';
    const p = paragraphScores(candidate, truth);
    expect(p.cut).toBe(0);
    expect(p.reproduced).toBe(p.truthParagraphs);
  });

  it('counts a cut only once when furniture sits between the two halves', () => {
    const candidate = 'Une première phrase qui\n\n12\n\nGuide fictif\ncontinue ici.\n\nUn second paragraphe entier.\n\n- un élément de liste\n- un autre élément';
    expect(paragraphScores(candidate, truth).cut).toBe(1);
  });
});

describe('furnitureLeft', () => {
  it('finds running heads anywhere and page numbers only as lines of their own', () => {
    const furniture = ['Guide fictif', '12', '13 / 40'];
    const candidate = 'Il fallut 12 essais.\nGuide fictif du réseau.\n12\n13 / 40\n';
    expect(furnitureLeft(candidate, furniture)).toEqual([
      { furniture: 'Guide fictif', count: 1 },
      { furniture: '12', count: 1 },
      { furniture: '13 / 40', count: 1 },
    ]);
  });

  it('does not count what the truth itself says', () => {
    const hits = furnitureLeft('# Guide fictif\n\nLe texte.', ['Guide fictif'], '# Guide fictif\n\nLe texte.');
    expect(hits).toEqual([]);
  });
});
