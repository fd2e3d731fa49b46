import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hyphenateText, hyphenateWord, softHyphen } from '../../src/typography/hyphenate.ts';

const show = (s: string): string => s.replaceAll(softHyphen, '|');
const run = (text: string): string => hyphenateText(text).join('');

describe('French hyphenation', () => {
  it('cuts common words by the French patterns, three letters before and three after at least', () => {
    expect(show(hyphenateWord('interopérabilité', false))).toBe('inter|opé|ra|bi|lité');
    expect(show(hyphenateWord('approvisionnement', false))).toBe('appro|vi|sion|ne|ment');
    // Two letters alone before a break (`dé-`) read badly.
    expect(hyphenateWord('défense', false)).toBe('défense');
  });

  it('binds the hyphen of a compound proper noun, number or code, and leaves common compounds breakable', () => {
    expect(run('les Terres-Neuves, les années 2030-2040, le code AB-CD et le nord-ouest')).toBe(
      'les Terres\u2011Neuves, les années 2030\u20112040, le code AB\u2011CD et le nord-ouest',
    );
  });

  it('does not cut acronyms, proper nouns, short words or words with capitals inside', () => {
    expect(hyphenateWord('PESCO', false)).toBe('PESCO');
    expect(hyphenateWord('Stoltenberg', false)).toBe('Stoltenberg');
    expect(hyphenateWord('ReArm', false)).toBe('ReArm');
    expect(hyphenateWord('défenses', false)).toBe('défenses');
    expect(hyphenateWord('sécu', false)).toBe('sécu');
  });

  it('cuts a capitalized word that opens a sentence', () => {
    expect(show(run('Fin. Organisation'))).toBe('Fin. Orga|ni|sa|tion');
    expect(show(run('la Organisation'))).toBe('la Organisation');
  });

  it('leaves codes, compounds and words touching digits alone', () => {
    expect(run('nord-coréen A400M règlement_intérieur example.organisation')).toBe('nord-coréen A400M règlement_intérieur example.organisation');
  });

  it('never changes the text but by soft hyphens, and is idempotent', () => {
    const words = fc.array(fc.constantFrom('organisation', 'coopération', 'OTAN', 'Union', 'défense', 'l’interopérabilité', '2016', 'nord-coréen', '.', ','), { maxLength: 12 });
    fc.assert(
      fc.property(words, (list) => {
        const text = list.join(' ');
        const once = run(text);
        expect(once.replaceAll(softHyphen, '')).toBe(text);
        expect(run(once)).toBe(once);
      }),
    );
  });
});
