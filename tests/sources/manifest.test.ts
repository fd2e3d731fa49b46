import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { calendarProblem, defaultVersion, documentId, documentObject, keyExamples, manifestSchema, parseManifest } from '../../src/sources/manifest.ts';

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

const parse = (yaml: string) => parseManifest(yaml, 'm.yaml', { today: '2026-05-04' });
const messages = (yaml: string) => parse(yaml).diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`);

describe('parseManifest', () => {
  it('accepts a valid manifest and fills the defaults', () => {
    const { manifest, diagnostics } = parse(valid);
    expect(diagnostics).toEqual([]);
    expect(manifest).toMatchObject({ language: 'fr', version: '1.2.0', output: 'output', allowOutside: false, maxSourceBytes: 20_000_000, css: [] });
    expect(manifest!.documents[0]).toMatchObject({ date: '2024-02', repairs: 'auto' });
    expect(manifest!.documents[1]!.repairs).toEqual({ 'displaced-bold': 'off' });
  });

  it('needs only a title and a list of file names', () => {
    const { manifest, diagnostics, documentPositions } = parse('title: Mon dossier\ndocuments:\n  - sante-mondiale.txt\n  - textes/autre.txt\n');
    expect(diagnostics).toEqual([]);
    expect(manifest).toMatchObject({ title: 'Mon dossier', version: defaultVersion, date: '2026-05-04' });
    expect(manifest!.publisher).toBeUndefined();
    expect(manifest!.documents).toEqual([
      { file: 'sante-mondiale.txt', repairs: 'auto' },
      { file: 'textes/autre.txt', repairs: 'auto' },
    ]);
    expect(documentPositions).toEqual([
      { line: 3, column: 5 },
      { line: 4, column: 5 },
    ]);
  });

  it('mixes file names and objects', () => {
    const { manifest } = parse('title: T\ndocuments:\n  - a.txt\n  - file: b.txt\n    title: Le second\n');
    expect(manifest!.documents.map((d) => [d.file, d.title])).toEqual([
      ['a.txt', undefined],
      ['b.txt', 'Le second'],
    ]);
  });

  it('reads the version as it is written, whatever YAML makes of it', () => {
    expect(parse('title: T\nversion: 1.0\ndocuments: [a.txt]\n').manifest!.version).toBe('1.0');
    expect(parse('title: T\nversion: 2\ndocuments: [a.txt]\n').manifest!.version).toBe('2');
    expect(parse('title: T\nversion: 1.10\ndocuments: [a.txt]\n').manifest!.version).toBe('1.10');
    // Other numbers too: a title, a year.
    expect(parse('title: 1984\ndocuments:\n  - file: a.txt\n    date: 2024\n').manifest).toMatchObject({ title: '1984', documents: [{ date: '2024' }] });
    expect(messages('title: T\nversion: v1\ndocuments: [a.txt]\n')).toEqual(['2:10 version: expected a version such as 1.0.0 (or 1.0), got "v1". Write for example: `version: 1.0.0`.']);
  });

  it('takes any kind, keeping the known kinds’ labels', () => {
    const { manifest } = parse('title: T\ndocuments:\n  - file: a.txt\n    kind: note de synthèse\n  - file: b.txt\n    kind: Communique\n  - file: c.txt\n    kind: page-web\n');
    expect(manifest!.documents.map((d) => d.kind)).toEqual(['note de synthèse', 'communiqué', 'page web']);
  });

  it('names the line of the key, what was expected and a line to paste', () => {
    const broken = valid.replace('version: 1.2.0', 'version: 1.2 beta').replace('date: 2024-02', 'date: 2024-13');
    const { manifest, diagnostics } = parse(broken);
    expect(manifest).toBeUndefined();
    expect(diagnostics).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ file: 'm.yaml', line: 2, column: 10, rule: 'manifest', severity: 'error', message: expect.stringMatching(/^version: expected a version such as 1\.0\.0 \(or 1\.0\), got "1\.2 beta"\. Write for example: `version: 1\.0\.0`\.$/) }),
        expect.objectContaining({ line: 9, column: 11, message: expect.stringMatching(/^documents\[0\]\.date: expected a month between 01 and 12 \(there is no month 13\), got "2024-13"/) }),
      ]),
    );
  });

  it('reports an unknown key at its own line, with the key it probably meant', () => {
    expect(messages('title: T\ntitre: Autre\ndocuments:\n  - file: a.txt\n    fichier: b.txt\n    titel: X\n')).toEqual([
      '5:5 documents[0].fichier: unknown key. Did you mean `file:`? Write for example: `file: textes/premier-texte.txt`.',
      '6:5 documents[0].titel: unknown key. Did you mean `title:`? Write for example: `title: Dossier sur l’eau potable`.',
      '2:1 titre: unknown key. Did you mean `title:`? Write for example: `title: Dossier sur l’eau potable`.',
    ]);
    expect(messages('title: T\nkind: note\ndocuments: [a.txt]\n')[0]).toMatch(/^2:1 kind: unknown key\. `kind` is a key of each document/);
    expect(messages('title: T\nzzz: 1\ndocuments: [a.txt]\n')[0]).toMatch(/^2:1 zzz: unknown key\. The keys are: title, subtitle/);
  });

  it('reports a missing title or documents with a snippet', () => {
    expect(messages('documents: [a.txt]\n')).toEqual([`1:1 title: expected a text, but the key is missing. Write for example: \`${keyExamples.title}\`.`]);
    expect(messages('title: T\n')[0]).toMatch(/^1:1 documents: expected a list, but the key is missing\. Write for example: `documents: \[/);
    expect(messages('title: T\ndocuments: []\n')[0]).toMatch(/^2:12 documents: expected at least one entry/);
    expect(messages('')[0]).toMatch(/^1:1 The manifest is empty/);
    expect(messages('- a.txt\n')[0]).toMatch(/^1:1 The manifest must be a list of keys/);
  });

  it('checks calendar dates', () => {
    expect(messages('title: T\ndate: 2026-02-31\ndocuments: [a.txt]\n')).toEqual(['2:7 date: expected a day of the calendar (February 2026 has 28 days), got "2026-02-31". Write for example: `date: 2026-03-02`.']);
    expect(parse('title: T\ndate: 2024-02-29\ndocuments: [a.txt]\n').manifest!.date).toBe('2024-02-29');
    expect(messages('title: T\ndocuments:\n  - file: a.txt\n    period: { from: 2025-06, to: 2025-01 }\n')[0]).toMatch(/^4:13 documents\[0\]\.period: expected a period whose `from` is not after its `to`/);
    expect(calendarProblem('2025-04-31')).toMatch(/April 2025 has 30 days/);
    expect(calendarProblem('2025-00')).toMatch(/no month 00/);
    expect(calendarProblem('2025')).toBeUndefined();
  });

  it('accepts only links a reader can follow safely', () => {
    const url = (u: string) => parse(`title: T\ndocuments:\n  - file: a.txt\n    url: "${u}"\n`);
    for (const ok of ['https://exemple.org/a', 'http://exemple.org', 'mailto:redaction@exemple.org']) expect(url(ok).manifest!.documents[0]!.url).toBe(ok);
    for (const bad of ['javascript:alert(1)', 'data:text/html,<b>x</b>', 'file:///etc/passwd', 'vbscript:x', 'exemple.org']) {
      expect(url(bad).diagnostics[0]!.message, bad).toMatch(/^documents\[0\]\.url: expected a web address starting with https:\/\/, http:\/\/ or mailto:/);
    }
  });

  it('reports YAML syntax errors with their line', () => {
    const { diagnostics } = parse('title: [unclosed\nversion: 1.0.0\n');
    expect(diagnostics[0]).toMatchObject({ severity: 'error', rule: 'manifest' });
    expect(diagnostics[0]!.message).toMatch(/not valid YAML/);
  });

  it('refuses an alias bomb without expanding it', () => {
    const bomb = ['title: T', 'a: &a [x, x, x, x, x, x, x, x, x, x]', ...['b', 'c', 'd', 'e', 'f', 'g'].map((k, i, all) => `${k}: &${k} [${Array(10).fill(`*${i ? all[i - 1] : 'a'}`).join(', ')}]`), 'documents: [*g]', ''].join('\n');
    const started = performance.now();
    const { diagnostics } = parse(bomb);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]!.message).toMatch(/repeats its aliases/);
    expect(diagnostics[0]!.line).toBeGreaterThan(1);
  });

  it('reads the limits and the project keys', () => {
    const { manifest } = parse('title: T\nallowOutside: true\nmaxSourceBytes: 1000\nmaxLineLength: 50\ncss: styles/plus.css\noutput: ../sortie\ndocuments: [a.txt]\n');
    expect(manifest).toMatchObject({ allowOutside: true, maxSourceBytes: 1000, maxLineLength: 50, css: ['styles/plus.css'], output: '../sortie' });
    expect(messages('title: T\nmaxSourceBytes: -3\ndocuments: [a.txt]\n')).toEqual([`2:17 maxSourceBytes: expected a whole number above 0, got -3. Write for example: \`${keyExamples.maxSourceBytes}\`.`]);
    expect(messages('title: T\nallowOutside: yes please\ndocuments: [a.txt]\n')[0]).toMatch(/^2:15 allowOutside: expected a boolean/);
  });

  it('refuses two documents with the same id', () => {
    const twice = valid.replace('file: second.txt', 'file: autre/premier-texte.txt');
    const { diagnostics } = parse(twice);
    expect(diagnostics[0]!.message).toMatch(/already used/);
    expect(diagnostics[0]!.line).toBe(10);
  });

  it('derives ids from file names', () => {
    expect(documentId({ file: 'textes/Résolution du PE.txt' })).toBe('resolution-du-pe');
    expect(documentId({ file: 'x.txt', id: 'mon-id' })).toBe('mon-id');
  });

  it('is described key by key in the README', () => {
    const readme = readFileSync(path.join(import.meta.dirname, '..', '..', 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## The manifest'), readme.indexOf('### The project folder'));
    const listed = new Set([...section.matchAll(/^\| `([A-Za-z]+)` \|/gm)].map((m) => m[1]));
    const keys = [...Object.keys(manifestSchema.shape), ...Object.keys(documentObject.shape)];
    expect([...listed].sort()).toEqual([...new Set(keys)].sort());
  });

  it('has a line to paste for every key of the schema', () => {
    for (const key of Object.keys(manifestSchema.shape)) expect(keyExamples, key).toHaveProperty(key);
  });
});
