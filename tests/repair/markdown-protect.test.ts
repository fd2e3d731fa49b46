// A long Markdown text is parsed in pieces: the protected parts must be those of the whole text,
// cut or not. Pieces of a few characters make every blank line a cut in these invented texts.
import { describe, expect, it } from 'vitest';
import { protectedRanges } from '../../src/repair/markdown-protect.ts';

const texts: Record<string, string> = {
  'a fence with blank lines inside': [
    'Un paragraphe avec `du code` et un [lien](https://exemple.org/a).',
    '',
    '```sh',
    'echo un',
    '',
    'Pas du texte, mais du code qui suit une ligne vide.',
    '',
    '```',
    '',
    'La suite, avec une adresse https://exemple.org/b et <https://exemple.org/c>.',
    '',
    '~~~',
    '```',
    '',
    'toujours du code',
    '~~~',
    '',
    'Fin du texte, ligne  ',
    'coupée par un saut forcé.',
  ].join('\n'),
  'references defined far from their use': [
    'Un appel de note[^1] et un [renvoi][ref] suivis de [crochets][ref](https://exemple.org/x).',
    '',
    'Un autre paragraphe, [seul][absent](https://exemple.org/y), assez long pour être coupé.',
    '',
    '[^1]: La note, plus bas.',
    '',
    '[ref]: https://exemple.org/ref "Titre"',
    '',
    'Encore [^1](https://exemple.org/z) après les définitions.',
  ].join('\n'),
  'lists and quotes across blank lines': [
    '- un élément',
    '',
    '      du code indenté dans l’élément',
    '',
    '  suite de l’élément avec `code`',
    '',
    '> une citation avec [lien](https://exemple.org/q)',
    '',
    'Un paragraphe après.',
    '',
    '    du code indenté',
    '',
    '    encore',
    'texte',
  ].join('\n'),
  'fence marks inside an HTML block, and an indented closing mark': [
    '<div>',
    '```',
    '</div>',
    '',
    'Un paragraphe avec `du code` entre deux blocs.',
    '',
    '```',
    'du vrai code',
    '',
    'encore du code',
    '```',
    '',
    'Puis [un lien](https://exemple.org/d).',
    '',
    '~~~',
    'code',
    '  ~~~',
    '',
    'Texte après la fin du bloc.',
    '',
    '~~~',
    '',
    'Code jusqu’à la fin, avec `des accents graves`.',
  ].join('\n'),
};

describe('protectedRanges', () => {
  for (const [name, text] of Object.entries(texts)) {
    it(`finds the same parts in pieces as in the whole: ${name}`, () => {
      const whole = protectedRanges(text, Infinity);
      expect(whole.length).toBeGreaterThan(2);
      expect(protectedRanges(text, 8)).toEqual(whole);
    });
  }

  it('finds code, links and breaks where a reader of Markdown does', () => {
    const text = texts['a fence with blank lines inside']!;
    const parts = protectedRanges(text, 8).map(([from, to]) => text.slice(from, to));
    expect(parts).toContain('`du code`');
    expect(parts).toContain('](https://exemple.org/a)');
    expect(parts.some((p) => p.startsWith('```sh') && p.includes('Pas du texte'))).toBe(true);
    expect(parts.some((p) => p.startsWith('~~~') && p.includes('toujours du code'))).toBe(true);
    expect(parts.join('')).not.toContain('La suite');
  });
});
