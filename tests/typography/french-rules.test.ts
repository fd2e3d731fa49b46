import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyFrenchTypography, findOrdinals, narrowNbsp as fine, nbsp } from '../../src/typography/french-rules.ts';

const t = (text: string): string => applyFrenchTypography(text);

describe('French spacing (Imprimerie nationale)', () => {
  it('puts a narrow no-break space before ; ! ? — replacing a space or inserting one', () => {
    expect(t('Vraiment ? Oui ; non !')).toBe(`Vraiment${fine}? Oui${fine}; non${fine}!`);
    expect(t('Vraiment? Oui;non!')).toBe(`Vraiment${fine}? Oui${fine};non${fine}!`);
    expect(t('Quoi  ?')).toBe(`Quoi${fine}?`);
  });

  it('spaces only the first of “?!”', () => {
    expect(t('Comment ?!')).toBe(`Comment${fine}?!`);
  });

  it('puts a no-break space before a colon that ends a phrase, not inside times or references', () => {
    expect(t('Mis à jour le: 26 juin')).toBe(`Mis à jour le${nbsp}: 26${nbsp}juin`);
    expect(t('à 14:30 précises')).toBe('à 14:30 précises');
    expect(t('Note :')).toBe(`Note${nbsp}:`);
  });

  it('puts no-break spaces inside guillemets', () => {
    expect(t('les arrangements «Berlin plus»')).toBe(`les arrangements «${nbsp}Berlin plus${nbsp}»`);
    expect(t('une « approche globale » ici')).toBe(`une «${nbsp}approche globale${nbsp}» ici`);
  });

  it('makes apostrophes typographic between letters only', () => {
    expect(t("l'OTAN et aujourd'hui")).toBe('l’OTAN et aujourd’hui');
    expect(t("'quoted'")).toBe("'quoted'");
  });

  it('groups the digits of large numbers, not of years, codes or decimals', () => {
    expect(t('90000 personnes en 2016')).toBe(`90${fine}000${nbsp}personnes en 2016`);
    expect(t('1234567')).toBe(`1${fine}234${fine}567`);
    expect(t('le document A9-01234/2024 et 3,14159')).toBe('le document A9-01234/2024 et 3,14159');
    expect(t('60 000 soldats')).toBe(`60${fine}000${nbsp}soldats`);
  });

  it('binds a number to its word and to %', () => {
    expect(t('le 6 décembre 2016')).toBe(`le 6${nbsp}décembre 2016`);
    expect(t('20 % et 30%')).toBe(`20${fine}% et 30${fine}%`);
  });

  it('never touches URLs or e-mail addresses', () => {
    const text = 'Voir https://example.org/a?b=1;c=2!x et contact@example.org: merci';
    expect(t(text)).toBe(`Voir https://example.org/a?b=1;c=2!x et contact@example.org${nbsp}: merci`);
  });

  it('leaves protected characters alone and does not use them as context', () => {
    const text = 'a ; b';
    expect(applyFrenchTypography(text, [false, true, true, false, false])).toBe('a ; b');
  });

  it('is idempotent', () => {
    const sample = fc.string({ unit: fc.constantFrom('a', 'é', 'L', ' ', ';', ':', '!', '?', '«', '»', "'", '1', '0', '%', '.', ',', '-', '/'), maxLength: 40 });
    fc.assert(
      fc.property(sample, (text) => {
        const once = t(text);
        expect(t(once)).toBe(once);
      }),
    );
  });

  it('changes only spaces and apostrophes', () => {
    const sample = fc.string({ unit: fc.constantFrom('a', 'é', ' ', ';', ':', '!', '?', '«', '»', "'", '1', '0', '%'), maxLength: 40 });
    const skeleton = (s: string): string => s.replace(/[\s\u00a0\u202f]/g, '').replace(/['’]/g, "'");
    fc.assert(
      fc.property(sample, (text) => {
        expect(skeleton(t(text))).toBe(skeleton(text));
      }),
    );
  });
});

describe('ordinals', () => {
  it('finds ordinals and gives them the Imprimerie nationale’s suffixes', () => {
    const found = findOrdinals('le 1er mai, la 1re fois, le 2ème, les 3es, au XXIe siècle, François Ier, le 2nd');
    expect(found.map((o) => `${o.number}|${o.suffix}|${o.roman}`)).toEqual(['1|er|false', '1|re|false', '2|e|false', '3|es|false', 'XXI|e|true', 'I|er|true', '2|d|false']);
  });

  it('does not take words, codes or numbers for ordinals', () => {
    expect(findOrdinals('Le De Ce Me A5e 3er 1e10 0x5e')).toEqual([]);
  });
});
