import { describe, expect, it } from 'vitest';
import { documentId, parseManifest } from '../../src/sources/manifest.ts';

const valid = `title: Dossier
version: 1.2.0
date: 2026-11-21
publisher: Éditeur
documents:
  - file: textes/premier-texte.txt
    title: Premier texte
    kind: rapport
    date: 2024-02
  - file: second.txt
    title: Second texte
    kind: page web
    repairs:
      displaced-bold: off
`;

describe('parseManifest', () => {
  it('accepts a valid manifest and fills the defaults', () => {
    const { manifest, diagnostics } = parseManifest(valid, 'm.yaml');
    expect(diagnostics).toEqual([]);
    expect(manifest).toMatchObject({ language: 'fr', version: '1.2.0' });
    expect(manifest!.documents[0]).toMatchObject({ date: '2024-02', repairs: 'auto' });
    expect(manifest!.documents[1]!.repairs).toEqual({ 'displaced-bold': 'off' });
  });

  it('names the line, the key and what was expected', () => {
    const broken = valid.replace('kind: rapport', 'kind: mémo').replace('version: 1.2.0', 'version: 1.2');
    const { manifest, diagnostics } = parseManifest(broken, 'm.yaml');
    expect(manifest).toBeUndefined();
    expect(diagnostics).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ file: 'm.yaml', line: 2, rule: 'manifest', severity: 'error', message: expect.stringMatching(/^version: expected .*1\.0\.0/) }),
        expect.objectContaining({ line: 8, message: expect.stringMatching(/^documents\[0\]\.kind: expected one of: résolution, rapport, communiqué, page web, article, got "mémo"/) }),
      ]),
    );
  });

  it('reports a missing key and an unknown key', () => {
    const broken = valid.replace('publisher: Éditeur\n', '').replace('    title: Second texte\n', '    titre: Second texte\n');
    const messages = parseManifest(broken, 'm.yaml').diagnostics.map((d) => d.message);
    expect(messages).toContain('publisher: expected a string, but the key is missing.');
    expect(messages.some((m) => m.includes('documents[1]') && m.includes('"titre"'))).toBe(true);
  });

  it('reports YAML syntax errors with their line', () => {
    const { diagnostics } = parseManifest('title: [unclosed\nversion: 1.0.0\n', 'm.yaml');
    expect(diagnostics[0]).toMatchObject({ severity: 'error', rule: 'manifest' });
    expect(diagnostics[0]!.message).toMatch(/not valid YAML/);
  });

  it('refuses two documents with the same id', () => {
    const twice = valid.replace('file: second.txt', 'file: autre/premier-texte.txt');
    const { diagnostics } = parseManifest(twice, 'm.yaml');
    expect(diagnostics[0]!.message).toMatch(/already used/);
  });

  it('derives ids from file names', () => {
    expect(documentId({ file: 'textes/Résolution du PE.txt' })).toBe('resolution-du-pe');
    expect(documentId({ file: 'x.txt', id: 'mon-id' })).toBe('mon-id');
  });
});
