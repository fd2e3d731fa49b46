import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hyphenateText, hyphenateWord, softHyphen } from '../../src/typography/hyphenate.ts';

const show = (s: string): string => s.replaceAll(softHyphen, '|');
const run = (text: string): string => hyphenateText(text).join('');

describe('French hyphenation', () => {
  it('cuts common words by the French patterns, two letters before and three after at least', () => {
    expect(show(hyphenateWord('interopérabilité', false))).toBe('in|ter|opé|ra|bi|lité');
    expect(show(hyphenateWord('approvisionnement', false))).toBe('ap|pro|vi|sion|ne|ment');
  });

  it('does not cut acronyms, proper nouns, short words or words with capitals inside', () => {
    expect(hyphenateWord('PESCO', false)).toBe('PESCO');
    expect(hyphenateWord('Stoltenberg', false)).toBe('Stoltenberg');
    expect(hyphenateWord('ReArm', false)).toBe('ReArm');
    expect(hyphenateWord('défense', false)).toBe('dé\u00adfense');
    expect(hyphenateWord('sécu', false)).toBe('sécu');
  });

  it('cuts a capitalized word that opens a sentence', () => {
    expect(show(run('Fin. Organisation'))).toBe('Fin. Or|ga|ni|sa|tion');
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
