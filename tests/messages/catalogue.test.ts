/** The catalogues of messages: plural forms by the language's rules, lookups that fail loudly. */
import { describe, expect, it } from 'vitest';
import { counted, messagesFor, ruleDescription, translate } from '../../src/messages/catalogue.ts';
import { rules } from '../../src/diagnostic-rules.ts';

describe('messages', () => {
  it('counts in French and English by their own plural rules', () => {
    const fr = messagesFor('fr-CA');
    expect(counted(fr, 'repairs', 0)).toBe('0 réparation');
    expect(counted(fr, 'repairs', 1)).toBe('1 réparation');
    expect(counted(fr, 'repairs', 36)).toBe('36 réparations');
    expect(counted(messagesFor('en'), 'repairs', 0)).toBe('0 repairs');
    expect(translate(fr, 'colophon.repairs', { count: 1 })).toContain('1 réparation (');
  });

  it('describes every rule of the registry in each language', () => {
    for (const language of ['fr', 'en']) for (const rule of Object.keys(rules)) expect(messagesFor(language).rules[rule], `${language} ${rule}`).toBeDefined();
    expect(ruleDescription(messagesFor('fr'), 'no-such-rule')).toBe('point signalé (règle no-such-rule)');
  });

  it('names the key a template asks for when the catalogue lacks it', () => {
    expect(() => translate(messagesFor('fr'), 'handout.nope')).toThrow(/handout\.nope/);
  });
});
