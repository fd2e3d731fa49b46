/**
 * Loading an edition from a project folder the test makes: sources confined to the project,
 * only regular files, sizes and line lengths limited, empty sources left out — each with a
 * message naming the file and what to do.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FolioError } from '../../src/diagnostics.ts';
import { defaultEditionDate, loadEdition } from '../../src/sources/load.ts';
import { makeProject } from '../helpers/project.ts';

const text = 'Un titre\n\nUn paragraphe de texte ordinaire, assez long pour être lu comme tel.\n';

const project = makeProject;

async function failure(dir: string): Promise<FolioError> {
  const error = await loadEdition(path.join(dir, 'compendium.yaml')).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(FolioError);
  return error as FolioError;
}

describe('loadEdition', () => {
  it('reads a minimal project; every path it records is relative to the project', async () => {
    const dir = await project('title: T\ndocuments:\n  - textes/a.txt\n', { 'textes/a.txt': text });
    const loaded = await loadEdition(path.join(dir, 'compendium.yaml'), { today: '2026-01-02' });
    expect(loaded.root).toBe(dir);
    expect(loaded.manifestFile).toBe('compendium.yaml');
    expect(loaded.documents.map((d) => [d.id, d.file, d.at])).toEqual([['a', 'textes/a.txt', { line: 3, column: 5 }]]);
    expect(loaded.manifest.date).toBe('2026-01-02');
  });

  it('refuses a source outside the project — a ../ path, an absolute path, a link — naming it', async () => {
    const outside = await mkdtemp(path.join(os.tmpdir(), 'folio-outside-'));
    await writeFile(path.join(outside, 'secret.txt'), text);
    const rel = path.relative(os.tmpdir(), outside);
    const dir = await project(`title: T\ndocuments:\n  - ../${rel}/secret.txt\n  - /etc/passwd\n  - lien.txt\n  - a.txt\n`, { 'a.txt': text });
    await symlink(path.join(outside, 'secret.txt'), path.join(dir, 'lien.txt'));
    const error = await failure(dir);
    expect(error.diagnostics.map((d) => [d.file, d.line, d.rule])).toEqual([
      ['compendium.yaml', 3, 'source'],
      ['compendium.yaml', 4, 'source'],
      ['compendium.yaml', 5, 'source'],
    ]);
    expect(error.diagnostics[0]!.message).toMatch(/^documents\[0\]: cannot read \.\.\/.*secret\.txt: it is outside the project folder .*allowOutside: true/);
    expect(error.diagnostics[1]!.message).toMatch(/^documents\[1\]: cannot read \.\.\/.*etc\/passwd: it is outside the project folder/);
    expect(error.diagnostics[2]!.message).toMatch(/^documents\[2\]: cannot read lien\.txt: it is a link to .*secret\.txt, outside the project folder/);
  });

  it('reads outside the project when the manifest allows it', async () => {
    const outside = await mkdtemp(path.join(os.tmpdir(), 'folio-outside-'));
    await writeFile(path.join(outside, 'b.txt'), text);
    const dir = await project(`title: T\nallowOutside: true\ndocuments:\n  - ${path.join(outside, 'b.txt')}\n`);
    const loaded = await loadEdition(path.join(dir, 'compendium.yaml'));
    expect(loaded.documents[0]!.file).toBe(path.relative(dir, path.join(outside, 'b.txt')));
  });

  it('reads only regular files: not a device, a FIFO or a folder', async () => {
    const dir = await project('title: T\nallowOutside: true\ndocuments:\n  - /dev/zero\n  - tube.txt\n  - dossier\n');
    execFileSync('mkfifo', [path.join(dir, 'tube.txt')]);
    await mkdir(path.join(dir, 'dossier'));
    const started = performance.now();
    const error = await failure(dir);
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(error.diagnostics.map((d) => d.message.replace(/^.*?: cannot read .*?: /, ''))).toEqual([
      'it is a device, not a regular file. Name a text file.',
      'it is a FIFO (named pipe), not a regular file. Name a text file.',
      'it is a folder, not a regular file. Name a text file.',
    ]);
  });

  it('refuses a source larger than maxSourceBytes before reading it', async () => {
    const dir = await project('title: T\nmaxSourceBytes: 100\ndocuments: [a.txt]\n', { 'a.txt': 'x'.repeat(101) });
    expect((await failure(dir)).diagnostics[0]!.message).toBe('documents[0]: cannot read a.txt: it is 101 bytes, more than the limit of 100 bytes. If it really is one text, raise the limit (100 bytes) in the manifest, e.g. `maxSourceBytes: 40000000`.');
  });

  it('leaves out an empty or blank source with a warning, and refuses an edition with no text', async () => {
    const dir = await project('title: T\ndocuments: [vide.txt, blanc.txt, a.txt]\n', { 'vide.txt': '', 'blanc.txt': '  \n\t\n\n', 'a.txt': text });
    const loaded = await loadEdition(path.join(dir, 'compendium.yaml'));
    expect(loaded.documents.map((d) => d.file)).toEqual(['a.txt']);
    expect(loaded.diagnostics.map((d) => [d.file, d.line, d.rule, d.severity])).toEqual([
      ['vide.txt', 1, 'empty-source', 'warning'],
      ['blanc.txt', 1, 'empty-source', 'warning'],
    ]);
    const none = await project('title: T\ndocuments: [vide.txt]\n', { 'vide.txt': '\n' });
    const error = await failure(none);
    expect(error.message).toMatch(/No source of the edition holds any text/);
  });

  it('refuses a line too long to lay out, naming its line', async () => {
    const dir = await project('title: T\nmaxLineLength: 1000\ndocuments: [a.txt]\n', { 'a.txt': `Titre\n\n${'mot '.repeat(300)}\n` });
    const error = await failure(dir);
    expect(error.diagnostics[0]).toMatchObject({ file: 'a.txt', line: 3, rule: 'long-line', severity: 'error' });
    expect(error.diagnostics[0]!.message).toMatch(/^This line is 1,200 characters long, more than the limit of 1,000/);
  });

  it('says how to start when there is no manifest', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'folio-load-'));
    const error = await loadEdition(path.join(dir, 'compendium.yaml')).catch((e: unknown) => e);
    expect((error as FolioError).message).toMatch(/Cannot read the manifest .*: no such file\. Create one with `folio init`/);
  });

  it('dates an undated edition by SOURCE_DATE_EPOCH, else today', () => {
    expect(defaultEditionDate({ SOURCE_DATE_EPOCH: '1767225600' })).toBe('2026-01-01');
    expect(defaultEditionDate({}, new Date('2027-03-04T10:00:00Z'))).toBe('2027-03-04');
  });
});
